import type { RecordHeader } from '../clients/port.js';
import { NO_HEADERS, NULL_KEY, RECORD_BATCH_OVERHEAD, recordSizeInBatch } from './record-size.js';

const NONE: readonly RecordHeader[] = Object.freeze([]);

/**
 * One partition's batch of records: the values, and for each record the time it was handed to the producer
 * (and its intended send time under a rate cap), so that latency is measured per record at the ack.
 */
export class RecordBatch {
  readonly values: Buffer[] = [];
  /** Record i's key (null: none); undefined while no record of the batch has one, as in keyless runs. */
  keys: (Buffer | null)[] | undefined;
  /** Record i's headers; undefined while no record of the batch has any. */
  headers: (readonly RecordHeader[])[] | undefined;
  readonly sendTimesMs: number[] = [];
  /** Intended send times, kept only under a rate cap (see BatchingProducer's `trackIntended`). */
  readonly intendedTimesMs: number[] = [];
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
    readonly partition: number,
    readonly createdMs: number,
    private readonly capacityBytes: number,
    private readonly trackIntended: boolean,
  ) {}

  get count(): number {
    return this.values.length;
  }

  /**
   * Appends if the record fits (a record always fits an empty batch); returns false when it does not. `headerBytes`
   * is `headersSize(headers)`, taken once by the producer.
   */
  tryAppend(value: Buffer, sendTimeMs: number, intendedMs: number, key?: Buffer, headers?: readonly RecordHeader[], headerBytes = NO_HEADERS): boolean {
    const n = this.values.length;
    const recordBytes = recordSizeInBatch(value.length, n, key === undefined ? NULL_KEY : key.length, headerBytes);
    if (n > 0 && this.sizeBytes + recordBytes > this.capacityBytes) return false;
    this.values.push(value);
    if (key !== undefined || this.keys !== undefined) (this.keys ??= new Array<Buffer | null>(n).fill(null)).push(key ?? null);
    if (headers !== undefined || this.headers !== undefined) (this.headers ??= new Array<readonly RecordHeader[]>(n).fill(NONE)).push(headers ?? NONE);
    this.sendTimesMs.push(sendTimeMs);
    if (this.trackIntended) this.intendedTimesMs.push(intendedMs);
    this.valueBytes += value.length;
    this.sizeBytes += recordBytes;
    return true;
  }
}
