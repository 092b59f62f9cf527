import type { RegressionMetric } from '../gate/baseline.js';
import { judgeSamples, overallVerdict } from '../gate/verdict.js';
import type { CompareResult, CompareVerdicts } from '../report/compare-result.js';
import type { ProduceResult } from '../report/result.js';
import { intervalSamples } from '../gate/samples.js';

/** What to judge: each metric's allowed regression against the baseline scenario. */
export interface VerdictSettings {
  readonly maxRegression: number;
  readonly metrics: readonly RegressionMetric[];
}

/** Judges every scenario but the baseline against it; a metric with fewer than two samples a side is inconclusive. */
export function compareVerdicts(
  doc: CompareResult, runs: ReadonlyMap<number, readonly ProduceResult[]>, s: VerdictSettings,
): CompareVerdicts {
  const base = runs.get(doc.baselineIndex) ?? [];
  const scenarios = doc.scenarios.filter((x) => x.index !== doc.baselineIndex).map((x) => {
    const mine = runs.get(x.index) ?? [];
    const metrics = s.metrics.map((m) => judgeSamples(m, intervalSamples(base, m), intervalSamples(mine, m), s.maxRegression));
    return { index: x.index, name: x.name, verdict: overallVerdict(metrics), metrics };
  });
  return { baselineIndex: doc.baselineIndex, maxRegressionPct: s.maxRegression * 100, scenarios };
}
