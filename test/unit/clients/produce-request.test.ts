import { describe, expect, it } from 'vitest';
import { Reader, produceV8, produceV11, readRecordsBatch } from '@platformatic/kafka';
import { crc32c, crc32cJs } from '../../../src/clients/crc32c.js';
import { encodeProduceRequest, recordBatchSize, RequestScratch, type ProduceRequestBody } from '../../../src/clients/produce-request.js';
import type { PartitionRecords, RecordHeader } from '../../../src/clients/port.js';
import { RecordBatch } from '../../../src/producer/batch.js';
import { headersSize } from '../../../src/producer/record-size.js';

const TS = 1_796_183_485_264; // above 2^32 ms: both halves of the 64-bit timestamps matter
const values = (n: number, size: number) => Array.from({ length: n }, (_, i) => Buffer.alloc(size, 65 + (i % 26)));

function body(over: Partial<ProduceRequestBody>): ProduceRequestBody {
  return {
    version: 11, transactionalId: undefined, acks: 1, timeoutMs: 30_000, topic: 'perf-test', identity: undefined, timestampMs: TS,
    batches: [{ partition: 2, values: values(3, 100), baseSequence: -1 }], ...over,
  };
}

/** The library's own encoding of the same request, the reference the broker has always accepted from perf-test. */
function libraryRequest(version: 8 | 11, b: ProduceRequestBody): Buffer {
  const messages = b.batches.flatMap(({ partition, values: vs, keys, headers }) => vs.map((value, i) => ({
    topic: b.topic, partition, value, timestamp: BigInt(TS), key: keys?.[i] ?? undefined,
    headers: headers === undefined ? undefined : new Map(headers[i]!.map((h) => [h.key, h.value as Buffer])),
  })));
  return (version === 11 ? produceV11 : produceV8).createRequest(b.acks, b.timeoutMs, messages, {}).buffer;
}

/** Where each partition's batch begins in a request's body (one topic). */
function batchStarts(buf: Buffer, flexible: boolean): number[] {
  const r = Reader.from(buf);
  if (flexible) {
    r.readNullableString();
    r.skip(6);
    r.readUnsignedVarInt();
    r.readString();
  } else {
    r.readNullableString(false);
    r.skip(6 + 4);
    r.readString(false);
  }
  const partitions = flexible ? r.readUnsignedVarInt() - 1 : r.readInt32();
  const starts: number[] = [];
  for (let i = 0; i < partitions; i++) {
    r.skip(4);
    const length = flexible ? r.readUnsignedVarInt() - 1 : r.readInt32();
    starts.push(r.position);
    r.skip(length + (flexible ? 1 : 0));
  }
  return starts;
}

describe('CRC32C', () => {
  it('gives the standard check value, natively and in JavaScript alike', () => {
    expect(crc32cJs(Buffer.from('123456789'))).toBe(0xe3069283);
    const bytes = Buffer.from(Array.from({ length: 5000 }, (_, i) => (i * 31) & 0xff));
    expect(crc32c(bytes)).toBe(crc32cJs(bytes));
  });
});

