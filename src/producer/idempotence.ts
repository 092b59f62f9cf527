import type { ProducerIdentity } from '../clients/port.js';
import type { RecordBatch } from './batch.js';

/** Kafka's sequence numbers are int32 and wrap to 0 after Integer.MAX_VALUE. */
const SEQUENCE_MODULUS = 2 ** 31;

interface PartitionSequences {
  /** The base sequence of the next new batch. */
  next: number;
  /** The last sequence the broker acknowledged, -1 before any. */
  lastAcked: number;
  /** Batches given a sequence and not yet done (acknowledged or failed), in sequence order. */
  readonly unresolved: RecordBatch[];
}

/**
 * What Java's `TransactionManager` keeps for an idempotent producer: per partition, the sequence numbers and the
 * batches that carry them until they are done; and when the producer epoch must be bumped.
 *
 * A batch gets its sequence when it is first drained and keeps it across retries. A retried batch goes out only
 * when it is the partition's oldest unresolved one, so batches reach the broker in sequence order again after a
 * failure: no duplicate, no reordering. A batch that fails for good leaves a gap that the broker would refuse
 * (OUT_OF_ORDER_SEQUENCE_NUMBER) forever, so the epoch is bumped, as Java's idempotent producer does (KIP-360):
 * once nothing is in flight, a new epoch restarts every partition's sequences at 0. (An epoch at Short.MAX_VALUE
 * would need a new producer id; 32,767 gaps in one run are not a case perf-test meets.)
 */
export class IdempotenceState {
  private readonly partitions = new Map<number, PartitionSequences>();
  /** The producer id and epoch the batches are numbered for. */
  identity: ProducerIdentity | undefined;
  /** Set after a sequence gap: nothing is sent until the epoch is bumped. */
  bumpNeeded = false;
  /** Epoch bumps made. */
  bumps = 0;

  constructor(private readonly transactional: boolean) {}

  /**
   * Takes the client's producer id and epoch: at the start, and whenever a transactional client's change (its
   * InitProducerId). Sequences restart at 0 for a new one.
   */
  follow(given: ProducerIdentity, queued: Iterable<RecordBatch>): void {
    const mine = this.identity;
    if (mine && (!this.transactional || (mine.producerId === given.producerId && mine.producerEpoch === given.producerEpoch))) return;
    this.restart(given, queued);
  }

  /**
   * Bumps the epoch after a sequence gap, once nothing is in flight, as Java's idempotent producer does: locally,
   * which the broker accepts for the same producer id when sequences start again at 0. A transactional producer
   * never gets here: its gaps fail the batch (see `gapsAreRetried`).
   */
  bumpEpoch(queued: Iterable<RecordBatch>): void {
    const { producerId, producerEpoch } = this.identity!;
    this.bumps++;
    this.restart({ producerId, producerEpoch: producerEpoch + 1 }, queued);
  }

  /** Whether OUT_OF_ORDER_SEQUENCE_NUMBER and UNKNOWN_PRODUCER_ID are retried (with an epoch bump if need be). */
  get gapsAreRetried(): boolean {
    return !this.transactional;
  }

  private restart(identity: ProducerIdentity, queued: Iterable<RecordBatch>): void {
    this.identity = identity;
    this.partitions.clear();
    this.bumpNeeded = false;
    // Batches waiting for a retry are numbered afresh in queue order, which is their sequence order.
    for (const batch of queued) batch.baseSequence = -1;
  }

  /** Whether the partition's head batch may be drained now. */
  canSend(batch: RecordBatch): boolean {
    if (this.bumpNeeded) return false;
    if (batch.baseSequence < 0) return true;
    return this.of(batch.partition).unresolved[0] === batch;
  }

  /** Gives a batch its sequence on its first drain. */
  assign(batch: RecordBatch): void {
    if (batch.baseSequence >= 0) return;
    const p = this.of(batch.partition);
    batch.baseSequence = p.next;
    p.next = (p.next + batch.count) % SEQUENCE_MODULUS;
    p.unresolved.push(batch);
  }

  /** The broker has the batch. */
  acked(batch: RecordBatch): void {
    const p = this.of(batch.partition);
    if (!this.resolve(p, batch)) return;
    p.lastAcked = (batch.baseSequence + batch.count - 1) % SEQUENCE_MODULUS;
  }

  /** The batch failed for good: its sequence numbers will never be filled. */
  failed(batch: RecordBatch): void {
    if (this.resolve(this.of(batch.partition), batch) && !this.transactional) this.bumpNeeded = true;
  }

  /**
   * Whether an OUT_OF_ORDER_SEQUENCE_NUMBER for this batch is worth a retry without a new epoch: an earlier batch
   * of the partition is still unresolved (being retried), so the broker saw a gap that the retry will fill.
   * Otherwise the gap is real and the epoch is bumped first.
   */
  isBehindUnresolved(batch: RecordBatch): boolean {
    const p = this.of(batch.partition);
    return p.unresolved[0] !== batch && (p.lastAcked + 1) % SEQUENCE_MODULUS !== batch.baseSequence;
  }

  private resolve(p: PartitionSequences, batch: RecordBatch): boolean {
    const i = p.unresolved.indexOf(batch);
    if (i === -1) return false;
    p.unresolved.splice(i, 1);
    return true;
  }

  private of(partition: number): PartitionSequences {
    let p = this.partitions.get(partition);
    if (!p) this.partitions.set(partition, (p = { next: 0, lastAcked: -1, unresolved: [] }));
    return p;
  }
}
