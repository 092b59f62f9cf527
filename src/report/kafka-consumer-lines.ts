import type { ConsumeIntervalResult, ConsumeResult } from './consume-result.js';
import { javaDateFormat } from './java-date-format.js';
import { javaFixed, javaInt } from './java-format.js';

/** Apache Kafka ConsumerPerformance's lines, byte-compatible with its format strings. */

const NEW_FIELDS = ', rebalance.time.ms, fetch.time.ms, fetch.MB.sec, fetch.nMsg.sec';
const MB = 1024 * 1024;

export function kafkaConsumerHeader(detailed: boolean): string {
  return detailed
    ? `time, threadId, data.consumed.in.MB, MB.sec, data.consumed.in.nMsg, nMsg.sec${NEW_FIELDS}`
    : `start.time, end.time, data.consumed.in.MB, MB.sec, data.consumed.in.nMsg, nMsg.sec${NEW_FIELDS}`;
}

/** `%s, %s, %.4f, %.4f, %d, %.4f, %d, %d, %.4f, %.4f` */
export function kafkaConsumerTotalLine(r: ConsumeResult, dateFormat: string): string {
  const startMs = Date.parse(r.startedAt);
  const endMs = Date.parse(r.endedAt);
  const mb = r.bytes / MB;
  const elapsedSec = r.durationMs / 1000;
  const fetchSec = r.fetchMs / 1000;
  return [
    javaDateFormat(dateFormat, startMs), javaDateFormat(dateFormat, endMs),
    javaFixed(mb, 4), javaFixed(mb / elapsedSec, 4), javaInt(r.records.consumed), javaFixed(r.records.consumed / elapsedSec, 4),
    javaInt(r.rebalanceMs), javaInt(r.fetchMs), javaFixed(mb / fetchSec, 4), javaFixed(r.records.consumed / fetchSec, 4),
  ].join(', ');
}

/**
 * The `--show-detailed-stats` row of an interval: `%s, %d, %.4f, %.4f, %d, %.4f, %d, %d, %.4f, %.4f` with
 * cumulative MB and records, and interval rates.
 */
export function kafkaConsumerDetailLine(
  i: ConsumeIntervalResult,
  totals: { readonly records: number; readonly bytes: number },
  endEpochMs: number,
  dateFormat: string,
): string {
  const fetchMs = i.durationMs - i.rebalanceMs;
  const intervalMb = i.bytes / MB;
  return [
    javaDateFormat(dateFormat, endEpochMs), '0',
    javaFixed(totals.bytes / MB, 4), javaFixed((1000 * intervalMb) / i.durationMs, 4),
    javaInt(totals.records), javaFixed((i.records / i.durationMs) * 1000, 4),
    javaInt(i.rebalanceMs), javaInt(fetchMs),
    javaFixed(fetchMs <= 0 ? 0 : (1000 * intervalMb) / fetchMs, 4), javaFixed(fetchMs <= 0 ? 0 : (1000 * i.records) / fetchMs, 4),
  ].join(', ');
}

export function kafkaConsumerTimeoutWarning(timeoutMs: number): string {
  return `WARNING: Exiting before consuming the expected number of messages: timeout (${timeoutMs} ms) exceeded. `
    + 'You can use the --timeout option to increase the timeout.';
}
