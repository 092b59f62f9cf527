// @ts-check
/** What runs: the scenarios, the tools compared in each, and the command line of every run (pure). */
import { ROLLING_LINE } from './parse.mjs';
import { rdkafkaCommand } from './rdkafka.mjs';

/**
 * `long` runs a count of records (10M by default) and `duration` a time (60 s): on short runs Java's JIT is still
 * warming up, so these tell whether a lead holds at every run length.
 * @typedef {'startup' | 'throughput' | 'long' | 'duration' | 'latency'} ScenarioKind
 */

/**
 * Java's ProducerPerformance has no duration: a duration run asks it for this many records, and stops it once its
 * rolling lines cover the duration (see stopRule).
 */
export const JAVA_ENDLESS_RECORDS = 1e11;
/** Java's ProducerPerformance prints a rolling line every 5 s (Kafka 4.1's fixed reporting interval). */
export const JAVA_WINDOW_MS = 5000;

/**
 * @typedef {{ readonly kind: 'java' } | { readonly kind: 'perf-test', readonly client: string } | { readonly kind: 'rdkafka' }} Tool
 * @typedef {object} Scenario
 * @property {string} id e.g. "throughput 1KiB acks=1"
 * @property {ScenarioKind} kind
 * @property {number} recordSizeBytes
 * @property {string} acks "1" or "all"
 * @property {number} records per run; for a duration run, 0: each tool sends what it can in `durationMs`
 * @property {number | undefined} durationMs how long a duration run produces
 * @property {number} throughput records/s cap, -1 for none
 * @property {number} repeats rounds: each runs every tool once, in turn
 * @property {readonly Tool[]} tools
 */

/** @param {Tool} tool */
export function toolName(tool) {
  return tool.kind === 'java' ? 'java' : tool.kind === 'rdkafka' ? 'librdkafka' : `perf-test/${tool.client}`;
}

/**
 * Start-up alone, throughput without a cap (1 KiB and 100 B records, acks=1 and acks=all), the long runs (10M records
 * and 60 s of 100 B records, at --long-acks), then latency at a fixed rate; each group only if --scenarios has it.
 * librdkafka's tool, when there is one, runs after Java in all but the latency scenario:
 * its `-u` table has no send-to-ack latency to set beside the others'.
 * @param {import('./config.mjs').BenchConfig} c
 * @param {{ rdkafka: boolean }} [peers] whether rdkafka_performance was found
 * @returns {Scenario[]}
 */
export function scenarios(c, peers = { rdkafka: false }) {
  /** @type {Tool[]} */
  const latencyTools = [{ kind: 'java' }, ...c.clients.map((client) => /** @type {Tool} */ ({ kind: 'perf-test', client }))];
  /** @type {Tool[]} */
  const tools = peers.rdkafka ? [{ kind: 'java' }, { kind: 'rdkafka' }, ...latencyTools.slice(1)] : latencyTools;
  /** @type {Scenario[]} */
  const out = [];
  // One record: what starting, connecting and stopping cost, to read the other runs' CPU without it. As many rounds as
  // the others (its median is subtracted from theirs): one round alone moved "less start-up" by a tenth of a second.
  const uncapped = { throughput: -1, durationMs: undefined, repeats: c.repeats, tools };
  out.push({ ...uncapped, id: 'start-up (1 record)', kind: 'startup', recordSizeBytes: 1024, acks: 'all', records: 1 });
  if (c.scenarios.includes('throughput')) {
    for (const [size, records] of /** @type {[number, number][]} */ ([[1024, c.recordsPerRun1KiB], [100, c.recordsPerRun100B]])) {
      for (const acks of c.acks) out.push({ ...uncapped, id: `throughput ${sizeName(size)} acks=${acks}`, kind: 'throughput', recordSizeBytes: size, acks, records });
    }
  }
  for (const acks of c.longAcks) {
    if (c.scenarios.includes('long')) {
      out.push({ ...uncapped, id: `long ${c.recordsPerLongRun.toLocaleString('en-US')} x 100B acks=${acks}`, kind: 'long', recordSizeBytes: 100, acks, records: c.recordsPerLongRun });
    }
    if (c.scenarios.includes('duration')) {
      out.push({ ...uncapped, id: `duration ${c.durationSeconds} s x 100B acks=${acks}`, kind: 'duration', recordSizeBytes: 100, acks, records: 0,
        durationMs: c.durationSeconds * 1000 });
    }
  }
  if (c.scenarios.includes('latency')) {
    out.push({ id: `latency ${sizeName(1024)} acks=all at ${c.latencyRatePerSec}/s`, kind: 'latency', recordSizeBytes: 1024, acks: 'all',
      records: c.latencyRecords, throughput: c.latencyRatePerSec, durationMs: undefined, repeats: c.latencyRepeats, tools: latencyTools });
  }
  return out;
}

