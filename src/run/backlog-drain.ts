import type { BacklogTarget } from '../config/types.js';
import { throughputOf, type BacklogResult } from '../report/result.js';

/** The run's counts as the collect loop sees them at one tick. */
export interface DrainCounts {
  readonly acked: number;
  readonly ackedBytes: number;
  /** Distinct records consumed (by partition and offset), and their bytes. */
  readonly consumed: number;
  readonly consumedBytes: number;
}

/** A share of the backlog's records: a lag at or below it counts as caught up (OMB waits for 1000 records). */
const CAUGHT_UP_SHARE = 0.01;

type Phase =
  | { readonly kind: 'filling' }
  | { readonly kind: 'draining'; readonly startMs: number; readonly at: DrainCounts; readonly reached: boolean }
  | { readonly kind: 'caught-up'; readonly startMs: number; readonly at: DrainCounts; readonly reached: boolean; readonly endMs: number; readonly end: DrainCounts; readonly whileProducing: boolean };

/**
 * The phases of a backlog drain, decided on the collect loop's ticks (pure: times and counts come in): filling
 * until the backlog exists (or producing ended), then draining until the lag is down to 1% of the backlog.
 */
export class BacklogDrain {
  private phase: Phase = { kind: 'filling' };

  constructor(private readonly target: BacklogTarget, private readonly startMs: number) {}

  /** Which phase the run is in. */
  get current(): Phase['kind'] {
    return this.phase.kind;
  }

  /**
   * Moves the phases on at one tick; returns `resume` when the consumers are to start now. `producing`: the
   * producers have not finished.
   */
  tick(nowMs: number, c: DrainCounts, producing: boolean): 'resume' | undefined {
    const p = this.phase;
    if (p.kind === 'filling') {
      const reached = this.target.kind === 'records'
        ? c.acked - c.consumed >= this.target.records
        : c.ackedBytes - c.consumedBytes >= this.target.bytes;
      if (!reached && producing) return undefined;
      this.phase = { kind: 'draining', startMs: nowMs, at: c, reached };
      return 'resume';
    }
    if (p.kind === 'draining' && c.acked - c.consumed <= lagBound(p.at)) {
      this.phase = { ...p, kind: 'caught-up', endMs: nowMs, end: c, whileProducing: producing };
    }
    return undefined;
  }

  /** The figures of both phases, at the run's end. */
  result(endMs: number, c: DrainCounts): BacklogResult {
    const p = this.phase.kind === 'filling' ? { kind: 'draining' as const, startMs: endMs, at: c, reached: false } : this.phase;
    const end = p.kind === 'caught-up' ? p.end : c;
    const drainEndMs = p.kind === 'caught-up' ? p.endMs : endMs;
    const fillMs = p.startMs - this.startMs;
    const drainMs = drainEndMs - p.startMs;
    const consumed = end.consumed - p.at.consumed;
    const consumedBytes = end.consumedBytes - p.at.consumedBytes;
    return {
      targetBytes: this.target.kind === 'bytes' ? this.target.bytes : null,
      targetRecords: this.target.kind === 'records' ? this.target.records : null,
      fill: {
        reached: p.reached,
        durationMs: fillMs,
        records: p.at.acked - p.at.consumed,
        bytes: p.at.ackedBytes - p.at.consumedBytes,
        throughput: throughputOf(p.at.acked, p.at.ackedBytes, fillMs),
      },
      drain: {
        startMs: p.startMs - this.startMs,
        caughtUp: p.kind === 'caught-up',
        catchUpMs: p.kind === 'caught-up' ? drainMs : null,
        caughtUpLagRecords: lagBound(p.at),
        whileProducing: p.kind === 'caught-up' && p.whileProducing,
        durationMs: drainMs,
        consumedRecords: consumed,
        consumedBytes,
        throughput: throughputOf(consumed, consumedBytes, drainMs),
        produceThroughput: throughputOf(end.acked - p.at.acked, end.ackedBytes - p.at.ackedBytes, drainMs),
      },
    };
  }
}

function lagBound(at: DrainCounts): number {
  return Math.max(1, Math.floor((at.acked - at.consumed) * CAUGHT_UP_SHARE));
}