describe('encodeProduceRequest', () => {
  it('encodes into a scratch buffer the same bytes, and grows it only for a larger request', () => {
    const scratch = new RequestScratch();
    const small = body({ batches: [{ partition: 0, values: values(10, 100), baseSequence: -1 }] });
    const large = body({ batches: [{ partition: 1, values: values(50, 1024), baseSequence: -1 }] });
    const first = encodeProduceRequest(small, scratch);
    expect(first.equals(encodeProduceRequest(small))).toBe(true);
    const second = encodeProduceRequest(large, scratch);
    expect(second.equals(encodeProduceRequest(large))).toBe(true);
    const third = encodeProduceRequest(small, scratch);
    expect(third.equals(encodeProduceRequest(small))).toBe(true);
    // The small one after the large one reuses its memory: no buffer per request.
    expect(third.buffer).toBe(second.buffer);
    expect(third.byteOffset).toBe(second.byteOffset);
  });

  it('lays records out exactly as the client library does, and batch headers as Java does (flexible v11 and v8)', () => {
    // In ascending partition order: the library sorts them so (grouping records by partition in an object).
    const b = body({ batches: [{ partition: 0, values: values(1, 1024), baseSequence: -1 }, { partition: 2, values: values(200, 100), baseSequence: -1 }] });
    for (const version of [11, 8] as const) {
      const ours = encodeProduceRequest({ ...b, version });
      const theirs = libraryRequest(version, b);
      const starts = batchStarts(ours, version === 11);
      expect(starts).toEqual(batchStarts(theirs, version === 11));
      expect(starts).toHaveLength(2);
      // The headers differ only where Java's producer differs from the library: partitionLeaderEpoch -1 (the
      // broker's to set), producer id, epoch and sequence -1 for a producer that is not idempotent, and the CRC
      // that covers them. Everything else, records included, is byte for byte the same.
      for (const start of starts) {
        expect(ours.readInt32BE(start + 12)).toBe(-1);
        expect([ours.readBigInt64BE(start + 43), ours.readInt16BE(start + 51), ours.readInt32BE(start + 53)]).toEqual([-1n, -1, -1]);
        for (const [from, to] of [[12, 21], [43, 57]] as const) {
          ours.fill(0, start + from, start + to);
          theirs.fill(0, start + from, start + to);
        }
      }
      expect(ours.equals(theirs)).toBe(true);
    }
  });

  it('writes batches the library reads back, with a valid CRC, the identity, the sequence and the transaction flag', () => {
    const vs = values(300, 100);
    const ours = encodeProduceRequest(body({ version: 11, transactionalId: 'tx-1', identity: { producerId: 4242n, producerEpoch: 7 },
      batches: [{ partition: 1, values: vs, baseSequence: 900 }] }));
    const reader = Reader.from(ours);
    expect(reader.readNullableString()).toBe('tx-1');
    expect([reader.readInt16(), reader.readInt32()]).toEqual([1, 30_000]);
    expect(reader.readUnsignedVarInt()).toBe(2); // one topic
    expect(reader.readString()).toBe('perf-test');
    expect(reader.readUnsignedVarInt()).toBe(2); // one partition
    expect(reader.readInt32()).toBe(1);
    const length = reader.readUnsignedVarInt() - 1;
    expect(length).toBe(recordBatchSize({ values: vs }));
    const start = reader.position;
    const batch = readRecordsBatch(reader);
    expect(batch).toMatchObject({ firstOffset: 0n, length: length - 12, partitionLeaderEpoch: -1, magic: 2, attributes: 0x10, lastOffsetDelta: 299,
      firstTimestamp: BigInt(TS), maxTimestamp: BigInt(TS), producerId: 4242n, producerEpoch: 7, firstSequence: 900 });
    expect(batch.crc).toBe(crc32cJs(ours.subarray(start + 21, start + length)));
    expect(batch.records.map((r) => [r.offsetDelta, r.key, r.value?.equals(vs[r.offsetDelta]!)])).toEqual(vs.map((_, i) => [i, null, true]));
    expect(ours.length - reader.position).toBe(3); // the partition's, the topic's and the request's tagged fields
  });

  it('writes no identity for a producer that is not idempotent, and null transactional ids in both encodings', () => {
    for (const version of [8, 11]) {
      const ours = encodeProduceRequest(body({ version }));
      const reader = Reader.from(ours);
      expect(version === 11 ? reader.readUnsignedVarInt() : reader.readInt16()).toBe(version === 11 ? 0 : -1);
      reader.skip(2 + 4 + (version === 11 ? 1 : 4));
      expect(version === 11 ? reader.readString() : reader.readString(false)).toBe('perf-test');
      reader.skip(version === 11 ? 1 + 4 + 2 : 4 + 4 + 4);
      expect(readRecordsBatch(reader)).toMatchObject({ producerId: -1n, producerEpoch: -1, firstSequence: -1, attributes: 0 });
    }
  });
});

