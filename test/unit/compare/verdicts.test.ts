import { describe, expect, it } from 'vitest';
import { buildCompareResult } from '../../../src/compare/figures.js';
import { compareVerdicts } from '../../../src/compare/verdicts.js';
import { intervalSamples as samplesOf } from '../../../src/gate/samples.js';
import { verdictLines, verdictMarkdown } from '../../../src/report/verdict-table.js';
import { compareExitCode } from '../../../src/cli/compare-command.js';
import { fakeResult, latencies } from '../../support/fake-result.js';
import { expectValid } from '../../support/schema.js';

/** A run of full 5 s intervals of `perInterval` records each, every record at `latencyUs`. */
const run = (perInterval: readonly number[], latencyUs: number) =>
  fakeResult({ latenciesUs: latencies(perInterval.reduce((a, b) => a + b, 0), latencyUs, latencyUs), durationMs: 5000 * perInterval.length, intervalRecords: perInterval });

describe('compare verdicts', () => {
  // Each run's first interval (its start) is left out of the samples: 500 records there change nothing.
  const base = [run([500, 1000, 1100, 900], 5000), run([500, 1000, 1050, 950], 5000)];
  const same = [run([500, 1000, 1000, 1000], 5000), run([500, 990, 1010, 1000], 5000)];
  const slow = [run([500, 1000, 1000, 1000], 100_000), run([500, 1000, 1000, 1000], 100_000)];

  it('samples each full reporting interval of every repeat but its first', () => {
    expect(samplesOf(base, 'throughput')).toEqual([200, 220, 180, 200, 210, 190]);
    expect(samplesOf(slow, 'p99').map((v) => Math.round(v))).toEqual([100, 100, 100, 100, 100, 100]);
  });

  it('pass for the same, fail for 20 times the latency, with exact intervals', () => {
    const scenarios = [base, same, slow].map((results, index) => ({ index, name: ['base', 'same', 'slow'][index]!, settings: {}, results }));
    const doc = buildCompareResult(scenarios, { matrix: {}, scenarioCount: 3, repeat: 2, warmupRecords: 0, baselineIndex: 0, interrupted: false });
    const v = compareVerdicts(doc, new Map(scenarios.map((s) => [s.index, s.results])), { maxRegression: 0.1, metrics: ['throughput', 'p99'] });
    // Throughput: base mean 200, variance 200 (n 6); same: mean 200, variance 1.6 (n 6). se = sqrt(200/6 + 1.6/6)
    // = 5.797, df = 5.08 -> 5: t 2.571; the change is 0 +- 14.90 rec/s, 0% +- 7.45%: within 10%.
    const same1 = v.scenarios[0]!;
    expect(same1).toMatchObject({ index: 1, verdict: 'pass' });
    const t = same1.metrics[0]!;
    expect('changePct' in t && [t.changePct, t.lowPct, t.highPct].map((x) => Number(x.toFixed(2)))).toEqual([0, -7.45, 7.45]);
    expect(v.scenarios[1]).toMatchObject({ index: 2, verdict: 'fail' });
    expect(v.scenarios[1]!.metrics.map((m) => m.verdict)).toEqual(['pass', 'fail']);
    const withVerdicts = { ...doc, verdicts: v };
    expectValid(withVerdicts, 'compare');
    expect(compareExitCode(withVerdicts, [])).toBe(1);
    expect(compareExitCode({ ...doc, verdicts: { ...v, scenarios: [v.scenarios[0]!, { ...v.scenarios[1]!, verdict: 'inconclusive' }] } }, [])).toBe(7);
    expect(compareExitCode({ ...doc, verdicts: { ...v, scenarios: [v.scenarios[0]!] } }, [])).toBe(0);
    expect(verdictLines(v)).toContain('   2  same  throughput: +0.0% (95% interval -7.5% .. +7.5%): PASS');
    // 100 ms against 5 ms, as the histograms read them back (3 significant digits): +1899.4%, without spread.
    expect(verdictMarkdown(v)).toContain('| 3 | `slow` | p99 | +1899.4% | +1899.4% .. +1899.4% | ❌ fail |');
    expect(verdictMarkdown(v)).toContain('❌ fail');
  });

  it('is inconclusive with fewer than two samples a side', () => {
    const one = [fakeResult({ latenciesUs: latencies(10, 5000, 5000), durationMs: 10_000, intervalRecords: [5, 5] })];
    const scenarios = [one, one].map((results, index) => ({ index, name: `s${index}`, settings: {}, results }));
    const doc = buildCompareResult(scenarios, { matrix: {}, scenarioCount: 2, repeat: 1, warmupRecords: 0, baselineIndex: 0, interrupted: false });
    const v = compareVerdicts(doc, new Map(scenarios.map((s) => [s.index, s.results])), { maxRegression: 0.1, metrics: ['p99'] });
    expect(v.scenarios[0]).toEqual({ index: 1, name: 's1', verdict: 'inconclusive', metrics: [{ metric: 'p99', verdict: 'inconclusive', samples: { baseline: 1, candidate: 1 } }] });
    expect(verdictLines(v)).toContain('too few samples (1 and 1)');
  });
});
