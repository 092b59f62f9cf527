import type { ConfigEcho } from './result.js';

/** A value of the workload section; null or undefined: the run had no such setting, and the row is left out. */
type Shown = string | number | boolean | null | undefined;

/**
 * One row of the workload section: its label (the perf-test flag or Java property where there is one, so that a
 * comparison's varied settings can be told apart) and how to read it from a result's config echo.
 */
export type WorkloadField = readonly [label: string, read: (c: ConfigEcho) => Shown];

/**
 * The workload a run ran, as reports show it (Markdown and HTML), in order. A setting added to the config echo
 * shows with one more line here.
 */
export const WORKLOAD_FIELDS: readonly WorkloadField[] = [
  ['num-records', (c) => c.numRecords],
  ['duration', (c) => (c.durationMs === null ? null : `${c.durationMs / 1000} s`)],
  ['record-size', (c) => (c.recordSizes !== undefined ? `${c.recordSizes} B` : c.recordSizeBytes !== null ? `${c.recordSizeBytes} B` : null)],
  ['payload', payloadOf],
  ['payload-compressibility', (c) => c.payloadCompressibility],
  ['topics', (c) => (c.topics === undefined ? null : `${c.topics.length}: ${c.topics.join(', ')} (records spread evenly)`)],
  ['throughput', (c) => (c.throughputProfile !== undefined ? `profile ${c.throughputProfile}` : c.throughputLimit === null ? 'no cap' : `${c.throughputLimit} records/s`)],
  ['producers', (c) => c.producers],
  ['client', (c) => c.client],
  ['warmup-records', (c) => c.warmupRecords || null],
  ['transaction-duration-ms', (c) => c.transactionDurationMs],
  ...(['acks', 'batch.size', 'linger.ms', 'compression.type', 'enable.idempotence'] as const)
    .map((k): WorkloadField => [k, (c) => c.producer[k]]),
  ['bootstrap servers', (c) => c.bootstrapServers.join(',')],
];

/** What the values were made of. */
function payloadOf(c: ConfigEcho): string {
  if (c.payload !== 'random') return c.payload; // file:<path>, monotonic
  return c.payloadCompressibility === undefined ? 'random uppercase letters (as Kafka\'s tool)' : 'random bytes in part, runs of one byte in part';
}

/** The rows of a run's workload that it had, as [label, text]; `skip` leaves some out by label. */
export function workloadRows(c: ConfigEcho, skip: ReadonlySet<string> = new Set()): Array<[string, string]> {
  const rows: Array<[string, string]> = [];
  for (const [label, read] of WORKLOAD_FIELDS) {
    const value = read(c);
    if (value !== null && value !== undefined && !skip.has(label)) rows.push([label, String(value)]);
  }
  return rows;
}
