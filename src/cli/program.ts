import { Command, CommanderError, Option } from 'commander';
import { UsageError } from '../errors.js';
import type { ProduceOptions } from '../config/produce-options.js';
import type { ReportOptions } from '../config/report-config.js';
import { expandFlagPrefixes } from './abbrev.js';

/** What the command line asks for. The only place that knows commander. */
export type ParsedCommand =
  | { readonly kind: 'exit'; readonly exitCode: number }
  | { readonly kind: 'produce'; readonly options: ProduceOptions }
  | { readonly kind: 'merge'; readonly files: readonly string[]; readonly options: ReportOptions };

const EXAMPLES = `
Examples:
  # Kafka's own command line works as pasted (unique prefixes of flags too):
  perf-test --topic t --num-records 1000000 --record-size 1024 --throughput -1 \\
            --producer-props bootstrap.servers=localhost:9092 acks=1

  # The same on the defaults (localhost:9092, topic perf-test created if missing):
  perf-test --num-records 1000000 --record-size 1024 --throughput -1

  # 60 seconds at 20,000 records/s from 2 worker threads, Java producer settings:
  perf-test --duration 60s --throughput 20000 --producers 2 --producer-props linger.ms=10 batch.size=65536

  # One JSON document for CI (progress goes to stderr):
  perf-test --num-records 100000 --json > result.json

Latency is measured from the hand-over of each record to the producer to its acknowledgement (Kafka's
definition). With --throughput, a second view measures from each record's intended send time, which is
free of coordinated omission. Exit codes: 0 ok, 1 gate failed, 2 usage error, 3 cluster unreachable or setup
failed, 4 records failed, 5 internal error, 130 interrupted.
`;

const MERGE_HELP = `
Examples:
  # Three processes (or Kubernetes pods) each ran --shard i/3 --json > part-i.json:
  perf-test merge part-0.json part-1.json part-2.json
  perf-test merge part-*.json --json > merged.json --assert "p99 < 50ms"

Counts are summed and HdrHistograms merged, so percentiles are those of all records.
`;

const collect = (value: string, previous: string[] | undefined) => [...(previous ?? []), value];

/** Output and gate options, shared by every command that ends in a result. */
function addReportOptions(cmd: Command): Command {
  return cmd
    .addOption(new Option('--format <format>', 'default (Kafka lines + tables), kafka (Kafka\'s lines only), json, markdown (default: default)'))
    .addOption(new Option('--json', 'same as --format json: one JSON document on stdout, progress on stderr'))
    .addOption(new Option('--markdown', 'same as --format markdown: a Markdown report for CI summaries and PR comments'))
    .addOption(new Option('--hdr-log <file>', 'write the interval latency histograms as an HdrHistogram log (format 1.3)'))
    .addOption(new Option('--assert <expr>', 'a gate, repeatable: "p99 < 50ms", "throughput >= 10000 rec/s", "errors == 0"; exit 1 if one fails').argParser(collect))
    .addOption(new Option('--baseline <file>', 'an earlier --json result; exit 1 if throughput or p99 regressed beyond --max-regression'))
    .addOption(new Option('--max-regression <pct>', 'largest allowed regression against --baseline (default: 10%)'))
    .addOption(new Option('--regression-metrics <list>', 'what --baseline compares: throughput,p50,p95,p99,p999,avg,max (default: throughput,p99)'))
    .addOption(new Option('--debug', 'show stack traces of errors'));
}

