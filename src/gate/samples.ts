import type { LatencySummary } from '../metrics/histogram.js';
import type { MetricVerdict } from './verdict.js';

/** What a run's samples are drawn from: its status, its reporting interval and its interval figures. */
export interface SampledRun {
  readonly status?: string;
  readonly config?: { readonly reportingIntervalMs?: number };
  readonly intervals?: ReadonlyArray<{
    readonly durationMs: number;
    readonly throughput: { readonly recordsPerSec: number };
    readonly latencyMs?: LatencySummary | null;
  }>;
}

/**
 * A metric's samples over runs: one per full reporting interval of each completed run but its first, so that a
 * few runs (or one long one) still give an interval estimate of the mean. Shared by `--baseline` and
 * `compare --repeat` verdicts.
 */
export function intervalSamples(runs: readonly SampledRun[], metric: MetricVerdict['metric']): number[] {
  // A run's first interval carries its start (connections, the first batches), its last the drain: left out.
  return runs.filter((r) => r.status === 'completed').flatMap((r) => (r.intervals ?? [])
    .filter((i, k) => k > 0 && i.durationMs >= 0.9 * (r.config?.reportingIntervalMs ?? Infinity))
    .flatMap((i) => (metric === 'throughput' ? [i.throughput.recordsPerSec] : i.latencyMs ? [i.latencyMs[metric]] : [])));
}
