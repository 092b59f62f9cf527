import type { ClientFactory } from '../clients/port.js';
import type { ProduceConfig } from '../config/types.js';
import { RunAggregator, type IntervalStats } from '../metrics/aggregate.js';
import { encodeHistogram, summarizeLatency } from '../metrics/histogram.js';
import { addProducerMetrics, emptyProducerMetrics } from '../producer/metrics.js';
import { RESULT_SCHEMA_VERSION, throughputOf, type IntervalResult, type ProduceResult } from '../report/result.js';
import { clockOrigin, processClock } from '../util/clock.js';
import { splitExactly, splitRate } from '../workload/split.js';
import { WorkerPool } from '../worker/pool.js';
import type { ProduceTask, WorkerFinal } from '../worker/protocol.js';
import { configEcho } from './config-echo.js';
import { connectionSpec } from './connection.js';
import { TOOL_VERSION } from './version.js';
import { SetupError } from '../errors.js';

/** How far along a run is, for progress lines. */
export interface Progress {
  /** 0..1, by records acknowledged (count runs) or time (duration runs). */
  readonly fraction: number;
  /** Estimated ms left, when it can be told. */
  readonly remainingMs: number | undefined;
}

/** What the runner tells while it runs. */
export interface RunHooks {
  onInterval(interval: IntervalResult, progress: Progress, firstSteady: boolean): void;
  /** Informational lines (topic created, interrupt received...). */
  onNotice(line: string): void;
}

/** A run under way. */
export interface RunningProduce {
  readonly result: Promise<ProduceResult>;
  /** Stops sending, waits a bounded time for acks, then resolves `result` with status `interrupted`. */
  interrupt(): void;
}

/** Longest wait for in-flight acks after an interrupt. */
const MAX_DRAIN_MS = 10_000;

/** Starts a produce run: topic setup, the worker pool, intervals, and the merged result. */
export function startProduceRun(config: ProduceConfig, client: ClientFactory, hooks: RunHooks): RunningProduce {
  let interruptRequested = false;
  let onInterrupt: (() => void) | undefined;
  const result = run(config, client, hooks, (cb) => {
    onInterrupt = cb;
    if (interruptRequested) cb();
  });
  return {
    result,
    interrupt: () => {
      if (interruptRequested) return;
      interruptRequested = true;
      onInterrupt?.();
    },
  };
}

async function run(
  config: ProduceConfig,
  client: ClientFactory,
  hooks: RunHooks,
  whenInterrupted: (cb: () => void) => void,
): Promise<ProduceResult> {
  // Like Java's max.block.ms for metadata: the whole setup gets that long, so an unreachable or silent
  // cluster fails in a bounded time.
  const setupDeadline = deadline(config.producer.maxBlockMs, () => new SetupError(
    `cannot connect to Kafka at ${config.bootstrapServers.join(',')}: no answer within max.block.ms (${config.producer.maxBlockMs} ms)`,
    'check --bootstrap-server and that the brokers are up; set max.block.ms in --producer-props to wait longer'));
  const admin = client.createAdmin(connectionSpec(config));
  try {
    await Promise.race([admin.connect(), setupDeadline.expired]);
    const topic = await Promise.race([admin.ensureTopic(config.topic), setupDeadline.expired]);
    if (topic.created) hooks.onNotice(`Created topic ${config.topic.name} with ${topic.partitions} partition(s).`);
  } catch (e) {
    setupDeadline.cancel();
    throw e;
  } finally {
    void admin.disconnect().catch(() => undefined);
  }

  const clock = processClock();
  const pool = new WorkerPool(workerTasks(config));
  let interrupted = false;
  try {
    try {
      await Promise.race([pool.ready(), setupDeadline.expired]);
    } finally {
      setupDeadline.cancel();
    }
    const aggregator = new RunAggregator();
    const intervals: IntervalResult[] = [];
    const startMs = clock.nowMs();
    const startedAt = new Date().toISOString();
    let lastMs = startMs;
    let seq = 0;
    let steadyAnnounced = false;
    let ticking: Promise<void> | undefined;
    const toInterval = (stats: IntervalStats, nowMs: number): IntervalResult => {
      const interval = intervalResult(stats, nowMs - startMs, nowMs - lastMs);
      lastMs = nowMs;
      intervals.push(interval);
      return interval;
    };

    pool.go(startMs);
    whenInterrupted(() => {
      interrupted = true;
      hooks.onNotice('Interrupted: stopping, waiting for in-flight records (Ctrl-C again to quit at once).');
      pool.stop(Math.min(config.producer.deliveryTimeoutMs, MAX_DRAIN_MS));
    });
    const timer = setInterval(() => {
      if (ticking) return;
      ticking = pool.snapshot(++seq).then((snapshots) => {
        for (const s of snapshots) aggregator.add(s);
        const now = clock.nowMs();
        const interval = toInterval(aggregator.closeInterval(), now);
        const firstSteady = !steadyAnnounced && config.warmupRecords > 0 && aggregator.totals.steadyAcked > 0;
        steadyAnnounced ||= firstSteady;
        if (interval.records > 0 || interval.failed > 0) hooks.onInterval(interval, progress(config, aggregator.totals.acked + aggregator.totals.failed, now - startMs), firstSteady);
      }, () => undefined).finally(() => (ticking = undefined));
    }, config.reportingIntervalMs);

    let finals: WorkerFinal[];
    try {
      finals = await pool.done();
    } finally {
      clearInterval(timer);
      await ticking;
    }
    const endMs = clock.nowMs();
    for (const f of finals) aggregator.add(f.snapshot);
    if (!config.keepGoing && aggregator.totals.errors['TimeoutException']) {
      hooks.onNotice('Stopped sending: records expired (delivery.timeout.ms or max.block.ms), so the cluster is unreachable or far too slow. --keep-going sends on regardless.');
    }
    const last = aggregator.closeInterval();
    if (last.acked > 0 || last.failed > 0) toInterval(last, endMs);
    return buildResult(config, aggregator, finals, intervals, { startedAt, startMs, endMs, interrupted });
  } finally {
    await pool.close();
  }
}

