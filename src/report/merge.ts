import { UsageError } from '../errors.js';
import { createMergedHistogram, decodeHistogram, encodeHistogram, summarizeLatency } from '../metrics/histogram.js';
import { addProducerMetrics, emptyProducerMetrics } from '../producer/metrics.js';
import { throughputOf, type IntervalResult, type ProduceResult } from './result.js';

function mergeHistograms(encoded: readonly string[]) {
  const merged = createMergedHistogram();
  for (const e of encoded) merged.add(decodeHistogram(e));
  return merged;
}

/**
 * Combines the results of separate processes or machines exactly: counts are summed, histograms merged (so
 * percentiles are those of all records, not an average of percentiles), and the time span covers them all.
 * e2e results keep their consumers' side: records consumed and missing, and end-to-end latency.
 * Intervals are re-bucketed on wall-clock time with the first result's reporting interval.
 */
export function mergeResults(results: readonly ProduceResult[]): ProduceResult {
  const first = results[0];
  if (!first) throw new UsageError('merge: give at least one result file');
  for (const r of results) {
    if (r.schemaVersion !== first.schemaVersion || r.mode !== first.mode) {
      throw new UsageError(`merge: results of different kinds (schema ${r.schemaVersion}/${r.mode} vs ${first.schemaVersion}/${first.mode})`);
    }
  }
  const startMs = Math.min(...results.map((r) => Date.parse(r.startedAt)));
  const endMs = Math.max(...results.map((r) => Date.parse(r.endedAt)));
  const durationMs = endMs - startMs;
  const sum = (f: (r: ProduceResult) => number) => results.reduce((s, r) => s + f(r), 0);
  const records = {
    sent: sum((r) => r.records.sent),
    acked: sum((r) => r.records.acked),
    failed: sum((r) => r.records.failed),
    abandoned: sum((r) => r.records.abandoned),
  };
  const bytes = sum((r) => r.bytes);
  const latency = mergeHistograms(results.map((r) => r.histogram));
  const capped = results.every((r) => r.intendedHistogram !== null);
  const intended = capped ? mergeHistograms(results.map((r) => r.intendedHistogram!)) : undefined;
  const errors: Record<string, number> = {};
  for (const r of results) for (const [k, n] of Object.entries(r.errors)) errors[k] = (errors[k] ?? 0) + n;
  const limits = results.map((r) => r.config.throughputLimit);
  return {
    schemaVersion: first.schemaVersion,
    tool: first.tool,
    mode: first.mode,
    status: results.some((r) => r.status === 'interrupted') ? 'interrupted' : 'completed',
    startedAt: new Date(startMs).toISOString(),
    endedAt: new Date(endMs).toISOString(),
    mergedFrom: sum((r) => r.mergedFrom),
    config: {
      ...first.config,
      numRecords: results.every((r) => r.config.numRecords !== null) ? sum((r) => r.config.numRecords ?? 0) : null,
      producers: sum((r) => r.config.producers),
      throughputLimit: limits.every((l) => l !== null) ? limits.reduce((a, b) => a! + b!, 0) : null,
      warmupRecords: sum((r) => r.config.warmupRecords),
    },
    records,
    bytes,
    durationMs,
    throughput: throughputOf(records.acked, bytes, durationMs),
    latencyMs: summarizeLatency(latency) ?? null,
    intendedLatencyMs: intended ? (summarizeLatency(intended) ?? null) : null,
    // Steady-state figures need each run's steady histogram, which results do not keep.
    steadyState: null,
    intervals: mergeIntervals(results, startMs),
    histogram: encodeHistogram(latency),
    intendedHistogram: intended ? encodeHistogram(intended) : null,
    errors,
    clientMetrics: results.reduce((m, r) => addProducerMetrics(m, r.clientMetrics), emptyProducerMetrics()),
    ...mergeTopics(results),
    ...(first.mode === 'e2e' ? mergeEndToEnd(results) : {}),
  };
}

/**
 * Each topic's figures summed by name over the results that have them (shards of one run name the same topics);
 * none when no result ran on several topics.
 */
function mergeTopics(results: readonly ProduceResult[]): Pick<ProduceResult, 'topics'> {
  if (results.every((r) => r.topics === undefined)) return {};
  const byName = new Map<string, { sent: number; acked: number; failed: number; bytes: number }>();
  for (const t of results.flatMap((r) => r.topics ?? [])) {
    const m = byName.get(t.topic) ?? { sent: 0, acked: 0, failed: 0, bytes: 0 };
    byName.set(t.topic, { sent: m.sent + t.records.sent, acked: m.acked + t.records.acked, failed: m.failed + t.records.failed, bytes: m.bytes + t.bytes });
  }
  return { topics: [...byName].map(([topic, m]) => ({ topic, records: { sent: m.sent, acked: m.acked, failed: m.failed }, bytes: m.bytes })) };
}

/** The consumers' side of e2e results: counts summed (each run's missing records are its own), histograms merged. */
function mergeEndToEnd(results: readonly ProduceResult[]): Pick<ProduceResult, 'consumed' | 'endToEndLatencyMs' | 'endToEndHistogram'> {
  const endToEnd = mergeHistograms(results.flatMap((r) => (r.endToEndHistogram === undefined ? [] : [r.endToEndHistogram])));
  return {
    consumed: {
      records: results.reduce((n, r) => n + (r.consumed?.records ?? 0), 0),
      missing: results.reduce((n, r) => n + (r.consumed?.missing ?? 0), 0),
    },
    endToEndLatencyMs: summarizeLatency(endToEnd) ?? null,
    endToEndHistogram: encodeHistogram(endToEnd),
  };
}

function mergeIntervals(results: readonly ProduceResult[], startMs: number): IntervalResult[] {
  const width = results[0]!.config.reportingIntervalMs;
  const e2e = results[0]!.mode === 'e2e';
  const buckets = new Map<number, { records: number; failed: number; bytes: number; consumed: number; histograms: string[] }>();
  for (const r of results) {
    const runStart = Date.parse(r.startedAt);
    for (const i of r.intervals) {
      const k = Math.max(0, Math.ceil((runStart + i.elapsedMs - startMs) / width) - 1);
      const b = buckets.get(k) ?? { records: 0, failed: 0, bytes: 0, consumed: 0, histograms: [] };
      b.records += i.records;
      b.failed += i.failed;
      b.bytes += i.bytes;
      b.consumed += i.consumed ?? 0;
      b.histograms.push(i.histogram);
      buckets.set(k, b);
    }
  }
  return [...buckets.entries()].sort(([a], [b]) => a - b).map(([k, b]): IntervalResult => {
    const h = mergeHistograms(b.histograms);
    const interval: IntervalResult = {
      elapsedMs: (k + 1) * width,
      durationMs: width,
      records: b.records,
      failed: b.failed,
      bytes: b.bytes,
      throughput: throughputOf(b.records, b.bytes, width),
      latencyMs: summarizeLatency(h) ?? null,
      intendedLatencyMs: null,
      histogram: encodeHistogram(h),
    };
    // Results keep no per-interval end-to-end histogram, so an interval's end-to-end latency cannot be merged.
    return e2e ? { ...interval, consumed: b.consumed, endToEndLatencyMs: null } : interval;
  });
}
