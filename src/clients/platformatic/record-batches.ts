import { STAMP_BYTES, type ConsumedRecords } from '../port.js';

/*
 * Kafka's record batches (format v2), read for what a consumer run counts and nothing more: each record's
 * offset, its key + value size and, when asked, the send-time stamp at the start of its value. No object, no
 * buffer view per record: a fetch of 100-byte records holds ten thousand of them, and a client that builds a
 * message object for each spends most of its time there (@platformatic/kafka's stream, profiled: 65% of CPU).
 *
 * Batch header (61 bytes): baseOffset int64, batchLength int32, partitionLeaderEpoch int32, magic int8, crc
 * uint32, attributes int16, lastOffsetDelta int32, baseTimestamp int64, maxTimestamp int64, producerId int64,
 * producerEpoch int16, baseSequence int32, recordCount int32; then the records, compressed as a whole when
 * attributes & 7 names a codec. Record: length varint, attributes int8, timestampDelta varlong, offsetDelta
 * varint, keyLength varint (-1 null), key, valueLength varint (-1 null), value, headers.
 */

const LENGTH_OFFSET = 8;
const MAGIC_OFFSET = 16;
const ATTRIBUTES_OFFSET = 21;
const LAST_OFFSET_DELTA_OFFSET = 23;
const PRODUCER_ID_OFFSET = 43;
const RECORD_COUNT_OFFSET = 57;
const RECORDS_OFFSET = 61;
/** baseOffset and batchLength: what precedes the part batchLength counts. */
const LOG_OVERHEAD = 12;
const COMPRESSION_MASK = 0x07;
const TRANSACTIONAL = 0x10;
const CONTROL = 0x20;
/** The control record type of a transaction's abort marker (commit is 1). */
const ABORT_MARKER = 0;

/** Inflates a compressed batch's records: `codec` is the batch's attributes & 7 (1 gzip, 2 snappy, 3 lz4, 4 zstd). */
export type Decompress = (codec: number, data: Buffer) => Buffer;

/** One aborted transaction of a read_committed fetch: its producer and the first offset it wrote. */
export interface AbortedTransaction {
  readonly producerId: number;
  readonly firstOffset: number;
}

/** Growable columns of one partition's records, reused from fetch to fetch (a listener must not keep them). */
export class RecordColumns implements ConsumedRecords {
  count = 0;
  offsets = new Float64Array(1024);
  sizes = new Float64Array(1024);
  sendTimes: Float64Array | undefined;

  constructor(withSendTimes: boolean) {
    this.sendTimes = withSendTimes ? new Float64Array(1024) : undefined;
  }

  reset(): void {
    this.count = 0;
  }

  push(offset: number, size: number, sendTime: number): void {
    if (this.count === this.offsets.length) this.grow();
    this.offsets[this.count] = offset;
    this.sizes[this.count] = size;
    if (this.sendTimes) this.sendTimes[this.count] = sendTime;
    this.count++;
  }

  private grow(): void {
    const widen = (a: Float64Array) => {
      const b = new Float64Array(a.length * 2);
      b.set(a);
      return b;
    };
    this.offsets = widen(this.offsets);
    this.sizes = widen(this.sizes);
    if (this.sendTimes) this.sendTimes = widen(this.sendTimes);
  }
}

/** A read position in a buffer, with Kafka's zigzag varints. */
class Cursor {
  constructor(
    readonly buf: Buffer,
    public pos: number,
  ) {}

  varint(): number {
    const buf = this.buf;
    let raw = 0;
    // Up to four bytes (28 bits) with bit operations, the common case; a varlong's longer tail arithmetically.
    for (let shift = 0; shift < 28; shift += 7) {
      const byte = buf[this.pos++]!;
      raw |= (byte & 0x7f) << shift;
      if (byte < 0x80) return (raw >>> 1) ^ -(raw & 1);
    }
    let wide = raw;
    for (let shift = 28; ; shift += 7) {
      if (shift > 63) throw new Error('malformed varint in a record batch');
      const byte = buf[this.pos++]!;
      wide += (byte & 0x7f) * 2 ** shift;
      if (byte < 0x80) break;
    }
    // Zigzag: even is positive, odd negative.
    return wide % 2 === 0 ? wide / 2 : -(wide + 1) / 2;
  }

  skipVarint(): void {
    while (this.buf[this.pos++]! >= 0x80);
  }
}

