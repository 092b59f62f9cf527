import { describe, expect, it } from 'vitest';
import { UsageError } from '../../../src/errors.js';
import { mergeResults } from '../../../src/report/merge.js';
import { fakeResult } from '../../support/fake-result.js';
import { thrown } from '../../support/thrown.js';
import { expectValid } from '../../support/schema.js';

const MB = 1024 * 1024;

// Latencies under 2048 µs are exact in a histogram of 3 significant digits, so every percentile below is exact.
/** A: 3 records acked with 100, 200 and 300 µs over 1 s. B: starts 0.5 s later, 1 acked with 1000 µs, 2 failed. */
const a = fakeResult({ latenciesUs: [100, 200, 300], durationMs: 1000 });
const b = fakeResult({ latenciesUs: [1000], failed: 2, durationMs: 1000, startOffsetMs: 500 });
const merged4 = { avg: 0.4, min: 0.1, max: 1, p50: 0.2, p95: 1, p99: 1, p999: 1 };

describe('mergeResults', () => {
  it('sums counts, merges histograms and spans the time of all results', () => {
    const m = mergeResults([a, b]);
    expect(m.startedAt).toBe('2026-01-02T03:04:05.000Z');
    expect(m.endedAt).toBe('2026-01-02T03:04:06.500Z');
    expect(m.durationMs).toBe(1500);
    expect(m.mergedFrom).toBe(2);
    expect(m.records).toEqual({ sent: 6, acked: 4, failed: 2, abandoned: 0 });
    expect(m.bytes).toBe(400);
    expect(m.throughput).toEqual({ recordsPerSec: 4000 / 1500, mbPerSec: 400_000 / 1500 / MB });
    // Percentiles of all 4 records, not averages of each result's percentiles.
    expect(m.latencyMs).toEqual(merged4);
    expect(m.intendedLatencyMs).toBeNull();
    expect(m.errors).toEqual({ TimeoutException: 2 });
    expect(m.config).toMatchObject({ numRecords: 6, producers: 2, throughputLimit: null, warmupRecords: 0 });
    expect(m.steadyState).toBeNull();
    expect(m.mode).toBe('produce');
    expect(m).not.toHaveProperty('consumed');
  });

  it('re-buckets intervals on wall-clock time with the first result\'s reporting interval', () => {
    const m = mergeResults([a, b]);
    // Both results end within the first 5 s (the fixtures' reporting interval).
    expect(m.intervals).toEqual([expect.objectContaining({
      elapsedMs: 5000, durationMs: 5000, records: 4, failed: 0, bytes: 400,
      throughput: { recordsPerSec: 0.8, mbPerSec: 400 / 5 / MB }, latencyMs: merged4, intendedLatencyMs: null,
    })]);
  });

  it('sums throughput caps only when every result had one, and is interrupted when any was', () => {
    const capped = fakeResult({ latenciesUs: [100], durationMs: 1000, capped: true });
    expect(mergeResults([capped, capped]).config.throughputLimit).toBe(2000);
    expect(mergeResults([capped, a]).config.throughputLimit).toBeNull();
    expect(mergeResults([capped, a]).intendedLatencyMs).toBeNull();
    expect(mergeResults([a, { ...b, status: 'interrupted' }]).status).toBe('interrupted');
  });

  it('keeps e2e results\' consumers: records consumed and missing, and end-to-end latency', () => {
    // C: 3 acked, all consumed, 500-900 µs end to end. D: 3 acked, 1 consumed (1500 µs): 2 missing.
    const c = fakeResult({ latenciesUs: [100, 100, 100], durationMs: 1000, endToEndUs: [500, 700, 900] });
    const d = fakeResult({ latenciesUs: [100, 100, 100], durationMs: 1000, endToEndUs: [1500] });
    const m = mergeResults([c, d]);
    expect(m.mode).toBe('e2e');
    expect(m.consumed).toEqual({ records: 4, missing: 2 });
    expect(m.endToEndLatencyMs).toEqual({ avg: 0.9, min: 0.5, max: 1.5, p50: 0.7, p95: 1.5, p99: 1.5, p999: 1.5 });
    expect(typeof m.endToEndHistogram).toBe('string');
    // Intervals keep what was consumed; their end-to-end latency has no histogram to merge.
    expect(m.intervals.map((i) => [i.consumed, i.endToEndLatencyMs])).toEqual([[4, null]]);
  });

  it('refuses results of different kinds, and no result at all', () => {
    const e2e = fakeResult({ latenciesUs: [100], durationMs: 1000, endToEndUs: [500] });
    expect(thrown(UsageError, () => mergeResults([a, e2e])).message).toBe('merge: results of different kinds (schema 1/e2e vs 1/produce)');
    expect(thrown(UsageError, () => mergeResults([])).message).toBe('merge: give at least one result file');
  });

  it('sums each topic\'s figures by name over shards that ran on the same topics', () => {
    const share = (acked: number, failed: number) => [
      { topic: 'x-0', records: { sent: acked + failed, acked, failed }, bytes: acked * 100 },
      { topic: 'x-1', records: { sent: acked, acked, failed: 0 }, bytes: acked * 100 },
    ];
    const m = mergeResults([{ ...a, topics: share(2, 0) }, { ...b, topics: share(1, 2) }]);
    expect(m.topics).toEqual([
      { topic: 'x-0', records: { sent: 5, acked: 3, failed: 2 }, bytes: 300 },
      { topic: 'x-1', records: { sent: 3, acked: 3, failed: 0 }, bytes: 300 },
    ]);
    expectValid(m);
    expect(mergeResults([a, b])).not.toHaveProperty('topics');
  });
});
