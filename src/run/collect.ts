import { setTimeout as sleep } from 'node:timers/promises';
import { performance } from 'node:perf_hooks';
import type { WorkerPool } from '../worker/pool.js';
import type { Snapshot } from '../worker/protocol.js';

/** How often the main thread collects figures when it must decide on them (consume stops, the e2e drain). */
export const CONTROL_TICK_MS = 100;

/**
 * The collect loop of every run: each `tickMs`, one snapshot of every worker still running, handed to `onTick`,
 * until `signal` aborts. One collection at a time, on a schedule that does not drift; the sleep's listener on the
 * signal goes with each tick. It ends too when a worker failed: the pool's `done` says with what.
 */
export async function collectIntervals(
  pool: WorkerPool,
  tickMs: number,
  signal: AbortSignal,
  onTick: (snapshots: readonly Snapshot[]) => void,
): Promise<void> {
  let dueMs = performance.now();
  for (let seq = 1; ; seq++) {
    dueMs = Math.max(dueMs + tickMs, performance.now());
    try {
      await sleep(dueMs - performance.now(), undefined, { signal });
    } catch {
      return; // aborted
    }
    let snapshots: readonly Snapshot[];
    try {
      snapshots = await pool.snapshot(seq);
    } catch {
      return;
    }
    onTick(snapshots);
  }
}

/** Runs the collect loop until `work` settles, then lets its last collection finish; resolves as `work` does. */
export async function collectWhile<T>(
  work: Promise<T>,
  pool: WorkerPool,
  tickMs: number,
  onTick: (snapshots: readonly Snapshot[]) => void,
): Promise<T> {
  const collecting = new AbortController();
  const loop = collectIntervals(pool, tickMs, collecting.signal, onTick);
  try {
    return await work;
  } finally {
    collecting.abort();
    await loop;
  }
}
