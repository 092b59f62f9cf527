import { getEventListeners } from 'node:events';
import { describe, expect, it } from 'vitest';
import { collectIntervals, collectWhile } from '../../../src/run/collect.js';
import type { WorkerPool } from '../../../src/worker/pool.js';
import type { Snapshot } from '../../../src/worker/protocol.js';

/** A pool whose snapshots are their sequence numbers; it fails at `failAt`. */
function pool(failAt = Infinity): { pool: WorkerPool; asked: number[] } {
  const asked: number[] = [];
  const stub = {
    snapshot: async (seq: number) => {
      asked.push(seq);
      if (seq >= failAt) throw new Error('worker 0 failed');
      return [] as Snapshot[];
    },
  };
  return { pool: stub as unknown as WorkerPool, asked };
}

describe('the collect loop', () => {
  it('collects once a tick, one collection at a time, until its signal aborts; it leaves no listener behind', async () => {
    const p = pool();
    const stop = new AbortController();
    let ticks = 0;
    await collectIntervals(p.pool, 5, stop.signal, () => {
      if (++ticks === 20) stop.abort();
      expect(getEventListeners(stop.signal, 'abort')).toHaveLength(0);
    });
    expect(p.asked).toEqual(Array.from({ length: 20 }, (_, i) => i + 1));
  });

  it('ends when a worker failed', async () => {
    const p = pool(3);
    await collectIntervals(p.pool, 1, new AbortController().signal, () => undefined);
    expect(p.asked).toEqual([1, 2, 3]);
  });

  it('runs while the work does, and resolves as the work does', async () => {
    const p = pool();
    const work = new Promise<string>((resolve) => setTimeout(() => resolve('done'), 50));
    expect(await collectWhile(work, p.pool, 5, () => undefined)).toBe('done');
    const n = p.asked.length;
    expect(n).toBeGreaterThan(2);
    await new Promise((r) => setTimeout(r, 30));
    expect(p.asked.length).toBe(n);
  });
});
