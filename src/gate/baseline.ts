import { UsageError } from '../errors.js';
import type { GateInput, GateOutcome } from './assertions.js';
import { intervalSamples } from './samples.js';
import { judgeMetric } from './verdict.js';

/** A figure compared with the baseline, and which way is worse. */
export type RegressionMetric = 'throughput' | 'p50' | 'p95' | 'p99' | 'p999' | 'avg' | 'max';
export const REGRESSION_METRICS: readonly RegressionMetric[] = ['throughput', 'p50', 'p95', 'p99', 'p999', 'avg', 'max'];

export interface BaselineGate {
  readonly path: string;
  readonly baseline: GateInput;
  /** The largest allowed worsening, as a fraction (0.1 = 10%). */
  readonly maxRegression: number;
  readonly metrics: readonly RegressionMetric[];
}

/** Parses `--max-regression`: `10%` or `0.1`. */
export function parseMaxRegression(text: string): number {
  const m = /^\s*(\d+(?:\.\d+)?)\s*(%?)\s*$/.exec(text);
  if (!m) throw new UsageError(`--max-regression: '${text}' is not a percentage (e.g. 10%)`);
  const value = m[2] === '%' ? Number(m[1]) / 100 : Number(m[1]);
  if (!(value >= 0)) throw new UsageError(`--max-regression: '${text}' must not be negative`);
  return value;
}

/** Parses `--regression-metrics throughput,p99`. */
export function parseRegressionMetrics(text: string): RegressionMetric[] {
  const names = text.split(',').map((s) => s.trim()).filter(Boolean);
  if (names.length === 0) throw new UsageError(`--regression-metrics: '${text}' names no metric`);
  return names.map((n) => {
    const m = REGRESSION_METRICS.find((x) => x === n);
    if (!m) throw new UsageError(`--regression-metrics: '${n}' is not one of ${REGRESSION_METRICS.join(', ')}`);
    return m;
  });
}

/** Checks that a parsed JSON file looks like a perf-test result. */
export function asGateInput(path: string, json: unknown): GateInput {
  const r = json as Partial<GateInput> & { schemaVersion?: unknown };
  if (typeof r !== 'object' || r === null || typeof r.schemaVersion !== 'number' || !r.throughput || !r.records) {
    throw new UsageError(`--baseline: '${path}' is not a perf-test JSON result (made with --json)`);
  }
  return r as GateInput;
}

function figure(metric: RegressionMetric, r: GateInput): number | null {
  if (metric === 'throughput') return r.throughput.recordsPerSec;
  return r.latencyMs ? r.latencyMs[metric] : null;
}

/**
 * Judges a result against the baseline, metric by metric: throughput may fall, and latency rise, by at most
 * `maxRegression`. With two full reporting intervals or more on each side (the first left out), a verdict from
 * Welch's 95% interval of the change of the mean, as `compare --repeat` gives: pass, fail or inconclusive. Without,
 * one figure against the other. Each outcome's `limit` is the worst acceptable value.
 */
export function compareWithBaseline(gate: BaselineGate, current: GateInput): GateOutcome[] {
  return gate.metrics.map((metric) => {
    const before = intervalSamples([gate.baseline], metric);
    const now = intervalSamples([current], metric);
    return before.length >= 2 && now.length >= 2 ? verdictOutcome(gate, metric, before, now) : figureOutcome(gate, metric, current);
  });
}

function verdictOutcome(gate: BaselineGate, metric: RegressionMetric, before: readonly number[], now: readonly number[]): GateOutcome {
  const v = judgeMetric(metric, before, now, gate.maxRegression);
  const higherIsBetter = metric === 'throughput';
  const unit = higherIsBetter ? 'rec/s' : 'ms';
  const pct = (x: number) => `${x >= 0 ? '+' : ''}${x.toFixed(1)}%`;
  return {
    gate: `${metric} vs baseline ${formatFigure(v.baselineMean)} ${unit}: ${pct(v.changePct)} (95% interval ${pct(v.lowPct)} .. ${pct(v.highPct)}, ` +
      `${now.length} and ${before.length} intervals, max regression ${v.maxRegressionPct.toFixed(1)}%)`,
    actual: v.mean,
    limit: higherIsBetter ? v.baselineMean * (1 - gate.maxRegression) : v.baselineMean * (1 + gate.maxRegression),
    unit,
    passed: v.verdict === 'pass',
    verdict: v.verdict,
    confidence: { changePct: v.changePct, lowPct: v.lowPct, highPct: v.highPct, samples: v.samples },
  };
}

/** One figure against the other: for results with fewer than two full intervals (short runs, merges). */
function figureOutcome(gate: BaselineGate, metric: RegressionMetric, current: GateInput): GateOutcome {
  const before = figure(metric, gate.baseline);
  const now = figure(metric, current);
  const higherIsBetter = metric === 'throughput';
  const unit = higherIsBetter ? 'rec/s' : 'ms';
  if (before === null) return { gate: `${metric} vs baseline (no baseline figure)`, actual: now, limit: Number.NaN, unit, passed: true };
  const limit = higherIsBetter ? before * (1 - gate.maxRegression) : before * (1 + gate.maxRegression);
  const change = now === null || before === 0 ? Number.NaN : (now - before) / before;
  const passed = now !== null && (higherIsBetter ? now >= limit : now <= limit);
  const changeText = Number.isNaN(change) ? 'n/a' : `${change >= 0 ? '+' : ''}${(change * 100).toFixed(1)}%`;
  return {
    gate: `${metric} vs baseline ${formatFigure(before)} ${unit} (${changeText}, max regression ${(gate.maxRegression * 100).toFixed(1)}%)`,
    actual: now,
    limit,
    unit,
    passed,
  };
}

function formatFigure(n: number): string {
  return Math.abs(n) >= 100 ? n.toFixed(0) : n.toFixed(3);
}
