import { describe, expect, it } from 'vitest';
import { Reader, Writer, compressionsAlgorithms, compressionsAlgorithmsByBitmask, createRecordsBatch, type MessageRecord } from '@platformatic/kafka';
import { RecordColumns, readRecordBatches, type Decompress } from '../../../src/clients/platformatic/record-batches.js';
import { parseFetch } from '../../../src/clients/platformatic/fetch-request.js';
import { platformaticCompression } from '../../../src/clients/platformatic/options.js';

// Record batches are written here by @platformatic/kafka's own encoder (what the broker stores is what a producer
// wrote), then read by perf-test's column reader.

const decompress: Decompress = (codec, data) => compressionsAlgorithmsByBitmask[codec]!.decompressSync(data);

type Options = Parameters<typeof createRecordsBatch>[1];

/** One batch at `baseOffset` (the encoder writes 0; a broker rewrites it on append, as here). */
function batch(baseOffset: number, messages: Partial<Omit<MessageRecord, 'topic'>>[], options: Partial<NonNullable<Options>> = {}): Buffer {
  const buf = Buffer.from(createRecordsBatch(messages.map((m) => ({ topic: 't', ...m }) as MessageRecord), options).buffer);
  buf.writeBigInt64BE(BigInt(baseOffset), 0);
  return buf;
}

/** A transaction marker (control batch) of `producerId` at `offset`: commit (1) or abort (0). */
function marker(offset: number, producerId: bigint, type: 0 | 1): Buffer {
  const key = Buffer.alloc(4);
  key.writeInt16BE(type, 2);
  const buf = batch(offset, [{ key, value: Buffer.alloc(6) }], { producerId, transactionalId: 'tx' });
  buf.writeInt16BE(buf.readInt16BE(21) | 0x20, 21); // the control bit (the reader does not check the CRC)
  return buf;
}

const stamped = (sendTimeMs: number, size: number) => {
  const v = Buffer.alloc(size, 0x41);
  v.writeDoubleLE(sendTimeMs, 0);
  return v;
};

function read(buf: Buffer, fetchOffset: number, withSendTimes = false, aborted?: { producerId: number; firstOffset: number }[]) {
  const out = new RecordColumns(withSendTimes);
  const next = readRecordBatches(buf, fetchOffset, out, decompress, aborted);
  return {
    next,
    offsets: [...out.offsets.subarray(0, out.count)],
    sizes: [...out.sizes.subarray(0, out.count)],
    sendTimes: out.sendTimes && [...out.sendTimes.subarray(0, out.count)],
  };
}

