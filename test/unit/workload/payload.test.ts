import { describe, expect, it } from 'vitest';
import { createPayloadSource, stratifiedSizes } from '../../../src/workload/payload.js';
import { parseSizeDistribution } from '../../../src/config/record-sizes.js';
import type { PayloadSpec } from '../../../src/config/types.js';
import { compressionsAlgorithms } from '@platformatic/kafka';
import { platformaticCompression } from '../../../src/clients/platformatic/options.js';

/** Kafka's random letters of one size. */
const fixed = (bytes: number): PayloadSpec => ({ kind: 'random', sizeBytes: bytes, sizes: { kind: 'fixed', bytes }, compressibility: undefined });

/** A random source that returns the given values in turn, forever. */
function cycle(values: readonly number[]): () => number {
  let i = 0;
  return () => values[i++ % values.length]!;
}

describe('createPayloadSource: random', () => {
  it('gives values of exactly --record-size bytes', () => {
    for (const size of [1, 100, 1024, 100_000]) {
      const source = createPayloadSource(fixed(size), cycle([0.1, 0.5, 0.9]));
      for (const i of [0, 1, 2, 1023, 1024, 5000]) expect(source.next(i).length).toBe(size);
    }
  });

  it('uses uppercase letters A-Z only, as Kafka\'s tool does', () => {
    expect([...createPayloadSource(fixed(64), () => 0).next(0)]).toEqual(Array(64).fill(65));
    expect([...createPayloadSource(fixed(64), () => 0.99999).next(0)]).toEqual(Array(64).fill(90));
    const source = createPayloadSource(fixed(4096));
    for (const i of [0, 1, 77, 1023]) {
      for (const b of source.next(i)) {
        expect(b).toBeGreaterThanOrEqual(65);
        expect(b).toBeLessThanOrEqual(90);
      }
    }
  });

  it('maps the injected random onto the 26 letters', () => {
    // floor(r * 26): 0 -> A, 0.5 -> N, 25/26 -> Z
    const source = createPayloadSource(fixed(3), cycle([0, 0.5, 25 / 26]));
    expect(source.next(0).toString('latin1')).toBe('ANZ');
  });

  it('gives consecutive records different contents, and cycles through 1024 views', () => {
    const letters = Array.from({ length: 26 }, (_, i) => (i + 0.5) / 26);
    const source = createPayloadSource(fixed(32), cycle(letters.concat(letters.slice(3), letters.slice(11))));
    const first = Buffer.from(source.next(0));
    expect(Buffer.from(source.next(1)).equals(first)).toBe(false);
    expect(source.next(1024).equals(first)).toBe(true);
    expect(source.next(2048)).toBe(source.next(0));
  });
});

describe('createPayloadSource: monotonic', () => {
  it('gives the record ordinal as decimal text', () => {
    const source = createPayloadSource({ kind: 'monotonic' });
    expect(source.next(0).toString()).toBe('0');
    expect(source.next(7).toString()).toBe('7');
    expect(source.next(1_000_000).toString()).toBe('1000000');
  });

  it('is monotonic in the ordinal', () => {
    const source = createPayloadSource({ kind: 'monotonic' });
    const values = [5, 6, 7, 100, 101].map((i) => Number(source.next(i).toString()));
    expect(values).toEqual([5, 6, 7, 100, 101]);
  });
});

describe('createPayloadSource: file', () => {
  const payloads = ['a', 'bb', 'ccc'].map((s) => new TextEncoder().encode(s));

  it('picks a payload with the injected random: floor(r * count)', () => {
    const source = createPayloadSource({ kind: 'file', path: '/p', payloads }, cycle([0, 0.34, 0.67, 0.99, 0.33]));
    const picked = [0, 1, 2, 3, 4].map((i) => source.next(i).toString());
    expect(picked).toEqual(['a', 'bb', 'ccc', 'ccc', 'a']);
  });

  it('hands out Buffers over the payloads\' bytes', () => {
    const source = createPayloadSource({ kind: 'file', path: '/p', payloads }, () => 0.5);
    const b = source.next(0);
    expect(Buffer.isBuffer(b)).toBe(true);
    expect([...b]).toEqual([98, 98]);
  });
});

describe('createPayloadSource: size distributions and compressibility', () => {
  const shaped = (sizes: string, compressibility?: number): PayloadSpec => {
    const d = parseSizeDistribution('--record-size', sizes);
    const max = d.kind === 'fixed' ? d.bytes : d.kind === 'uniform' ? d.maxBytes : Math.max(...d.choices.map((c) => c.bytes));
    return { kind: 'random', sizeBytes: max, sizes: d, compressibility };
  };
  const sizesOf = (spec: PayloadSpec, n: number) => Array.from({ length: n }, (_, i) => createdOnce(spec).next(i).length);
  const cache = new Map<PayloadSpec, ReturnType<typeof createPayloadSource>>();
  const createdOnce = (spec: PayloadSpec) => cache.get(spec) ?? cache.set(spec, createPayloadSource(spec)).get(spec)!;

  it('a uniform range: every record within its bounds, the mean the middle over 8192 records', () => {
    const sizes = sizesOf(shaped('100..2000'), 8192);
    expect(Math.min(...sizes)).toBe(100);
    expect(Math.max(...sizes)).toBe(2000);
    expect(sizes.reduce((a, b) => a + b, 0) / 8192).toBeCloseTo(1050, 0);
  });

  it('a weighted list: each size its share of the records', () => {
    const sizes = sizesOf(shaped('100:0.9,10KiB:0.1'), 8192);
    expect(sizes.filter((s) => s === 10240)).toHaveLength(819); // 819.2, rounded by the largest remainder
    expect(sizes.filter((s) => s === 100)).toHaveLength(7373);
  });

  it('stratifies exactly, whatever the random order', () => {
    const d = parseSizeDistribution('--record-size', '1:1,2:1,3:2');
    expect(stratifiedSizes(d, 8, () => 0).sort()).toEqual([1, 1, 2, 2, 3, 3, 3, 3]);
  });

  it('compressibility R: a batch shrinks by about R under each codec (the README\'s range), random bytes not at all', () => {
    for (const size of [100, 1024, 10240]) {
      for (const r of [0, 0.5, 0.9]) {
        const source = createdOnce(shaped(String(size), r));
        const batch = Buffer.concat(Array.from({ length: Math.ceil(16384 / size) }, (_, i) => source.next(i)));
        for (const codec of platformaticCompression().filter((c) => c !== 'none')) {
          const ratio = compressionsAlgorithms[codec].compressSync(batch).length / batch.length;
          expect(ratio, `${codec}, ${size} B, compressibility ${r}`).toBeGreaterThan(1 - r - 0.02);
          expect(ratio, `${codec}, ${size} B, compressibility ${r}`).toBeLessThan(1 - r + 0.07);
        }
      }
    }
  });
});
