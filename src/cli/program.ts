import { Command, CommanderError, Option } from 'commander';
import { UsageError } from '../errors.js';
import type { ProduceOptions } from '../config/produce-options.js';
import type { ReportOptions } from '../config/report-config.js';
import type { ConsumeOptions } from '../config/consume-options.js';
import type { EndToEndOptions } from '../config/e2e-options.js';
import type { CompareOptions } from '../compare/options.js';
import { expandFlagPrefixes } from './abbrev.js';
import { withPositionalEndToEnd } from './e2e-positional.js';
import { CAPACITY_HELP, COMPARE_HELP, CONSUME_HELP, E2E_HELP, EXAMPLES, MERGE_HELP, REPORT_HELP } from './help.js';
import type { CapacityOptions } from '../config/capacity-options.js';
import { DEFAULT_WORKER_YOUNG_GENERATION_MB } from '../config/worker-limits.js';

/** What the command line asks for. The only place that knows commander. */
export type ParsedCommand =
  | { readonly kind: 'exit'; readonly exitCode: number }
  | { readonly kind: 'produce'; readonly options: ProduceOptions }
  | { readonly kind: 'consume'; readonly options: ConsumeOptions }
  | { readonly kind: 'e2e'; readonly options: EndToEndOptions }
  | { readonly kind: 'merge'; readonly files: readonly string[]; readonly options: ReportOptions }
  | { readonly kind: 'compare'; readonly options: CompareOptions }
  | { readonly kind: 'capacity'; readonly options: CapacityOptions }
  | { readonly kind: 'report'; readonly files: readonly string[]; readonly options: ReportOptions };

const collect = (value: string, previous: string[] | undefined) => [...(previous ?? []), value];

/** Output and gate options, shared by every command that ends in a result. */
function addReportOptions(cmd: Command): Command {
  return cmd
    .addOption(new Option('--format <format>', 'default (Kafka lines + tables), kafka (Kafka\'s lines only), json, markdown (default: default)'))
    .addOption(new Option('--json', 'same as --format json: one JSON document on stdout, progress on stderr'))
    .addOption(new Option('--markdown', 'same as --format markdown: a Markdown report for CI summaries and PR comments'))
    .addOption(new Option('--hdr-log <file>', 'write the interval latency histograms as an HdrHistogram log (format 1.3)'))
    .addOption(new Option('--html <file>', 'write a self-contained HTML report with charts (opens offline)'))
    .addOption(new Option('--assert <expr>', 'a gate, repeatable: "p99 < 50ms", "throughput >= 10000 rec/s", "errors == 0"; exit 1 if one fails').argParser(collect))
    .addOption(new Option('--baseline <file>', 'an earlier --json result; exit 1 if throughput or p99 regressed beyond --max-regression'))
    .addOption(new Option('--max-regression <pct>', 'largest allowed regression against --baseline (default: 10%)'))
    .addOption(new Option('--regression-metrics <list>', 'what --baseline compares: throughput,p50,p95,p99,p999,avg,max (default: throughput,p99)'))
    .addOption(new Option('--debug', 'show stack traces of errors'));
}

/** The V8 young generation of each worker thread: its RSS against how often it collects garbage. */
function workerYoungGenerationOption(): Option {
  return new Option('--worker-young-generation-mb <mb>', `V8 young generation of each worker thread, MiB: smaller saves memory, larger collects less often (default: ${DEFAULT_WORKER_YOUNG_GENERATION_MB})`);
}

