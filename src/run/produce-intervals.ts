import type { ProduceConfig } from '../config/types.js';
import { RunAggregator } from '../metrics/aggregate.js';
import { ConsumeAggregator } from '../metrics/consume-aggregate.js';
import type { Progress } from '../report/progress.js';
import type { IntervalResult } from '../report/result.js';
import type { Snapshot } from '../worker/protocol.js';
import { produceInterval } from './build-produce-result.js';
import type { RunHooks } from './hooks.js';
import { RateSchedule, rateSegments } from '../workload/rate.js';

/**
 * The figures of a produce or e2e run as the collect loop brings them: the producers' (and in e2e runs the
 * consumers') aggregates, and the intervals closed so far, each told to the hooks as it closes.
 */
export class ProduceIntervals {
  readonly produced = new RunAggregator();
  readonly consumed = new ConsumeAggregator();
  readonly intervals: IntervalResult[] = [];
  private lastMs: number;
  private steadyAnnounced = false;
  /** The run's target rate over time (ms since the start), for each interval's target. */
  private readonly target: RateSchedule | undefined;

  constructor(
    private readonly config: ProduceConfig,
    private readonly endToEnd: boolean,
    private readonly hooks: RunHooks,
    readonly startMs: number,
  ) {
    this.lastMs = startMs;
    const segments = rateSegments(config.rate);
    this.target = segments && new RateSchedule(0, segments);
  }

  add(snapshots: readonly Snapshot[]): void {
    for (const s of snapshots) {
      if (s.kind === 'produce') this.produced.add(s.data);
      else this.consumed.add(s.data);
    }
  }

  /** Closes an interval once one is due (within half a tick of `tickMs`), and tells it. */
  tick(nowMs: number, tickMs: number): void {
    if (nowMs - this.lastMs < this.config.reportingIntervalMs - tickMs / 2) return;
    const interval = this.close(nowMs);
    const firstSteady = !this.steadyAnnounced && this.config.warmupRecords > 0 && this.produced.totals.steadyAcked > 0;
    this.steadyAnnounced ||= firstSteady;
    const { sent, acked, failed } = this.produced.totals;
    // An interval without acks still shows while records wait: a stalled cluster is seen, not silent.
    if (interval.records > 0 || interval.failed > 0 || sent > acked + failed) {
      const t = this.produced.totals;
      const totals = { sent, acked, failed, retried: t.retried, errors: { ...t.errors } };
      this.hooks.onInterval(interval, progressOf(this.config, acked + failed, nowMs - this.startMs), firstSteady, totals);
    }
  }

  /** Closes the last interval at the end of the run; an empty one is left out. */
  closeLast(endMs: number): void {
    const last = this.close(endMs);
    if (last.records === 0 && last.failed === 0 && (last.consumed ?? 0) === 0) this.intervals.pop();
  }

  private close(nowMs: number): IntervalResult {
    const consumed = this.endToEnd ? this.consumed.closeInterval() : undefined;
    const target = this.target?.targetRecordsPerSec(this.lastMs - this.startMs, nowMs - this.startMs) ?? null;
    const interval = produceInterval(this.produced.closeInterval(), consumed, nowMs - this.startMs, nowMs - this.lastMs, target);
    this.lastMs = nowMs;
    this.intervals.push(interval);
    return interval;
  }
}

function progressOf(config: ProduceConfig, done: number, elapsedMs: number): Progress {
  const fraction = config.stop.kind === 'count' ? done / config.stop.records : elapsedMs / config.stop.durationMs;
  const clamped = Math.min(1, Math.max(0, fraction));
  const remainingMs = clamped > 0 ? (elapsedMs * (1 - clamped)) / clamped : undefined;
  return { fraction: clamped, remainingMs };
}
