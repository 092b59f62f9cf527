import type { ConsumedBatch, ConsumerListener } from '../clients/port.js';
import type { Clock } from '../util/clock.js';
import { createWorkerHistogram, encodeHistogram, type Histogram } from './histogram.js';

/** What a consumer worker ships for one interval. */
export interface ConsumerSnapshot {
  readonly consumed: number;
  /** Key + value bytes, as Kafka's ConsumerPerformance counts them. */
  readonly bytes: number;
  /** When the last record arrived (shared clock), or undefined if none ever did. */
  readonly lastRecordMs: number | undefined;
  /** Group-join time in this interval. */
  readonly rebalanceMs: number;
  /** Whether the consumer has joined its group. */
  readonly joined: boolean;
  /** End-to-end latency, send stamp to receipt (e2e runs only), µs. */
  readonly endToEndLatency: string | undefined;
  /** The offsets read, per "topic:partition", as runs [start, end): what tells a record read again from a new one. */
  readonly offsets: Readonly<Record<string, readonly (readonly [number, number])[]>>;
}

/**
 * A consumer worker's recorder: counts records and bytes, and in e2e runs each record's latency from its
 * send-time stamp to now. Records before `startOffsets` (older than the run) are skipped, not counted.
 */
export class ConsumeRecorder implements ConsumerListener {
  private consumed = 0;
  private bytes = 0;
  private rebalanceMs = 0;
  private lastRecordMs: number | undefined;
  private offsets: Record<string, [number, number][]> = {};
  private readonly endToEnd: Histogram | undefined;
  joined = false;
  totalRebalanceMs = 0;
  private onJoin: (() => void) | undefined;
  /** Resolves once the consumer has joined its group. */
  readonly joinedGroup = new Promise<void>((resolve) => (this.onJoin = resolve));
  /** Per "topic:partition", the first offset of this run; older records are skipped. */
  startOffsets: Record<string, bigint> | undefined;

  constructor(
    private readonly clock: Clock,
    endToEnd: boolean,
  ) {
    this.endToEnd = endToEnd ? createWorkerHistogram() : undefined;
  }

  onJoined(durationMs: number): void {
    this.rebalanceMs += durationMs;
    this.totalRebalanceMs += durationMs;
    this.joined = true;
    this.onJoin?.();
  }

  onBatch({ topic, partition, records }: ConsumedBatch): void {
    const now = this.clock.nowMs();
    const key = `${topic}:${partition}`;
    const from = this.startOffsets?.[key];
    const first = from === undefined ? -Infinity : Number(from);
    const runs = (this.offsets[key] ??= []);
    const { count, offsets, sizes, sendTimes } = records;
    let n = 0;
    let bytes = 0;
    for (let i = 0; i < count; i++) {
      const offset = offsets[i]!;
      if (offset < first) continue;
      n++;
      const last = runs[runs.length - 1];
      if (last !== undefined && last[1] === offset) last[1] = offset + 1;
      else runs.push([offset, offset + 1]);
      bytes += sizes[i]!;
      if (this.endToEnd && sendTimes) {
        const sent = sendTimes[i]!;
        if (!Number.isNaN(sent)) this.endToEnd.recordValue(Math.max(0, Math.round((now - sent) * 1000)));
      }
    }
    if (n === 0) return;
    this.consumed += n;
    this.bytes += bytes;
    this.lastRecordMs = now;
  }

  snapshot(): ConsumerSnapshot {
    const s: ConsumerSnapshot = {
      consumed: this.consumed,
      bytes: this.bytes,
      lastRecordMs: this.lastRecordMs,
      rebalanceMs: this.rebalanceMs,
      joined: this.joined,
      endToEndLatency: this.endToEnd && encodeHistogram(this.endToEnd),
      offsets: this.offsets,
    };
    this.consumed = this.bytes = this.rebalanceMs = 0;
    this.offsets = {};
    this.endToEnd?.reset();
    return s;
  }
}