/** Producer options: Kafka's ProducerPerformance flags and perf-test's additions (produce and e2e). */
function addProduceOptions(cmd: Command, defaultTopic: string): Command {
  return cmd
    .addOption(new Option('--bootstrap-server <hosts>', 'Kafka brokers, host:port[,host:port] (Kafka 4.2 name; or bootstrap.servers in --producer-props, or $KAFKA_BOOTSTRAP_SERVERS; default localhost:9092)'))
    .addOption(new Option('--topic <topic>', `topic to produce to, or several (a,b,c: record k to topic k mod their count); created if missing (default: ${defaultTopic})`))
    .addOption(new Option('--topics <n>', 'produce to n topics, <prefix>-0 to <prefix>-(n-1), records spread evenly (perf-test addition)'))
    .addOption(new Option('--topic-prefix <prefix>', `name prefix of the --topics (default: ${defaultTopic})`))
    .addOption(new Option('--num-records <n>', 'records to produce in all (over all --producers)'))
    .addOption(new Option('--duration <time>', 'produce for this long instead of a count: 30s, 5m, 1h (perf-test addition)'))
    .addOption(new Option('--record-size <bytes>', 'record value size: 1024, 1KiB...; or sizes per record: 100..2000 (uniform) or 100:0.9,10KiB:0.1 (weighted) (default 1024 when no payload option is given)'))
    .addOption(new Option('--payload-compressibility <r>', 'share of each random value a codec removes, 0 to 1 (0.5: batches compress to about half); default: random letters, as Kafka (perf-test addition)'))
    .addOption(new Option('--payload-file <file>', 'UTF-8 text file of payloads; each record takes one at random'))
    .addOption(new Option('--payload-delimiter <regex>', 'delimiter of payloads in --payload-file (a regex) (default: \\n)'))
    .addOption(new Option('--payload-monotonic', 'payload is the record ordinal as text'))
    .addOption(new Option('--key-distribution <d>', 'record keys: none, range (record index modulo --record-key-range), random (uniform in the range), zipf (key k with a share proportional to 1/(k+1)^s); keyed records go to Java\'s murmur2 partition (default: none)'))
    .addOption(new Option('--record-key-range <n>', 'distinct keys of range, random and zipf: keys are the decimal text of 0 to n-1 (Kafka\'s KIP-1299)'))
    .addOption(new Option('--key-zipf-exponent <s>', 'the exponent s of --key-distribution zipf, above 0 (default: 1.0: key 0 takes 1/H(n) of records) (perf-test addition)'))
    .addOption(new Option('--record-key-size <bytes>', 'key size: decimal keys zero-padded to it; alone, EndToEndLatency\'s keys of one letter A-Z (default: unpadded keys, or none)'))
    .addOption(new Option('--num-headers <n>', 'headers on every record (EndToEndLatency\'s flag) (default: 0)'))
    .addOption(new Option('--record-header-key-size <bytes>', 'each header\'s key size (default: 0)'))
    .addOption(new Option('--record-header-size <bytes>', 'each header\'s value size; -1 for a null value (default: 0)'))
    .addOption(new Option('--throughput <rec/s|profile>', 'cap in records/s over all producers, a decimal; -1 = no cap; or a profile of steps and ramps, 1000:30s,5000:30s or ramp:1000..20000:5m, whose last rate holds (default: -1)'))
    .addOption(new Option('--producer-props <k=v...>', 'Java producer properties: acks=1 linger.ms=10 ... (several after one flag)'))
    .addOption(new Option('--command-property <k=v...>', 'Kafka 4.2 name of --producer-props'))
    .addOption(new Option('--producer.config <file>', 'Java properties file of producer properties'))
    .addOption(new Option('--command-config <file>', 'Kafka 4.2 name of --producer.config'))
    .addOption(new Option('--print-metrics', 'print client metrics (batches, request latency...) at the end'))
    .addOption(new Option('--transactional-id <id>', 'produce in transactions with this id'))
    .addOption(new Option('--transaction-duration-ms <ms>', 'commit every this many ms (turns transactions on; default 3000)'))
    .addOption(new Option('--warmup-records <n>', 'leave the first n records out of a "steady state" summary (default: 0)'))
    .addOption(new Option('--producers <n|auto>', 'worker threads, each with its own producer (perf-test addition) (default: 1)'))
    .addOption(workerYoungGenerationOption())
    .addOption(new Option('--partitions <n>', 'partitions when the topic is created (default: the broker\'s)'))
    .addOption(new Option('--replication-factor <n>', 'replication factor when the topic is created (default: the broker\'s)'))
    .addOption(new Option('--reporting-interval <ms>', 'interval between progress lines, in ms (default: 5000)'))
    .addOption(new Option('--keep-going', 'keep sending after records expire (delivery.timeout.ms); by default the run stops and reports'))
    .addOption(new Option('--client <name>', 'Kafka client library: platformatic (@platformatic/kafka, the default) or kafkajs'));
}

