import type { ProduceResult } from '../report/result.js';
import { TOOL_VERSION } from '../run/version.js';
import {
  COMPARE_SCHEMA_VERSION, type BaselineChange, type CompareResult, type RunFigures, type ScenarioFigures,
  type ScenarioResult, type Spread,
} from '../report/compare-result.js';

/** The median of values (the mean of the middle two for an even count). */
export function median(values: readonly number[]): number {
  if (values.length === 0) throw new RangeError('median of no values');
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

export function spreadOf(values: readonly number[]): Spread {
  return { median: median(values), min: Math.min(...values), max: Math.max(...values) };
}

export function runFigures(r: ProduceResult): RunFigures {
  return {
    status: r.status,
    durationMs: r.durationMs,
    recordsPerSec: r.throughput.recordsPerSec,
    mbPerSec: r.throughput.mbPerSec,
    acked: r.records.acked,
    failed: r.records.failed,
    latencyMs: r.latencyMs,
  };
}

/** A scenario's figures over its runs: medians and ranges of each; latency over the runs that acked records. */
export function figuresOf(runs: readonly RunFigures[]): ScenarioFigures {
  const timed = runs.flatMap((r) => (r.latencyMs ? [r.latencyMs] : []));
  const over = (pick: (l: NonNullable<RunFigures['latencyMs']>) => number) => spreadOf(timed.map(pick));
  return {
    runs: runs.length,
    recordsPerSec: spreadOf(runs.map((r) => r.recordsPerSec)),
    mbPerSec: spreadOf(runs.map((r) => r.mbPerSec)),
    latencyMs: timed.length === 0 ? null : {
      p50: over((l) => l.p50), p95: over((l) => l.p95), p99: over((l) => l.p99), p999: over((l) => l.p999), max: over((l) => l.max),
    },
    acked: runs.reduce((n, r) => n + r.acked, 0),
    failed: runs.reduce((n, r) => n + r.failed, 0),
  };
}

/** The run of median throughput: the lower middle one of an even count, so it is always a real run. */
export function representativeRun<T extends { readonly throughput: { readonly recordsPerSec: number } }>(results: readonly T[]): T {
  const sorted = [...results].sort((a, b) => a.throughput.recordsPerSec - b.throughput.recordsPerSec);
  const chosen = sorted[(sorted.length - 1) >> 1];
  if (!chosen) throw new RangeError('no run to represent a scenario');
  return chosen;
}

function pctChange(value: number, base: number): number | null {
  return base === 0 || !Number.isFinite(base) ? null : ((value - base) / base) * 100;
}

export function changeAgainst(f: ScenarioFigures, base: ScenarioFigures): BaselineChange {
  return {
    recordsPerSecPct: pctChange(f.recordsPerSec.median, base.recordsPerSec.median),
    p99Pct: f.latencyMs && base.latencyMs ? pctChange(f.latencyMs.p99.median, base.latencyMs.p99.median) : null,
  };
}

/** A finished scenario's measured runs, before figures are drawn from them. */
export interface ScenarioRuns {
  readonly index: number;
  readonly name: string;
  readonly settings: Readonly<Record<string, string>>;
  /** Completed runs; an interrupted one only when no run of the scenario completed. */
  readonly results: readonly ProduceResult[];
}

/** What a comparison was asked to do, for its document. */
export interface CompareMeta {
  readonly matrix: Readonly<Record<string, readonly string[]>>;
  readonly scenarioCount: number;
  readonly repeat: number;
  readonly warmupRecords: number;
  readonly baselineIndex: number;
  readonly interrupted: boolean;
}

/** Builds the compare document from each scenario's runs: figures, the representative run, baseline changes. */
export function buildCompareResult(scenarios: readonly ScenarioRuns[], meta: CompareMeta): CompareResult {
  const withFigures = scenarios.filter((s) => s.results.length > 0).map((s) => {
    const runs = s.results.map(runFigures);
    return { s, runs, figures: figuresOf(runs) };
  });
  const base = withFigures.find((x) => x.s.index === meta.baselineIndex)?.figures;
  const results: ScenarioResult[] = withFigures.map(({ s, runs, figures }) => ({
    index: s.index,
    name: s.name,
    settings: s.settings,
    result: representativeRun(s.results),
    runs,
    figures,
    vsBaseline: s.index === meta.baselineIndex || !base ? null : changeAgainst(figures, base),
  }));
  const all = scenarios.flatMap((s) => s.results);
  const starts = all.map((r) => Date.parse(r.startedAt));
  const ends = all.map((r) => Date.parse(r.endedAt));
  const now = new Date().toISOString();
  return {
    schemaVersion: COMPARE_SCHEMA_VERSION,
    kind: 'compare',
    tool: { name: 'perf-test', version: TOOL_VERSION },
    status: meta.interrupted ? 'interrupted' : 'completed',
    startedAt: starts.length > 0 ? new Date(Math.min(...starts)).toISOString() : now,
    endedAt: ends.length > 0 ? new Date(Math.max(...ends)).toISOString() : now,
    matrix: meta.matrix,
    scenarioCount: meta.scenarioCount,
    repeat: meta.repeat,
    warmupRecords: meta.warmupRecords,
    baselineIndex: meta.baselineIndex,
    scenarios: results,
  };
}

/** A single run (or several separate ones) as a comparison, so every comparison view can show them. */
export function compareOfResults(named: ReadonlyArray<{ readonly name: string; readonly result: ProduceResult }>): CompareResult {
  return buildCompareResult(
    named.map((n, index) => ({ index, name: n.name, settings: {}, results: [n.result] })),
    { matrix: {}, scenarioCount: named.length, repeat: 1, warmupRecords: 0, baselineIndex: 0, interrupted: named.some((n) => n.result.status === 'interrupted') },
  );
}
