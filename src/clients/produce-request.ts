import { crc32c } from './crc32c.js';
import type { PartitionRecords, ProducerIdentity, RecordHeader } from './port.js';

/** What goes into one Produce request's body (the part after the request header). */
export interface ProduceRequestBody {
  /** Produce API version, 3 to 11: from 9 on the request is "flexible" (compact strings, tagged fields). */
  readonly version: number;
  readonly transactionalId: string | undefined;
  readonly acks: number;
  readonly timeoutMs: number;
  readonly topic: string;
  readonly batches: readonly PartitionRecords[];
  /** Set for an idempotent or transactional producer: its id and epoch go into every batch. */
  readonly identity: ProducerIdentity | undefined;
  /** Every record's timestamp (CreateTime), ms since the epoch: one per request, as the client has always set it. */
  readonly timestampMs: number;
}

/** Where a request is encoded: `take(size)` gives the bytes to encode it into. */
export interface EncodeTarget {
  take(size: number): Buffer;
}

/**
 * A buffer that requests are encoded into, one after another, grown when a request does not fit: for a caller whose
 * connection copies each request before the next is encoded (@platformatic/kafka's does, as it adds the header), so
 * that a request costs no buffer of its own. A request of 100 B records is tens of KiB: a new one per request was
 * most of a worker's external memory, garbage the young generation promoted before its answer came.
 */
export class RequestScratch implements EncodeTarget {
  private buffer = Buffer.allocUnsafeSlow(0);

  /** `size` bytes to encode into, valid until the next call. */
  take(size: number): Buffer {
    if (this.buffer.length < size) this.buffer = Buffer.allocUnsafeSlow(Math.max(size, this.buffer.length * 2));
    return this.buffer.subarray(0, size);
  }
}

/** The first version whose request is flexible (KIP-482). */
const FIRST_FLEXIBLE = 9;
/** Bytes of a record batch before its records (`DefaultRecordBatch.RECORD_BATCH_OVERHEAD`). */
const BATCH_HEADER = 61;
/** Where a batch's CRC-covered part begins: after baseOffset, length, partitionLeaderEpoch, magic and crc. */
const CRC_FROM = 21;
const IS_TRANSACTIONAL = 0x10;

/** Bytes of an unsigned varint. */
function uvarintSize(v: number): number {
  let n = 1;
  while (v >= 0x80) {
    v >>>= 7;
    n++;
  }
  return n;
}

/** Bytes of a key field: a null key is its length, -1, in one byte. */
function keyFieldSize(key: Buffer | null): number {
  return key === null ? 1 : uvarintSize(key.length * 2) + key.length;
}

/** Bytes of a record's headers, their count included. */
function headersFieldSize(headers: readonly RecordHeader[]): number {
  let size = uvarintSize(headers.length * 2);
  for (const { key, value } of headers) size += uvarintSize(key.length * 2) + key.length + (value === null ? 1 : uvarintSize(value.length * 2) + value.length);
  return size;
}

/** Bytes of a record's body (timestamp delta 0), given its key and headers fields' sizes. */
function recordBody(offsetDelta: number, valueBytes: number, keyField: number, headersField: number): number {
  return 2 /* attributes, timestamp delta */ + uvarintSize(offsetDelta * 2) + keyField + uvarintSize(valueBytes * 2) + valueBytes + headersField;
}

/** Bytes of one partition's record batch: with a null key and no headers, each record is 4 bytes besides its varints and value. */
export function recordBatchSize(batch: Pick<PartitionRecords, 'values' | 'keys' | 'headers'>): number {
  const { values, keys, headers } = batch;
  let size = BATCH_HEADER;
  for (let i = 0; i < values.length; i++) {
    const keyField = keys === undefined ? 1 : keyFieldSize(keys[i]!);
    const headersField = headers === undefined ? 1 : headersFieldSize(headers[i]!);
    const body = recordBody(i, values[i]!.length, keyField, headersField);
    size += uvarintSize(body * 2) + body;
  }
  return size;
}

/** Each batch's bytes, valid until the next call: one store for every request, of one elements kind. */
let sizesScratch = new Int32Array(16);

