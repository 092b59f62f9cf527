// @ts-check
/**
 * Reads Kafka's final summary line, which Kafka's ProducerPerformance and `perf-test --format kafka` both print; and,
 * for a run stopped before its end, Java's rolling lines.
 */

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

/** A rolling line: one reporting window's acked records, rate, and latency (the total line has percentiles after it). */
export const ROLLING_LINE = /^(\d+) records sent, (\d+\.\d+) records\/sec \((\d+\.\d+) MB\/sec\), (\d+\.\d+|NaN) ms avg latency, (\d+\.\d+) ms max latency\.$/;

/**
 * The first `windows` rolling lines as one summary: their records over their time (each window's records over its
 * rate; the windows follow each other from the tool's start), latencies weighted by records (no percentiles: Kafka
 * prints none per window). Undefined with fewer windows than that.
 * @param {string} stdout
 * @param {number} windows
 * @returns {KafkaSummary | undefined}
 */
export function parseKafkaWindows(stdout, windows) {
  const rows = stdout.split('\n').map((l) => ROLLING_LINE.exec(l.trim())).filter((m) => m !== null).slice(0, windows);
  if (rows.length < windows) return undefined;
  let records = 0;
  let seconds = 0;
  let megabytes = 0;
  let latencyTotalMs = 0;
  let maxLatencyMs = 0;
  for (const m of rows) {
    const n = Number(m[1]);
    const windowSeconds = n / Number(m[2]);
    records += n;
    seconds += windowSeconds;
    megabytes += Number(m[3]) * windowSeconds;
    latencyTotalMs += Number(m[4]) * n;
    maxLatencyMs = Math.max(maxLatencyMs, Number(m[5]));
  }
  return { records, recordsPerSec: records / seconds, mbPerSec: megabytes / seconds, avgLatencyMs: latencyTotalMs / records, maxLatencyMs,
    p50Ms: NaN, p95Ms: NaN, p99Ms: NaN, p999Ms: NaN };
}