/** @param {number} bytes */
function sizeName(bytes) {
  return bytes % 1024 === 0 ? `${bytes / 1024}KiB` : `${bytes}B`;
}

/**
 * @typedef {object} CommandContext
 * @property {string} topic a fresh topic for this run
 * @property {string} bootstrapServers
 * @property {import('./config.mjs').BenchConfig} config
 * @property {(args: string[]) => { command: string, args: string[] }} javaTool runs Kafka's ProducerPerformance with these args
 * @property {string} nodePath
 * @property {string} perfTestBin
 * @property {string | undefined} rdkafkaBin rdkafka_performance, when found
 * @property {string | undefined} profileDir where this run's --cpu-prof files go, if profiling
 */

/**
 * The command line of one run: the same flags and producer properties for every tool, Kafka's names for Java's and
 * perf-test, librdkafka's flags (the same settings) for rdkafka_performance.
 * @param {Tool} tool
 * @param {Scenario} s
 * @param {CommandContext} x
 * @returns {{ command: string, args: string[] }}
 */
export function commandFor(tool, s, x) {
  const records = s.durationMs === undefined ? String(s.records) : String(JAVA_ENDLESS_RECORDS);
  const common = ['--topic', x.topic, '--num-records', records, '--record-size', String(s.recordSizeBytes),
    '--throughput', String(s.throughput), '--producer-props', `bootstrap.servers=${x.bootstrapServers}`, `acks=${s.acks}`,
    ...x.config.producerProps];
  if (tool.kind === 'java') return x.javaTool(common);
  if (tool.kind === 'rdkafka') {
    if (x.rdkafkaBin === undefined) throw new Error('unreachable: librdkafka runs only when its binary was found');
    return rdkafkaCommand(x.rdkafkaBin, { topic: x.topic, bootstrapServers: x.bootstrapServers,
      records: s.durationMs === undefined ? s.records : undefined, recordSizeBytes: s.recordSizeBytes,
      acks: s.acks, throughput: s.throughput, producerProps: x.config.producerProps });
  }
  const profile = x.profileDir === undefined ? [] : ['--cpu-prof', `--cpu-prof-dir=${x.profileDir}`];
  // perf-test stops by itself: --duration in place of --num-records.
  const own = s.durationMs === undefined ? common : ['--topic', x.topic, '--duration', `${s.durationMs}ms`, ...common.slice(4)];
  return {
    command: x.nodePath,
    args: [...profile, x.perfTestBin, ...own, '--client', tool.client, '--producers', String(x.config.producers), '--format', 'kafka'],
  };
}

/**
 * When the harness stops a duration run of a tool that cannot stop by itself, from what it printed so far: Java once
 * its rolling lines cover the duration, librdkafka once a row of its table has. Undefined: the tool stops itself.
 * @param {Tool} tool
 * @param {Scenario} s
 * @returns {((stdout: string) => boolean) | undefined}
 */
export function stopRule(tool, s) {
  const durationMs = s.durationMs;
  if (durationMs === undefined || tool.kind === 'perf-test') return undefined;
  if (tool.kind === 'java') {
    const windows = javaWindows(durationMs);
    return (stdout) => countRollingLines(stdout) >= windows;
  }
  return (stdout) => lastElapsedMs(stdout) >= durationMs;
}

/** @param {number} durationMs how many of Java's 5-second windows make up the duration (at least one) */
export function javaWindows(durationMs) {
  return Math.max(1, Math.round(durationMs / JAVA_WINDOW_MS));
}

/** @param {string} stdout */
function countRollingLines(stdout) {
  return stdout.split('\n').filter((l) => ROLLING_LINE.test(l.trim())).length;
}

/**
 * The `elapsed` (ms since it started producing) of the last row of rdkafka_performance's `-u` table, or -1.
 * @param {string} stdout
 */
function lastElapsedMs(stdout) {
  const rows = stdout.split('\n').filter((l) => /^\|\s*\d+\s*\|/.test(l));
  const last = rows[rows.length - 1];
  return last === undefined ? -1 : Number(last.split('|')[1]);
}
