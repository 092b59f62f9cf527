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
