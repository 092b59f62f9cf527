import { redactProps } from '../config/producer-config.js';
import type { ConsumeConfig } from '../config/types.js';
import type { ConsumeAggregator } from '../metrics/consume-aggregate.js';
import type { ConsumeIntervalResult, ConsumeResult } from '../report/consume-result.js';
import { throughputOf } from '../report/result.js';
import type { ConsumeFinal } from '../worker/protocol.js';
import { TOOL_VERSION } from './version.js';

/** One closed interval of a consume run. */
export function consumeInterval(s: { consumed: number; bytes: number; rebalanceMs: number }, elapsedMs: number, durationMs: number): ConsumeIntervalResult {
  return {
    elapsedMs, durationMs, records: s.consumed, bytes: s.bytes,
    throughput: throughputOf(s.consumed, s.bytes, durationMs), rebalanceMs: s.rebalanceMs,
  };
}

/** The immutable result of a consume run: Kafka's ConsumerPerformance figures (fetch time excludes rebalances). */
export function buildConsumeResult(
  config: ConsumeConfig,
  aggregator: ConsumeAggregator,
  finals: readonly ConsumeFinal[],
  intervals: readonly ConsumeIntervalResult[],
  t: { startedAt: number; startMs: number; endMs: number; interrupted: boolean; timedOut: boolean },
): ConsumeResult {
  const durationMs = Math.max(1, Math.round(t.endMs - t.startMs));
  const rebalanceMs = Math.round(Math.max(0, ...finals.map((f) => f.rebalanceMs)));
  const fetchMs = Math.max(1, durationMs - rebalanceMs);
  return {
    schemaVersion: 1,
    tool: { name: 'perf-test', version: TOOL_VERSION },
    mode: 'consume',
    status: t.interrupted ? 'interrupted' : 'completed',
    timedOut: t.timedOut,
    startedAt: new Date(t.startedAt).toISOString(),
    endedAt: new Date(t.startedAt + durationMs).toISOString(),
    config: {
      bootstrapServers: config.bootstrapServers,
      topic: config.topic ?? null,
      include: config.include ?? null,
      numRecords: config.stop.kind === 'count' ? config.stop.records : null,
      durationMs: config.stop.kind === 'duration' ? config.stop.durationMs : null,
      consumers: config.consumers,
      groupId: config.consumer.groupId,
      fetchSizeBytes: config.consumer.maxPartitionFetchBytes,
      idleTimeoutMs: config.idleTimeoutMs,
      reportingIntervalMs: config.reportingIntervalMs,
      client: config.client,
      consumerProps: redactProps(new Map(Object.entries(config.clientProps))),
    },
    records: { consumed: aggregator.consumed },
    bytes: aggregator.bytes,
    durationMs,
    rebalanceMs,
    fetchMs,
    throughput: throughputOf(aggregator.consumed, aggregator.bytes, durationMs),
    fetchThroughput: throughputOf(aggregator.consumed, aggregator.bytes, fetchMs),
    intervals,
  };
}
