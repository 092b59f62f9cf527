import { describe, expect, it } from 'vitest';
import { RateSchedule } from '../../../src/workload/rate.js';

describe('RateSchedule', () => {
  it('puts record i at start + i * 1000 / rate', () => {
    const s = new RateSchedule(1000, 4);
    expect([0, 1, 2, 3, 4, 400].map((i) => s.intendedMs(i))).toEqual([1000, 1250, 1500, 1750, 2000, 101000]);
  });

  it('handles fractional rates and intervals', () => {
    expect(new RateSchedule(0, 0.5).intendedMs(3)).toBe(6000);
    expect(new RateSchedule(0, 3).intendedMs(3)).toBe(1000);
    expect(new RateSchedule(0, 2000).intendedMs(1)).toBe(0.5);
  });

  it('never drifts: record i is due at i intervals however many came before', () => {
    const s = new RateSchedule(0, 3);
    expect(s.intendedMs(3_000_000)).toBe(1_000_000_000);
    const s7 = new RateSchedule(0, 7);
    expect(s7.intendedMs(7)).toBe(1000);
  });

  it('waits until the record is due', () => {
    const s = new RateSchedule(1000, 4);
    expect(s.waitMs(1, 1000)).toBe(250);
    expect(s.waitMs(1, 1100)).toBe(150);
    expect(s.waitMs(0, 500)).toBe(500);
  });

  it('does not wait for a record that is due or late, and never bursts to catch up', () => {
    const s = new RateSchedule(1000, 4);
    expect(s.waitMs(1, 1250)).toBe(0);
    expect(s.waitMs(1, 5000)).toBe(0);
    // A late sender keeps the schedule: the record after a stall is still due at its own time.
    expect(s.intendedMs(20)).toBe(6000);
    expect(s.waitMs(20, 5000)).toBe(1000);
  });

  it('rejects a rate that is not positive', () => {
    expect(() => new RateSchedule(0, 0)).toThrow(new RangeError('recordsPerSec must be > 0, got 0'));
    expect(() => new RateSchedule(0, -1)).toThrow(RangeError);
    expect(() => new RateSchedule(0, Number.NaN)).toThrow(RangeError);
  });
});

describe('RateSchedule of a profile', () => {
  it('steps: each segment at its own rate, from where the last one ended', () => {
    // 10 rec/s for 1 s (records 0-9), then 100 rec/s for 1 s (10-109), then 100 rec/s holds.
    const s = new RateSchedule(0, [
      { fromRecordsPerSec: 10, toRecordsPerSec: 10, durationMs: 1000 },
      { fromRecordsPerSec: 100, toRecordsPerSec: 100, durationMs: 1000 },
    ]);
    expect([0, 1, 9, 10, 11, 109, 110, 210].map((i) => s.intendedMs(i))).toEqual([0, 100, 900, 1000, 1010, 1990, 2000, 3000]);
  });

  it('ramps: record i is due when the integral of the rising rate reaches i', () => {
    const up = new RateSchedule(500, [{ fromRecordsPerSec: 100, toRecordsPerSec: 300, durationMs: 2000 }]);
    // 100 -> 300 rec/s over 2 s: N(t) = 100 t + 50 t^2; N(1) = 150, N(2) = 400; then 300 rec/s.
    expect(up.intendedMs(0)).toBe(500);
    expect(up.intendedMs(150)).toBeCloseTo(1500, 9);
    expect(up.intendedMs(400)).toBeCloseTo(2500, 9);
    expect(up.intendedMs(430)).toBeCloseTo(2600, 9);
    const down = new RateSchedule(0, [{ fromRecordsPerSec: 300, toRecordsPerSec: 100, durationMs: 2000 }]);
    // N(t) = 300 t - 50 t^2: N(1) = 250, N(2) = 400.
    expect(down.intendedMs(250)).toBeCloseTo(1000, 9);
    expect(down.intendedMs(400)).toBeCloseTo(2000, 9);
    expect(down.intendedMs(410)).toBeCloseTo(2100, 9);
  });

  it('tells the records due and the mean target rate over any span', () => {
    const s = new RateSchedule(0, [
      { fromRecordsPerSec: 1000, toRecordsPerSec: 1000, durationMs: 5000 },
      { fromRecordsPerSec: 1000, toRecordsPerSec: 3000, durationMs: 10_000 },
    ]);
    expect(s.recordsDue(5000)).toBe(5000);
    expect(s.recordsDue(15_000)).toBe(25_000);
    expect(s.targetRecordsPerSec(0, 5000)).toBe(1000);
    // The ramp's first 5 s: 1000 -> 2000 rec/s, a mean of 1500.
    expect(s.targetRecordsPerSec(5000, 10_000)).toBe(1500);
    // After the profile its last rate holds.
    expect(s.targetRecordsPerSec(15_000, 20_000)).toBe(3000);
    // Straddling the step from 1000 to the ramp: 2.5 s at 1000, then 2.5 s from 1000 to 1500 (mean 1250).
    expect(s.targetRecordsPerSec(2500, 7500)).toBe(1125);
  });

  it('rejects a profile without segments or with a rate that is not positive', () => {
    expect(() => new RateSchedule(0, [])).toThrow(RangeError);
    expect(() => new RateSchedule(0, [{ fromRecordsPerSec: 0, toRecordsPerSec: 10, durationMs: 1000 }])).toThrow(RangeError);
  });
});