const int64 = (buf: Buffer, at: number) => buf.readInt32BE(at) * 4294967296 + buf.readUInt32BE(at + 4);

/**
 * Reads the record batches of one partition's fetch into `out`: the records at or after `fetchOffset` (a batch
 * may start before it), skipping control batches and, when `aborted` is given (read_committed), the batches of
 * aborted transactions. A batch cut short at the end (the broker fills up to the fetch size) is left for the next
 * fetch. Returns the offset to fetch next: past the last whole batch read, or `fetchOffset` if there was none.
 */
export function readRecordBatches(buf: Buffer, fetchOffset: number, out: RecordColumns, decompress: Decompress, aborted?: readonly AbortedTransaction[]): number {
  let next = fetchOffset;
  let at = 0;
  const pending = aborted ? [...aborted].sort((a, b) => a.firstOffset - b.firstOffset) : undefined;
  const abortedProducers = new Set<number>();
  while (at + RECORDS_OFFSET <= buf.length) {
    const size = LOG_OVERHEAD + buf.readInt32BE(at + LENGTH_OFFSET);
    if (at + size > buf.length) break;
    const magic = buf.readInt8(at + MAGIC_OFFSET);
    if (magic !== 2) throw new Error(`record batch format v${magic} is not supported (Kafka 0.11 and later write v2)`);
    const baseOffset = int64(buf, at);
    const lastOffset = baseOffset + buf.readInt32BE(at + LAST_OFFSET_DELTA_OFFSET);
    const attributes = buf.readInt16BE(at + ATTRIBUTES_OFFSET);
    if (lastOffset >= fetchOffset) {
      let skip = false;
      if (pending) {
        while (pending.length > 0 && pending[0]!.firstOffset <= lastOffset) abortedProducers.add(pending.shift()!.producerId);
        const producerId = int64(buf, at + PRODUCER_ID_OFFSET);
        if (attributes & CONTROL) {
          if (abortedProducers.has(producerId) && controlType(buf, at, attributes, decompress) === ABORT_MARKER) abortedProducers.delete(producerId);
        } else if (attributes & TRANSACTIONAL && abortedProducers.has(producerId)) {
          skip = true;
        }
      }
      if (!skip && !(attributes & CONTROL)) readRecords(buf, at, size, baseOffset, fetchOffset, attributes, out, decompress);
    }
    next = Math.max(next, lastOffset + 1);
    at += size;
  }
  return next;
}

function recordsOf(buf: Buffer, at: number, size: number, attributes: number, decompress: Decompress): Cursor {
  const codec = attributes & COMPRESSION_MASK;
  if (codec === 0) return new Cursor(buf, at + RECORDS_OFFSET);
  return new Cursor(decompress(codec, buf.subarray(at + RECORDS_OFFSET, at + size)), 0);
}

function readRecords(buf: Buffer, at: number, size: number, baseOffset: number, fetchOffset: number, attributes: number, out: RecordColumns, decompress: Decompress): void {
  const count = buf.readInt32BE(at + RECORD_COUNT_OFFSET);
  const c = recordsOf(buf, at, size, attributes, decompress);
  const data = c.buf;
  const stamps = out.sendTimes !== undefined;
  for (let i = 0; i < count; i++) {
    const length = c.varint();
    const end = c.pos + length;
    c.pos++; // attributes
    c.skipVarint(); // timestampDelta
    const offset = baseOffset + c.varint();
    const keyLength = c.varint();
    if (keyLength > 0) c.pos += keyLength;
    const valueLength = c.varint();
    if (offset >= fetchOffset) {
      const sendTime = stamps && valueLength >= STAMP_BYTES ? data.readDoubleLE(c.pos) : NaN;
      out.push(offset, Math.max(0, keyLength) + Math.max(0, valueLength), sendTime);
    }
    c.pos = end;
  }
}

/** The type of a control batch's record (0 abort, 1 commit): the second int16 of its key. */
function controlType(buf: Buffer, at: number, attributes: number, decompress: Decompress): number {
  const c = recordsOf(buf, at, LOG_OVERHEAD + buf.readInt32BE(at + LENGTH_OFFSET), attributes, decompress);
  c.varint(); // length
  c.pos++; // attributes
  c.skipVarint(); // timestampDelta
  c.varint(); // offsetDelta
  const keyLength = c.varint();
  return keyLength >= 4 ? c.buf.readInt16BE(c.pos + 2) : -1;
}
