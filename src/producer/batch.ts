import type { RecordHeader } from '../clients/port.js';
import { NO_HEADERS, NULL_KEY, RECORD_BATCH_OVERHEAD, recordSizeInBatch } from './record-size.js';

const NONE: readonly RecordHeader[] = Object.freeze([]);

/** The most records a batch's arrays are sized for up front: tiny records in a huge batch.size grow past it as usual. */
const MAX_PRESIZED_RECORDS = 4096;

/**
 * One partition's batch of records: the values, and for each record the time it was handed to the producer
 * (and its intended send time under a rate cap), so that latency is measured per record at the ack.
 *
 * The arrays are sized at the first record for as many records of its size as fit in batch.size, and shortened to
 * the count when read: grown one push at a time, they were a producer thread's largest source of garbage (about 40%
 * of its allocations at 100 B records, sampled), which made the young generation collect and promote more often.
 *
 * A batch acknowledged at its first try is used again (see `reuse` and RecordAccumulator.recycle), arrays and all:
 * it waits for its ack long enough to be promoted, and a long run's dead batches were most of what filled the old
 * generation between full collections (10M x 100 B: peak RSS 159 MiB; see src/worker/launchers.ts).
 */
export class RecordBatch {
  private valueList: Buffer[] = [];
  private sendTimeList: number[] = [];
  private intendedTimeList: number[] = [];
  private records = 0;
  /** Records of the first one's size its arrays were sized for. */
  private presized = 0;
  /** Record i's key (null: none); undefined while no record of the batch has one, as in keyless runs. */
  keys: (Buffer | null)[] | undefined;
  /** Record i's headers; undefined while no record of the batch has any. */
  headers: (readonly RecordHeader[])[] | undefined;
  /** Value bytes, as Kafka's tool counts bytes. */
  valueBytes = 0;
  /** Estimated bytes of the batch on the wire (uncompressed). */
  sizeBytes = RECORD_BATCH_OVERHEAD;
  /** Bytes this batch holds of `buffer.memory`. */
  bufferedBytes = 0;
  /** Closed to appends: it is full, the producer was flushed, or it was sent. */
  closed = false;
  /** Times it was sent and came back with a retriable error. */
  attempts = 0;
  /** Not to be sent again before this time (retry backoff). */
  retryAtMs = 0;
  /** Its first sequence number once an idempotent producer drained it, else -1. */
  baseSequence = -1;
  /** Its place among the partition's batches, oldest first: retried batches go back in this order. */
  order = 0;

  constructor(
    private partitionNumber: number,
    private createdAtMs: number,
    private readonly capacityBytes: number,
    private readonly trackIntended: boolean,
  ) {}

  get partition(): number {
    return this.partitionNumber;
  }

  /** When its first record was appended: linger.ms and delivery.timeout.ms count from here. */
  get createdMs(): number {
    return this.createdAtMs;
  }

  /**
   * Empties the batch for another partition's records, keeping its arrays' room. Only for a batch whose request was
   * answered (the port has read its arrays) and that nothing else holds: see BatchingProducer.settleBatch.
   */
  reuse(partition: number, createdMs: number): this {
    this.partitionNumber = partition;
    this.createdAtMs = createdMs;
    this.records = 0;
    this.keys = undefined;
    this.headers = undefined;
    this.valueBytes = 0;
    this.sizeBytes = RECORD_BATCH_OVERHEAD;
    this.bufferedBytes = 0;
    this.closed = false;
    this.attempts = 0;
    this.retryAtMs = 0;
    this.baseSequence = -1;
    this.order = 0;
    return this;
  }

  get count(): number {
    return this.records;
  }

  /** The records' values, in order. */
  get values(): readonly Buffer[] {
    return settled(this.valueList, this.records);
  }

  /** When each record was handed to the producer, ms on the run's clock. */
  get sendTimesMs(): readonly number[] {
    return settled(this.sendTimeList, this.records);
  }

  /** Intended send times, kept only under a rate cap (see BatchingProducer's `trackIntended`). */
  get intendedTimesMs(): readonly number[] {
    return settled(this.intendedTimeList, this.trackIntended ? this.records : 0);
  }

  /**
   * Appends if the record fits (a record always fits an empty batch); returns false when it does not. `headerBytes`
   * is `headersSize(headers)`, taken once by the producer.
   */
  tryAppend(value: Buffer, sendTimeMs: number, intendedMs: number, key?: Buffer, headers?: readonly RecordHeader[], headerBytes = NO_HEADERS): boolean {
    const n = this.records;
    const recordBytes = recordSizeInBatch(value.length, n, key === undefined ? NULL_KEY : key.length, headerBytes);
    if (n > 0 && this.sizeBytes + recordBytes > this.capacityBytes) return false;
    if (n === 0) this.presize(recordBytes);
    this.valueList[n] = value;
    if (key !== undefined || this.keys !== undefined) (this.keys ??= new Array<Buffer | null>(n).fill(null)).push(key ?? null);
    if (headers !== undefined || this.headers !== undefined) (this.headers ??= new Array<readonly RecordHeader[]>(n).fill(NONE)).push(headers ?? NONE);
    this.sendTimeList[n] = sendTimeMs;
    if (this.trackIntended) this.intendedTimeList[n] = intendedMs;
    this.records = n + 1;
    this.valueBytes += value.length;
    this.sizeBytes += recordBytes;
    return true;
  }

  /** Sizes the arrays for as many records of the first one's size as batch.size holds, unless they have that room. */
  private presize(recordBytes: number): void {
    const fit = Math.floor((this.capacityBytes - RECORD_BATCH_OVERHEAD) / recordBytes);
    const n = Math.min(MAX_PRESIZED_RECORDS, Math.max(1, fit));
    if (n <= this.presized) return;
    this.presized = n;
    // new Array(n) allocates the store for n elements at once (setting a length would not).
    this.valueList = new Array<Buffer>(n);
    this.sendTimeList = new Array<number>(n);
    if (this.trackIntended) this.intendedTimeList = new Array<number>(n);
  }
}

/**
 * `list` cut to its first `count` entries, in place. V8 keeps the store's room unless the cut leaves less than half
 * of it, so a reused batch's arrays grow back into it without allocating.
 */
function settled<T>(list: T[], count: number): T[] {
  if (list.length !== count) list.length = count;
  return list;
}