/**
 * A batch of every shape a key and headers take: null keys, empty and 70-byte keys (a 2-byte length), no headers,
 * null header values, two headers of one key, and values long enough for 2-byte lengths.
 */
function keyedBatch(n: number, partition = 0): PartitionRecords {
  const keys = Array.from({ length: n }, (_, i) => (i % 3 === 2 ? null : Buffer.from(i % 7 === 0 ? '' : String(i).padStart(i % 2 ? 70 : 4, '0'))));
  const headers = Array.from({ length: n }, (_, i): RecordHeader[] => (i % 4 === 0 ? [] : [
    { key: Buffer.from(`h${i}`), value: i % 5 === 0 ? null : Buffer.alloc(i % 2 ? 100 : 3, 0x43) },
    { key: Buffer.from(`h${i}`), value: Buffer.from('x') },
  ]));
  return { partition, values: values(n, 50), keys, headers, baseSequence: -1 };
}

describe('encodeProduceRequest with keys and headers', () => {
  it('lays keys and headers out byte for byte as the client library does (flexible v11 and v8)', () => {
    const b = body({ batches: [keyedBatch(40, 0), keyedBatch(130, 2)] });
    for (const version of [11, 8] as const) {
      const ours = encodeProduceRequest({ ...b, version });
      const theirs = libraryRequest(version, b);
      const starts = batchStarts(ours, version === 11);
      expect(starts).toEqual(batchStarts(theirs, version === 11));
      // As in the keyless test: the batch headers differ only in the leader epoch, the producer fields and the CRC.
      for (const start of starts) {
        for (const [from, to] of [[12, 21], [43, 57]] as const) {
          ours.fill(0, start + from, start + to);
          theirs.fill(0, start + from, start + to);
        }
      }
      expect(ours.equals(theirs)).toBe(true);
    }
  });

  it('writes records the library reads back with their keys and headers, and recordBatchSize is the batch\'s length', () => {
    const batch = keyedBatch(90, 1);
    const ours = encodeProduceRequest(body({ version: 11, batches: [batch] }));
    const reader = Reader.from(ours);
    const [start] = batchStarts(ours, true);
    reader.skip(start! - reader.position);
    const read = readRecordsBatch(reader);
    expect(12 + read.length).toBe(recordBatchSize(batch));
    expect(read.crc).toBe(crc32cJs(ours.subarray(start! + 21, start! + 12 + read.length)));
    read.records.forEach((r, i) => {
      const key = batch.keys![i]!;
      expect(key === null ? r.key === null : r.key?.equals(key), `key ${i}`).toBe(true);
      expect(r.headers.map(([k, v]) => [String(k), v === null ? null : v.length]))
        .toEqual(batch.headers![i]!.map((h) => [h.key.toString(), h.value === null ? null : h.value.length]));
    });
  });

  // Not exact for every record: where the estimate's body is 64 bytes (57 B values, no key), the encoded body of 63
  // also has a length varint a byte shorter. recordBatchSize is what the encoder writes; this is how close they are.
  it('sizes a batch as the producer accounts it, less the one byte per record its 2-byte timestamp delta assumes', () => {
    const source = keyedBatch(200);
    const batch = new RecordBatch(0, 0, 1 << 20, false);
    source.values.forEach((v, i) => {
      const key = source.keys![i]!;
      const hs = source.headers![i]!;
      expect(batch.tryAppend(v, 0, 0, key ?? undefined, hs, headersSize(hs))).toBe(true);
    });
    expect(batch.sizeBytes - batch.count).toBe(recordBatchSize({ values: batch.values, keys: batch.keys, headers: batch.headers }));
    expect(batch.sizeBytes - batch.count).toBe(recordBatchSize(source));
  });
});

