import type { LatencySummary, ProduceResult } from './result.js';
import type { MetricVerdict, TooFewSamples, Verdict } from '../gate/verdict.js';

/** Schema version of the compare document; bumped on any incompatible change (see schema/compare.schema.json). */
export const COMPARE_SCHEMA_VERSION = 1;

/** A figure over a scenario's runs: the median, and the smallest and largest run. One run: all three equal. */
export interface Spread {
  readonly median: number;
  readonly min: number;
  readonly max: number;
}

/** The latency figures the comparison shows, in ms, each over the scenario's runs. */
export interface LatencySpread {
  readonly p50: Spread;
  readonly p95: Spread;
  readonly p99: Spread;
  readonly p999: Spread;
  readonly max: Spread;
}

/** A scenario's figures over its runs: what the table shows. */
export interface ScenarioFigures {
  /** Runs the figures cover. */
  readonly runs: number;
  readonly recordsPerSec: Spread;
  readonly mbPerSec: Spread;
  /** Send-to-ack latency; null when no record was acknowledged. */
  readonly latencyMs: LatencySpread | null;
  /** Records acknowledged, summed over the runs. */
  readonly acked: number;
  /** Records that failed, summed over the runs. */
  readonly failed: number;
}

/** Change against the baseline scenario, in percent of the baseline's median; null where it cannot be told. */
export interface BaselineChange {
  readonly recordsPerSecPct: number | null;
  readonly p99Pct: number | null;
}

/** One run's headline figures, for the spread over repeats. */
export interface RunFigures {
  readonly status: ProduceResult['status'];
  readonly durationMs: number;
  readonly recordsPerSec: number;
  readonly mbPerSec: number;
  readonly acked: number;
  readonly failed: number;
  readonly latencyMs: LatencySummary | null;
}

/** One scenario of a comparison: its settings, its runs, and a whole run result. */
export interface ScenarioResult {
  /** 0-based position in the run order. */
  readonly index: number;
  /** The settings as `key=value` pairs joined by spaces. */
  readonly name: string;
  /** The values this scenario gives the varied settings (producer properties or perf-test flags). */
  readonly settings: Readonly<Record<string, string>>;
  /** The run of median throughput (the lower middle one for an even count): its histograms and intervals. */
  readonly result: ProduceResult;
  /** Every measured run, in order. */
  readonly runs: readonly RunFigures[];
  readonly figures: ScenarioFigures;
  /** Null for the baseline scenario itself. */
  readonly vsBaseline: BaselineChange | null;
}

/**
 * The result of `perf-test compare` (and what `perf-test report` reads and renders): the only contract between
 * running a comparison and reporting it. Immutable, JSON-serialisable.
 */
export interface CompareResult {
  readonly schemaVersion: typeof COMPARE_SCHEMA_VERSION;
  readonly kind: 'compare';
  readonly tool: { readonly name: 'perf-test'; readonly version: string };
  /** `interrupted` when SIGINT/SIGTERM stopped the comparison: scenarios holds what finished. */
  readonly status: 'completed' | 'interrupted';
  readonly startedAt: string;
  readonly endedAt: string;
  /** The varied settings and their values, in the order given. */
  readonly matrix: Readonly<Record<string, readonly string[]>>;
  /** Scenarios the matrix makes (scenarios may hold fewer when interrupted). */
  readonly scenarioCount: number;
  /** Measured runs per scenario. */
  readonly repeat: number;
  /** Records of the unmeasured run before each scenario; 0 for none. */
  readonly warmupRecords: number;
  /** `index` of the baseline scenario. */
  readonly baselineIndex: number;
  readonly scenarios: readonly ScenarioResult[];
  /** Each scenario's verdict against the baseline scenario (compare --max-regression). */
  readonly verdicts?: CompareVerdicts;
}

/** Verdicts against the baseline scenario: pass, fail or inconclusive by the 95% interval of each metric's change. */
export interface CompareVerdicts {
  readonly baselineIndex: number;
  readonly maxRegressionPct: number;
  readonly scenarios: ReadonlyArray<{
    readonly index: number;
    readonly name: string;
    readonly verdict: Verdict;
    /** A metric with fewer than two samples a side has no figures, and is inconclusive. */
    readonly metrics: ReadonlyArray<MetricVerdict | TooFewSamples>;
  }>;
}
