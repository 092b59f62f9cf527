import { describe, expect, it } from 'vitest';
import { judgeMetric, overallVerdict, t95, welchInterval } from '../../../src/gate/verdict.js';

describe('welchInterval', () => {
  it('gives the difference of the means with Welch\'s 95% interval', () => {
    // a: mean 10, variance 1 (var/n 1/3); b: mean 12, variance 4 (var/n 4/3): se = sqrt(5/3) = 1.29099.
    // df = (5/3)^2 / ((1/3)^2/2 + (4/3)^2/2) = 2.941 -> 2: t 4.303, half width 5.5551.
    const d = welchInterval([9, 10, 11], [10, 12, 14]);
    expect([d.meanA, d.meanB, d.diff]).toEqual([10, 12, 2]);
    expect(d.df).toBeCloseTo(2.941, 3);
    expect(d.low).toBeCloseTo(-3.5551, 4);
    expect(d.high).toBeCloseTo(7.5551, 4);
  });

  it('is exact for samples without spread, and needs two values a side', () => {
    expect(welchInterval([5, 5], [6, 6])).toEqual({ meanA: 5, meanB: 6, diff: 1, low: 1, high: 1, df: Infinity });
    expect(() => welchInterval([1], [1, 2])).toThrow(RangeError);
  });

  it('reads t from the table, rounding the degrees of freedom down', () => {
    expect([t95(1), t95(2.9), t95(10), t95(30), t95(45), t95(1e6)]).toEqual([12.706, 4.303, 2.228, 2.042, 2.021, 1.96]);
  });
});

describe('judgeMetric', () => {
  // Baseline p99 samples: mean 10 ms, sample variance 1 (n 5).
  const base = [8.5, 9.5, 10, 10.5, 11.5];

  it('passes a change whose whole interval is within the bound', () => {
    const v = judgeMetric('p99', base, base.map((x) => x + 0.2), 0.1);
    // diff 0.2 ms, se = sqrt(2 * 1.25 / 5) = 0.7071, df 8: t 2.306 -> half 1.6306 ms.
    expect(v.changePct).toBeCloseTo(2, 9);
    expect(v.lowPct).toBeCloseTo(2 - 16.306, 2);
    expect(v.highPct).toBeCloseTo(2 + 16.306, 2);
    // 18.3% > 10%: this noise cannot rule out a 10% regression.
    expect(v.verdict).toBe('inconclusive');
    expect(judgeMetric('p99', base, base.map((x) => x + 0.2), 0.2).verdict).toBe('pass');
  });

  it('fails a regression whose whole interval is beyond the bound, and reads throughput the other way', () => {
    expect(judgeMetric('p99', base, base.map((x) => x + 5), 0.1)).toMatchObject({ changePct: 50, verdict: 'fail', maxRegressionPct: 10, samples: { baseline: 5, candidate: 5 } });
    // Throughput: a 50% rise is no regression; a 50% fall is one.
    expect(judgeMetric('throughput', base, base.map((x) => x + 5), 0.1).verdict).toBe('pass');
    expect(judgeMetric('throughput', base, base.map((x) => x - 5), 0.1).verdict).toBe('fail');
  });

  it('adds up: any fail fails, then any inconclusive', () => {
    expect(overallVerdict([{ verdict: 'pass' }, { verdict: 'inconclusive' }])).toBe('inconclusive');
    expect(overallVerdict([{ verdict: 'inconclusive' }, { verdict: 'fail' }])).toBe('fail');
    expect(overallVerdict([{ verdict: 'pass' }])).toBe('pass');
  });
});
