/**
 * Verdicts that do not flap: a change is judged by a 95% confidence interval of its effect, not by one noisy run
 * against another. Pass when the whole interval is within the allowed regression, fail when the whole interval is
 * beyond it, inconclusive when it straddles the bound (more repeats, or a quieter machine, would tell).
 */

/** Two-sided 95% quantiles of Student's t, by degrees of freedom 1..30; beyond, 40, 60, 120 and the normal's. */
const T95 = [12.706, 4.303, 3.182, 2.776, 2.571, 2.447, 2.365, 2.306, 2.262, 2.228, 2.201, 2.179, 2.16, 2.145, 2.131,
  2.12, 2.11, 2.101, 2.093, 2.086, 2.08, 2.074, 2.069, 2.064, 2.06, 2.056, 2.052, 2.048, 2.045, 2.042];

/** The t quantile for `df` degrees of freedom, rounded down (conservative) to a tabulated one. */
export function t95(df: number): number {
  if (!(df >= 1)) throw new RangeError(`degrees of freedom must be >= 1, got ${df}`);
  const d = Math.floor(df);
  if (d <= 30) return T95[d - 1]!;
  return d < 40 ? 2.042 : d < 60 ? 2.021 : d < 120 ? 2.0 : d < 1000 ? 1.98 : 1.96;
}

function meanOf(xs: readonly number[]): number {
  return xs.reduce((a, b) => a + b, 0) / xs.length;
}

/** Sample variance (n - 1). */
function varianceOf(xs: readonly number[], mean: number): number {
  return xs.reduce((s, x) => s + (x - mean) ** 2, 0) / (xs.length - 1);
}

/** The difference of two means, `b - a`, with its Welch 95% confidence interval. */
export interface MeanDifference {
  readonly meanA: number;
  readonly meanB: number;
  readonly diff: number;
  readonly low: number;
  readonly high: number;
  /** Welch-Satterthwaite degrees of freedom. */
  readonly df: number;
}

/** Welch's interval for `mean(b) - mean(a)`; each sample needs two values or more. */
export function welchInterval(a: readonly number[], b: readonly number[]): MeanDifference {
  if (a.length < 2 || b.length < 2) throw new RangeError('each sample needs at least two values');
  const meanA = meanOf(a);
  const meanB = meanOf(b);
  const va = varianceOf(a, meanA) / a.length;
  const vb = varianceOf(b, meanB) / b.length;
  const se = Math.sqrt(va + vb);
  const diff = meanB - meanA;
  // Two samples without spread: the difference is exact.
  const df = se === 0 ? Infinity : (va + vb) ** 2 / (va ** 2 / (a.length - 1) + vb ** 2 / (b.length - 1));
  const half = se === 0 ? 0 : t95(df) * se;
  return { meanA, meanB, diff, low: diff - half, high: diff + half, df };
}

export type Verdict = 'pass' | 'fail' | 'inconclusive';

/** A metric's verdict: the change of the mean, in percent of the baseline's, with its 95% interval. */
export interface MetricVerdict {
  readonly metric: 'throughput' | 'p99' | 'p50' | 'p95' | 'p999' | 'avg' | 'max';
  readonly baselineMean: number;
  readonly mean: number;
  /** Change in percent of the baseline's mean (positive: higher). */
  readonly changePct: number;
  readonly lowPct: number;
  readonly highPct: number;
  /** The allowed regression in percent (throughput may fall, latency rise, by this much). */
  readonly maxRegressionPct: number;
  readonly verdict: Verdict;
  /** Values each side was judged on. */
  readonly samples: { readonly baseline: number; readonly candidate: number };
}

/**
 * Judges `candidate` against `baseline` samples of one metric. Regression is a fall for throughput and a rise for
 * latency; the verdict compares its whole 95% interval with `maxRegression` (a fraction: 0.1 = 10%).
 */
export function judgeMetric(metric: MetricVerdict['metric'], baseline: readonly number[], candidate: readonly number[], maxRegression: number): MetricVerdict {
  const d = welchInterval(baseline, candidate);
  const pct = (x: number) => (d.meanA === 0 ? 0 : (x / d.meanA) * 100);
  const [changePct, lowPct, highPct] = [pct(d.diff), pct(d.low), pct(d.high)];
  const higherIsBetter = metric === 'throughput';
  // The regression's interval, in percent: a fall of throughput, a rise of latency.
  const [regLow, regHigh] = higherIsBetter ? [-highPct, -lowPct] : [lowPct, highPct];
  const bound = maxRegression * 100;
  const verdict: Verdict = regLow > bound ? 'fail' : regHigh <= bound ? 'pass' : 'inconclusive';
  return {
    metric, baselineMean: d.meanA, mean: d.meanB, changePct, lowPct, highPct, maxRegressionPct: bound, verdict,
    samples: { baseline: baseline.length, candidate: candidate.length },
  };
}

/** A metric with fewer than two samples on a side: no interval, so inconclusive. */
export interface TooFewSamples {
  readonly metric: MetricVerdict['metric'];
  readonly verdict: 'inconclusive';
  readonly samples: MetricVerdict['samples'];
}

/** Judges a metric's samples, or calls it inconclusive when a side has fewer than two. */
export function judgeSamples(metric: MetricVerdict['metric'], baseline: readonly number[], candidate: readonly number[], maxRegression: number): MetricVerdict | TooFewSamples {
  return baseline.length >= 2 && candidate.length >= 2
    ? judgeMetric(metric, baseline, candidate, maxRegression)
    : { metric, verdict: 'inconclusive', samples: { baseline: baseline.length, candidate: candidate.length } };
}

/** The overall verdict of several: any fail fails; else any inconclusive; else pass. */
export function overallVerdict(verdicts: ReadonlyArray<{ readonly verdict: Verdict }>): Verdict {
  if (verdicts.some((v) => v.verdict === 'fail')) return 'fail';
  return verdicts.some((v) => v.verdict === 'inconclusive') ? 'inconclusive' : 'pass';
}