/**
 * `recordBatchSize` of each batch. Not `batches.map`: in a run's first second V8 threw the optimized encoder away at
 * the loop over the array it made ("wrong map", in node --trace-deopt), and compiled it again.
 */
function batchSizesOf(batches: readonly PartitionRecords[]): Int32Array {
  if (sizesScratch.length < batches.length) sizesScratch = new Int32Array(Math.max(batches.length, sizesScratch.length * 2));
  for (let i = 0; i < batches.length; i++) sizesScratch[i] = recordBatchSize(batches[i]!);
  return sizesScratch;
}

/**
 * Encodes a Produce request's body, record batches included, into one buffer: each value is copied once, straight
 * into its place, and each batch's CRC32C is taken over the bytes where they lie. This is the work the client
 * library did through a buffer list, an object and two small buffers per record, copied again to concatenate them.
 * The layout is Kafka's (record format v2, `DefaultRecordBatch` and `DefaultRecord`); values are never null, keys
 * and header values may be. With `scratch` the request is written into its buffer (valid until its next use), else
 * into one of its own.
 */
export function encodeProduceRequest(r: ProduceRequestBody, scratch?: EncodeTarget): Buffer {
  const flexible = r.version >= FIRST_FLEXIBLE;
  const topicBytes = Buffer.byteLength(r.topic);
  const txBytes = r.transactionalId === undefined ? -1 : Buffer.byteLength(r.transactionalId);
  const batchSizes = batchSizesOf(r.batches);
  let size = (flexible ? (txBytes < 0 ? 1 : uvarintSize(txBytes + 1) + txBytes) : 2 + Math.max(0, txBytes)) + 2 + 4
    + (flexible ? uvarintSize(2) + uvarintSize(topicBytes + 1) : 4 + 2) + topicBytes
    + (flexible ? uvarintSize(r.batches.length + 1) : 4);
  for (let i = 0; i < r.batches.length; i++) {
    const bytes = batchSizes[i]!;
    size += 4 + (flexible ? uvarintSize(bytes + 1) + 1 /* tagged fields */ : 4) + bytes;
  }
  if (flexible) size += 2; // the topic's and the request's tagged fields

  const buf = scratch === undefined ? Buffer.allocUnsafe(size) : scratch.take(size);
  let at = 0;
  const uvarint = (v: number) => {
    while (v >= 0x80) {
      buf[at++] = (v & 0x7f) | 0x80;
      v >>>= 7;
    }
    buf[at++] = v;
  };
  const string = (s: string, bytes: number) => {
    if (flexible) uvarint(bytes + 1);
    else at = int16(buf, at, bytes);
    at += buf.write(s, at, 'utf8');
  };
  if (r.transactionalId === undefined) {
    if (flexible) buf[at++] = 0;
    else at = int16(buf, at, -1);
  } else string(r.transactionalId, txBytes);
  at = int16(buf, at, r.acks);
  at = int32(buf, at, r.timeoutMs);
  if (flexible) uvarint(2);
  else at = int32(buf, at, 1);
  string(r.topic, topicBytes);
  if (flexible) uvarint(r.batches.length + 1);
  else at = int32(buf, at, r.batches.length);
  for (let i = 0; i < r.batches.length; i++) {
    const batch = r.batches[i]!;
    const bytes = batchSizes[i]!;
    at = int32(buf, at, batch.partition);
    if (flexible) uvarint(bytes + 1);
    else at = int32(buf, at, bytes);
    at = writeRecordBatch(buf, at, batch, bytes, r);
    if (flexible) buf[at++] = 0;
  }
  if (flexible) {
    buf[at++] = 0;
    buf[at++] = 0;
  }
  if (at !== size) throw new Error(`unreachable: a produce request of ${size} bytes was encoded in ${at}`);
  return buf;
}

