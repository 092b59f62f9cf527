import type { ProducerSettings } from '../config/producer-config.js';
import type { RecordHeader } from '../clients/port.js';
import { RecordBatch } from './batch.js';
import { partitionForKey } from './murmur2.js';
import { StickyPartitioner } from './partitioner.js';
import { NO_HEADERS } from './record-size.js';

/**
 * What an append did to its partition's queue, as bits ({@link NEW_BATCH}, {@link CLOSED_FULL}): a number, not an
 * object, since an append is made for every record. As an object it was 38 bytes of garbage per record
 * (benchmarks/hot-path, sampled with collected objects).
 */
export type Appended = number;
/** A new batch was started (its linger time begins). */
export const NEW_BATCH = 1;
/** The partition's previous batch was closed full: it is ready to go. */
export const CLOSED_FULL = 2;

/**
 * Java's `RecordAccumulator`: a queue of batches per partition, oldest first. A record with a key goes to the
 * partition of its key's murmur2 hash (Java's `BuiltInPartitioner.partitionForKey`), one without to the partition the
 * sticky partitioner picks (which counts only keyless records' bytes, as Java's does); into that partition's newest
 * batch while it has room. The sender drains ready batches at the head of each queue, and puts back the ones it
 * will retry.
 */
export class RecordAccumulator {
  private readonly queues: RecordBatch[][] = [];
  private readonly partitioner: StickyPartitioner;
  /** Java hashes keys over every partition of the topic, numbered 0 to n - 1 (available or not). */
  private readonly partitionCount: number;
  private readonly nextStart = new Map<number, number>();
  private batchesMade = 0;
  /** Acknowledged batches, emptied, for new ones to reuse (see RecordBatch.reuse). */
  private readonly spare: RecordBatch[] = [];
  private readonly maxSpare: number;

  constructor(
    partitions: readonly number[],
    private readonly settings: ProducerSettings,
    private readonly trackIntended: boolean,
    random?: () => number,
  ) {
    for (const p of partitions) this.queues[p] = [];
    this.partitioner = new StickyPartitioner(partitions, settings.batchSizeBytes, random);
    this.partitionCount = partitions.length;
    this.maxSpare = Math.ceil(settings.bufferMemoryBytes / settings.batchSizeBytes);
  }

  /**
   * Appends a record of `bytes` (its size in the batch); it holds those bytes of buffer memory. `headerBytes` is
   * `headersSize(headers)`.
   */
  append(value: Buffer, sendTimeMs: number, intendedMs: number, bytes: number, key?: Buffer, headers?: readonly RecordHeader[], headerBytes = NO_HEADERS): Appended {
    const partition = key === undefined ? this.partitioner.partitionFor(bytes) : partitionForKey(key, this.partitionCount);
    const queue = this.queues[partition]!;
    let batch = queue[queue.length - 1];
    let appended = 0;
    if (batch === undefined || batch.closed || !batch.tryAppend(value, sendTimeMs, intendedMs, key, headers, headerBytes)) {
      if (batch !== undefined && !batch.closed) {
        batch.closed = true;
        appended |= CLOSED_FULL;
      }
      batch = this.spare.pop()?.reuse(partition, sendTimeMs) ?? new RecordBatch(partition, sendTimeMs, this.settings.batchSizeBytes, this.trackIntended);
      batch.order = this.batchesMade++;
      batch.tryAppend(value, sendTimeMs, intendedMs, key, headers, headerBytes);
      queue.push(batch);
      appended |= NEW_BATCH;
    }
    batch.bufferedBytes += bytes;
    return appended;
  }

  /**
   * Takes at most one ready batch per partition of a leader, up to `max.request.size` bytes, starting one partition
   * further each time so that every partition gets its turn. `canSend` may hold a head batch back; a batch it
   * lets through is always taken.
   */
  drain(leader: number, partitions: readonly number[], now: number, force: boolean, canSend: (b: RecordBatch) => boolean): RecordBatch[] {
    const request: RecordBatch[] = [];
    let bytes = 0;
    const n = partitions.length;
    const start = this.nextStart.get(leader) ?? 0;
    for (let k = 0; k < n; k++) {
      const queue = this.queues[partitions[(start + k) % n]!]!;
      const head = queue[0];
      if (head === undefined || head.retryAtMs > now) continue;
      const ready = force || head.closed || queue.length > 1 || now - head.createdMs >= this.settings.lingerMs;
      if (!ready) continue;
      if (request.length > 0 && bytes + head.sizeBytes > this.settings.maxRequestSizeBytes) break;
      if (!canSend(head)) continue; // last: a batch it lets through is taken
      queue.shift();
      head.closed = true;
      request.push(head);
      bytes += head.sizeBytes;
    }
    this.nextStart.set(leader, (start + 1) % Math.max(1, n));
    return request;
  }

  /** Puts a batch back at the front of its partition's queue, among the other retried ones in their order. */
  requeue(batch: RecordBatch): void {
    const queue = this.queues[batch.partition]!;
    let i = 0;
    while (i < queue.length && queue[i]!.attempts > 0 && queue[i]!.order < batch.order) i++;
    queue.splice(i, 0, batch);
  }

  /**
   * Takes back a batch that is done and that nothing holds any more, for a new batch to reuse. It keeps as many as
   * `buffer.memory` could hold at once, which is as many as can be unanswered.
   */
  recycle(batch: RecordBatch): void {
    if (this.spare.length < this.maxSpare) this.spare.push(batch);
  }

  /** Removes and returns the batches that waited longer than `delivery.timeout.ms`. */
  takeExpired(now: number): RecordBatch[] {
    const expired: RecordBatch[] = [];
    for (const queue of this.queues) {
      while (queue && queue.length > 0 && now - queue[0]!.createdMs >= this.settings.deliveryTimeoutMs) expired.push(queue.shift()!);
    }
    return expired;
  }

  /** Removes and returns every queued batch. */
  takeAll(): RecordBatch[] {
    const all = [...this.batches()];
    for (const queue of this.queues) if (queue) queue.length = 0;
    return all;
  }

  /** Every queued batch, partition by partition, oldest first. */
  *batches(): Iterable<RecordBatch> {
    for (const queue of this.queues) yield* queue ?? [];
  }

  /** When the next head batch lingers out, ends its retry backoff, or runs out of delivery time. */
  nextDueMs(now: number): number {
    let due = Infinity;
    for (const queue of this.queues) {
      const head = queue?.[0];
      if (head === undefined) continue;
      due = Math.min(due, head.createdMs + this.settings.deliveryTimeoutMs);
      if (head.retryAtMs > now) due = Math.min(due, head.retryAtMs);
      else if (!head.closed && queue!.length === 1) due = Math.min(due, head.createdMs + this.settings.lingerMs);
    }
    return due;
  }
}
