/**
 * A schedule-based rate: record i is due at `startMs + i * 1000 / recordsPerSec`. A late sender never bursts
 * to catch up on "debt" and the schedule never drifts; how late each record went out is measured instead
 * (the intended-time latency, free of coordinated omission).
 */
export class RateSchedule {
  private readonly intervalMs: number;

  constructor(
    private readonly startMs: number,
    recordsPerSec: number,
  ) {
    if (!(recordsPerSec > 0)) throw new RangeError(`recordsPerSec must be > 0, got ${recordsPerSec}`);
    this.intervalMs = 1000 / recordsPerSec;
  }

  /** When record `index` (0-based) is due. */
  intendedMs(index: number): number {
    return this.startMs + index * this.intervalMs;
  }

  /** How long to wait at `nowMs` before record `index` is due (0 if it is due or late). */
  waitMs(index: number, nowMs: number): number {
    return Math.max(0, this.intendedMs(index) - nowMs);
  }
}
