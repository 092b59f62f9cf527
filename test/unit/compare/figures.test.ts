import { describe, expect, it } from 'vitest';
import {
  buildCompareResult, changeAgainst, compareOfResults, figuresOf, median, representativeRun, runFigures, spreadOf,
} from '../../../src/compare/figures.js';
import { halfRangePct } from '../../../src/report/compare-columns.js';
import { fakeResult, latencies } from '../../support/fake-result.js';

describe('median and spread', () => {
  it('takes the middle value, or the mean of the middle two', () => {
    expect(median([3, 1, 2])).toBe(2);
    expect(median([4, 1, 3, 2])).toBe(2.5);
    expect(median([7])).toBe(7);
    expect(() => median([])).toThrow(RangeError);
  });

  it('gives the ± as half the range in percent of the median', () => {
    expect(spreadOf([90, 110, 100])).toEqual({ median: 100, min: 90, max: 110 });
    expect(halfRangePct({ median: 100, min: 90, max: 110 })).toBe(10);
    expect(halfRangePct({ median: 0, min: 0, max: 0 })).toBe(0);
  });
});

describe('figuresOf', () => {
  it('takes the median of each figure over the runs, and sums records', () => {
    const runs = [
      runFigures(fakeResult({ latenciesUs: latencies(1000, 1000, 2000), durationMs: 1000 })),
      runFigures(fakeResult({ latenciesUs: latencies(1000, 3000, 4000), durationMs: 500, failed: 2 })),
      runFigures(fakeResult({ latenciesUs: latencies(1000, 2000, 3000), durationMs: 250 })),
    ];
    const f = figuresOf(runs);
    expect(f.runs).toBe(3);
    expect(f.recordsPerSec).toEqual({ median: 2000, min: 1000, max: 4000 });
    expect(f.latencyMs!.p50).toEqual({ median: runs[2]!.latencyMs!.p50, min: runs[0]!.latencyMs!.p50, max: runs[1]!.latencyMs!.p50 });
    expect(f.acked).toBe(3000);
    expect(f.failed).toBe(2);
  });

  it('has no latency when no run acked a record', () => {
    expect(figuresOf([runFigures(fakeResult({ latenciesUs: [], durationMs: 100 }))]).latencyMs).toBeNull();
  });
});

describe('representativeRun', () => {
  it('is the run of median throughput, the lower middle one of an even count', () => {
    const runs = [400, 100, 300, 200].map((r) => ({ throughput: { recordsPerSec: r }, id: r }));
    expect(representativeRun(runs).id).toBe(200);
    expect(representativeRun(runs.slice(0, 3)).id).toBe(300);
  });
});

describe('changeAgainst', () => {
  it('is the change of records/s and p99 in percent of the baseline', () => {
    const base = figuresOf([runFigures(fakeResult({ latenciesUs: latencies(100, 1000, 1000), durationMs: 1000 }))]);
    const other = figuresOf([runFigures(fakeResult({ latenciesUs: latencies(150, 500, 500), durationMs: 1000 }))]);
    const change = changeAgainst(other, base);
    expect(change.recordsPerSecPct).toBeCloseTo(50, 10);
    expect(change.p99Pct).toBeCloseTo(-50, 1);
  });
});

describe('buildCompareResult', () => {
  const fast = fakeResult({ latenciesUs: latencies(200, 100, 200), durationMs: 100 });
  const slow = fakeResult({ latenciesUs: latencies(200, 100, 200), durationMs: 400 });

  it('makes one scenario per finished one, with changes against the baseline', () => {
    const doc = buildCompareResult([
      { index: 0, name: 'acks=1', settings: { acks: '1' }, results: [slow] },
      { index: 1, name: 'acks=all', settings: { acks: 'all' }, results: [fast, slow, fast] },
    ], { matrix: { acks: ['1', 'all'] }, scenarioCount: 2, repeat: 3, warmupRecords: 0, baselineIndex: 0, interrupted: false });
    expect(doc).toMatchObject({ schemaVersion: 1, kind: 'compare', status: 'completed', scenarioCount: 2, repeat: 3 });
    expect(doc.scenarios[0]!.vsBaseline).toBeNull();
    expect(doc.scenarios[1]!.vsBaseline!.recordsPerSecPct).toBeCloseTo(300, 10);
    expect(doc.scenarios[1]!.result).toBe(fast);
    expect(doc.scenarios[1]!.runs).toHaveLength(3);
    expect(doc.startedAt).toBe(fast.startedAt);
  });

  it('leaves changes out when the baseline scenario did not finish', () => {
    const doc = buildCompareResult([{ index: 1, name: 'b', settings: {}, results: [fast] }],
      { matrix: {}, scenarioCount: 2, repeat: 1, warmupRecords: 0, baselineIndex: 0, interrupted: true });
    expect(doc.status).toBe('interrupted');
    expect(doc.scenarios[0]!.vsBaseline).toBeNull();
  });

  it('shows separate results as the scenarios of one comparison', () => {
    const doc = compareOfResults([{ name: 'before', result: slow }, { name: 'after', result: fast }]);
    expect(doc.scenarios.map((s) => [s.name, s.settings])).toEqual([['before', {}], ['after', {}]]);
    expect(doc.matrix).toEqual({});
    expect(doc.scenarios[1]!.vsBaseline!.recordsPerSecPct).toBeCloseTo(300, 10);
  });
});
