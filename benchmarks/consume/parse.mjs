// @ts-check
/** Reads what each consumer and end-to-end tool prints: Kafka's ConsumerPerformance and EndToEndLatency, and perf-test's JSON. */

/**
 * @typedef {object} ConsumeFigures
 * @property {number} records records read
 * @property {number} recordsPerSec over the whole run, as each tool reports it (nMsg.sec for Kafka's)
 * @property {number} mbPerSec
 */

/**
 * ConsumerPerformance's result row: `start.time, end.time, data.consumed.in.MB, MB.sec, data.consumed.in.nMsg,
 * nMsg.sec, rebalance.time.ms, fetch.time.ms, fetch.MB.sec, fetch.nMsg.sec` (the last line that fits).
 * @param {string} stdout
 * @returns {ConsumeFigures | undefined}
 */
export function parseConsumerPerformance(stdout) {
  const rows = stdout.split('\n').map((l) => l.split(',').map((f) => f.trim())).filter((f) => f.length === 10 && /^\d{4}-\d\d-\d\d /.test(f[0] ?? ''));
  const row = rows.at(-1);
  if (!row) return undefined;
  return { records: Number(row[4]), recordsPerSec: Number(row[5]), mbPerSec: Number(row[3]) };
}

/**
 * @typedef {object} LatencyFigures
 * @property {number} records
 * @property {number} avgMs
 * @property {number} p50Ms
 * @property {number} p99Ms
 * @property {number} p999Ms
 * @property {boolean} wholeMs whether the percentiles are truncated to whole ms (Kafka's %d)
 */

/**
 * EndToEndLatency's two last lines: `Avg latency: %.4f ms` and `Percentiles: 50th = %d, 99th = %d, 99.9th = %d`.
 * @param {string} stdout
 * @param {number} records what it was asked to send (it prints no count)
 * @returns {LatencyFigures | undefined}
 */
export function parseEndToEndLatency(stdout, records) {
  const avg = /^Avg latency: (\d+\.\d{4}) ms$/m.exec(stdout);
  const p = /^Percentiles: 50th = (\d+), 99th = (\d+), 99\.9th = (\d+)$/m.exec(stdout);
  if (!avg || !p) return undefined;
  return { records, avgMs: Number(avg[1]), p50Ms: Number(p[1]), p99Ms: Number(p[2]), p999Ms: Number(p[3]), wholeMs: true };
}

/**
 * perf-test's `--json` result of a consume run.
 * @param {string} stdout
 * @returns {ConsumeFigures | undefined}
 */
export function parsePerfTestConsume(stdout) {
  const r = json(stdout);
  if (r?.mode !== 'consume') return undefined;
  return { records: r.records.consumed, recordsPerSec: r.throughput.recordsPerSec, mbPerSec: r.throughput.mbPerSec };
}

/**
 * perf-test's `--json` result of an e2e run: the end-to-end latency, send stamp to receipt.
 * @param {string} stdout
 * @returns {LatencyFigures | undefined}
 */
export function parsePerfTestE2e(stdout) {
  const r = json(stdout);
  const l = r?.endToEndLatencyMs;
  if (!l) return undefined;
  return { records: r.consumed.records, avgMs: l.avg, p50Ms: l.p50, p99Ms: l.p99, p999Ms: l.p999, wholeMs: false };
}

/** @param {string} text */
function json(text) {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

/**
 * The median of the values (the mean of the middle two for an even count).
 * @param {readonly number[]} values
 */
export function median(values) {
  const s = [...values].sort((a, b) => a - b);
  if (s.length === 0) return NaN;
  const mid = Math.floor(s.length / 2);
  return s.length % 2 === 1 ? /** @type {number} */ (s[mid]) : (/** @type {number} */ (s[mid - 1]) + /** @type {number} */ (s[mid])) / 2;
}
