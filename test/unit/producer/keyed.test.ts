import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { PartitionLeader, RecordHeader } from '../../../src/clients/port.js';
import { partitionForKey } from '../../../src/producer/murmur2.js';
import { headersSize, recordSizeInBatch } from '../../../src/producer/record-size.js';
import { clock, setup, tick, track } from '../../support/producer-port.js';

beforeEach(() => {
  vi.useFakeTimers({ now: 0 });
});

afterEach(() => {
  vi.useRealTimers();
});

const FOUR: PartitionLeader[] = [0, 1, 2, 3].map((partition) => ({ partition, leader: 1 }));
const header = (keyBytes: number, valueBytes: number): RecordHeader => ({ key: Buffer.alloc(keyBytes, 0x48), value: Buffer.alloc(valueBytes, 0x56) });

describe('BatchingProducer: keyed records', () => {
  it('puts each keyed record on its key\'s murmur2 partition, with its key and headers beside its value', async () => {
    const { port, producer } = setup({ lingerMs: 0 }, FOUR);
    const hs = [header(2, 3)];
    for (let i = 0; i < 40; i++) producer.send(Buffer.from(`v${i}`), clock.nowMs(), clock.nowMs(), Buffer.from(String(i % 20)), hs);
    await tick();
    const placed = port.calls.flatMap((c) => c.records).flatMap((r) => r.values.map((v, i) => ({ partition: r.partition, value: v.toString(), key: r.keys![i]!.toString(), headers: r.headers![i] })));
    expect(placed).toHaveLength(40);
    for (const p of placed) {
      expect(p.partition, `key ${p.key}`).toBe(partitionForKey(Buffer.from(p.key), 4));
      expect(Number(p.value.slice(1)) % 20, 'the key sent with the value').toBe(Number(p.key));
      expect(p.headers).toBe(hs);
    }
    // Every partition of four gets some of twenty keys (the hash spreads them), and a key always the same one.
    expect(new Set(placed.map((p) => p.partition)).size).toBe(4);
  });

  it('counts keys and headers toward batch.size, exactly as record format v2 sizes them', async () => {
    // value 100 (2-byte length), key 50, two headers of a 10-byte key and a 20-byte value: headers 1 + 2 x 32 = 65,
    // body 1 + 2 + 1 + 51 + 102 + 65 = 222, and its 2-byte length: 224 bytes per record (offset deltas below 64).
    const hs = [header(10, 20), header(10, 20)];
    expect(headersSize(hs)).toBe(65);
    expect(recordSizeInBatch(100, 9, 50, headersSize(hs))).toBe(224);
    const { port, producer } = setup({ batchSizeBytes: 61 + 10 * 224, lingerMs: 1000 });
    for (let i = 0; i < 25; i++) producer.send(Buffer.alloc(100, 65), clock.nowMs(), clock.nowMs(), Buffer.alloc(50, 66), hs);
    await tick();
    expect(port.counts()).toEqual([[10], [10]]);
    await tick(1000);
    expect(port.counts()).toEqual([[10], [10], [5]]);
    port.calls.forEach((c) => c.resolve());
    await tick();
    expect(producer.metrics().batchBytes).toBe(2 * (61 + 10 * 224) + 61 + 5 * 224);
  });

  it('holds keys and headers against buffer.memory: a record of 224 bytes takes 224', async () => {
    const hs = [header(10, 20), header(10, 20)];
    const { producer } = setup({ bufferMemoryBytes: 3 * 224, lingerMs: 1000 });
    const send = () => producer.send(Buffer.alloc(100, 65), clock.nowMs(), clock.nowMs(), Buffer.alloc(50, 66), hs);
    expect([send(), send(), send()]).toEqual([undefined, undefined, undefined]);
    const blocked = track(send());
    await tick();
    expect(blocked.done).toBe(false);
    expect(producer.metrics().bufferWaits).toBe(1);
  });

  it('sends keyless records without keys or headers in the request, as before', async () => {
    const { port, send } = setup({ lingerMs: 0 });
    send('a');
    await tick();
    const [batch] = port.calls[0]!.records;
    expect(batch!.values).toEqual([Buffer.from('a')]);
    expect(batch!.keys).toBeUndefined();
    expect(batch!.headers).toBeUndefined();
  });
});
