import { describe, expect, it } from 'vitest';
import { ZipfSampler, zipfProbability } from '../../../src/workload/zipf.js';

/** A reproducible uniform source (a 32-bit LCG's high bits). */
function seeded(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

function frequencies(n: number, s: number, draws: number): number[] {
  const sampler = new ZipfSampler(n, s, seeded(42));
  const counts = new Array<number>(n).fill(0);
  for (let i = 0; i < draws; i++) counts[sampler.next()]!++;
  return counts.map((c) => c / draws);
}

describe('zipfProbability', () => {
  it('is (k + 1)^-s over the generalized harmonic number', () => {
    // H(4, 1) = 1 + 1/2 + 1/3 + 1/4 = 25/12
    expect(zipfProbability(0, 4, 1)).toBeCloseTo(12 / 25, 12);
    expect(zipfProbability(3, 4, 1)).toBeCloseTo(3 / 25, 12);
    // H(3, 2) = 1 + 1/4 + 1/9 = 49/36
    expect(zipfProbability(1, 3, 2)).toBeCloseTo(9 / 49, 12);
    expect(zipfProbability(0, 1, 1.5)).toBe(1);
  });
});

describe('ZipfSampler', () => {
  for (const [n, s] of [[10, 1], [50, 1.2], [5, 0.5], [20, 3]] as const) {
    it(`draws ranks of ${n} with exponent ${s} at their exact probabilities`, () => {
      const draws = 200_000;
      const seen = frequencies(n, s, draws);
      for (let k = 0; k < n; k++) {
        const p = zipfProbability(k, n, s);
        // Five standard deviations of a share measured over the draws.
        expect(Math.abs(seen[k]! - p), `rank ${k}: ${seen[k]} vs ${p}`).toBeLessThan(5 * Math.sqrt((p * (1 - p)) / draws) + 1e-9);
      }
    });
  }

  it('stays within [0, n) for a huge n, in constant memory, the first ranks hottest', () => {
    const sampler = new ZipfSampler(2 ** 31 - 1, 1, seeded(7));
    const draws = Array.from({ length: 50_000 }, () => sampler.next());
    expect(Math.min(...draws)).toBeGreaterThanOrEqual(0);
    expect(Math.max(...draws)).toBeLessThan(2 ** 31 - 1);
    const zeros = draws.filter((d) => d === 0).length / draws.length;
    // 1 / H(2^31 - 1, 1) = 1 / (ln(2^31 - 1) + 0.5772...) = 0.0452
    expect(zeros).toBeGreaterThan(0.04);
    expect(zeros).toBeLessThan(0.05);
  });

  it('gives rank 0 only when there is one rank', () => {
    const sampler = new ZipfSampler(1, 1, seeded(1));
    expect(Array.from({ length: 100 }, () => sampler.next())).toEqual(new Array(100).fill(0));
  });

  it('rejects a rank count below 1 and an exponent that is not above 0', () => {
    expect(() => new ZipfSampler(0, 1, Math.random)).toThrow(RangeError);
    expect(() => new ZipfSampler(10, 0, Math.random)).toThrow(RangeError);
  });
});
