import { describe, expect, it } from 'vitest';
import type { GateInput } from '../../../src/gate/assertions.js';
import { asGateInput, compareWithBaseline, parseMaxRegression, parseRegressionMetrics, type BaselineGate } from '../../../src/gate/baseline.js';
import { UsageError } from '../../../src/errors.js';
import { thrown } from '../../support/thrown.js';

const run = (recordsPerSec: number, p99: number | null): GateInput => ({
  throughput: { recordsPerSec, mbPerSec: recordsPerSec / 1000 },
  records: { failed: 0 },
  latencyMs: p99 === null ? null : { avg: p99 / 2, min: 0.1, max: p99 * 2, p50: p99 / 4, p95: p99 / 2, p99, p999: p99 * 1.5 },
});

const gate = (baseline: GateInput, maxRegression = 0.25, metrics: BaselineGate['metrics'] = ['throughput', 'p99']): BaselineGate =>
  ({ path: 'before.json', baseline, maxRegression, metrics });

describe('parseMaxRegression', () => {
  it('reads a percentage or a fraction', () => {
    expect(parseMaxRegression('10%')).toBe(0.1);
    expect(parseMaxRegression(' 2.5 % ')).toBe(0.025);
    expect(parseMaxRegression('0.1')).toBe(0.1);
    expect(parseMaxRegression('0%')).toBe(0);
  });

  it('refuses anything else, naming the flag', () => {
    expect(thrown(UsageError, () => parseMaxRegression('-5%')).message).toBe("--max-regression: '-5%' is not a percentage (e.g. 10%)");
    expect(thrown(UsageError, () => parseMaxRegression('ten')).message).toBe("--max-regression: 'ten' is not a percentage (e.g. 10%)");
  });
});

describe('parseRegressionMetrics', () => {
  it('reads a comma-separated list', () => {
    expect(parseRegressionMetrics('throughput,p99')).toEqual(['throughput', 'p99']);
    expect(parseRegressionMetrics(' p50 , max,')).toEqual(['p50', 'max']);
  });

  it('refuses an empty list and an unknown metric', () => {
    expect(thrown(UsageError, () => parseRegressionMetrics(' , ')).message).toBe("--regression-metrics: ' , ' names no metric");
    expect(thrown(UsageError, () => parseRegressionMetrics('p99,p98')).message)
      .toBe("--regression-metrics: 'p98' is not one of throughput, p50, p95, p99, p999, avg, max");
  });
});

describe('asGateInput', () => {
  it('takes a perf-test result, and names the file of anything else', () => {
    const result = { schemaVersion: 1, ...run(1000, 8) };
    expect(asGateInput('before.json', result)).toBe(result);
    for (const json of [null, 'text', { schemaVersion: 1 }, { throughput: {}, records: {} }]) {
      expect(thrown(UsageError, () => asGateInput('before.json', json)).message).toBe("--baseline: 'before.json' is not a perf-test JSON result (made with --json)");
    }
  });
});

describe('compareWithBaseline', () => {
  it('allows throughput to fall and latency to rise by the max regression, and no more', () => {
    // Baseline 1000 rec/s and p99 8 ms, 25% allowed: the worst acceptable are 750 rec/s and 10 ms.
    expect(compareWithBaseline(gate(run(1000, 8)), run(750, 10))).toEqual([
      { gate: 'throughput vs baseline 1000 rec/s (-25.0%, max regression 25.0%)', actual: 750, limit: 750, unit: 'rec/s', passed: true },
      { gate: 'p99 vs baseline 8.000 ms (+25.0%, max regression 25.0%)', actual: 10, limit: 10, unit: 'ms', passed: true },
    ]);
    expect(compareWithBaseline(gate(run(1000, 8)), run(740, 10.5)).map((o) => [o.gate, o.passed])).toEqual([
      ['throughput vs baseline 1000 rec/s (-26.0%, max regression 25.0%)', false],
      ['p99 vs baseline 8.000 ms (+31.3%, max regression 25.0%)', false],
    ]);
  });

  it('passes improvements, and compares the metrics asked for', () => {
    const outcomes = compareWithBaseline(gate(run(1000, 8), 0, ['p50', 'max']), run(2000, 4));
    expect(outcomes).toEqual([
      { gate: 'p50 vs baseline 2.000 ms (-50.0%, max regression 0.0%)', actual: 1, limit: 2, unit: 'ms', passed: true },
      { gate: 'max vs baseline 16.000 ms (-50.0%, max regression 0.0%)', actual: 8, limit: 16, unit: 'ms', passed: true },
    ]);
  });

  it('skips a figure the baseline lacks, and fails one the run lacks', () => {
    const [, p99] = compareWithBaseline(gate(run(1000, null)), run(1000, 8));
    expect(p99).toEqual({ gate: 'p99 vs baseline (no baseline figure)', actual: 8, limit: Number.NaN, unit: 'ms', passed: true });
    const [, missing] = compareWithBaseline(gate(run(1000, 8)), run(1000, null));
    expect(missing).toEqual({ gate: 'p99 vs baseline 8.000 ms (n/a, max regression 25.0%)', actual: null, limit: 10, unit: 'ms', passed: false });
  });
});