describe('readRecordBatches', () => {
  it('reads each record\'s offset, key + value size and send stamp, skipping headers', () => {
    const buf = Buffer.concat([
      batch(40, [
        { value: stamped(1234.5, 100) },
        { key: Buffer.from('key'), value: stamped(1300.25, 1024), headers: new Map([[Buffer.from('h'), Buffer.alloc(50)]]) },
      ]),
      batch(42, [{ value: Buffer.alloc(3) }, { key: Buffer.alloc(200) }]),
    ]);
    expect(read(buf, 40, true)).toEqual({
      next: 44,
      offsets: [40, 41, 42, 43],
      sizes: [100, 1027, 3, 200], // a null value counts 0, as Kafka's ConsumerPerformance counts
      sendTimes: [1234.5, 1300.25, NaN, NaN], // values under 8 bytes hold no stamp
    });
  });

  it('leaves out records before the fetch offset, which a batch may hold', () => {
    const buf = batch(100, Array.from({ length: 5 }, () => ({ value: Buffer.alloc(10) })));
    expect(read(buf, 103)).toMatchObject({ next: 105, offsets: [103, 104] });
  });

  it('leaves a batch cut short at the end of the fetch for the next one', () => {
    const whole = batch(0, [{ value: Buffer.alloc(10) }, { value: Buffer.alloc(10) }]);
    const cut = batch(2, [{ value: Buffer.alloc(500) }]).subarray(0, 100);
    expect(read(Buffer.concat([whole, cut]), 0)).toMatchObject({ next: 2, offsets: [0, 1] });
    expect(read(cut, 2)).toMatchObject({ next: 2, offsets: [] });
  });

  it('keeps offsets past 2^32 exact', () => {
    const base = 2 ** 40 + 7;
    expect(read(batch(base, [{ value: Buffer.alloc(1) }, { value: Buffer.alloc(1) }]), base).offsets).toEqual([base, base + 1]);
  });

  it('grows its columns past their first size (a fetch of many small records)', () => {
    const records = Array.from({ length: 5000 }, () => ({ value: Buffer.alloc(10) }));
    const r = read(batch(0, records), 0);
    expect(r.offsets).toHaveLength(5000);
    expect(r.offsets[4999]).toBe(4999);
    expect(r.sizes.every((s) => s === 10)).toBe(true);
  });

  for (const codec of platformaticCompression().filter((c) => c !== 'none')) {
    it(`inflates ${codec} batches`, () => {
      expect(compressionsAlgorithms[codec].available).not.toBe(false);
      const values = [stamped(7, 300), stamped(8, 300), Buffer.alloc(2)];
      const buf = batch(10, values.map((value) => ({ value })), { compression: codec });
      expect(read(buf, 10, true)).toEqual({ next: 13, offsets: [10, 11, 12], sizes: [300, 300, 2], sendTimes: [7, 8, NaN] });
    });
  }

  it('read_committed: skips aborted transactions and every marker, keeps committed and plain records', () => {
    const tx = { producerId: 9n, transactionalId: 'tx' };
    const buf = Buffer.concat([
      batch(0, [{ value: Buffer.alloc(1) }, { value: Buffer.alloc(1) }], tx), // aborted at 2
      marker(2, 9n, 0),
      batch(3, [{ value: Buffer.alloc(1) }], tx), // committed at 4
      marker(4, 9n, 1),
      batch(5, [{ value: Buffer.alloc(1) }]), // not transactional
    ]);
    expect(read(buf, 0, false, [{ producerId: 9, firstOffset: 0 }])).toMatchObject({ next: 6, offsets: [3, 5] });
    // read_uncommitted reads the aborted records too, never the markers.
    expect(read(buf, 0)).toMatchObject({ next: 6, offsets: [0, 1, 3, 5] });
  });
});

describe('parseFetch', () => {
  it('reads each partition\'s error and records, past tagged fields it does not know', () => {
    const records = batch(5, [{ value: Buffer.alloc(4) }]);
    const w = Writer.create()
      .appendInt32(0).appendInt16(0).appendInt32(0) // throttle, error, session
      .appendUnsignedVarInt(2) // one topic
      .appendUUID('00000000-0000-0000-0000-000000000001')
      .appendUnsignedVarInt(3) // two partitions
      // partition 0: NOT_LEADER_OR_FOLLOWER (6), with a current_leader tagged field (tag 1) as brokers send
      .appendInt32(0).appendInt16(6).appendInt64(0n).appendInt64(0n).appendInt64(0n)
      .appendUnsignedVarInt(0) // aborted: null
      .appendInt32(-1)
      .appendUnsignedVarInt(0) // records: null
      .appendUnsignedVarInt(1).appendUnsignedVarInt(1).appendUnsignedVarInt(8).appendInt32(2).appendInt32(7)
      // partition 1: records
      .appendInt32(1).appendInt16(0).appendInt64(6n).appendInt64(6n).appendInt64(0n)
      .appendUnsignedVarInt(1) // aborted: empty
      .appendInt32(-1)
      .appendUnsignedVarInt(records.length + 1);
    const tail = Writer.create()
      .appendUnsignedVarInt(0) // the partition's tagged fields
      .appendUnsignedVarInt(0) // the topic's
      .appendUnsignedVarInt(0); // the response's
    const answer = parseFetch(Reader.from(Buffer.concat([w.buffer, records, tail.buffer])));
    expect(answer.errorCode).toBe(0);
    expect(answer.partitions.map((p) => ({ ...p, records: p.records?.length }))).toEqual([
      { topicId: '00000000-0000-0000-0000-000000000001', partition: 0, errorCode: 6, records: undefined, aborted: undefined },
      { topicId: '00000000-0000-0000-0000-000000000001', partition: 1, errorCode: 0, records: records.length, aborted: undefined },
    ]);
  });
});
