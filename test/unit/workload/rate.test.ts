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