/** Writes one batch of `bytes` at `start`; returns where it ends. */
function writeRecordBatch(buf: Buffer, start: number, batch: PartitionRecords, bytes: number, r: ProduceRequestBody): number {
  const { values } = batch;
  const ts = r.timestampMs;
  let at = start;
  at = int32(buf, at, 0); // baseOffset, 8 bytes: the broker assigns offsets
  at = int32(buf, at, 0);
  at = int32(buf, at, bytes - 12); // batchLength: what follows it
  at = int32(buf, at, -1); // partitionLeaderEpoch: the broker's to set
  buf[at++] = 2; // magic: record format v2
  at += 4; // the CRC, once the rest is written
  at = int16(buf, at, r.transactionalId === undefined ? 0 : IS_TRANSACTIONAL); // attributes: no compression
  at = int32(buf, at, values.length - 1); // lastOffsetDelta
  for (let k = 0; k < 2; k++) { // baseTimestamp, maxTimestamp: every record has the same
    at = int32(buf, at, Math.floor(ts / 2 ** 32));
    at = int32(buf, at, ts >>> 0);
  }
  if (r.identity === undefined) {
    at = int32(buf, at, -1); // producerId -1, epoch -1, sequence -1: not idempotent, as Java writes it
    at = int32(buf, at, -1);
    at = int16(buf, at, -1);
    at = int32(buf, at, -1);
  } else {
    at = buf.writeBigInt64BE(r.identity.producerId, at);
    at = int16(buf, at, r.identity.producerEpoch);
    at = int32(buf, at, batch.baseSequence);
  }
  at = int32(buf, at, values.length);
  const { keys, headers } = batch;
  for (let i = 0; i < values.length; i++) {
    const value = values[i]!;
    const n = value.length;
    const key = keys === undefined ? null : keys[i]!;
    const recordHeaders = headers === undefined ? undefined : headers[i]!;
    const headersField = recordHeaders === undefined ? 1 : headersFieldSize(recordHeaders);
    // Zig-zag varints of non-negative numbers are the unsigned varints of twice the number.
    let v = recordBody(i, n, keyFieldSize(key), headersField) * 2; // the record's length
    while (v >= 0x80) {
      buf[at++] = (v & 0x7f) | 0x80;
      v >>>= 7;
    }
    buf[at++] = v;
    buf[at++] = 0; // attributes
    buf[at++] = 0; // timestamp delta
    for (v = i * 2; v >= 0x80; v >>>= 7) buf[at++] = (v & 0x7f) | 0x80; // offset delta
    buf[at++] = v;
    if (key === null) buf[at++] = 1; // key length -1: null
    else at = writeBytes(buf, at, key);
    at = writeBytes(buf, at, value);
    if (recordHeaders === undefined || recordHeaders.length === 0) buf[at++] = 0; // header count
    else {
      for (v = recordHeaders.length * 2; v >= 0x80; v >>>= 7) buf[at++] = (v & 0x7f) | 0x80;
      buf[at++] = v;
      for (const h of recordHeaders) {
        at = writeBytes(buf, at, h.key);
        if (h.value === null) buf[at++] = 1; // value length -1: null
        else at = writeBytes(buf, at, h.value);
      }
    }
  }
  int32(buf, start + 17, crc32c(buf.subarray(start + CRC_FROM, at)));
  return at;
}

/**
 * Writes a 32-bit integer, big-endian (signed or not: the bytes are the same), at `at`; returns where it ends. Not
 * Buffer's writeInt32BE, whose range and offset checks are JavaScript that V8 inlines at each of the encoder's twenty
 * calls, for the optimizing compiler to work through in a run's first second. The caller has sized the buffer.
 */
function int32(buf: Buffer, at: number, v: number): number {
  buf[at] = v >>> 24;
  buf[at + 1] = v >>> 16;
  buf[at + 2] = v >>> 8;
  buf[at + 3] = v;
  return at + 4;
}

/** A 16-bit integer, as `int32`. */
function int16(buf: Buffer, at: number, v: number): number {
  buf[at] = v >>> 8;
  buf[at + 1] = v;
  return at + 2;
}

/** Writes bytes with their length as a zig-zag varint; returns where they end. */
function writeBytes(buf: Buffer, start: number, bytes: Buffer): number {
  let at = start;
  let v = bytes.length * 2;
  for (; v >= 0x80; v >>>= 7) buf[at++] = (v & 0x7f) | 0x80;
  buf[at++] = v;
  buf.set(bytes, at);
  return at + bytes.length;
}
