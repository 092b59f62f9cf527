// @ts-check
/**
 * The settings of one benchmark run, from flags (`--scale 0.05`) or the environment (`BENCH_SCALE=0.05`), with
 * defaults sized to finish in about 12 minutes on a 2-core machine.
 */

/**
 * @typedef {object} BenchConfig
 * @property {number} recordsPerRun1KiB records per throughput run of 1 KiB records
 * @property {number} recordsPerRun100B records per throughput run of 100 B records
 * @property {number} repeats rounds of the throughput runs (each round runs every tool once, in turn)
 * @property {number} latencyRecords records per fixed-rate run
 * @property {number} latencyRatePerSec the fixed rate of the latency runs
 * @property {number} latencyRepeats rounds of the fixed-rate runs
 * @property {string[]} clients perf-test's --client values to compare with Java
 * @property {number} partitions partitions of every (fresh) topic
 * @property {number} producers perf-test's --producers (Java's tool has one producer thread)
 * @property {string[]} producerProps producer properties given to both tools, after acks
 * @property {string} scenarios which scenarios run: "all", "throughput" or "latency"
 * @property {string[]} acks the acks of the throughput scenarios ("1", "all")
 * @property {string | undefined} bootstrapServers an existing broker to use instead of starting one
 * @property {string | undefined} profileDir when set, perf-test runs write --cpu-prof profiles under it
 * @property {string} resultsDir where the JSON and Markdown results go
 */

/** Producer settings both tools get, so that neither runs on a default the other lacks. */
export const SAME_PRODUCER_PROPS = ['linger.ms=5', 'batch.size=16384', 'enable.idempotence=false', 'compression.type=none'];

const DEFAULTS = {
  scale: 1,
  records1KiB: 300_000,
  records100B: 1_000_000,
  repeats: 3,
  latencyRecords: 300_000,
  latencyRate: 20_000,
  latencyRepeats: 2,
  clients: 'kafkajs,platformatic',
  acks: '1,all',
  partitions: 1,
  producers: 1,
};

/**
 * Reads `--name value` / `--name=value` flags over `BENCH_NAME` variables.
 * @param {readonly string[]} argv
 * @param {Readonly<Record<string, string | undefined>>} env
 * @param {string} defaultResultsDir
 * @returns {BenchConfig}
 */
export function resolveBenchConfig(argv, env, defaultResultsDir) {
  /** @type {Record<string, string>} */
  const given = {};
  for (const [k, v] of Object.entries(env)) {
    if (k.startsWith('BENCH_') && v !== undefined) given[k.slice(6).toLowerCase().replaceAll('_', '-')] = v;
  }
  for (let i = 0; i < argv.length; i++) {
    const arg = /** @type {string} */ (argv[i]);
    const m = /^--([a-z0-9-]+)(?:=(.*))?$/.exec(arg);
    if (!m) throw new Error(`unexpected argument '${arg}' (flags are --name value; see benchmarks/README.md)`);
    const name = /** @type {string} */ (m[1]);
    const value = m[2] ?? argv[++i];
    if (value === undefined) throw new Error(`--${name} needs a value`);
    given[name] = value;
  }
  const known = new Set(['scale', 'records-1kib', 'records-100b', 'repeats', 'latency-records', 'latency-rate', 'latency-repeats',
    'clients', 'partitions', 'producers', 'producer-props', 'scenarios', 'acks', 'bootstrap', 'profile-dir', 'results-dir']);
  for (const name of Object.keys(given)) {
    if (!known.has(name)) throw new Error(`unknown setting '${name}' (known: ${[...known].join(', ')})`);
  }
  const scale = positive('scale', given.scale, DEFAULTS.scale);
  const count = (/** @type {string} */ name, /** @type {number} */ fallback) =>
    Math.max(1, Math.round(given[name] !== undefined ? positive(name, given[name], fallback) : fallback * scale));
  const clients = (given.clients ?? DEFAULTS.clients).split(',').map((c) => c.trim()).filter(Boolean);
  const scenarios = given.scenarios ?? 'all';
  const acks = (given.acks ?? DEFAULTS.acks).split(',').map((a) => a.trim()).filter(Boolean);
  for (const a of acks) if (a !== '1' && a !== 'all') throw new Error(`--acks: '${a}' is not 1 or all`);
  if (!['all', 'throughput', 'latency'].includes(scenarios)) throw new Error(`--scenarios: '${scenarios}' is not all, throughput or latency`);
  return Object.freeze({
    recordsPerRun1KiB: count('records-1kib', DEFAULTS.records1KiB),
    recordsPerRun100B: count('records-100b', DEFAULTS.records100B),
    repeats: Math.round(positive('repeats', given.repeats, DEFAULTS.repeats)),
    latencyRecords: count('latency-records', DEFAULTS.latencyRecords),
    latencyRatePerSec: positive('latency-rate', given['latency-rate'], DEFAULTS.latencyRate),
    latencyRepeats: Math.round(positive('latency-repeats', given['latency-repeats'], DEFAULTS.latencyRepeats)),
    clients,
    partitions: Math.round(positive('partitions', given.partitions, DEFAULTS.partitions)),
    producers: Math.round(positive('producers', given.producers, DEFAULTS.producers)),
    producerProps: [...SAME_PRODUCER_PROPS, ...(given['producer-props'] ?? '').split(/\s+/).filter(Boolean)],
    scenarios,
    acks,
    bootstrapServers: given.bootstrap,
    profileDir: given['profile-dir'],
    resultsDir: given['results-dir'] ?? defaultResultsDir,
  });
}

/**
 * @param {string} name
 * @param {string | undefined} text
 * @param {number} fallback
 */
function positive(name, text, fallback) {
  if (text === undefined) return fallback;
  const n = Number(text);
  if (!Number.isFinite(n) || n <= 0) throw new Error(`--${name}: '${text}' is not a positive number`);
  return n;
}
