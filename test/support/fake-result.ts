import { createMergedHistogram, encodeHistogram, summarizeLatency } from '../../src/metrics/histogram.js';
import { emptyProducerMetrics } from '../../src/producer/metrics.js';
import { RESULT_SCHEMA_VERSION, throughputOf, type IntervalResult, type ProduceResult } from '../../src/report/result.js';

/** What a fake run varies; everything else is a plausible, schema-valid produce result. */
export interface FakeRun {
  /** Latencies in µs, one per acked record; their count is the records acked. */
  readonly latenciesUs: readonly number[];
  readonly durationMs: number;
  readonly failed?: number;
  readonly status?: ProduceResult['status'];
  readonly topic?: string;
  /** Records in each reporting interval, in order (defaults to one interval of them all). */
  readonly intervalRecords?: readonly number[];
  readonly capped?: boolean;
  readonly recordSize?: number;
  /** When the run started, in ms after 2026-01-02T03:04:05.000Z (default 0). */
  readonly startOffsetMs?: number;
  /** An e2e run: one end-to-end latency in µs per record consumed; acked records beyond them are missing. */
  readonly endToEndUs?: readonly number[];
}

function histogramOf(valuesUs: readonly number[]) {
  const h = createMergedHistogram();
  for (const v of valuesUs) h.recordValue(v);
  return h;
}

/** A complete produce result with real, encoded HdrHistograms. */
export function fakeResult(run: FakeRun): ProduceResult {
  const acked = run.latenciesUs.length;
  const size = run.recordSize ?? 100;
  const h = histogramOf(run.latenciesUs);
  const split = run.intervalRecords ?? [acked];
  let offset = 0;
  const intervals: IntervalResult[] = split.map((n, i) => {
    const part = run.latenciesUs.slice(offset, offset + n);
    const consumed = run.endToEndUs?.slice(offset, offset + n);
    offset += n;
    const durationMs = run.durationMs / split.length;
    const ih = histogramOf(part);
    const interval: IntervalResult = {
      elapsedMs: durationMs * (i + 1), durationMs, records: n, failed: 0, bytes: n * size,
      throughput: throughputOf(n, n * size, durationMs), latencyMs: summarizeLatency(ih) ?? null, intendedLatencyMs: null,
      histogram: encodeHistogram(ih),
    };
    return consumed ? { ...interval, consumed: consumed.length, endToEndLatencyMs: summarizeLatency(histogramOf(consumed)) ?? null } : interval;
  });
  const failed = run.failed ?? 0;
  const started = Date.parse('2026-01-02T03:04:05.000Z') + (run.startOffsetMs ?? 0);
  return {
    schemaVersion: RESULT_SCHEMA_VERSION,
    tool: { name: 'perf-test', version: '0.1.0' },
    mode: run.endToEndUs ? 'e2e' : 'produce',
    status: run.status ?? 'completed',
    startedAt: new Date(started).toISOString(),
    endedAt: new Date(started + run.durationMs).toISOString(),
    mergedFrom: 1,
    config: {
      bootstrapServers: ['127.0.0.1:9092'], topic: run.topic ?? 'perf-test', numRecords: acked + failed, durationMs: null,
      payload: 'random', recordSizeBytes: size, throughputLimit: run.capped ? 1000 : null, producers: 1, warmupRecords: 0,
      reportingIntervalMs: 5000, client: 'kafkajs', transactionDurationMs: null, producerProps: {},
      producer: {
        'acks': -1, 'batch.size': 16384, 'linger.ms': 5, 'max.in.flight.requests.per.connection': 5, 'buffer.memory': 33554432,
        'max.block.ms': 60000, 'max.request.size': 1048576, 'compression.type': 'none', 'request.timeout.ms': 30000,
        'delivery.timeout.ms': 120000, 'retries': 2147483647, 'client.id': 'perf-producer-client', 'enable.idempotence': false,
        'transactional.id': null,
      },
    },
    records: { sent: acked + failed, acked, failed, abandoned: 0 },
    bytes: acked * size,
    durationMs: run.durationMs,
    throughput: throughputOf(acked, acked * size, run.durationMs),
    latencyMs: summarizeLatency(h) ?? null,
    intendedLatencyMs: run.capped ? (summarizeLatency(h) ?? null) : null,
    steadyState: null,
    intervals,
    histogram: encodeHistogram(h),
    intendedHistogram: run.capped ? encodeHistogram(h) : null,
    errors: failed > 0 ? { TimeoutException: failed } : {},
    clientMetrics: emptyProducerMetrics(),
    ...(run.endToEndUs ? {
      consumed: { records: run.endToEndUs.length, missing: Math.max(0, acked - run.endToEndUs.length) },
      endToEndLatencyMs: summarizeLatency(histogramOf(run.endToEndUs)) ?? null,
      endToEndHistogram: encodeHistogram(histogramOf(run.endToEndUs)),
    } : {}),
  };
}

/** `n` latencies from `fromUs` to `toUs`, evenly spread. */
export function latencies(n: number, fromUs: number, toUs: number): number[] {
  return Array.from({ length: n }, (_, i) => Math.round(fromUs + ((toUs - fromUs) * i) / Math.max(1, n - 1)));
}
