import { describe, expect, it } from 'vitest';
import { splitExactly, splitRate } from '../../../src/workload/split.js';

const sum = (xs: readonly number[]) => xs.reduce((a, b) => a + b, 0);

describe('splitExactly', () => {
  it('gives the first total % parts shares one more', () => {
    expect(splitExactly(10, 3)).toEqual([4, 3, 3]);
    expect(splitExactly(11, 3)).toEqual([4, 4, 3]);
    expect(splitExactly(12, 3)).toEqual([4, 4, 4]);
    expect(splitExactly(2, 5)).toEqual([1, 1, 0, 0, 0]);
    expect(splitExactly(0, 3)).toEqual([0, 0, 0]);
    expect(splitExactly(7, 1)).toEqual([7]);
  });

  it('adds up to the total exactly, with shares that differ by at most one', () => {
    for (const [total, parts] of [[1_000_000, 7], [999_999_999, 13], [5, 256], [123_457, 64]] as const) {
      const shares = splitExactly(total, parts);
      expect(shares).toHaveLength(parts);
      expect(sum(shares)).toBe(total);
      expect(Math.max(...shares) - Math.min(...shares)).toBeLessThanOrEqual(1);
    }
    expect(splitExactly(1_000_000, 7)).toEqual([142858, 142857, 142857, 142857, 142857, 142857, 142857]);
  });

  it('rejects a total or parts that are not whole numbers in range', () => {
    expect(() => splitExactly(-1, 2)).toThrow(new RangeError('total must be a whole number >= 0, got -1'));
    expect(() => splitExactly(1.5, 2)).toThrow(RangeError);
    expect(() => splitExactly(10, 0)).toThrow(new RangeError('parts must be a whole number >= 1, got 0'));
    expect(() => splitExactly(10, 2.5)).toThrow(RangeError);
  });
});

describe('splitRate', () => {
  it('splits a rate evenly', () => {
    expect(splitRate(100, 4)).toEqual([25, 25, 25, 25]);
    expect(splitRate(1, 2)).toEqual([0.5, 0.5]);
    expect(splitRate(100, 3)).toEqual([100 / 3, 100 / 3, 100 / 3]);
    expect(sum(splitRate(100, 3))).toBeCloseTo(100, 10);
  });
});
