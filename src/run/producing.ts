import { setTimeout as sleep } from 'node:timers/promises';
import type { ProduceConfig } from '../config/types.js';
import type { ProduceResult } from '../report/result.js';
import { processClock, type Clock } from '../util/clock.js';
import type { WorkerPool } from '../worker/pool.js';
import type { ProduceFinal } from '../worker/protocol.js';
import { buildProduceResult } from './build-produce-result.js';
import type { RunHooks } from './hooks.js';
import type { ProduceIntervals } from './produce-intervals.js';

/** Longest wait for in-flight acks after an interrupt. */
export const MAX_DRAIN_MS = 10_000;

/** When producing started, on the run's clock; and the end of listening for an interrupt. */
export interface Producing {
  readonly clock: Clock;
  readonly startMs: number;
  readonly startedAt: string;
  /** Stops listening for the interrupt (at the end of the run). */
  readonly done: () => void;
}

/**
 * Waits, once every producer is connected, for `--start-at`: the instant every shard starts its load. One that passed
 * during the setup starts the load at once, and says so. An interrupt ends the wait.
 */
export async function untilStartAt(config: ProduceConfig, hooks: RunHooks, interrupted: AbortSignal): Promise<void> {
  if (config.startAtEpochMs === undefined) return;
  const at = new Date(config.startAtEpochMs).toISOString();
  const waitMs = config.startAtEpochMs - Date.now();
  if (waitMs <= 0) {
    hooks.onNotice(`--start-at ${at} passed ${(-waitMs / 1000).toFixed(1)} s ago, during the setup: starting now.`);
    return;
  }
  hooks.onNotice(`Connected; starting the load at ${at} (in ${(waitMs / 1000).toFixed(1)} s).`);
  // A timer runs on the monotonic clock and may end a millisecond before the wall clock reaches the instant.
  for (let leftMs = waitMs; leftMs > 0 && !interrupted.aborted; leftMs = config.startAtEpochMs - Date.now()) {
    await sleep(leftMs, undefined, { signal: interrupted }).catch(() => undefined);
  }
}

/**
 * Starts every worker on one clock reading. From then on an interrupt (or one that came during the setup) stops
 * the producers, which give what is in flight delivery.timeout.ms, at most MAX_DRAIN_MS, and then report.
 */
export function startProducing(pool: WorkerPool, config: ProduceConfig, hooks: RunHooks, interrupted: AbortSignal): Producing {
  const clock = processClock();
  const startMs = clock.nowMs();
  const startedAt = new Date().toISOString();
  pool.go(startMs);
  const stop = () => {
    hooks.onNotice('Interrupted: stopping, waiting for in-flight records (Ctrl-C again to quit at once).');
    pool.stop(Math.min(config.producer.deliveryTimeoutMs, MAX_DRAIN_MS), 'produce');
  };
  if (interrupted.aborted) stop();
  else interrupted.addEventListener('abort', stop, { once: true });
  return { clock, startMs, startedAt, done: () => interrupted.removeEventListener('abort', stop) };
}

/** The producers' part of the result, once every worker's final figures are in `figures`. */
export function producedResult(
  config: ProduceConfig,
  figures: ProduceIntervals,
  finals: readonly ProduceFinal[],
  producing: Producing,
  interrupted: boolean,
  hooks: RunHooks,
): ProduceResult {
  const endMs = producing.clock.nowMs();
  if (!config.keepGoing && figures.produced.totals.errors['TimeoutException']) {
    hooks.onNotice('Stopped sending: records expired (delivery.timeout.ms or max.block.ms), so the cluster is unreachable or far too slow. --keep-going sends on regardless.');
  }
  figures.closeLast(endMs);
  return buildProduceResult(config, figures.produced, finals, figures.intervals, { startedAt: producing.startedAt, startMs: producing.startMs, endMs, interrupted });
}
