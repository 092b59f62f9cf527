import { describe, expect, it } from 'vitest';
import { nextRate, searchCapacity, type SearchDriver } from '../../../src/capacity/search.js';
import type { CapacitySearchSettings } from '../../../src/config/types.js';

const settings = (over: Partial<CapacitySearchSettings> = {}): CapacitySearchSettings => ({
  startRecordsPerSec: 1000, maxRecordsPerSec: undefined, growth: 2, precision: 0.05, maxDurationMs: 3_600_000, ...over,
});

/** A fake cluster that holds every rate up to `capacity`; each step takes `stepMs` on a fake clock. */
function fakeCluster(capacity: number, stepMs = 12_000) {
  let now = 0;
  const driver: SearchDriver<{ passed: boolean }> = {
    stepEstimateMs: stepMs,
    nowMs: () => now,
    runStep: async (rate) => {
      now += stepMs;
      return { passed: rate <= capacity };
    },
  };
  return driver;
}

const rates = (r: { steps: ReadonlyArray<{ targetRecordsPerSec: number; outcome: { passed: boolean } }> }) =>
  r.steps.map((s) => [s.targetRecordsPerSec, s.outcome.passed]);

describe('searchCapacity', () => {
  it('doubles until the first failure, then bisects to the precision', async () => {
    const r = await searchCapacity(settings(), fakeCluster(7300));
    expect(rates(r)).toEqual([
      [1000, true], [2000, true], [4000, true], [8000, false],
      [6000, true], [7000, true], [7500, false], [7250, true],
    ]);
    // 7500 failed, 7250 passed: 250 / 7250 = 3.4%, within 5%.
    expect(r.sustainedRecordsPerSec).toBe(7250);
    expect(r.end).toBe('converged');
  });

  it('a finer precision takes more steps and comes closer', async () => {
    expect((await searchCapacity(settings(), fakeCluster(7320))).sustainedRecordsPerSec).toBe(7250);
    const r = await searchCapacity(settings({ precision: 0.01 }), fakeCluster(7320));
    // After 7250 passed and 7500 failed: 7375 fails, 7313 passes, and 62 / 7313 = 0.85% is within 1%.
    expect(rates(r).slice(8)).toEqual([[7375, false], [7313, true]]);
    expect(r).toMatchObject({ sustainedRecordsPerSec: 7313, end: 'converged' });
  });

  it('goes down from a first step that fails, then bisects', async () => {
    const r = await searchCapacity(settings({ startRecordsPerSec: 10_000 }), fakeCluster(3100));
    expect(rates(r)).toEqual([[10_000, false], [5000, false], [2500, true], [3750, false], [3125, false], [2813, true], [2969, true], [3047, true]]);
    expect(r.sustainedRecordsPerSec).toBe(3047);
  });

  it('stops at --max-rate when every step passes', async () => {
    const r = await searchCapacity(settings({ maxRecordsPerSec: 5000 }), fakeCluster(1e9));
    expect(rates(r)).toEqual([[1000, true], [2000, true], [4000, true], [5000, true]]);
    expect(r).toMatchObject({ sustainedRecordsPerSec: 5000, end: 'max-rate' });
  });

  it('starts no step that would end after --max-duration', async () => {
    // Steps of 12 s within 50 s: four fit (48 s); a fifth would end at 60 s.
    const r = await searchCapacity(settings({ maxDurationMs: 50_000 }), fakeCluster(7300));
    expect(rates(r)).toEqual([[1000, true], [2000, true], [4000, true], [8000, false]]);
    expect(r).toMatchObject({ sustainedRecordsPerSec: 4000, end: 'max-duration' });
  });

  it('reports no rate when even the lowest fails', async () => {
    const r = await searchCapacity(settings({ startRecordsPerSec: 4 }), fakeCluster(0));
    expect(rates(r)).toEqual([[4, false], [2, false], [1, false]]);
    expect(r).toMatchObject({ sustainedRecordsPerSec: null, end: 'none-passed' });
  });

  it('ends with the steps done so far when a step is interrupted', async () => {
    let n = 0;
    const r = await searchCapacity(settings(), { stepEstimateMs: 1, nowMs: () => 0, runStep: async () => (++n === 3 ? undefined : { passed: true }) });
    expect(r).toMatchObject({ sustainedRecordsPerSec: 2000, end: 'interrupted' });
    expect(r.steps).toHaveLength(2);
  });
});

describe('nextRate', () => {
  it('bisects to whole records/s and stops when no whole rate lies between', () => {
    expect(nextRate({ passedRecordsPerSec: 100, failedRecordsPerSec: 200 }, settings())).toBe(150);
    expect(nextRate({ passedRecordsPerSec: 20, failedRecordsPerSec: 21 }, settings({ precision: 0.001 }))).toBe('converged');
    expect(nextRate({ passedRecordsPerSec: 100, failedRecordsPerSec: 105 }, settings())).toBe('converged');
    expect(nextRate({ passedRecordsPerSec: 100, failedRecordsPerSec: 106 }, settings())).toBe(103);
  });

  it('grows by the growth factor, capped by --max-rate', () => {
    expect(nextRate({ passedRecordsPerSec: undefined, failedRecordsPerSec: undefined }, settings({ startRecordsPerSec: 500 }))).toBe(500);
    expect(nextRate({ passedRecordsPerSec: 500, failedRecordsPerSec: undefined }, settings({ growth: 3 }))).toBe(1500);
    expect(nextRate({ passedRecordsPerSec: 4000, failedRecordsPerSec: undefined }, settings({ maxRecordsPerSec: 6000 }))).toBe(6000);
  });
});