function workerTasks(config: ProduceConfig): ProduceTask[] {
  const n = config.producers;
  const records = config.stop.kind === 'count' ? splitExactly(config.stop.records, n) : undefined;
  const rates = config.rate.kind === 'uniform' ? splitRate(config.rate.recordsPerSec, n) : undefined;
  const warmups = splitExactly(config.warmupRecords, n);
  let base = 0;
  return Array.from({ length: n }, (_, i) => {
    const task: ProduceTask = {
      workerIndex: i,
      config,
      records: records?.[i],
      recordsPerSec: rates?.[i],
      warmupRecords: warmups[i]!,
      // Count runs give each worker a contiguous range of ordinals; duration runs interleave them.
      ordinalBase: records ? base : i,
      ordinalStride: records ? 1 : n,
      clockOriginMs: clockOrigin(),
    };
    base += records?.[i] ?? 0;
    return task;
  });
}

function progress(config: ProduceConfig, done: number, elapsedMs: number): Progress {
  const fraction = config.stop.kind === 'count' ? done / config.stop.records : elapsedMs / config.stop.durationMs;
  const clamped = Math.min(1, Math.max(0, fraction));
  const remainingMs = clamped > 0 ? (elapsedMs * (1 - clamped)) / clamped : undefined;
  return { fraction: clamped, remainingMs };
}

function intervalResult(s: IntervalStats, elapsedMs: number, durationMs: number): IntervalResult {
  return {
    elapsedMs,
    durationMs,
    records: s.acked,
    failed: s.failed,
    bytes: s.ackedBytes,
    throughput: throughputOf(s.acked, s.ackedBytes, durationMs),
    latencyMs: s.latency ?? null,
    intendedLatencyMs: s.intendedLatency ?? null,
    histogram: s.latencyHistogram,
  };
}

function buildResult(
  config: ProduceConfig,
  aggregator: RunAggregator,
  finals: readonly WorkerFinal[],
  intervals: readonly IntervalResult[],
  t: { startedAt: string; startMs: number; endMs: number; interrupted: boolean },
): ProduceResult {
  const totals = aggregator.totals;
  const h = aggregator.histograms();
  const durationMs = t.endMs - t.startMs;
  const abandoned = finals.reduce((sum, f) => sum + f.abandoned, 0);
  const capped = config.rate.kind === 'uniform';
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
    } : null,
    intervals,
    histogram: encodeHistogram(h.latency),
    intendedHistogram: capped ? encodeHistogram(h.intendedLatency) : null,
    errors: totals.errors,
    clientMetrics: finals.reduce((m, f) => addProducerMetrics(m, f.metrics), emptyProducerMetrics()),
  };
}

/** A promise that rejects with `make()` after `ms`, unless cancelled first. */
function deadline(ms: number, make: () => Error): { expired: Promise<never>; cancel: () => void } {
  let timer: NodeJS.Timeout | undefined;
  const expired = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(make()), ms);
  });
  expired.catch(() => undefined);
  return { expired, cancel: () => clearTimeout(timer) };
}
