import type { ClientFactory } from '../clients/port.js';
import { loadClient } from '../clients/registry.js';
import type { EndToEndConfig, ProduceConfig } from '../config/types.js';
import { RunAggregator } from '../metrics/aggregate.js';
import { ConsumeAggregator } from '../metrics/consume-aggregate.js';
import type { Progress } from '../report/progress.js';
import type { IntervalResult, ProduceResult } from '../report/result.js';
import { clockOrigin, processClock } from '../util/clock.js';
import { splitExactly, splitRate } from '../workload/split.js';
import { WorkerPool } from '../worker/pool.js';
import type { ConsumeFinal, ProduceFinal, ProduceTask, WorkerTask } from '../worker/protocol.js';
import { buildResult, intervalResult, withEndToEnd } from './build-result.js';
import type { RunHooks, RunningProduce } from './hooks.js';
import { CONTROL_TICK_MS, consumeTasks } from './consume-run.js';
import { prepareTopic } from './setup.js';
import type { RunEnvironment } from './environment.js';

/** Longest wait for in-flight acks after an interrupt. */
const MAX_DRAIN_MS = 10_000;

/** Starts a produce run: topic setup, the worker pool, intervals, and the merged result. */
export function startProduceRun(config: ProduceConfig, env: RunEnvironment, hooks: RunHooks): RunningProduce {
  return startRun(config, undefined, env, hooks);
}

/**
 * Starts an end-to-end run: producers (stamping each value with its send time) and consumers of one group at
 * once, in one process and on one clock; once producing is done, waits until every acked record is consumed.
 */
export function startEndToEndRun(config: EndToEndConfig, env: RunEnvironment, hooks: RunHooks): RunningProduce {
  return startRun(config.produce, config, env, hooks);
}

