import type { ProduceConfig } from '../config/types.js';
import type { IntervalStats, RunAggregator } from '../metrics/aggregate.js';
import type { ConsumeAggregator, ConsumeIntervalStats } from '../metrics/consume-aggregate.js';
import { encodeHistogram, summarizeLatency } from '../metrics/histogram.js';
import { addProducerMetrics, emptyProducerMetrics } from '../producer/metrics.js';
import { RESULT_SCHEMA_VERSION, throughputOf, type IntervalResult, type ProduceResult, type TopicResult } from '../report/result.js';
import { addTopicCounts, emptyTopicCounts } from '../producer/topic-router.js';
import type { ProduceFinal } from '../worker/protocol.js';
import { configEcho } from './config-echo.js';
import { TOOL_VERSION } from './version.js';

/** One closed interval as results report it; e2e runs add the consumers' side. */
export function produceInterval(
  s: IntervalStats, c: ConsumeIntervalStats | undefined, elapsedMs: number, durationMs: number, targetRecordsPerSec: number | null,
): IntervalResult {
  const base: IntervalResult = {
    elapsedMs,
    durationMs,
    targetRecordsPerSec,
    records: s.acked,
    failed: s.failed,
    retried: s.retried,
    metadataRefreshes: s.metadataRefreshes,
    bytes: s.ackedBytes,
    throughput: throughputOf(s.acked, s.ackedBytes, durationMs),
    latencyMs: s.latency ?? null,
    intendedLatencyMs: s.intendedLatency ?? null,
    histogram: s.latencyHistogram,
  };
  return c ? { ...base, consumed: c.consumed, endToEndLatencyMs: c.endToEndLatency ?? null } : base;
}

/** The immutable result of a produce (or the producer side of an e2e) run. */
export function buildProduceResult(
  config: ProduceConfig,
  aggregator: RunAggregator,
  finals: readonly ProduceFinal[],
  intervals: readonly IntervalResult[],
  t: { startedAt: string; startMs: number; endMs: number; interrupted: boolean },
): ProduceResult {
  const totals = aggregator.totals;
  const h = aggregator.histograms();
  const durationMs = t.endMs - t.startMs;
  const abandoned = finals.reduce((sum, f) => sum + f.abandoned, 0);
  const capped = config.rate.kind !== 'unlimited';
  const steadyStarts = finals.map((f) => f.steadyStartMs).filter((x): x is number => x !== undefined);
  const steadyDurationMs = steadyStarts.length > 0 ? t.endMs - Math.min(...steadyStarts) : 0;
  return {
    schemaVersion: RESULT_SCHEMA_VERSION,
    tool: { name: 'perf-test', version: TOOL_VERSION },
    mode: 'produce',
    status: t.interrupted ? 'interrupted' : 'completed',
    startedAt: t.startedAt,
    endedAt: new Date(Date.parse(t.startedAt) + durationMs).toISOString(),
    mergedFrom: 1,
    config: configEcho(config),
    records: { sent: totals.sent, acked: totals.acked, failed: totals.failed, abandoned },
    bytes: totals.ackedBytes,
    durationMs,
    throughput: throughputOf(totals.acked, totals.ackedBytes, durationMs),
    latencyMs: summarizeLatency(h.latency) ?? null,
    intendedLatencyMs: capped ? (summarizeLatency(h.intendedLatency) ?? null) : null,
    steadyState: config.warmupRecords > 0 ? {
      records: totals.steadyAcked,
      bytes: totals.steadyAckedBytes,
      durationMs: steadyDurationMs,
      throughput: throughputOf(totals.steadyAcked, totals.steadyAckedBytes, steadyDurationMs),
      latencyMs: summarizeLatency(h.steadyLatency) ?? null,
      ...(capped ? { intendedLatencyMs: summarizeLatency(h.steadyIntendedLatency) ?? null } : {}),
    } : null,
    intervals,
    histogram: encodeHistogram(h.latency),
    intendedHistogram: capped ? encodeHistogram(h.intendedLatency) : null,
    errors: totals.errors,
    clientMetrics: finals.reduce((m, f) => addProducerMetrics(m, f.metrics), emptyProducerMetrics()),
    ...(config.topics.length > 1 ? { topics: topicResults(config, finals) } : {}),
  };
}

/** Each topic's figures, summed over the workers. */
function topicResults(config: ProduceConfig, finals: readonly ProduceFinal[]): TopicResult[] {
  const sums = finals.reduce((sum, f) => addTopicCounts(sum, f.topics ?? []), config.topics.map(() => emptyTopicCounts()));
  return config.topics.map(({ name }, i) => {
    const t = sums[i]!;
    return { topic: name, records: { sent: t.sent, acked: t.acked, failed: t.failed }, bytes: t.ackedBytes };
  });
}

/** Adds the consumers' side of an e2e run to its result. */
export function withEndToEnd(result: ProduceResult, consumed: ConsumeAggregator): ProduceResult {
  return {
    ...result,
    mode: 'e2e',
    consumed: consumedFigures(result.records.acked, consumed),
    endToEndLatencyMs: summarizeLatency(consumed.endToEnd) ?? null,
    endToEndHistogram: encodeHistogram(consumed.endToEnd),
  };
}

/**
 * The consumers' side of an e2e run, by distinct records (partition and offset): `missing` acked records never read;
 * `duplicates` records in the topic beyond the acked ones (a non-idempotent producer's retry wrote one twice, or an
 * ack was lost), never counted as missing; `reread` records a consumer read again after rejoining its group.
 */
export function consumedFigures(acked: number, consumed: ConsumeAggregator): NonNullable<ProduceResult['consumed']> {
  return {
    records: consumed.unique,
    missing: Math.max(0, acked - consumed.unique),
    duplicates: Math.max(0, consumed.unique - acked),
    reread: consumed.consumed - consumed.unique,
  };
}
