import { describe, expect, it } from 'vitest';
import { RunAggregator } from '../../../src/metrics/aggregate.js';
import { createMergedHistogram, decodeHistogram, summarizeLatency } from '../../../src/metrics/histogram.js';
import { IntervalRecorder, type WorkerSnapshot } from '../../../src/metrics/recorder.js';
import { RecordBatch } from '../../../src/producer/batch.js';

/** A worker snapshot of records acked `latenciesUs` after being sent (one-record batches of `bytes` each). */
function snapshot(latenciesUs: readonly number[], o: { bytes?: number; sent?: number; failed?: Record<string, number>; intended?: boolean; retried?: number; refreshes?: number } = {}): WorkerSnapshot {
  const r = new IntervalRecorder({ intended: o.intended ?? false, steady: false });
  for (let i = 0; i < (o.sent ?? latenciesUs.length); i++) r.noteSent();
  for (const us of latenciesUs) {
    const b = new RecordBatch(0, 0, 1_000_000, true);
    b.tryAppend(Buffer.alloc(o.bytes ?? 100), 0, 0);
    r.onAcked(b, us / 1000);
  }
  for (const [name, n] of Object.entries(o.failed ?? {})) r.onFailed(n, n * 100, name);
  if (o.retried) r.onRetried(o.retried);
  for (let i = 0; i < (o.refreshes ?? 0); i++) r.onMetadataRefreshed();
  return r.snapshot();
}

/** One histogram fed every value directly: what merging must equal. */
function reference(latenciesUs: readonly number[]) {
  const h = createMergedHistogram();
  for (const us of latenciesUs) h.recordValue(us);
  return h;
}