function buildProgram(): Command {
  const program = new Command('perf-test')
    .description('Load-test Apache Kafka producers: a kafka-producer-perf-test compatible command line, ' +
      'Java producer semantics, worker threads and HdrHistogram latency.')
    .usage('[options]   (or: perf-test merge <results...>)')
    // Options after a subcommand's name are the subcommand's, even where the root has the same flag.
    .enablePositionalOptions()
    .helpOption('-h, --help', 'show this help')
    .showSuggestionAfterError(true)
    // Checked in parseCommandLine, to name the stray argument in the error.
    .allowExcessArguments(true)
    .addOption(new Option('--bootstrap-server <hosts>', 'Kafka brokers, host:port[,host:port] (Kafka 4.2 name; or bootstrap.servers in --producer-props, or $KAFKA_BOOTSTRAP_SERVERS; default localhost:9092)'))
    .addOption(new Option('--topic <topic>', 'topic to produce to; created if missing (default: perf-test)'))
    .addOption(new Option('--num-records <n>', 'records to produce in all (over all --producers)'))
    .addOption(new Option('--duration <time>', 'produce for this long instead of a count: 30s, 5m, 1h (perf-test addition)'))
    .addOption(new Option('--record-size <bytes>', 'record value size: 1024, 1KiB... (default 1024 when no payload option is given)'))
    .addOption(new Option('--payload-file <file>', 'UTF-8 text file of payloads; each record takes one at random'))
    .addOption(new Option('--payload-delimiter <regex>', 'delimiter of payloads in --payload-file (a regex) (default: \\n)'))
    .addOption(new Option('--payload-monotonic', 'payload is the record ordinal as text'))
    .addOption(new Option('--throughput <rec/s>', 'cap in records/s over all producers, a decimal; -1 = no cap (default: -1)'))
    .addOption(new Option('--producer-props <k=v...>', 'Java producer properties: acks=1 linger.ms=10 ... (several after one flag)'))
    .addOption(new Option('--command-property <k=v...>', 'Kafka 4.2 name of --producer-props'))
    .addOption(new Option('--producer.config <file>', 'Java properties file of producer properties'))
    .addOption(new Option('--command-config <file>', 'Kafka 4.2 name of --producer.config'))
    .addOption(new Option('--print-metrics', 'print client metrics (batches, request latency...) at the end'))
    .addOption(new Option('--transactional-id <id>', 'produce in transactions with this id'))
    .addOption(new Option('--transaction-duration-ms <ms>', 'commit every this many ms (turns transactions on; default 3000)'))
    .addOption(new Option('--warmup-records <n>', 'leave the first n records out of a "steady state" summary (default: 0)'))
    .addOption(new Option('--producers <n|auto>', 'worker threads, each with its own producer (perf-test addition) (default: 1)'))
    .addOption(new Option('--partitions <n>', 'partitions when the topic is created (default: the broker\'s)'))
    .addOption(new Option('--replication-factor <n>', 'replication factor when the topic is created (default: the broker\'s)'))
    .addOption(new Option('--reporting-interval <ms>', 'interval between progress lines, in ms (default: 5000)'))
    .addOption(new Option('--shard <i/n>', 'run share i of n (records and rate divided exactly), for several processes or pods; merge their --json results'))
    .addOption(new Option('--keep-going', 'keep sending after records expire (delivery.timeout.ms); by default the run stops and reports'))
    .addOption(new Option('--client <name>', 'Kafka client library (default: kafkajs)'));
  addReportOptions(program).addHelpText('after', EXAMPLES);

  const merge = new Command('merge')
    .description('Combine --json results of separate processes or machines into one, exactly')
    .argument('<results...>', 'JSON result files')
    .helpOption('-h, --help', 'show this help')
    .showSuggestionAfterError(true);
  addReportOptions(merge).addHelpText('after', MERGE_HELP);
  program.addCommand(merge);

  for (const cmd of [program, merge]) {
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
  const merge = program.commands.find((c) => c.name() === 'merge')!;
  for (const cmd of [program, merge]) cmd.configureOutput({ writeOut: out, writeErr: () => {} });
  const isMerge = argv[0] === 'merge';
  const expanded = isMerge
    ? ['merge', ...expandFlagPrefixes(argv.slice(1), longFlags(merge))]
    : expandFlagPrefixes(argv, longFlags(program));
  let mergeFiles: string[] | undefined;
  merge.action((files: string[]) => {
    mergeFiles = files;
  });
  let stray: string[] = [];
  program.action((_opts: unknown, cmd: Command) => {
    stray = cmd.args;
  });
  try {
    program.parse(expanded, { from: 'user' });
  } catch (e) {
    if (e instanceof CommanderError) {
      if (e.code === 'commander.helpDisplayed' || e.code === 'commander.help' || e.code === 'commander.version') {
        return { kind: 'exit', exitCode: 0 };
      }
      throw new UsageError(e.message.replace(/^error: /, '').replace(/\n/g, ' ').trim(), `see perf-test ${isMerge ? 'merge ' : ''}--help`);
    }
    throw e;
  }
  if (stray.length > 0) {
    throw new UsageError(`unexpected argument '${stray[0]}': perf-test takes options only (a value goes right after its flag)`, 'see perf-test --help');
  }
  if (mergeFiles) return { kind: 'merge', files: mergeFiles, options: merge.opts<ReportOptions>() };
  const raw = program.opts<Record<string, unknown>>();
  const options: ProduceOptions = { ...(raw as ProduceOptions), producerConfig: raw['producer.config'] as string | undefined };
  return { kind: 'produce', options };
}
