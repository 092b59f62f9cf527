import { NumericMap } from '@platformatic/kafka';
import type { PartitionRecords } from '../port.js';

/** Kafka's sequence numbers are int32 and wrap to 0 after Integer.MAX_VALUE. */
const SEQUENCE_MODULUS = 2 ** 31;

/**
 * The per-partition sequence numbers of an idempotent producer. They are assigned when a request is made (as
 * Java's sender does), so that a retried request keeps its numbers and the next one follows on. A new producer
 * id or epoch starts every partition again at 0.
 */
export class SequenceNumbers {
  private owner: string | undefined;
  private readonly next = new Map<string, number>();

  /** The first sequence number of each partition's batch in one request, in the client's `topic:partition` keys. */
  take(producerId: bigint, producerEpoch: number, topic: string, records: readonly PartitionRecords[]): NumericMap {
    const owner = `${producerId}:${producerEpoch}`;
    if (owner !== this.owner) {
      this.next.clear();
      this.owner = owner;
    }
    const firsts = new NumericMap();
    for (const { partition, values } of records) {
      const key = `${topic}:${partition}`;
      const first = this.next.get(key) ?? 0;
      firsts.set(key, first);
      this.next.set(key, (first + values.length) % SEQUENCE_MODULUS);
    }
    return firsts;
  }
}