describe('RunAggregator', () => {
  it('merges workers\' snapshots into the figures of one histogram fed all values (exact range)', () => {
    const w1 = [100, 200, 300, 400];
    const w2 = [150, 1500, 2000];
    const w3 = Array.from({ length: 100 }, (_, i) => 10 * (i + 1));
    const a = new RunAggregator();
    for (const w of [w1, w2, w3]) a.add(snapshot(w));
    const all = [...w1, ...w2, ...w3];
    const merged = a.histograms().latency;
    expect(merged.totalCount).toBe(107);
    expect(summarizeLatency(merged)).toEqual(summarizeLatency(reference(all)));
    expect(summarizeLatency(merged)).toMatchObject({ min: 0.01, max: 2, p50: 0.49 }) // the 54th of 107: 49 of w3, 4 of w1, 1 of w2 are <= 490 µs;
  });

  it('gives the same percentiles and mean as one histogram, for values over many buckets', () => {
    const workers = [0, 1, 2, 3].map((w) => Array.from({ length: 500 }, (_, i) => 1 + ((i * 7919 + w * 104729) % 250_000)));
    const a = new RunAggregator();
    for (const w of workers) a.add(snapshot(w));
    const merged = summarizeLatency(a.histograms().latency)!;
    const ref = summarizeLatency(reference(workers.flat()))!;
    expect(a.histograms().latency.totalCount).toBe(2000);
    expect({ ...merged, max: 0 }).toEqual({ ...ref, max: 0 });
    // The encoded form keeps the bucket, not the exact max: within 3 significant digits.
    expect(merged.max).toBeGreaterThanOrEqual(ref.max);
    expect(merged.max - ref.max).toBeLessThanOrEqual(ref.max / 1000);
  });

  it('adds counts and errors of every worker', () => {
    const a = new RunAggregator();
    a.add(snapshot([100, 200], { bytes: 10, sent: 5, failed: { TimeoutException: 2 }, retried: 40, refreshes: 1 }));
    a.add(snapshot([300], { bytes: 7, sent: 2, failed: { TimeoutException: 1, NOT_LEADER_OR_FOLLOWER: 1 }, retried: 2, refreshes: 2 }));
    expect(a.totals).toEqual({
      sent: 7, acked: 3, failed: 4, ackedBytes: 27, steadyAcked: 0, steadyAckedBytes: 0,
      errors: { TimeoutException: 3, NOT_LEADER_OR_FOLLOWER: 1 }, retried: 42, metadataRefreshes: 3,
    });
    expect(a.closeInterval()).toMatchObject({ retried: 42, metadataRefreshes: 3 });
  });

  it('closes intervals: each interval has only its own snapshots, the totals have all', () => {
    const a = new RunAggregator();
    a.add(snapshot([100, 200], { failed: { X: 1 } }));
    a.add(snapshot([300]));
    const first = a.closeInterval();
    expect(first).toMatchObject({ acked: 3, ackedBytes: 300, failed: 1 });
    expect(first.latency).toMatchObject({ min: 0.1, max: 0.3, p50: 0.2 });
    expect(decodeHistogram(first.latencyHistogram).totalCount).toBe(3);

    a.add(snapshot([1000, 2000]));
    const second = a.closeInterval();
    expect(second).toMatchObject({ acked: 2, ackedBytes: 200, failed: 0 });
    expect(second.latency).toMatchObject({ min: 1, max: 2, avg: 1.5 });

    expect(a.totals.acked).toBe(5);
    expect(a.histograms().latency.totalCount).toBe(5);
    expect(summarizeLatency(a.histograms().latency)).toMatchObject({ min: 0.1, max: 2 });
  });

  it('gives an empty interval no latency', () => {
    const a = new RunAggregator();
    a.add(snapshot([100]));
    a.closeInterval();
    const empty = a.closeInterval();
    expect(empty).toMatchObject({ acked: 0, ackedBytes: 0, failed: 0, latency: undefined, intendedLatency: undefined });
  });

  it('merges the intended-time view only from workers that have it', () => {
    const a = new RunAggregator();
    a.add(snapshot([100], { intended: true }));
    a.add(snapshot([200]));
    expect(a.histograms().intendedLatency.totalCount).toBe(1);
    expect(a.closeInterval().intendedLatency).toMatchObject({ max: 0.1 });
  });

  it('merges the steady-state view', () => {
    const r = new IntervalRecorder({ intended: false, steady: true });
    r.steadyFromMs = 5;
    for (const sentAt of [4, 5, 6]) {
      const b = new RecordBatch(0, sentAt, 1_000_000, true);
      b.tryAppend(Buffer.alloc(1), sentAt, sentAt);
      r.onAcked(b, 7);
    }
    const a = new RunAggregator();
    a.add(r.snapshot());
    expect(a.totals.steadyAcked).toBe(2);
    expect(a.histograms().steadyLatency.totalCount).toBe(2);
    expect(summarizeLatency(a.histograms().steadyLatency)).toMatchObject({ min: 1, max: 2 });
  });

  it('merges the steady-state view from the intended send time, in rate-capped runs', () => {
    const r = new IntervalRecorder({ intended: true, steady: true });
    r.steadyFromMs = 5;
    // Records intended at 3, 4 and 5 ms went out at 4, 5 and 6 (1 ms late each), acked at 9.
    for (const sentAt of [4, 5, 6]) {
      const b = new RecordBatch(0, sentAt, 1_000_000, true);
      b.tryAppend(Buffer.alloc(1), sentAt, sentAt - 1);
      r.onAcked(b, 9);
    }
    const a = new RunAggregator();
    a.add(r.snapshot());
    expect(a.histograms().steadyIntendedLatency.totalCount).toBe(2);
    const intended = summarizeLatency(a.histograms().steadyIntendedLatency)!;
    const sent = summarizeLatency(a.histograms().steadyLatency)!;
    // HdrHistogram at 3 significant digits: 5000 µs reads back as up to 5.003 ms.
    expect([intended.min, intended.max].map((v) => Math.round(v * 100) / 100)).toEqual([4, 5]);
    expect([sent.min, sent.max].map((v) => Math.round(v * 100) / 100)).toEqual([3, 4]);
    expect(new IntervalRecorder({ intended: false, steady: true }).snapshot().steadyIntendedLatency).toBeUndefined();
  });
});
