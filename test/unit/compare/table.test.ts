import { describe, expect, it } from 'vitest';
import { buildCompareResult, compareOfResults } from '../../../src/compare/figures.js';
import { compareMarkdown } from '../../../src/compare/markdown.js';
import { compareIntervalLine, runEndLine, runStartLine } from '../../../src/compare/progress-lines.js';
import { compareTable } from '../../../src/compare/table.js';
import { bestMarks, pctText } from '../../../src/report/compare-columns.js';
import type { CompareResult } from '../../../src/report/compare-result.js';
import { scenariosOf, parseMatrix } from '../../../src/compare/matrix.js';
import { fakeResult, latencies } from '../../support/fake-result.js';

/** Two scenarios: acks=1 at 1,000 records/s with 1-2 ms; acks=all at 500 records/s with 2-4 ms and one failure. */
function twoScenarios(repeat = 1): CompareResult {
  const one = (ms: number, from: number, to: number, failed = 0) => fakeResult({ latenciesUs: latencies(1000, from, to), durationMs: ms, failed });
  return buildCompareResult([
    { index: 0, name: 'acks=1', settings: { acks: '1' }, results: Array.from({ length: repeat }, (_, i) => one(1000 + i * 100, 1000, 2000)) },
    { index: 1, name: 'acks=all', settings: { acks: 'all' }, results: Array.from({ length: repeat }, () => one(2000, 2000, 4000, 1)) },
  ], { matrix: { acks: ['1', 'all'] }, scenarioCount: 2, repeat, warmupRecords: 0, baselineIndex: 0, interrupted: false });
}

const rows = (table: string) => table.split('\n').filter((l) => /^│ \d/.test(l)).map((l) => l.split('│').slice(1, -1).map((c) => c.trim()));

describe('compareTable', () => {
  it('shows one row per scenario: settings, figures, best marked, change against the baseline', () => {
    const table = compareTable(twoScenarios());
    expect(table.split('\n')[1]).toMatch(/│ # │ acks │ records\/s │ MB\/s +│ p50 ms +│ p95 ms +│ p99 ms +│ p99\.9 ms │ max ms +│ errors │ Δ records\/s │ Δ p99 +│/);
    const [first, second] = rows(table);
    expect(first!.slice(0, 4)).toEqual(['1', '1', '1,000 *', '0.10 *']);
    expect(first!.slice(-3)).toEqual(['0 *', 'baseline', 'baseline']);
    expect(second!.slice(0, 3)).toEqual(['2', 'all', '500']);
    expect(second![2 + 2]).toMatch(/^\d\.\d{3}$/);
    expect(second!.slice(-3)).toEqual(['1', '-50.0%', expect.stringMatching(/^\+\d+\.\d%$/)]);
    expect(table).toContain('* best in its column.');
    expect(table).toContain('Changes (Δ) are against scenario 1 (acks=1).');
  });

  it('shows the spread of repeated runs on records/s and p99, and says so', () => {
    const table = compareTable(twoScenarios(3));
    const [first] = rows(table);
    expect(first![2]).toBe('909 ±9.2% *');
    expect(first![3]).toMatch(/^\d\.\d\d \*$/);
    expect(table).toContain('Figures are medians of 3 runs; ± is half their range (of records/s and p99). Errors are summed over runs.');
    expect(rows(table)[1]![9]).toBe('3');
  });

  it('names scenarios of separate results by their names, and marks nothing for one', () => {
    const r = fakeResult({ latenciesUs: latencies(10, 1000, 2000), durationMs: 10 });
    const table = compareTable(compareOfResults([{ name: 'run-a', result: r }]));
    expect(table.split('\n')[1]).toMatch(/│ # │ scenario │ records\/s/);
    expect(rows(table)[0]!.slice(0, 2)).toEqual(['1', 'run-a']);
    expect(table).not.toContain('*');
    expect(table).not.toContain('Changes');
    expect(table).not.toContain('Δ');
  });

  it('says when the comparison was interrupted', () => {
    const doc = { ...twoScenarios(), status: 'interrupted' as const, scenarioCount: 4 };
    expect(compareTable(doc)).toContain('Interrupted: 2 of 4 scenarios shown.');
  });
});

describe('pctText', () => {
  it('signs changes, and shows one that rounds to nothing as 0.0%', () => {
    expect([12.34, -50, -0.04, 0.04, 0, null].map(pctText)).toEqual(['+12.3%', '-50.0%', '0.0%', '0.0%', '0.0%', '-']);
  });
});

describe('bestMarks', () => {
  it('marks ties for best, and nothing where every scenario ties', () => {
    const marks = bestMarks(twoScenarios().scenarios);
    expect(marks[0]).toEqual([true, false]);
    expect(marks[7]).toEqual([true, false]);
    const same = bestMarks(compareOfResults([1, 2].map((i) => ({ name: String(i), result: fakeResult({ latenciesUs: [1000], durationMs: 10 }) }))).scenarios);
    expect(same.every((col) => col.every((m) => !m))).toBe(true);
  });
});

describe('compareMarkdown', () => {
  it('is a Markdown table with the best values in bold', () => {
    const md = compareMarkdown(twoScenarios());
    const lines = md.split('\n');
    expect(lines[0]).toBe('### perf-test compare: 2 scenario(s)');
    expect(lines[2]).toBe('| # | acks | records/s | MB/s | p50 ms | p95 ms | p99 ms | p99.9 ms | max ms | errors | Δ records/s | Δ p99 |');
    expect(lines[3]).toBe('| ---: | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |');
    expect(lines[4]).toMatch(/^\| 1 \| `1` \| \*\*1,000\*\* \| \*\*0\.10\*\* \|/);
    expect(lines[5]).toMatch(/^\| 2 \| `all` \| 500 \| 0\.05 \|.* \| 1 \| -50\.0% \| \+\d+\.\d% \|$/);
    expect(md).toContain('Bold: best in its column.');
  });
});

describe('progress lines', () => {
  const scenario = scenariosOf(parseMatrix(['acks=1,all']))[1]!;
  const at = { scenario, scenarioCount: 2, run: 2, repeat: 3, runsDone: 4, runsTotal: 6 };

  it('say which scenario and run starts and how many are left', () => {
    expect(runStartLine(at)).toBe('[2/2] acks=all (run 2 of 3); 1 run(s) after this one');
    expect(runStartLine({ ...at, run: 0, runsDone: 5 })).toBe('[2/2] acks=all (warmup run); the last run');
    expect(runStartLine({ ...at, repeat: 1 })).toBe('[2/2] acks=all; 1 run(s) after this one');
  });

  it('show each interval with the whole comparison\'s progress', () => {
    const r = fakeResult({ latenciesUs: latencies(1000, 1000, 3000), durationMs: 500 });
    expect(compareIntervalLine(r.intervals[0]!, at, { fraction: 0.5, remainingMs: 75_000 }))
      .toMatch(/^ {2}\[2\/2\] 2,000 records\/s, p99 2\.\d{3} ms \| comparison 50% done, ~1m15s left$/);
    expect(runEndLine(at, r)).toMatch(/^ {2}done: 1,000 records acked, 2,000 records\/s, p99 2\.\d{3} ms$/);
  });
});
