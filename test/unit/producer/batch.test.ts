import { describe, expect, it } from 'vitest';
import { RecordBatch } from '../../../src/producer/batch.js';
import { recordSizeInBatch } from '../../../src/producer/record-size.js';

describe('RecordBatch', () => {
  it('starts empty, with the batch header counted', () => {
    const b = new RecordBatch(3, 100, 16384, true);
    expect(b.partition).toBe(3);
    expect(b.createdMs).toBe(100);
    expect(b.count).toBe(0);
    expect(b.sizeBytes).toBe(61);
    expect(b.valueBytes).toBe(0);
    expect(b.closed).toBe(false);
  });

  it('keeps each record\'s value, send time and intended time', () => {
    const b = new RecordBatch(0, 0, 16384, true);
    expect(b.tryAppend(Buffer.from('ab'), 1.5, 1)).toBe(true);
    expect(b.tryAppend(Buffer.from('cde'), 2.5, 2)).toBe(true);
    expect(b.values.map((v) => v.toString())).toEqual(['ab', 'cde']);
    expect(b.sendTimesMs).toEqual([1.5, 2.5]);
    expect(b.intendedTimesMs).toEqual([1, 2]);
    expect(b.valueBytes).toBe(5);
    expect(b.sizeBytes).toBe(61 + recordSizeInBatch(2, 0) + recordSizeInBatch(3, 1));
  });

  it('keeps every record when later ones are smaller than the first (its arrays are sized by the first), and reads between appends', () => {
    const b = new RecordBatch(0, 0, 16384, true);
    b.tryAppend(Buffer.alloc(1000, 1), 0, 0);
    expect(b.values).toHaveLength(1);
    let appended = 1;
    while (b.tryAppend(Buffer.alloc(10, 2), appended, appended)) appended++;
    expect(appended).toBeGreaterThan(16);
    expect(b.count).toBe(appended);
    expect(b.values).toHaveLength(appended);
    expect(b.sendTimesMs).toEqual(Array.from({ length: appended }, (_, i) => i));
    expect(b.intendedTimesMs).toEqual(b.sendTimesMs);
    expect(b.values.slice(1).every((v) => v.length === 10)).toBe(true);
  });

  it('keeps intended send times only when asked to (rate-capped runs)', () => {
    const b = new RecordBatch(0, 0, 16384, false);
    b.tryAppend(Buffer.from('a'), 3, 1);
    expect(b.sendTimesMs).toEqual([3]);
    expect(b.intendedTimesMs).toEqual([]);
  });

  it('holds 16 records of 1000 bytes in 16384 bytes: 61 + 16 * 1010 = 16221, a 17th would make 17231', () => {
    const b = new RecordBatch(0, 0, 16384, true);
    const value = Buffer.alloc(1000);
    let appended = 0;
    while (b.tryAppend(value, 0, 0)) appended++;
    expect(appended).toBe(16);
    expect(b.count).toBe(16);
    expect(b.sizeBytes).toBe(16221);
    expect(b.valueBytes).toBe(16000);
  });

  it('counts the offset delta\'s varint: records from the 65th take one byte more', () => {
    const b = new RecordBatch(0, 0, 1_000_000, true);
    for (let i = 0; i < 65; i++) b.tryAppend(Buffer.alloc(10), 0, 0);
    expect(b.sizeBytes).toBe(61 + 64 * 18 + 19);
  });

  it('always takes a first record, even one larger than the batch', () => {
    const b = new RecordBatch(0, 0, 100, true);
    expect(b.tryAppend(Buffer.alloc(500), 0, 0)).toBe(true);
    expect(b.tryAppend(Buffer.alloc(1), 0, 0)).toBe(false);
    expect(b.count).toBe(1);
    expect(b.valueBytes).toBe(500);
  });

  it('refuses a record that does not fit and stays unchanged', () => {
    const b = new RecordBatch(0, 0, 61 + 18 + 18, true);
    expect(b.tryAppend(Buffer.alloc(10), 0, 0)).toBe(true);
    expect(b.tryAppend(Buffer.alloc(10), 0, 0)).toBe(true); // exactly full
    expect(b.tryAppend(Buffer.alloc(1), 5, 5)).toBe(false);
    expect(b.count).toBe(2);
    expect(b.sizeBytes).toBe(97);
    expect(b.sendTimesMs).toEqual([0, 0]);
  });

  it('is emptied by reuse for another partition, as if new, and then holds more or fewer records than before', () => {
    const b = new RecordBatch(0, 0, 16384, true);
    for (let i = 0; i < 3; i++) b.tryAppend(Buffer.from(`old${i}`), i, i, Buffer.from('k'), [{ key: Buffer.from('h'), value: null }]);
    Object.assign(b, { bufferedBytes: 99, closed: true, attempts: 2, retryAtMs: 123, baseSequence: 7, order: 4 });

    expect(b.reuse(2, 50)).toBe(b);
    expect({ partition: b.partition, createdMs: b.createdMs, count: b.count, valueBytes: b.valueBytes, sizeBytes: b.sizeBytes })
      .toEqual({ partition: 2, createdMs: 50, count: 0, valueBytes: 0, sizeBytes: 61 });
    expect({ bufferedBytes: b.bufferedBytes, closed: b.closed, attempts: b.attempts, retryAtMs: b.retryAtMs, baseSequence: b.baseSequence, order: b.order })
      .toEqual({ bufferedBytes: 0, closed: false, attempts: 0, retryAtMs: 0, baseSequence: -1, order: 0 });
    expect([b.values, b.sendTimesMs, b.intendedTimesMs, b.keys, b.headers]).toEqual([[], [], [], undefined, undefined]);

    for (let i = 0; i < 5; i++) b.tryAppend(Buffer.from(`new${i}`), 60 + i, 50 + i);
    expect(b.values.map(String)).toEqual(['new0', 'new1', 'new2', 'new3', 'new4']);
    expect(b.sendTimesMs).toEqual([60, 61, 62, 63, 64]);
    expect(b.intendedTimesMs).toEqual([50, 51, 52, 53, 54]);
    expect(b.keys).toBeUndefined();

    b.reuse(1, 70).tryAppend(Buffer.from('one'), 71, 71);
    expect([b.values.map(String), b.sendTimesMs, b.intendedTimesMs]).toEqual([['one'], [71], [71]]);
  });
});