/** Options of one run (produce and e2e): live metrics for Grafana, and the instant shards start together. */
function addSingleRunOptions(cmd: Command): Command {
  return cmd
    .addOption(new Option('--start-at <time>', 'start the load at this instant, once connected: an ISO time (2026-12-02T10:00:00Z) or +30s; every shard of a run the same'))
    .addOption(new Option('--metrics-port <port>', 'serve OpenMetrics on http://HOST:PORT/metrics during the run (0: a free port, printed)'))
    .addOption(new Option('--metrics-host <host>', 'address /metrics listens on (default: 127.0.0.1; 0.0.0.0 for a pod\'s scrape)'))
    .addOption(new Option('--run-id <id>', 'the run_id label of every series (default: random); give every shard of a run the same'));
}

/** Rejects options no command should be given (commander allows excess arguments so we can name them). */
function commandOf(name: string, description: string): Command {
  return new Command(name)
    .description(description)
    .helpOption('-h, --help', 'show this help')
    .showSuggestionAfterError(true)
    .allowExcessArguments(true);
}

function buildProgram(): Command {
  const program = new Command('perf-test')
    .description('Load-test Apache Kafka producers: a kafka-producer-perf-test compatible command line, ' +
      'Java producer semantics, worker threads and HdrHistogram latency. Also: consume, e2e, merge, compare, capacity, report.')
    .usage('[options]   (or: perf-test consume|e2e|merge|compare|capacity|report ...; perf-test <command> --help)')
    // Options after a subcommand's name are the subcommand's, even where the root has the same flag.
    .enablePositionalOptions()
    .helpOption('-h, --help', 'show this help')
    .showSuggestionAfterError(true)
    // Checked in parseCommandLine, to name the stray argument in the error.
    .allowExcessArguments(true);
  addSingleRunOptions(addProduceOptions(program, 'perf-test'))
    .addOption(new Option('--shard <i/n>', 'run share i of n (records and rate divided exactly), for several processes or pods; merge their --json results'));
  addReportOptions(program).addHelpText('after', EXAMPLES);

  const consume = commandOf('consume', 'Consume load test, compatible with Kafka\'s kafka-consumer-perf-test (ConsumerPerformance)')
    .addOption(new Option('--bootstrap-server <hosts>', 'Kafka brokers (or $KAFKA_BOOTSTRAP_SERVERS; default localhost:9092)'))
    .addOption(new Option('--topic <topic>', 'topic to consume (default: perf-test)'))
    .addOption(new Option('--include <regex>', 'consume every topic matching this regex instead of --topic'))
    .addOption(new Option('--messages <n>', 'records to consume'))
    .addOption(new Option('--num-records <n>', 'Kafka 4.2 name of --messages'))
    .addOption(new Option('--duration <time>', 'consume for this long: 30s, 5m (perf-test addition)'))
    .addOption(new Option('--group <id>', 'consumer group id (default: perf-consumer-<random>)'))
    .addOption(new Option('--fetch-size <bytes>', 'max.partition.fetch.bytes (default: 1048576)'))
    .addOption(new Option('--from-latest', 'start from the latest offset when the group has none (default: earliest)'))
    .addOption(new Option('--show-detailed-stats', 'print Kafka\'s stats row every --reporting-interval'))
    .addOption(new Option('--reporting-interval <ms>', 'interval between stats rows, in ms (default: 5000)'))
    .addOption(new Option('--timeout <ms>', 'end the run when no record arrived for this long, in ms (default: 10000)'))
    .addOption(new Option('--date-format <pattern>', 'Java SimpleDateFormat of the time columns (default: yyyy-MM-dd HH:mm:ss:SSS)'))
    .addOption(new Option('--hide-header', 'do not print the header row'))
    .addOption(new Option('--consumer.config <file>', 'Java properties file of consumer properties'))
    .addOption(new Option('--command-config <file>', 'Kafka 4.2 name of --consumer.config'))
    .addOption(new Option('--command-property <k=v...>', 'consumer properties: fetch.min.bytes=1 ... (several after one flag)'))
    .addOption(new Option('--print-metrics', 'print client metrics at the end'))
    .addOption(new Option('--consumers <n>', 'consumer worker threads, all in one group (perf-test addition) (default: 1)'))
    .addOption(workerYoungGenerationOption())
    .addOption(new Option('--client <name>', 'Kafka client library: platformatic (@platformatic/kafka, the default) or kafkajs'));
  addReportOptions(consume).addHelpText('after', CONSUME_HELP);

  const e2e = commandOf('e2e', 'End-to-end latency under load: producers and consumers at once, in one process, on one clock')
    .usage('[options]   (or EndToEndLatency\'s deprecated form: perf-test e2e BROKERS TOPIC NUM ACKS SIZE [CONFIG] [options])');
  addSingleRunOptions(addProduceOptions(e2e, 'perf-test-e2e'))
    .addOption(new Option('--consumers <n>', 'consumer worker threads, all in one group (default: 1)'))
    .addOption(new Option('--group <id>', 'consumer group id (default: perf-test-e2e-<random>)'))
    .addOption(new Option('--consumer-props <k=v...>', 'Java consumer properties: fetch.max.wait.ms=10 ...'))
    .addOption(new Option('--consumer.config <file>', 'Java properties file of consumer properties'))
    .addOption(new Option('--drain-timeout <time>', 'after producing, how long to wait for every acked record to be consumed (default: 30s)'))
    .addOption(new Option('--backlog <size|Nrecords>', 'keep the consumers paused until the producers have written this much (2GiB, 64MiB, 50000records), then resume them while producing goes on: reports the drain rate and the time to catch up'))
    .addOption(new Option('--producer-acks <1|all>', 'EndToEndLatency\'s acks flag (Kafka 4.2): 1 or all; also sets linger.ms=0, as it does'));
  addReportOptions(e2e).addHelpText('after', E2E_HELP);

  const merge = commandOf('merge', 'Combine --json results of separate processes or machines into one, exactly')
    .argument('<results...>', 'JSON result files');
  addReportOptions(merge).addHelpText('after', MERGE_HELP);

  const compare = commandOf('compare', 'Run scenarios one after another on the same workload and compare them side by side');
  addProduceOptions(compare, 'a fresh one per scenario')
    .addOption(new Option('--matrix <key=v1,v2...>', 'a setting and its values, repeatable: the scenarios are every combination').argParser(collect))
    .addOption(new Option('--repeat <n>', 'runs per scenario; the table shows the median and ± half the range (default: 1)'))
    .addOption(new Option('--warmup <records>', 'an unmeasured run of this many records before each scenario (default: none)'))
    .addOption(new Option('--baseline-scenario <n|settings>', 'the scenario changes are measured against: a number or e.g. acks=all,batch.size=16384 (default: 1)'));
  addReportOptions(compare).addHelpText('after', COMPARE_HELP);

  const capacity = commandOf('capacity', 'Search for the highest producer rate the cluster sustains under a latency objective');
  addProduceOptions(capacity, 'perf-test')
    .addOption(new Option('--slo <expr>', 'the objective, repeatable: any --assert expression; a latency reads the intended send time (default: "p99 < 50ms")').argParser(collect))
    .addOption(new Option('--precision <pct>', 'stop once the lowest failing rate is within this of the highest passing one (default: 5%)'))
    .addOption(new Option('--step-duration <time>', 'how long each step is measured, after its warmup (default: 10s)'))
    .addOption(new Option('--step-warmup <time>', 'how long each step runs before it is measured; 0 for none (default: 2s)'))
    .addOption(new Option('--max-duration <time>', 'no step starts that would end after this, from the start (default: 10m)'))
    .addOption(new Option('--start-rate <rec/s>', 'the first step\'s rate (default: 1000)'))
    .addOption(new Option('--max-rate <rec/s>', 'no step above this rate (default: none)'))
    .addOption(new Option('--matrix <key=v1,v2...>', 'a search per combination, as compare\'s scenarios, each on a fresh topic; repeatable').argParser(collect));
  addReportOptions(capacity).addHelpText('after', CAPACITY_HELP);

  const report = commandOf('report', 'Show saved --json results side by side, and write the HTML report (--html)')
    .argument('<results...>', 'JSON files of perf-test runs, merges, e2e runs or a compare');
  addReportOptions(report).addHelpText('after', REPORT_HELP);

  for (const sub of [consume, e2e, merge, compare, capacity, report]) program.addCommand(sub);
  for (const cmd of [program, consume, e2e, merge, compare, capacity, report]) {
    cmd.exitOverride();
    cmd.configureOutput({ writeErr: () => {} });
  }
  return program;
}

