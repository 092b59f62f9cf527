import { describe, expect, it } from 'vitest';
import {
  MAX_RECORD_OVERHEAD, RECORD_BATCH_OVERHEAD, recordSizeInBatch, recordSizeUpperBound, varintSize,
} from '../../../src/producer/record-size.js';

describe('varintSize (zig-zag)', () => {
  it('counts 7 bits per byte of the zig-zag encoding', () => {
    expect([0, 1, 63, 64, 8191, 8192, 1048575, 1048576].map(varintSize)).toEqual([1, 1, 1, 2, 2, 3, 3, 4]);
    expect([-1, -64, -65, -8192, -8193].map(varintSize)).toEqual([1, 1, 2, 2, 3]);
    expect(varintSize(2 ** 31 - 1)).toBe(5);
  });
});

describe('record sizes', () => {
  it('uses Kafka\'s constants', () => {
    expect(RECORD_BATCH_OVERHEAD).toBe(61);
    expect(MAX_RECORD_OVERHEAD).toBe(21);
  });

  it('bounds a lone record as Java\'s estimateSizeInBytesUpperBound does', () => {
    expect(recordSizeUpperBound(1000)).toBe(1082);
    expect(recordSizeUpperBound(1000, 10)).toBe(1092);
    expect(recordSizeUpperBound(1048494)).toBe(1048576);
  });

  it('sizes a record with a null key in a batch: attributes, timestamp delta, offset delta, key, value, headers', () => {
    // body = 1 + 2 + 1 + 1 + varint(10) 1 + 10 + 1 = 17, plus its length varint 1
    expect(recordSizeInBatch(10, 0)).toBe(18);
    // body = 1 + 2 + 1 + 1 + 2 + 1000 + 1 = 1008, plus 2
    expect(recordSizeInBatch(1000, 0)).toBe(1010);
    expect(recordSizeInBatch(1000, 63)).toBe(1010);
    expect(recordSizeInBatch(1000, 64)).toBe(1011); // offset delta takes 2 bytes from 64 on
    expect(recordSizeInBatch(0, 0)).toBe(8);
    // body 63 -> zig-zag 126 fits one byte; body 64 -> zig-zag 128 needs two
    expect(recordSizeInBatch(56, 0)).toBe(64);
    expect(recordSizeInBatch(57, 0)).toBe(66);
  });
});
