import { UsageError } from '../errors.js';
import type { LatencySummary } from '../metrics/histogram.js';
import type { SampledRun } from './samples.js';
import type { Verdict } from './verdict.js';

/** A latency statistic a gate can name. */
export type LatencyStat = 'avg' | 'min' | 'max' | 'p50' | 'p95' | 'p99' | 'p999';
const LATENCY_STATS: readonly LatencyStat[] = ['avg', 'min', 'max', 'p50', 'p95', 'p99', 'p999'];
export type Operator = '<' | '<=' | '>' | '>=' | '==';

/** Which figure of a result an assertion reads. */
export type GateMetric =
  | { readonly kind: 'latency'; readonly view: 'latency' | 'intended' | 'e2e'; readonly stat: LatencyStat }
  | { readonly kind: 'throughput'; readonly unit: 'rec/s' | 'MB/s' }
  | { readonly kind: 'errors' };

/** A parsed `--assert` expression; `limit` is in the metric's base unit (ms, rec/s, MB/s, records). */
export interface Assertion {
  readonly expression: string;
  readonly metric: GateMetric;
  readonly operator: Operator;
  readonly limit: number;
}

/** The figures gates read, common to every kind of run (a baseline verdict reads the intervals too). */
export interface GateInput extends SampledRun {
  readonly latencyMs?: LatencySummary | null;
  readonly intendedLatencyMs?: LatencySummary | null;
  readonly endToEndLatencyMs?: LatencySummary | null;
  readonly throughput: { readonly recordsPerSec: number; readonly mbPerSec: number };
  readonly records: { readonly failed?: number; readonly consumed?: number };
  /** e2e runs: acked records never consumed. */
  readonly consumed?: { readonly missing: number };
}

/** One gate's verdict, with the actual value beside the limit. */
export interface GateOutcome {
  readonly gate: string;
  /** The measured value in `unit`; null when the run has no such figure (counts as failed). */
  readonly actual: number | null;
  readonly limit: number;
  readonly unit: string;
  /** False for a failed gate, and for an inconclusive verdict. */
  readonly passed: boolean;
  /**
   * `--baseline` judged on interval figures: pass, fail or inconclusive, with the change of the mean and its 95%
   * interval in percent of the baseline's. Absent for assertions, and for a baseline compared figure to figure.
   */
  readonly verdict?: Verdict;
  readonly confidence?: {
    readonly changePct: number;
    readonly lowPct: number;
    readonly highPct: number;
    readonly samples: { readonly baseline: number; readonly candidate: number };
  };
}

const LATENCY_UNITS: Record<string, number> = { us: 0.001, 'µs': 0.001, ms: 1, s: 1000 };
const GRAMMAR = 'expected METRIC OP VALUE[UNIT], e.g. "p99 < 50ms", "throughput >= 10000 rec/s", "errors == 0"';

/**
 * Parses `--assert` expressions: `p99 < 50ms`, `e2e.p99 <= 0.2s`, `intended.p999 < 100ms`,
 * `throughput >= 20000 rec/s`, `throughput > 50 MB/s`, `errors == 0`.
 */
export function parseAssertion(expression: string): Assertion {
  const m = /^\s*([a-zA-Z][\w.]*)\s*(<=|>=|==|<|>)\s*(-?\d+(?:\.\d+)?)\s*([a-zA-Zµ/]*)\s*$/.exec(expression);
  if (!m) throw new UsageError(`--assert: '${expression}' is malformed: ${GRAMMAR}`);
  const [, name, op, valueText, unitText] = m as unknown as [string, string, Operator, string, string];
  const value = Number(valueText);
  const lower = name.toLowerCase();
  if (lower === 'errors') {
    if (unitText) throw new UsageError(`--assert: '${expression}': errors take no unit`);
    return { expression, metric: { kind: 'errors' }, operator: op, limit: value };
  }
  if (lower === 'throughput') {
    const unit = unitText.toLowerCase() === 'rec/s' ? 'rec/s' : unitText.toLowerCase() === 'mb/s' ? 'MB/s' : undefined;
    if (!unit) throw new UsageError(`--assert: '${expression}': throughput needs a unit, rec/s or MB/s`);
    return { expression, metric: { kind: 'throughput', unit }, operator: op, limit: value };
  }
  const [prefix, statName] = lower.includes('.') ? lower.split('.', 2) as [string, string] : ['latency', lower];
  const view = prefix === 'latency' ? 'latency' : prefix === 'intended' ? 'intended' : prefix === 'e2e' ? 'e2e' : undefined;
  const stat = LATENCY_STATS.find((s) => s === statName);
  if (!view || !stat) {
    throw new UsageError(`--assert: '${expression}': unknown metric '${name}' (latency: ${LATENCY_STATS.join('|')}, `
      + `optionally prefixed intended. or e2e.; throughput; errors)`);
  }
  const scale = LATENCY_UNITS[unitText];
  if (scale === undefined) throw new UsageError(`--assert: '${expression}': latency needs a unit, us, ms or s`);
  return { expression, metric: { kind: 'latency', view, stat }, operator: op, limit: value * scale };
}

function actualOf(metric: GateMetric, r: GateInput): number | null {
  switch (metric.kind) {
    case 'errors':
      return (r.records.failed ?? 0) + (r.consumed?.missing ?? 0);
    case 'throughput':
      return metric.unit === 'rec/s' ? r.throughput.recordsPerSec : r.throughput.mbPerSec;
    case 'latency': {
      const view = metric.view === 'latency' ? r.latencyMs : metric.view === 'intended' ? r.intendedLatencyMs : r.endToEndLatencyMs;
      // A consume run has no latency of its own.
      return view ? view[metric.stat] : null;
    }
  }
}

function holds(actual: number, op: Operator, limit: number): boolean {
  switch (op) {
    case '<': return actual < limit;
    case '<=': return actual <= limit;
    case '>': return actual > limit;
    case '>=': return actual >= limit;
    case '==': return actual === limit;
  }
}

/** Evaluates every assertion against a result. */
export function evaluateAssertions(assertions: readonly Assertion[], r: GateInput): GateOutcome[] {
  return assertions.map((a) => {
    const actual = actualOf(a.metric, r);
    const unit = a.metric.kind === 'latency' ? 'ms' : a.metric.kind === 'throughput' ? a.metric.unit : 'records';
    return { gate: a.expression.trim(), actual, limit: a.limit, unit, passed: actual !== null && holds(actual, a.operator, a.limit) };
  });
}
