import { describe, expect, it } from 'vitest';
import {
  headersSize, MAX_RECORD_OVERHEAD, NO_HEADERS, NULL_KEY, RECORD_BATCH_OVERHEAD, recordSizeInBatch, recordSizeUpperBound, varintSize,
} from '../../../src/producer/record-size.js';

const header = (keyBytes: number, valueBytes: number) =>
  ({ key: Buffer.alloc(keyBytes, 0x41), value: valueBytes < 0 ? null : Buffer.alloc(valueBytes, 0x42) });

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

  it('bounds a lone record as Java\'s estimateSizeInBytesUpperBound does: 61 + 21 + DefaultRecord.sizeOf(key, value, headers)', () => {
    // 61 + 21 + 1 (null key) + 2 + 1000 (value and its length) + 1 (no headers)
    expect(recordSizeUpperBound(1000)).toBe(1086);
    // a 10-byte key: 1 + 10 instead of the null key's 1
    expect(recordSizeUpperBound(1000, 10)).toBe(1096);
    // two headers of a 3-byte key and a 4-byte value: 1 + 2 x (1 + 3 + 1 + 4) = 19 instead of 1
    expect(recordSizeUpperBound(1000, 10, headersSize([header(3, 4), header(3, 4)]))).toBe(1114);
    // the largest value under the default max.request.size (1048576): its length takes 3 bytes
    expect(recordSizeUpperBound(1048489)).toBe(1048576);
    expect(recordSizeUpperBound(1048490)).toBe(1048577);
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

describe('key and header sizes in a batch (record format v2, as DefaultRecord.sizeInBytes counts them)', () => {
  it('sizes headers: a count varint, then each key and value with its length varint; a null value is its -1', () => {
    expect(headersSize(undefined)).toBe(NO_HEADERS);
    expect(headersSize([])).toBe(1);
    expect(headersSize([header(1, 3)])).toBe(1 + (1 + 1) + (1 + 3));
    expect(headersSize([header(4, -1)])).toBe(1 + (1 + 4) + 1);
    expect(headersSize([header(0, 0)])).toBe(3);
    // lengths from 64 on take two bytes (zig-zag 128)
    expect(headersSize([header(64, 64)])).toBe(1 + (2 + 64) + (2 + 64));
    // 64 headers: the count takes two bytes
    expect(headersSize(Array.from({ length: 64 }, () => header(1, 1)))).toBe(2 + 64 * 4);
  });

  it('adds a key as its length varint and bytes, where a null key takes one byte', () => {
    // body = 1 attributes + 2 timestamp delta + 1 offset delta + (1 + 5) key + (1 + 10) value + 1 headers = 22, + 1
    expect(recordSizeInBatch(10, 0, 5)).toBe(23);
    expect(recordSizeInBatch(10, 0, NULL_KEY)).toBe(18);
    // an empty key is a key: its length 0, one byte, as the null key's -1
    expect(recordSizeInBatch(10, 0, 0)).toBe(18);
    // a key of 64 bytes has a 2-byte length: body 1 + 2 + 1 + 66 + 11 + 1 = 82, whose own length takes 2
    expect(recordSizeInBatch(10, 0, 64)).toBe(84);
  });

  it('adds headers, and the record length varint grows with them', () => {
    // body = 1 + 2 + 1 + 1 (null key) + 11 + 19 (two headers of 3 + 4 bytes) = 35, + 1
    expect(recordSizeInBatch(10, 0, NULL_KEY, headersSize([header(3, 4), header(3, 4)]))).toBe(36);
    // key 8 and one null-valued header of an 8-byte key at offset 100 (2-byte offset delta): body 1 + 2 + 2 + 9 + 11 + 11 = 36
    expect(recordSizeInBatch(10, 100, 8, headersSize([header(8, -1)]))).toBe(37);
    // a body up to 63 bytes has a 1-byte length, from 64 on a 2-byte one: value 40, key 10, one header of 3 + 4 -> body 66; value 38 and a 2-byte header key -> body 63
    expect(recordSizeInBatch(40, 0, 10, headersSize([header(3, 4)]))).toBe(68);
    expect(recordSizeInBatch(38, 0, 10, headersSize([header(2, 4)]))).toBe(64);
  });
});

