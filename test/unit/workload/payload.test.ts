import { describe, expect, it } from 'vitest';
import { createPayloadSource } from '../../../src/workload/payload.js';

/** A random source that returns the given values in turn, forever. */
function cycle(values: readonly number[]): () => number {
  let i = 0;
  return () => values[i++ % values.length]!;
}

describe('createPayloadSource: random', () => {
  it('gives values of exactly --record-size bytes', () => {
    for (const size of [1, 100, 1024, 100_000]) {
      const source = createPayloadSource({ kind: 'random', sizeBytes: size }, cycle([0.1, 0.5, 0.9]));
      for (const i of [0, 1, 2, 1023, 1024, 5000]) expect(source.next(i).length).toBe(size);
    }
  });

  it('uses uppercase letters A-Z only, as Kafka\'s tool does', () => {
    expect([...createPayloadSource({ kind: 'random', sizeBytes: 64 }, () => 0).next(0)]).toEqual(Array(64).fill(65));
    expect([...createPayloadSource({ kind: 'random', sizeBytes: 64 }, () => 0.99999).next(0)]).toEqual(Array(64).fill(90));
    const source = createPayloadSource({ kind: 'random', sizeBytes: 4096 });
    for (const i of [0, 1, 77, 1023]) {
      for (const b of source.next(i)) {
        expect(b).toBeGreaterThanOrEqual(65);
        expect(b).toBeLessThanOrEqual(90);
      }
    }
  });

  it('maps the injected random onto the 26 letters', () => {
    // floor(r * 26): 0 -> A, 0.5 -> N, 25/26 -> Z
    const source = createPayloadSource({ kind: 'random', sizeBytes: 3 }, cycle([0, 0.5, 25 / 26]));
    expect(source.next(0).toString('latin1')).toBe('ANZ');
  });

  it('gives consecutive records different contents, and cycles through 1024 views', () => {
    const letters = Array.from({ length: 26 }, (_, i) => (i + 0.5) / 26);
    const source = createPayloadSource({ kind: 'random', sizeBytes: 32 }, cycle(letters.concat(letters.slice(3), letters.slice(11))));
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
