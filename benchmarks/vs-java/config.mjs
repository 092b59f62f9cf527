// @ts-check
/**
 * The settings of one benchmark run, from flags (`--scale 0.05`) or the environment (`BENCH_SCALE=0.05`), with
 * defaults sized to finish in about 12 minutes on a 2-core machine.
 */

/**
 * @typedef {object} BenchConfig
 * @property {number} recordsPerRun1KiB records per throughput run of 1 KiB records
 * @property {number} recordsPerRun100B records per throughput run of 100 B records
 * @property {number} recordsPerLongRun records per long run (100 B records): where Java's JIT has warmed up
 * @property {number} durationSeconds seconds of each duration run (100 B records, perf-test's --duration)
 * @property {string[]} longAcks the acks of the long and duration runs ("1", "all")
 * @property {number} repeats rounds of the throughput runs (each round runs every tool once, in turn)
 * @property {number} latencyRecords records per fixed-rate run
 * @property {number} latencyRatePerSec the fixed rate of the latency runs
 * @property {number} latencyRepeats rounds of the fixed-rate runs
 * @property {string[]} clients perf-test's --client values to compare with Java
 * @property {number} partitions partitions of every (fresh) topic
 * @property {number} producers perf-test's --producers (Java's tool has one producer thread)
 * @property {string[]} producerProps producer properties given to both tools, after acks
 * @property {readonly ScenarioGroup[]} scenarios which scenarios run (start-up always does)
 * @property {string[]} acks the acks of the throughput scenarios ("1", "all")
 * @property {string | undefined} bootstrapServers an existing broker to use instead of starting one
 * @property {string | undefined} profileDir when set, perf-test runs write --cpu-prof profiles under it
 * @property {string} resultsDir where the JSON and Markdown results go
 */

/**
 * The scenarios a run can be limited to: `throughput` (1 KiB and 100 B, one count each), `long` (10M records of
 * 100 B), `duration` (60 s of 100 B records), `latency` (a fixed rate).
 * @typedef {'throughput' | 'long' | 'duration' | 'latency'} ScenarioGroup
 */

/** @type {readonly ScenarioGroup[]} */
export const SCENARIO_GROUPS = ['throughput', 'long', 'duration', 'latency'];

/** Producer settings both tools get, so that neither runs on a default the other lacks. */
export const SAME_PRODUCER_PROPS = ['linger.ms=5', 'batch.size=16384', 'enable.idempotence=false', 'compression.type=none'];

const DEFAULTS = {
  scale: 1,
  records1KiB: 300_000,
  records100B: 1_000_000,
  recordsLong: 10_000_000,
  durationSeconds: 60,
  longAcks: '1',
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
  const known = new Set(['scale', 'records-1kib', 'records-100b', 'records-long', 'duration-seconds', 'long-acks', 'repeats', 'latency-records', 'latency-rate', 'latency-repeats',
    'clients', 'partitions', 'producers', 'producer-props', 'scenarios', 'acks', 'bootstrap', 'profile-dir', 'results-dir']);
  for (const name of Object.keys(given)) {
    if (!known.has(name)) throw new Error(`unknown setting '${name}' (known: ${[...known].join(', ')})`);
  }
  const scale = positive('scale', given.scale, DEFAULTS.scale);
  const count = (/** @type {string} */ name, /** @type {number} */ fallback) =>
    Math.max(1, Math.round(given[name] !== undefined ? positive(name, given[name], fallback) : fallback * scale));
  const clients = (given.clients ?? DEFAULTS.clients).split(',').map((c) => c.trim()).filter(Boolean);
  const scenarios = resolveScenarios(given.scenarios ?? 'all');
  const acks = acksOf('acks', given.acks ?? DEFAULTS.acks);
  const longAcks = acksOf('long-acks', given['long-acks'] ?? DEFAULTS.longAcks);
  return Object.freeze({
    recordsPerRun1KiB: count('records-1kib', DEFAULTS.records1KiB),
    recordsPerRun100B: count('records-100b', DEFAULTS.records100B),
    recordsPerLongRun: count('records-long', DEFAULTS.recordsLong),
    durationSeconds: count('duration-seconds', DEFAULTS.durationSeconds),
    longAcks,
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
 * `all`, or a comma-separated list of scenario groups.
 * @param {string} text
 * @returns {readonly ScenarioGroup[]}
 */
function resolveScenarios(text) {
  if (text.trim() === 'all') return SCENARIO_GROUPS;
  const names = text.split(',').map((n) => n.trim()).filter(Boolean);
  const unknown = names.find((n) => !SCENARIO_GROUPS.includes(/** @type {ScenarioGroup} */ (n)));
  if (unknown !== undefined || names.length === 0) {
    throw new Error(`--scenarios: '${unknown ?? text}' is not all or a list of ${SCENARIO_GROUPS.join(', ')}`);
  }
  return SCENARIO_GROUPS.filter((g) => names.includes(g));
}

/**
 * @param {string} name
 * @param {string} text
 */
function acksOf(name, text) {
  const acks = text.split(',').map((a) => a.trim()).filter(Boolean);
  for (const a of acks) if (a !== '1' && a !== 'all') throw new Error(`--${name}: '${a}' is not 1 or all`);
  return acks;
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
