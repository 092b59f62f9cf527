import type { DeliveryListener } from '../producer/producer.js';
import type { RecordBatch } from '../producer/batch.js';
import { createWorkerHistogram, encodeHistogram, type Histogram } from './histogram.js';

/** What a worker ships to the main thread for one interval: counts and compressed histograms (µs). */
export interface WorkerSnapshot {
  /** Records handed to the producer. */
  readonly sent: number;
  readonly acked: number;
  readonly failed: number;
  /** Value bytes of the acknowledged records. */
  readonly ackedBytes: number;
  readonly steadyAcked: number;
  readonly steadyAckedBytes: number;
  /** Failed records by error name. */
  readonly errors: Readonly<Record<string, number>>;
  /** Records sent again after a retriable error. */
  readonly retried: number;
  /** Times the producer looked the leaders up again. */
  readonly metadataRefreshes: number;
  /** Send-to-ack latency. */
  readonly latency: string;
  /** Intended-send-time-to-ack latency (rate-capped runs only). */
  readonly intendedLatency: string | undefined;
  /** Send-to-ack latency of steady-state records (runs with warmup only). */
  readonly steadyLatency: string | undefined;
  /** Intended-send-time-to-ack latency of steady-state records (rate-capped runs with warmup only). */
  readonly steadyIntendedLatency?: string | undefined;
}

/**
 * A worker's recorder: every record's latency goes into histograms owned by this thread; `snapshot()`
 * encodes and resets them. Nothing is kept per record, so memory is flat however long the run.
 */
export class IntervalRecorder implements DeliveryListener {
  private readonly latency = createWorkerHistogram();
  private readonly intendedLatency: Histogram | undefined;
  private readonly steadyLatency: Histogram | undefined;
  private readonly steadyIntendedLatency: Histogram | undefined;
  private sent = 0;
  private acked = 0;
  private retried = 0;
  private metadataRefreshes = 0;
  private failed = 0;
  private ackedBytes = 0;
  private steadyAcked = 0;
  private steadyAckedBytes = 0;
  private errors: Record<string, number> = {};
  /** Records sent at or after this time are steady-state records. */
  steadyFromMs = Infinity;

  constructor(views: { readonly intended: boolean; readonly steady: boolean }) {
    this.intendedLatency = views.intended ? createWorkerHistogram() : undefined;
    this.steadyLatency = views.steady ? createWorkerHistogram() : undefined;
    this.steadyIntendedLatency = views.steady && views.intended ? createWorkerHistogram() : undefined;
  }

  noteSent(): void {
    this.sent++;
  }

  onAcked(batch: RecordBatch, ackMs: number): void {
    const sendTimes = batch.sendTimesMs;
    const n = sendTimes.length;
    recordLatencies(this.latency, sendTimes, ackMs);
    if (this.intendedLatency) recordLatencies(this.intendedLatency, batch.intendedTimesMs, ackMs);
    if (this.steadyLatency && sendTimes[n - 1]! >= this.steadyFromMs) {
      for (let i = 0; i < n; i++) {
        const sentAt = sendTimes[i]!;
        if (sentAt < this.steadyFromMs) continue;
        this.steadyLatency.recordValue(Math.round((ackMs - sentAt) * 1000));
        this.steadyIntendedLatency?.recordValue(Math.round((ackMs - batch.intendedTimesMs[i]!) * 1000));
        this.steadyAcked++;
        this.steadyAckedBytes += batch.values[i]!.length;
      }
    }
    this.acked += n;
    this.ackedBytes += batch.valueBytes;
  }

  onFailed(records: number, _valueBytes: number, error: string): void {
    this.failed += records;
    this.errors[error] = (this.errors[error] ?? 0) + records;
  }

  onRetried(records: number): void {
    this.retried += records;
  }

  onMetadataRefreshed(): void {
    this.metadataRefreshes++;
  }

  /** Encodes this interval and starts the next one. */
  snapshot(): WorkerSnapshot {
    const snap: WorkerSnapshot = {
      sent: this.sent,
      acked: this.acked,
      failed: this.failed,
      ackedBytes: this.ackedBytes,
      steadyAcked: this.steadyAcked,
      steadyAckedBytes: this.steadyAckedBytes,
      errors: this.errors,
      retried: this.retried,
      metadataRefreshes: this.metadataRefreshes,
      latency: encodeHistogram(this.latency),
      intendedLatency: this.intendedLatency && encodeHistogram(this.intendedLatency),
      steadyLatency: this.steadyLatency && encodeHistogram(this.steadyLatency),
      steadyIntendedLatency: this.steadyIntendedLatency && encodeHistogram(this.steadyIntendedLatency),
    };
    this.latency.reset();
    this.intendedLatency?.reset();
    this.steadyLatency?.reset();
    this.steadyIntendedLatency?.reset();
    this.sent = this.acked = this.failed = this.ackedBytes = this.steadyAcked = this.steadyAckedBytes = 0;
    this.retried = this.metadataRefreshes = 0;
    this.errors = {};
    return snap;
  }
}

/**
 * Records each time's latency to `ackMs`, in whole µs. Records sent back to back share a send time (see the
 * produce loop), so equal latencies come in runs: each run is recorded once with its count, which fills the
 * histogram exactly as recording them one by one would, with a fraction of the calls.
 */
function recordLatencies(h: Histogram, timesMs: readonly number[], ackMs: number): void {
  let run = 0;
  let value = 0;
  for (let i = 0; i < timesMs.length; i++) {
    const v = Math.round((ackMs - timesMs[i]!) * 1000);
    if (run > 0 && v === value) {
      run++;
      continue;
    }
    if (run > 0) h.recordValueWithCount(value, run);
    value = v;
    run = 1;
  }
  if (run > 0) h.recordValueWithCount(value, run);
}
