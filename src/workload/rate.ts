import type { RateLimit, RateSegment } from '../config/types.js';

/** A schedule's stretch with where it starts: in time (ms from the start) and in records. */
interface Stretch {
  readonly startMs: number;
  readonly startRecords: number;
  /** Rate at the stretch's start, records/s, and its change, records/s per s. */
  readonly recordsPerSec: number;
  readonly slope: number;
  /** Milliseconds between records on a constant stretch (kept exact: i * 1000 / rate never drifts). */
  readonly intervalMs: number;
  readonly durationMs: number;
  readonly records: number;
}

function stretchesOf(segments: readonly RateSegment[]): Stretch[] {
  const out: Stretch[] = [];
  let startMs = 0;
  let startRecords = 0;
  // The last rate holds once the profile is over: a constant stretch without end.
  const last = segments[segments.length - 1];
  const all = last ? [...segments, { fromRecordsPerSec: last.toRecordsPerSec, toRecordsPerSec: last.toRecordsPerSec, durationMs: Infinity }] : [];
  for (const s of all) {
    if (!(s.fromRecordsPerSec > 0) || !(s.toRecordsPerSec > 0)) {
      throw new RangeError(`recordsPerSec must be > 0, got ${s.fromRecordsPerSec > 0 ? s.toRecordsPerSec : s.fromRecordsPerSec}`);
    }
    const slope = s.durationMs === Infinity ? 0 : ((s.toRecordsPerSec - s.fromRecordsPerSec) * 1000) / s.durationMs;
    const seconds = s.durationMs / 1000;
    const records = s.durationMs === Infinity ? Infinity : s.fromRecordsPerSec * seconds + (slope / 2) * seconds * seconds;
    out.push({ startMs, startRecords, recordsPerSec: s.fromRecordsPerSec, slope, intervalMs: 1000 / s.fromRecordsPerSec, durationMs: s.durationMs, records });
    startMs += s.durationMs;
    startRecords += records;
  }
  return out;
}

/** The segments of a rate limit (a uniform rate is one constant stretch); undefined without a cap. */
export function rateSegments(rate: RateLimit): readonly RateSegment[] | undefined {
  if (rate.kind === 'unlimited') return undefined;
  if (rate.kind === 'uniform') return [{ fromRecordsPerSec: rate.recordsPerSec, toRecordsPerSec: rate.recordsPerSec, durationMs: Infinity }];
  return rate.segments;
}

/** The segments with every rate multiplied by `factor` (a worker's or a shard's share). */
export function scaleSegments(segments: readonly RateSegment[], factor: number): RateSegment[] {
  return segments.map((s) => ({ ...s, fromRecordsPerSec: s.fromRecordsPerSec * factor, toRecordsPerSec: s.toRecordsPerSec * factor }));
}

/**
 * A schedule-based rate: record i is due at the moment the target rate's integral reaches i (on a uniform
 * rate, `startMs + i * 1000 / recordsPerSec`). A late sender never bursts to catch up on "debt" and the schedule
 * never drifts; how late each record went out is measured instead (the intended-time latency, free of
 * coordinated omission).
 */
export class RateSchedule {
  private readonly stretches: Stretch[];
  private cursor = 0;

  constructor(
    private readonly startMs: number,
    rate: number | readonly RateSegment[],
  ) {
    this.stretches = stretchesOf(typeof rate === 'number'
      ? [{ fromRecordsPerSec: rate, toRecordsPerSec: rate, durationMs: Infinity }]
      : rate);
    if (this.stretches.length === 0) throw new RangeError('a rate profile needs at least one segment');
  }

  /** When record `index` (0-based) is due. */
  intendedMs(index: number): number {
    const s = this.stretchOf(index);
    const n = index - s.startRecords;
    if (s.slope === 0) return this.startMs + s.startMs + n * s.intervalMs;
    // Solves startRate*t + slope/2*t^2 = n for t (seconds), in the form that stays exact when slope is small.
    const r = s.recordsPerSec;
    const t = (2 * n) / (r + Math.sqrt(r * r + 2 * s.slope * n));
    return this.startMs + s.startMs + Math.min(t * 1000, s.durationMs);
  }

  /** How long to wait at `nowMs` before record `index` is due (0 if it is due or late). */
  waitMs(index: number, nowMs: number): number {
    return Math.max(0, this.intendedMs(index) - nowMs);
  }

  /** Records due in the first `elapsedMs` of the schedule: the integral of the target rate. */
  recordsDue(elapsedMs: number): number {
    const t = Math.max(0, elapsedMs);
    const s = [...this.stretches].reverse().find((x) => x.startMs <= t)!;
    const seconds = (t - s.startMs) / 1000;
    return s.startRecords + s.recordsPerSec * seconds + (s.slope / 2) * seconds * seconds;
  }

  /** The mean target rate between two moments (ms since the start), records/s. */
  targetRecordsPerSec(fromMs: number, toMs: number): number {
    if (toMs <= fromMs) return this.rateAt(fromMs);
    return ((this.recordsDue(toMs) - this.recordsDue(fromMs)) * 1000) / (toMs - fromMs);
  }

  private rateAt(elapsedMs: number): number {
    const s = [...this.stretches].reverse().find((x) => x.startMs <= Math.max(0, elapsedMs))!;
    return s.recordsPerSec + (s.slope * (elapsedMs - s.startMs)) / 1000;
  }

  // Records are asked for in order: the cursor moves forward, so the look-up is O(1) on the hot path.
  private stretchOf(index: number): Stretch {
    if (index < this.stretches[this.cursor]!.startRecords) this.cursor = 0;
    while (this.cursor < this.stretches.length - 1 && index >= this.stretches[this.cursor + 1]!.startRecords) this.cursor++;
    return this.stretches[this.cursor]!;
  }
}
