// @ts-check
/** What runs: the scenarios, the tools compared in each, and the command line of every run (pure). */

/**
 * @typedef {{ readonly kind: 'java' } | { readonly kind: 'perf-test', readonly client: string }} Tool
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
  return tool.kind === 'java' ? 'java' : `perf-test/${tool.client}`;
}

/**
 * Start-up alone, throughput without a cap (1 KiB and 100 B records, acks=1 and acks=all), then latency at a fixed rate.
 * @param {import('./config.mjs').BenchConfig} c
 * @returns {Scenario[]}
 */
export function scenarios(c) {
  /** @type {Tool[]} */
  const tools = [{ kind: 'java' }, ...c.clients.map((client) => /** @type {Tool} */ ({ kind: 'perf-test', client }))];
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
      records: c.latencyRecords, throughput: c.latencyRatePerSec, repeats: c.latencyRepeats, tools });
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
 * @property {string | undefined} profileDir where this run's --cpu-prof files go, if profiling
 */

/**
 * The command line of one run: the same flags and producer properties for both tools, Kafka's names for both.
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
  const profile = x.profileDir === undefined ? [] : ['--cpu-prof', `--cpu-prof-dir=${x.profileDir}`];
  return {
    command: x.nodePath,
    args: [...profile, x.perfTestBin, ...common, '--client', tool.client, '--producers', String(x.config.producers), '--format', 'kafka'],
  };
}
