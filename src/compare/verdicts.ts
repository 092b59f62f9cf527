import type { RegressionMetric } from '../gate/baseline.js';
import { judgeMetric, overallVerdict } from '../gate/verdict.js';
import type { CompareResult, CompareVerdicts } from '../report/compare-result.js';
import type { ProduceResult } from '../report/result.js';

/** What to judge: each metric's allowed regression against the baseline scenario. */
export interface VerdictSettings {
  readonly maxRegression: number;
  readonly metrics: readonly RegressionMetric[];
}

/**
 * A scenario's samples of a metric: one per full reporting interval of each of its runs but the first (the repeats,
 * each split into its interval figures), so that a few repeats still give an interval estimate of the mean.
 */
export function samplesOf(results: readonly ProduceResult[], metric: RegressionMetric): number[] {
  // A run's first interval carries its start (connections, the first batches), its last the drain: left out.
  return results.filter((r) => r.status === 'completed').flatMap((r) => r.intervals
    .filter((i, k) => k > 0 && i.durationMs >= 0.9 * r.config.reportingIntervalMs)
    .flatMap((i) => (metric === 'throughput' ? [i.throughput.recordsPerSec] : i.latencyMs ? [i.latencyMs[metric]] : [])));
}

/** Judges every scenario but the baseline against it; a metric with fewer than two samples a side is inconclusive. */
export function compareVerdicts(
  doc: CompareResult, runs: ReadonlyMap<number, readonly ProduceResult[]>, s: VerdictSettings,
): CompareVerdicts {
  const base = runs.get(doc.baselineIndex) ?? [];
  const scenarios = doc.scenarios.filter((x) => x.index !== doc.baselineIndex).map((x) => {
    const mine = runs.get(x.index) ?? [];
    const metrics = s.metrics.map((m) => {
      const a = samplesOf(base, m);
      const b = samplesOf(mine, m);
      return a.length >= 2 && b.length >= 2
        ? judgeMetric(m, a, b, s.maxRegression)
        : { metric: m, verdict: 'inconclusive' as const, samples: { baseline: a.length, candidate: b.length } };
    });
    return { index: x.index, name: x.name, verdict: overallVerdict(metrics), metrics };
  });
  return { baselineIndex: doc.baselineIndex, maxRegressionPct: s.maxRegression * 100, scenarios };
}