function longFlags(program: Command): string[] {
  return program.options.map((o) => o.long).filter((f): f is string => f !== undefined);
}

/**
 * Parses argv (without node and script). Help is written to `out`; every parse error becomes a UsageError.
 */
export function parseCommandLine(argv: readonly string[], out: (text: string) => void): ParsedCommand {
  const program = buildProgram();
  const sub = program.commands.find((c) => c.name() === argv[0]);
  for (const cmd of [program, ...program.commands]) cmd.configureOutput({ writeOut: out, writeErr: () => {} });
  const expanded = sub
    ? [argv[0]!, ...expandFlagPrefixes(argv.slice(1), longFlags(sub))]
    : expandFlagPrefixes(argv, longFlags(program));
  let chosen: { name: string; args: string[]; opts: Record<string, unknown> } | undefined;
  for (const cmd of [program, ...program.commands]) {
    cmd.action((...params: unknown[]) => {
      const c = params[params.length - 1] as Command;
      chosen = { name: c === program ? 'produce' : c.name(), args: c.args, opts: c.opts() };
    });
  }
  try {
    program.parse(expanded, { from: 'user' });
  } catch (e) {
    if (e instanceof CommanderError) {
      if (e.code === 'commander.helpDisplayed' || e.code === 'commander.help' || e.code === 'commander.version') {
        return { kind: 'exit', exitCode: 0 };
      }
      throw new UsageError(e.message.replace(/^error: /, '').replace(/\n/g, ' ').trim(), `see perf-test ${sub ? `${sub.name()} ` : ''}--help`);
    }
    throw e;
  }
  const c = chosen!;
  if (c.name === 'merge') return { kind: 'merge', files: c.args, options: c.opts as ReportOptions };
  if (c.name === 'report') return { kind: 'report', files: c.args, options: c.opts as ReportOptions };
  if (c.name === 'e2e') {
    const options = { ...(c.opts as EndToEndOptions), producerConfig: c.opts['producer.config'] as string | undefined, consumerConfig: c.opts['consumer.config'] as string | undefined };
    return { kind: 'e2e', options: withPositionalEndToEnd(c.args, options) };
  }
  if (c.args.length > 0) {
    throw new UsageError(`unexpected argument '${c.args[0]}': perf-test ${c.name === 'produce' ? '' : `${c.name} `}takes options only (a value goes right after its flag)`, 'see perf-test --help');
  }
  switch (c.name) {
    case 'consume':
      return { kind: 'consume', options: { ...(c.opts as ConsumeOptions), consumerConfig: c.opts['consumer.config'] as string | undefined } };
    case 'capacity':
      return { kind: 'capacity', options: { ...(c.opts as CapacityOptions), producerConfig: c.opts['producer.config'] as string | undefined } };
    case 'compare':
      return { kind: 'compare', options: { ...(c.opts as CompareOptions), producerConfig: c.opts['producer.config'] as string | undefined } };
    default:
      return { kind: 'produce', options: { ...(c.opts as ProduceOptions), producerConfig: c.opts['producer.config'] as string | undefined } };
  }
}
