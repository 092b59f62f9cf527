import { describe, expect, it } from 'vitest';
import { gateLines } from '../../../src/gate/report.js';
import { baselineVerdictMarkdown } from '../../../src/report/verdict-table.js';
import { exitCodeOf } from '../../../src/cli/main.js';
import { ExitCode } from '../../../src/errors.js';
import type { GateOutcome } from '../../../src/gate/assertions.js';

const confidence = (changePct: number, half: number) => ({ changePct, lowPct: changePct - half, highPct: changePct + half, samples: { baseline: 11, candidate: 12 } });
const verdicts: GateOutcome[] = [
  { gate: 'throughput vs baseline 1000 rec/s: ...', actual: 990, limit: 900, unit: 'rec/s', passed: true, verdict: 'pass', confidence: confidence(-1, 2.5) },
  { gate: 'p99 vs baseline 10.000 ms: ...', actual: 11, limit: 11, unit: 'ms', passed: false, verdict: 'inconclusive', confidence: confidence(10, 6.25) },
];

describe('gateLines', () => {
  it('gives each gate a line: PASS or FAIL, the gate padded to the widest, the actual value and the limit', () => {
    expect(gateLines([
      { gate: 'p99 < 50ms', actual: 12.34567, limit: 50, unit: 'ms', passed: true },
      { gate: 'throughput >= 20000 rec/s', actual: 18_765.4, limit: 20_000, unit: 'rec/s', passed: false },
    ])).toBe([
      'PASS  p99 < 50ms                 actual 12.346 ms, limit 50 ms',
      'FAIL  throughput >= 20000 rec/s  actual 18,765 rec/s, limit 20,000 rec/s',
    ].join('\n'));
  });

  it('shows a missing figure as n/a', () => {
    expect(gateLines([{ gate: 'e2e.p99 < 5ms', actual: null, limit: 5, unit: 'ms', passed: false }])).toBe('FAIL  e2e.p99 < 5ms  actual n/a ms, limit 5 ms');
    expect(gateLines([{ gate: 'p99 vs baseline (no baseline figure)', actual: 3, limit: Number.NaN, unit: 'ms', passed: true }]))
      .toBe('PASS  p99 vs baseline (no baseline figure)  actual 3 ms, limit n/a ms');
  });

  it('shows an inconclusive baseline verdict as such, and the mean as the actual value', () => {
    expect(gateLines(verdicts)).toBe([
      'PASS          throughput vs baseline 1000 rec/s: ...  actual mean 990 rec/s, limit 900 rec/s',
      'INCONCLUSIVE  p99 vs baseline 10.000 ms: ...          actual mean 11 ms, limit 11 ms',
    ].join('\n'));
  });
});

describe('baseline verdicts', () => {
  it('in Markdown: a table of each metric\'s change, its 95% interval, the samples and the verdict', () => {
    expect(baselineVerdictMarkdown(verdicts)).toBe([
      '#### Verdicts against the baseline', '',
      '| metric | change | 95% interval | intervals (run, baseline) | verdict |',
      '| --- | ---: | --- | ---: | --- |',
      '| throughput | -1.0% | -3.5% .. +1.5% | 12, 11 | ✅ pass |',
      '| p99 | +10.0% | +3.8% .. +16.3% | 12, 11 | ❔ inconclusive |',
    ].join('\n'));
    expect(baselineVerdictMarkdown([{ gate: 'p99 < 5ms', actual: 1, limit: 5, unit: 'ms', passed: true }])).toBe('');
  });

  it('exit 1 on fail, 7 on inconclusive only, and failed records before an inconclusive verdict', () => {
    const run = { status: 'completed', throughput: { recordsPerSec: 1, mbPerSec: 0 }, records: { failed: 0 } };
    expect(exitCodeOf(run, verdicts)).toBe(ExitCode.Inconclusive);
    expect(exitCodeOf(run, [verdicts[0]!])).toBe(ExitCode.Ok);
    expect(exitCodeOf(run, [...verdicts, { ...verdicts[1]!, verdict: 'fail' }])).toBe(ExitCode.GateFailed);
    expect(exitCodeOf({ ...run, records: { failed: 3 } }, verdicts)).toBe(ExitCode.RecordsFailed);
    expect(exitCodeOf({ ...run, status: 'interrupted' }, verdicts)).toBe(ExitCode.Interrupted);
  });
});
