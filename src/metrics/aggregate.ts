import { createMergedHistogram, decodeHistogram, encodeHistogram, summarizeLatency, type Histogram, type LatencySummary } from './histogram.js';
import type { WorkerSnapshot } from './recorder.js';

/** Counts of records over a span. */
export interface Counts {
  sent: number;
  acked: number;
  failed: number;
  ackedBytes: number;
  steadyAcked: number;
  steadyAckedBytes: number;
  errors: Record<string, number>;
  retried: number;
  metadataRefreshes: number;
}

/** One closed interval, merged over all workers. */
export interface IntervalStats {
  readonly acked: number;
  readonly ackedBytes: number;
  readonly failed: number;
  readonly retried: number;
  readonly metadataRefreshes: number;
  readonly latency: LatencySummary | undefined;
  readonly intendedLatency: LatencySummary | undefined;
  /** The interval's latency histogram (µs, compressed base64). */
  readonly latencyHistogram: string;
}

function emptyCounts(): Counts {
  return { sent: 0, acked: 0, failed: 0, ackedBytes: 0, steadyAcked: 0, steadyAckedBytes: 0, errors: {}, retried: 0, metadataRefreshes: 0 };
}

function addCounts(into: Counts, s: WorkerSnapshot): void {
  into.sent += s.sent;
  into.acked += s.acked;
  into.failed += s.failed;
  into.ackedBytes += s.ackedBytes;
  into.steadyAcked += s.steadyAcked;
  into.steadyAckedBytes += s.steadyAckedBytes;
  into.retried += s.retried;
  into.metadataRefreshes += s.metadataRefreshes;
  for (const [name, n] of Object.entries(s.errors)) into.errors[name] = (into.errors[name] ?? 0) + n;
}

/** A pair of histograms, as OpenMessaging Benchmark keeps them: this interval, and the whole run. */
class HistogramPair {
  readonly interval = createMergedHistogram();
  readonly total = createMergedHistogram();

  add(encoded: string | undefined): void {
    if (encoded === undefined) return;
    const h = decodeHistogram(encoded);
    this.interval.add(h);
    this.total.add(h);
  }
}

/**
 * The main thread's merge of worker snapshots: interval and cumulative histograms per latency view, and
 * counts. Histograms are never shared between threads; only their compressed snapshots cross.
 */
export class RunAggregator {
  private readonly latency = new HistogramPair();
  private readonly intendedLatency = new HistogramPair();
  private readonly steadyLatency = new HistogramPair();
  private readonly steadyIntendedLatency = new HistogramPair();
  private intervalCounts = emptyCounts();
  readonly totals = emptyCounts();

  add(snapshot: WorkerSnapshot): void {
    this.latency.add(snapshot.latency);
    this.intendedLatency.add(snapshot.intendedLatency);
    this.steadyLatency.add(snapshot.steadyLatency);
    this.steadyIntendedLatency.add(snapshot.steadyIntendedLatency);
    addCounts(this.intervalCounts, snapshot);
    addCounts(this.totals, snapshot);
  }

  /** Summarises the interval since the last call and starts a new one. */
  closeInterval(): IntervalStats {
    const stats: IntervalStats = {
      acked: this.intervalCounts.acked,
      ackedBytes: this.intervalCounts.ackedBytes,
      failed: this.intervalCounts.failed,
      retried: this.intervalCounts.retried,
      metadataRefreshes: this.intervalCounts.metadataRefreshes,
      latency: summarizeLatency(this.latency.interval),
      intendedLatency: summarizeLatency(this.intendedLatency.interval),
      latencyHistogram: encodeHistogram(this.latency.interval),
    };
    this.latency.interval.reset();
    this.intendedLatency.interval.reset();
    this.steadyLatency.interval.reset();
    this.steadyIntendedLatency.interval.reset();
    this.intervalCounts = emptyCounts();
    return stats;
  }

  /** The whole run's histograms (µs). */
  histograms(): { latency: Histogram; intendedLatency: Histogram; steadyLatency: Histogram; steadyIntendedLatency: Histogram } {
    return {
      latency: this.latency.total, intendedLatency: this.intendedLatency.total,
      steadyLatency: this.steadyLatency.total, steadyIntendedLatency: this.steadyIntendedLatency.total,
    };
  }
}