/** A completed run of 1 s reporting intervals: the first (its start) is left out of the samples. */
const intervals = (throughputs: readonly number[], p99s: readonly number[]): GateInput => ({
  ...run(throughputs.reduce((a, b) => a + b, 0) / throughputs.length, Math.max(...p99s)),
  status: 'completed',
  config: { reportingIntervalMs: 1000 },
  intervals: [{ durationMs: 1000, throughput: { recordsPerSec: 1 }, latencyMs: null },
    ...throughputs.map((t, i) => ({ durationMs: 1000, throughput: { recordsPerSec: t }, latencyMs: { ...run(t, p99s[i]!).latencyMs! } }))],
});

describe('compareWithBaseline, on interval figures: a verdict', () => {
  // Baseline throughput: mean 1000, sample variance 3125 (n 5); p99: mean 10, variance 1.25.
  const base = intervals([925, 975, 1000, 1025, 1075], [8.5, 9.5, 10, 10.5, 11.5]);

  it('passes a change whose whole 95% interval is within the bound, with the interval', () => {
    // Throughput +20 each: diff 20 (+2%); se = sqrt(2 * 3125 / 5) = 35.355, df 8: t 2.306, half 81.53 (8.153%).
    const [throughput] = compareWithBaseline(gate(base, 0.1, ['throughput']), intervals([945, 995, 1020, 1045, 1095], [8.5, 9.5, 10, 10.5, 11.5]));
    expect(throughput!.verdict).toBe('pass');
    expect(throughput!.passed).toBe(true);
    expect(throughput!.actual).toBe(1020);
    expect(throughput!.limit).toBe(900);
    expect(throughput!.confidence!.changePct).toBeCloseTo(2, 9);
    expect(throughput!.confidence!.lowPct).toBeCloseTo(2 - 8.1529, 3);
    expect(throughput!.confidence!.highPct).toBeCloseTo(2 + 8.1529, 3);
    expect(throughput!.confidence!.samples).toEqual({ baseline: 5, candidate: 5 });
    expect(throughput!.gate).toBe('throughput vs baseline 1000 rec/s: +2.0% (95% interval -6.2% .. +10.2%, 5 and 5 intervals, max regression 10.0%)');
  });

  it('fails a regression whose whole interval is beyond the bound, and is inconclusive when it straddles it', () => {
    // p99 +5 ms each: +50% (half width 16.3%): beyond 10%.
    const slower = intervals([925, 975, 1000, 1025, 1075], [13.5, 14.5, 15, 15.5, 16.5]);
    expect(compareWithBaseline(gate(base, 0.1, ['p99']), slower)[0]).toMatchObject({ verdict: 'fail', passed: false, actual: 15, limit: 11 });
    // p99 +1 ms each: +10% ± 16.3%, against 10%: inconclusive, not passed.
    const noisy = intervals([925, 975, 1000, 1025, 1075], [9.5, 10.5, 11, 11.5, 12.5]);
    const [p99] = compareWithBaseline(gate(base, 0.1, ['p99']), noisy);
    expect(p99).toMatchObject({ verdict: 'inconclusive', passed: false });
    expect(p99!.confidence!.lowPct).toBeCloseTo(10 - 16.306, 2);
  });

  it('compares one figure with the other when a side has fewer than two full intervals', () => {
    const short = { ...intervals([990], [10]), intervals: [...intervals([990], [10]).intervals!, { durationMs: 300, throughput: { recordsPerSec: 5 }, latencyMs: null }] };
    const [throughput] = compareWithBaseline(gate(base, 0.1, ['throughput']), short);
    expect(throughput).toEqual({ gate: 'throughput vs baseline 1000 rec/s (-1.0%, max regression 10.0%)', actual: 990, limit: 900, unit: 'rec/s', passed: true });
  });
});
