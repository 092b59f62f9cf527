import { describe, expect, it } from 'vitest';
import { createKeySource, keyText } from '../../../src/workload/keys.js';
import { createHeaderSource } from '../../../src/workload/headers.js';
import { zipfProbability } from '../../../src/workload/zipf.js';

const texts = (source: ReturnType<typeof createKeySource>, ordinals: number[]) => ordinals.map((o) => source!.next(o).toString());

describe('createKeySource', () => {
  it('gives no source for keyless records', () => {
    expect(createKeySource({ kind: 'none' })).toBeUndefined();
  });

  it('range: the record\'s ordinal modulo the range, as decimal text (Kafka\'s KIP-1299)', () => {
    const source = createKeySource({ kind: 'range', range: 3, sizeBytes: undefined });
    expect(texts(source, [0, 1, 2, 3, 4, 5, 1000])).toEqual(['0', '1', '2', '0', '1', '2', '1']);
    // A range of 1: every record gets key "0".
    expect(texts(createKeySource({ kind: 'range', range: 1, sizeBytes: undefined }), [0, 7, 99])).toEqual(['0', '0', '0']);
  });

  it('zero-pads keys to --record-key-size, beyond the cache of small keys too', () => {
    const source = createKeySource({ kind: 'range', range: 1_000_000, sizeBytes: 8 });
    expect(texts(source, [7, 65_535, 65_536, 999_999])).toEqual(['00000007', '00065535', '00065536', '00999999']);
    expect(keyText(42, 5)).toBe('00042');
    expect(keyText(42, undefined)).toBe('42');
  });

  it('keeps one buffer per small key: a record costs no allocation for it', () => {
    const source = createKeySource({ kind: 'range', range: 10, sizeBytes: undefined })!;
    expect(source.next(3)).toBe(source.next(13));
  });

  it('random: uniform over the range, from the random source', () => {
    const draws = [0, 0.5, 0.999];
    let i = 0;
    const source = createKeySource({ kind: 'random', range: 10, sizeBytes: undefined }, () => draws[i++]!);
    expect(texts(source, [0, 0, 0])).toEqual(['0', '5', '9']);
  });

  it('zipf: the lowest keys hottest, at their probabilities', () => {
    const source = createKeySource({ kind: 'zipf', range: 100, exponent: 1, sizeBytes: undefined })!;
    const n = 100_000;
    let zeros = 0;
    for (let k = 0; k < n; k++) if (source.next(k).toString() === '0') zeros++;
    const p = zipfProbability(0, 100, 1);
    expect(Math.abs(zeros / n - p)).toBeLessThan(5 * Math.sqrt((p * (1 - p)) / n));
  });

  it('letters: EndToEndLatency\'s keys, the key size of one letter A-Z', () => {
    const draws = [0, 0.99, 0.5];
    let i = 0;
    const source = createKeySource({ kind: 'letters', sizeBytes: 4 }, () => draws[i++]!);
    expect(texts(source, [0, 1, 2])).toEqual(['AAAA', 'ZZZZ', 'NNNN']);
    expect(createKeySource({ kind: 'letters', sizeBytes: 0 })!.next(0)).toEqual(Buffer.alloc(0));
  });
});

describe('createHeaderSource', () => {
  it('gives no source for records without headers', () => {
    expect(createHeaderSource({ count: 0, keyBytes: 0, valueBytes: 0 })).toBeUndefined();
  });

  it('gives count headers of the sizes asked, each key and value one letter A-Z, and each header its own key buffer', () => {
    const source = createHeaderSource({ count: 3, keyBytes: 5, valueBytes: 7 })!;
    for (let ordinal = 0; ordinal < 200; ordinal++) {
      const headers = source.next(ordinal);
      expect(headers).toHaveLength(3);
      for (const h of headers) {
        expect(h.key.toString()).toMatch(/^([A-Z])\1{4}$/);
        expect(h.value!.toString()).toMatch(/^([A-Z])\1{6}$/);
      }
      expect(new Set(headers.map((h) => h.key)).size).toBe(3);
    }
  });

  it('gives null values for a value size of -1', () => {
    const headers = createHeaderSource({ count: 2, keyBytes: 1, valueBytes: -1 })!.next(5);
    expect(headers.map((h) => h.value)).toEqual([null, null]);
  });

  it('keeps its header lists within a few MiB however large the headers are', () => {
    const source = createHeaderSource({ count: 100, keyBytes: 10, valueBytes: 100_000 })!;
    // 100 x 100 KB = 10 MB a list: one list, given to every record.
    expect(source.next(0)).toBe(source.next(1));
  });
});
