import type { ConsumerSnapshot } from './consume-recorder.js';
import { OffsetRanges } from './offset-ranges.js';
import { createMergedHistogram, decodeHistogram, encodeHistogram, summarizeLatency, type LatencySummary } from './histogram.js';

/** A closed interval of consumption, over all consumers. */
export interface ConsumeIntervalStats {
  readonly consumed: number;
  readonly bytes: number;
  readonly rebalanceMs: number;
  readonly endToEndLatency: LatencySummary | undefined;
  readonly endToEndHistogram: string;
}

/** The main thread's merge of consumer snapshots: counts, join times and end-to-end histograms. */
export class ConsumeAggregator {
  /** Records received, as Kafka's ConsumerPerformance counts them: a record read twice counts twice. */
  consumed = 0;
  /** Distinct records received (by partition and offset): a consumer that rejoins its group reads some again. */
  unique = 0;
  private readonly read = new Map<string, OffsetRanges>();
  bytes = 0;
  /** The latest record any consumer received (shared clock). */
  lastRecordMs: number | undefined;
  private intervalConsumed = 0;
  private intervalBytes = 0;
  private intervalRebalanceMs = 0;
  private readonly intervalLatency = createMergedHistogram();
  readonly endToEnd = createMergedHistogram();

  add(s: ConsumerSnapshot): void {
    this.consumed += s.consumed;
    for (const [key, runs] of Object.entries(s.offsets)) {
      let ranges = this.read.get(key);
      if (!ranges) this.read.set(key, (ranges = new OffsetRanges()));
      for (const [start, end] of runs) this.unique += ranges.add(start, end);
    }
    this.bytes += s.bytes;
    this.intervalConsumed += s.consumed;
    this.intervalBytes += s.bytes;
    // Consumers join in parallel: an interval's join time is the longest of theirs.
    this.intervalRebalanceMs = Math.max(this.intervalRebalanceMs, s.rebalanceMs);
    if (s.lastRecordMs !== undefined) this.lastRecordMs = Math.max(this.lastRecordMs ?? -Infinity, s.lastRecordMs);
    if (s.endToEndLatency !== undefined) {
      const h = decodeHistogram(s.endToEndLatency);
      this.intervalLatency.add(h);
      this.endToEnd.add(h);
    }
  }

  closeInterval(): ConsumeIntervalStats {
    const stats: ConsumeIntervalStats = {
      consumed: this.intervalConsumed,
      bytes: this.intervalBytes,
      rebalanceMs: this.intervalRebalanceMs,
      endToEndLatency: summarizeLatency(this.intervalLatency),
      endToEndHistogram: encodeHistogram(this.intervalLatency),
    };
    this.intervalConsumed = this.intervalBytes = this.intervalRebalanceMs = 0;
    this.intervalLatency.reset();
    return stats;
  }
}
