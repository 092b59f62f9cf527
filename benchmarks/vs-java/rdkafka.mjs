// @ts-check
/**
 * librdkafka's own producer benchmark, rdkafka_performance, as the third peer: where its binary is, its command
 * line for a scenario, and its rate read from its `-u` table (pure, but for `findRdkafkaPerformance`'s file checks).
 */
import fs from 'node:fs';
import path from 'node:path';

/** The binary's name on the PATH. */
export const RDKAFKA_BINARY = 'rdkafka_performance';

/** What to tell a user whose machine lacks the binary. */
export const RDKAFKA_HINT = `set RDKAFKA_PERFORMANCE=/path/to/${RDKAFKA_BINARY} or put it on the PATH `
  + `(build it with the peers' build-rdkafka-performance.sh, which prints its path)`;

/**
 * @typedef {{ found: true, path: string } | { found: false, reason: string }} RdkafkaLocation
 */

/**
 * `RDKAFKA_PERFORMANCE` when set (it must be an executable file: a wrong path is an error, not a fallback to the
 * PATH), else the first `rdkafka_performance` on the PATH.
 * @param {Readonly<Record<string, string | undefined>>} env
 * @param {(file: string) => boolean} [isExecutable]
 * @returns {RdkafkaLocation}
 */
export function findRdkafkaPerformance(env, isExecutable = executable) {
  const given = env.RDKAFKA_PERFORMANCE;
  if (given !== undefined && given !== '') {
    return isExecutable(given) ? { found: true, path: given } : { found: false, reason: `RDKAFKA_PERFORMANCE=${given} is not an executable file` };
  }
  for (const dir of (env.PATH ?? '').split(path.delimiter).filter(Boolean)) {
    const candidate = path.join(dir, RDKAFKA_BINARY);
    if (isExecutable(candidate)) return { found: true, path: candidate };
  }
  return { found: false, reason: `${RDKAFKA_BINARY} is not on the PATH and RDKAFKA_PERFORMANCE is not set` };
}

/** @param {string} file */
function executable(file) {
  try {
    fs.accessSync(file, fs.constants.X_OK);
    return fs.statSync(file).isFile();
  } catch {
    return false;
  }
}

/**
 * The producer properties of both Kafka tools, as librdkafka's `-X` settings. The names the benchmark gives
 * (linger.ms, batch.size, enable.idempotence, compression.type) are librdkafka's too; acks has its own flag.
 * A property librdkafka does not know makes it exit with an error naming it, which the run reports.
 * @param {readonly string[]} producerProps `k=v`
 */
export function rdkafkaProps(producerProps) {
  return producerProps.filter((p) => !p.startsWith('acks=')).flatMap((p) => ['-X', p]);
}

/**
 * The command line of one run: the same records, size, acks, cap and producer properties as the other tools,
 * no key and librdkafka's random partitioner (`-p` unset), the `-u` table for the rate. Without `records` (`-c`) it
 * produces until stopped (a duration run: the harness stops it, see stopRule).
 * @param {string} binary
 * @param {{ topic: string, bootstrapServers: string, records: number | undefined, recordSizeBytes: number, acks: string, throughput: number, producerProps: readonly string[] }} o
 * @returns {{ command: string, args: string[] }}
 */
export function rdkafkaCommand(binary, o) {
  const args = ['-P', '-t', o.topic, '-b', o.bootstrapServers, '-s', String(o.recordSizeBytes), ...(o.records === undefined ? [] : ['-c', String(o.records)]),
    '-a', o.acks === 'all' ? '-1' : o.acks, ...rdkafkaProps(o.producerProps), '-u'];
  if (o.throughput > 0) args.push('-r', String(o.throughput));
  return { command: binary, args };
}

/**
 * Its final figures from the `-u` table: the last row's delivered count (`dr`) and rate (`dr_m/s`, delivered
 * records over the time since it started producing), as a Kafka summary without latency (it prints none in
 * this mode). Undefined when there is no table.
 * @param {string} output stdout and stderr: the table goes to stdout, its notes to stderr
 * @returns {import('./parse.mjs').KafkaSummary | undefined}
 */
export function parseRdkafkaTable(output) {
  /** @type {string[] | undefined} */
  let columns;
  /** @type {string[] | undefined} */
  let last;
  for (const line of output.split('\n')) {
    if (!line.startsWith('|')) continue;
    const cells = line.split('|').slice(1).map((c) => c.trim());
    if (cells.includes('dr_m/s')) columns = cells;
    else if (columns !== undefined && cells.length >= columns.length - 1 && /^\d+$/.test(cells[0] ?? '')) last = cells;
  }
  if (columns === undefined || last === undefined) return undefined;
  const at = (/** @type {string} */ name) => Number(last?.[/** @type {string[]} */ (columns).indexOf(name)] ?? NaN);
  const records = at('dr');
  const recordsPerSec = at('dr_m/s');
  if (!Number.isFinite(records) || !Number.isFinite(recordsPerSec)) return undefined;
  return { records, recordsPerSec, mbPerSec: at('dr_MB/s'), avgLatencyMs: NaN, maxLatencyMs: NaN, p50Ms: NaN, p95Ms: NaN, p99Ms: NaN, p999Ms: NaN };
}

/**
 * The librdkafka version the binary reports in its usage text.
 * @param {string} usage
 */
export function parseRdkafkaVersion(usage) {
  return /librdkafka version (\S+)/.exec(usage)?.[1] ?? 'unknown';
}
