// @ts-check
/** Reads Kafka's final summary line, which Kafka's ProducerPerformance and `perf-test --format kafka` both print. */

const TOTAL_LINE = /^(\d+) records sent, (\d+\.\d+) records\/sec \((\d+\.\d+) MB\/sec\), (\d+\.\d+|NaN) ms avg latency, (\d+\.\d+) ms max latency, (\d+) ms 50th, (\d+) ms 95th, (\d+) ms 99th, (\d+) ms 99\.9th\.$/;

/**
 * @typedef {object} KafkaSummary
 * @property {number} records acknowledged records
 * @property {number} recordsPerSec
 * @property {number} mbPerSec MiB/s of values, as Kafka counts
 * @property {number} avgLatencyMs
 * @property {number} maxLatencyMs
 * @property {number} p50Ms whole ms, as Kafka prints them
 * @property {number} p95Ms
 * @property {number} p99Ms
 * @property {number} p999Ms
 */

/**
 * The last total line of a run's stdout (not its steady-state line), or undefined when there is none.
 * @param {string} stdout
 * @returns {KafkaSummary | undefined}
 */
export function parseKafkaSummary(stdout) {
  const lines = stdout.split('\n').map((l) => l.trim()).filter((l) => TOTAL_LINE.test(l));
  const m = lines.length === 0 ? null : TOTAL_LINE.exec(/** @type {string} */ (lines[lines.length - 1]));
  if (!m) return undefined;
  const n = (/** @type {number} */ i) => Number(m[i]);
  return { records: n(1), recordsPerSec: n(2), mbPerSec: n(3), avgLatencyMs: n(4), maxLatencyMs: n(5), p50Ms: n(6), p95Ms: n(7), p99Ms: n(8), p999Ms: n(9) };
}
