import type { IntervalResult, LatencySummary } from './result.js';

/** A run's counts so far, as the collect loop has them. */
export interface RunTotals {
  readonly sent: number;
  readonly acked: number;
  readonly failed: number;
  readonly retried: number;
  /** Failed records by error name. */
  readonly errors: Readonly<Record<string, number>>;
}

/** What `/metrics` serves: the counts so far, the last interval's latency and target, the latency sum so far. */
export interface LiveFigures {
  readonly totals: RunTotals;
  /** The last interval's send -> ack latency (ms), from its merged histogram; null before the first ack. */
  readonly latencyMs: LatencySummary | null;
  /** Sum of every acked record's latency so far, seconds (the summary's _sum; its _count is acked). */
  readonly latencySumSeconds: number;
  readonly targetRecordsPerSec: number | null;
}

export const EMPTY_FIGURES: LiveFigures = {
  totals: { sent: 0, acked: 0, failed: 0, retried: 0, errors: {} },
  latencyMs: null,
  latencySumSeconds: 0,
  targetRecordsPerSec: null,
};

/** The figures after an interval closed. */
export function nextFigures(prev: LiveFigures, interval: IntervalResult, totals: RunTotals): LiveFigures {
  const latency = interval.latencyMs;
  return {
    totals,
    latencyMs: latency ?? prev.latencyMs,
    latencySumSeconds: prev.latencySumSeconds + (latency ? (latency.avg * interval.records) / 1000 : 0),
    targetRecordsPerSec: interval.targetRecordsPerSec ?? null,
  };
}

/** The labels of every series: which run, which shard of it. */
export interface MetricLabels {
  readonly runId: string;
  readonly shard: string;
}

/** The content type of the OpenMetrics text format. */
export const OPENMETRICS_CONTENT_TYPE = 'application/openmetrics-text; version=1.0.0; charset=utf-8';

const QUANTILES: ReadonlyArray<readonly [string, keyof LatencySummary]> = [['0.5', 'p50'], ['0.95', 'p95'], ['0.99', 'p99'], ['0.999', 'p999']];

function escapeLabel(value: string): string {
  return value.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\n/g, '\\n');
}

function labelText(labels: MetricLabels, extra: Record<string, string> = {}): string {
  const all = { run_id: labels.runId, shard: labels.shard, ...extra };
  return `{${Object.entries(all).map(([k, v]) => `${k}="${escapeLabel(v)}"`).join(',')}}`;
}

/** Numbers as OpenMetrics writes them: integers plainly, others in JavaScript's shortest round-trip form. */
function num(n: number): string {
  return Number.isFinite(n) ? String(n) : n > 0 ? '+Inf' : n < 0 ? '-Inf' : 'NaN';
}

/** The OpenMetrics text exposition of the figures, ending in `# EOF`. */
export function openMetricsText(f: LiveFigures, labels: MetricLabels): string {
  const l = labelText(labels);
  const lines: string[] = [];
  const counter = (name: string, help: string, samples: Array<[string, number]>) => {
    lines.push(`# TYPE ${name} counter`, `# HELP ${name} ${help}`);
    for (const [labelSet, value] of samples) lines.push(`${name}_total${labelSet} ${num(value)}`);
  };
  counter('perftest_records_sent', 'Records handed to the producer.', [[l, f.totals.sent]]);
  counter('perftest_records_acked', 'Records acknowledged by the cluster.', [[l, f.totals.acked]]);
  counter('perftest_records_failed', 'Records that failed, by error name.',
    Object.entries(f.totals.errors).sort(([a], [b]) => a.localeCompare(b)).map(([error, n]) => [labelText(labels, { error }), n]));
  counter('perftest_record_retries', 'Records sent again after a retriable error.', [[l, f.totals.retried]]);
  lines.push('# TYPE perftest_latency_seconds summary', '# UNIT perftest_latency_seconds seconds',
    '# HELP perftest_latency_seconds Send to ack latency; quantiles of the last reporting interval, from its merged histogram.');
  if (f.latencyMs) {
    for (const [q, key] of QUANTILES) lines.push(`perftest_latency_seconds${labelText(labels, { quantile: q })} ${num(f.latencyMs[key] / 1000)}`);
  }
  lines.push(`perftest_latency_seconds_sum${l} ${num(f.latencySumSeconds)}`, `perftest_latency_seconds_count${l} ${num(f.totals.acked)}`);
  lines.push('# TYPE perftest_target_records_per_second gauge', '# HELP perftest_target_records_per_second The target rate of the last interval (rate-capped runs).');
  if (f.targetRecordsPerSec !== null) lines.push(`perftest_target_records_per_second${l} ${num(f.targetRecordsPerSec)}`);
  lines.push('# EOF');
  return `${lines.join('\n')}\n`;
}
