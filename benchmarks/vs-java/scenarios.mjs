// @ts-check
/** What runs: the scenarios, the tools compared in each, and the command line of every run (pure). */
import { rdkafkaCommand } from './rdkafka.mjs';

/**
 * @typedef {{ readonly kind: 'java' } | { readonly kind: 'perf-test', readonly client: string } | { readonly kind: 'rdkafka' }} Tool
 * @typedef {object} Scenario
 * @property {string} id e.g. "throughput 1KiB acks=1"
 * @property {'startup' | 'throughput' | 'latency'} kind
 * @property {number} recordSizeBytes
 * @property {string} acks "1" or "all"
 * @property {number} records per run
 * @property {number} throughput records/s cap, -1 for none
 * @property {number} repeats rounds: each runs every tool once, in turn
 * @property {readonly Tool[]} tools
 */

/** @param {Tool} tool */
export function toolName(tool) {
  return tool.kind === 'java' ? 'java' : tool.kind === 'rdkafka' ? 'librdkafka' : `perf-test/${tool.client}`;
}

/**
 * Start-up alone, throughput without a cap (1 KiB and 100 B records, acks=1 and acks=all), then latency at a fixed rate.
 * librdkafka's tool, when there is one, runs after Java in start-up and throughput, not in the latency scenario:
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
  // One record: what starting, connecting and stopping cost, to read the other runs' CPU without it.
  out.push({ id: 'start-up (1 record)', kind: 'startup', recordSizeBytes: 1024, acks: 'all', records: 1, throughput: -1, repeats: 1, tools });
  if (c.scenarios !== 'latency') {
    for (const [size, records] of /** @type {[number, number][]} */ ([[1024, c.recordsPerRun1KiB], [100, c.recordsPerRun100B]])) {
      for (const acks of c.acks) {
        out.push({ id: `throughput ${sizeName(size)} acks=${acks}`, kind: 'throughput', recordSizeBytes: size, acks, records, throughput: -1, repeats: c.repeats, tools });
      }
    }
  }
  if (c.scenarios !== 'throughput') {
    out.push({ id: `latency ${sizeName(1024)} acks=all at ${c.latencyRatePerSec}/s`, kind: 'latency', recordSizeBytes: 1024, acks: 'all',
      records: c.latencyRecords, throughput: c.latencyRatePerSec, repeats: c.latencyRepeats, tools: latencyTools });
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
  const common = ['--topic', x.topic, '--num-records', String(s.records), '--record-size', String(s.recordSizeBytes),
    '--throughput', String(s.throughput), '--producer-props', `bootstrap.servers=${x.bootstrapServers}`, `acks=${s.acks}`,
    ...x.config.producerProps];
  if (tool.kind === 'java') return x.javaTool(common);
  if (tool.kind === 'rdkafka') {
    if (x.rdkafkaBin === undefined) throw new Error('unreachable: librdkafka runs only when its binary was found');
    return rdkafkaCommand(x.rdkafkaBin, { topic: x.topic, bootstrapServers: x.bootstrapServers, records: s.records, recordSizeBytes: s.recordSizeBytes,
      acks: s.acks, throughput: s.throughput, producerProps: x.config.producerProps });
  }
  const profile = x.profileDir === undefined ? [] : ['--cpu-prof', `--cpu-prof-dir=${x.profileDir}`];
  return {
    command: x.nodePath,
    args: [...profile, x.perfTestBin, ...common, '--client', tool.client, '--producers', String(x.config.producers), '--format', 'kafka'],
  };
}
