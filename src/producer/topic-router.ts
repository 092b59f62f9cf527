import type { BatchingProducer, DeliveryListener } from './producer.js';
import { addProducerMetrics, emptyProducerMetrics, type ProducerMetrics } from './metrics.js';

/** What the produce loop hands records to: one topic's producer, or a router over several. */
export interface RecordProducer {
  readonly pending: number;
  send(value: Buffer, sendTimeMs: number, intendedMs: number): Promise<void> | undefined;
  flush(): Promise<void>;
  abandonUnsent(): number;
  metrics(): ProducerMetrics;
}

/** One topic's records in a run: handed over, acknowledged (with their value bytes) and failed. */
export interface TopicCounts {
  sent: number;
  acked: number;
  ackedBytes: number;
  failed: number;
}

export function emptyTopicCounts(): TopicCounts {
  return { sent: 0, acked: 0, ackedBytes: 0, failed: 0 };
}

/** Adds `b` into `a`, topic by topic (both in the run's topic order). */
export function addTopicCounts(a: readonly TopicCounts[], b: readonly TopicCounts[]): TopicCounts[] {
  return a.map((t, i) => {
    const u = b[i] ?? emptyTopicCounts();
    return { sent: t.sent + u.sent, acked: t.acked + u.acked, ackedBytes: t.ackedBytes + u.ackedBytes, failed: t.failed + u.failed };
  });
}

/** Counts one topic's outcomes into `counts`, and passes every event on. */
export function countingListener(inner: DeliveryListener, counts: TopicCounts): DeliveryListener {
  return {
    onAcked: (batch, ackMs) => {
      counts.acked += batch.count;
      counts.ackedBytes += batch.valueBytes;
      inner.onAcked(batch, ackMs);
    },
    onFailed: (records, valueBytes, error) => {
      counts.failed += records;
      inner.onFailed(records, valueBytes, error);
    },
    onRetried: (records, error) => inner.onRetried(records, error),
    onMetadataRefreshed: () => inner.onMetadataRefreshed(),
  };
}

/**
 * Spreads a worker's records over several topics, record k (the run's ordinal) to topic k mod their count, so that
 * the topics of a count run get shares that differ by one at most. Each topic has its own batching producer on the
 * worker's one client and one `buffer.memory`; a Java producer would also put several topics' batches for one
 * broker into one request, where these send a request per topic (README, "Several topics").
 */
export class TopicRouter implements RecordProducer {
  private handed = 0;

  constructor(
    private readonly producers: readonly BatchingProducer[],
    readonly counts: readonly TopicCounts[],
    private readonly ordinalBase: number,
    private readonly ordinalStride: number,
  ) {}

  get pending(): number {
    return this.producers.reduce((n, p) => n + p.pending, 0);
  }

  send(value: Buffer, sendTimeMs: number, intendedMs: number): Promise<void> | undefined {
    const t = (this.ordinalBase + this.handed++ * this.ordinalStride) % this.producers.length;
    this.counts[t]!.sent++;
    return this.producers[t]!.send(value, sendTimeMs, intendedMs);
  }

  async flush(): Promise<void> {
    await Promise.all(this.producers.map((p) => p.flush()));
  }

  abandonUnsent(): number {
    return this.producers.reduce((n, p) => n + p.abandonUnsent(), 0);
  }

  metrics(): ProducerMetrics {
    return this.producers.reduce((m, p) => addProducerMetrics(m, p.metrics()), emptyProducerMetrics());
  }
}