function startRun(config: ProduceConfig, e2e: EndToEndConfig | undefined, env: RunEnvironment, hooks: RunHooks): RunningProduce {
  let interruptRequested = false;
  let onInterrupt: (() => void) | undefined;
  const result = run(config, e2e, env, hooks, (cb) => {
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
  e2e: EndToEndConfig | undefined,
  env: RunEnvironment,
  hooks: RunHooks,
  whenInterrupted: (cb: () => void) => void,
): Promise<ProduceResult> {
  const client: ClientFactory = await loadClient(env.clientModule);
  const { setupDeadline, startOffsets } = await prepareTopic(config, client, hooks, e2e !== undefined);
  const clock = processClock();
  const tasks: WorkerTask[] = [...workerTasks(config, env, e2e !== undefined), ...(e2e ? consumeTasks(e2e.consume, env, true, startOffsets) : [])];
  const pool = new WorkerPool(tasks, env.launcher);
  let interrupted = false;
  try {
    try {
      await Promise.race([pool.ready(), setupDeadline.expired]);
    } finally {
      setupDeadline.cancel();
    }
    const aggregator = new RunAggregator();
    const consumed = new ConsumeAggregator();
    const intervals: IntervalResult[] = [];
    const startMs = clock.nowMs();
    const startedAt = new Date().toISOString();
    let lastMs = startMs;
    let seq = 0;
    let steadyAnnounced = false;
    let ticking: Promise<void> | undefined;
    const closeInterval = (nowMs: number): IntervalResult => {
      const interval = intervalResult(aggregator.closeInterval(), e2e ? consumed.closeInterval() : undefined, nowMs - startMs, nowMs - lastMs);
      lastMs = nowMs;
      intervals.push(interval);
      return interval;
    };
    const collect = async () => {
      for (const s of await pool.snapshot(++seq)) {
        if (s.kind === 'produce') aggregator.add(s.data);
        else consumed.add(s.data);
      }
    };

    pool.go(startMs);
    whenInterrupted(() => {
      interrupted = true;
      hooks.onNotice('Interrupted: stopping, waiting for in-flight records (Ctrl-C again to quit at once).');
      pool.stop(Math.min(config.producer.deliveryTimeoutMs, MAX_DRAIN_MS), 'produce');
    });
    // e2e runs collect often, to see when everything produced was consumed; intervals close on the reporting interval.
    const tickMs = e2e ? Math.min(CONTROL_TICK_MS, config.reportingIntervalMs) : config.reportingIntervalMs;
    const timer = setInterval(() => {
      if (ticking) return;
      ticking = collect().then(() => {
        const now = clock.nowMs();
        if (now - lastMs < config.reportingIntervalMs - tickMs / 2) return;
        const interval = closeInterval(now);
        const firstSteady = !steadyAnnounced && config.warmupRecords > 0 && aggregator.totals.steadyAcked > 0;
        steadyAnnounced ||= firstSteady;
        const { sent, acked, failed } = aggregator.totals;
        // An interval without acks still shows while records wait: a stalled cluster is seen, not silent.
        if (interval.records > 0 || interval.failed > 0 || sent > acked + failed) hooks.onInterval(interval, progress(config, acked + failed, now - startMs), firstSteady);
      }, () => undefined).finally(() => (ticking = undefined));
    }, tickMs);

    let finals: ProduceFinal[];
    let consumeFinals: ConsumeFinal[] = [];
    try {
      finals = (await pool.doneOf('produce')) as ProduceFinal[];
      for (const f of finals) aggregator.add(f.snapshot);
      if (e2e) consumeFinals = await drainConsumers(pool, consumed, aggregator.totals.acked, interrupted ? Math.min(e2e.drainTimeoutMs, MAX_DRAIN_MS) : e2e.drainTimeoutMs, () => ticking, hooks);
    } finally {
      clearInterval(timer);
      await ticking;
    }
    const endMs = clock.nowMs();
    for (const f of consumeFinals) consumed.add(f.snapshot);
    if (!config.keepGoing && aggregator.totals.errors['TimeoutException']) {
      hooks.onNotice('Stopped sending: records expired (delivery.timeout.ms or max.block.ms), so the cluster is unreachable or far too slow. --keep-going sends on regardless.');
    }
    const lastInterval = closeInterval(endMs);
    if (lastInterval.records === 0 && lastInterval.failed === 0 && (lastInterval.consumed ?? 0) === 0) intervals.pop();
    const result = buildResult(config, aggregator, finals, intervals, { startedAt, startMs, endMs, interrupted });
    return e2e ? withEndToEnd(result, consumed) : result;
  } finally {
    await pool.close();
  }
}

/** After producing: waits until consumers have every acked record (or the timeout), then stops them. */
async function drainConsumers(
  pool: WorkerPool,
  consumed: ConsumeAggregator,
  acked: number,
  timeoutMs: number,
  ticking: () => Promise<void> | undefined,
  hooks: RunHooks,
): Promise<ConsumeFinal[]> {
  const until = Date.now() + timeoutMs;
  while (consumed.consumed < acked && Date.now() < until) {
    await new Promise((r) => setTimeout(r, CONTROL_TICK_MS));
    await ticking();
  }
  if (consumed.consumed < acked) {
    hooks.onNotice(`Consumers had ${consumed.consumed} of ${acked} acked records after --drain-timeout (${timeoutMs} ms); the rest count as missing.`);
  }
  pool.stop(0, 'consume');
  return (await pool.doneOf('consume')) as ConsumeFinal[];
}

function workerTasks(config: ProduceConfig, env: RunEnvironment, stampSendTime: boolean): ProduceTask[] {
  const n = config.producers;
  const records = config.stop.kind === 'count' ? splitExactly(config.stop.records, n) : undefined;
  const rates = config.rate.kind === 'uniform' ? splitRate(config.rate.recordsPerSec, n) : undefined;
  const warmups = splitExactly(config.warmupRecords, n);
  let base = 0;
  return Array.from({ length: n }, (_, i) => {
    const task: ProduceTask = {
      kind: 'produce',
      workerIndex: i,
      config,
      clientModule: env.clientModule,
      records: records?.[i],
      recordsPerSec: rates?.[i],
      warmupRecords: warmups[i]!,
      // Count runs give each worker a contiguous range of ordinals; duration runs interleave them.
      ordinalBase: records ? base : i,
      ordinalStride: records ? 1 : n,
      stampSendTime,
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

