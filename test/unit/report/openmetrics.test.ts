import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { EMPTY_FIGURES, nextFigures, openMetricsText } from '../../../src/report/openmetrics.js';
import type { IntervalResult } from '../../../src/report/result.js';
import { parseOpenMetrics } from '../../support/openmetrics.js';

const interval = (over: Partial<IntervalResult>): IntervalResult => ({
  elapsedMs: 1000, durationMs: 1000, records: 100, failed: 0, bytes: 100, throughput: { recordsPerSec: 100, mbPerSec: 0 },
  latencyMs: { avg: 2, min: 1, p50: 2, p95: 3, p99: 4, p999: 5, max: 6 }, intendedLatencyMs: null, histogram: '', ...over,
});
const labels = { runId: 'run "a"\\b', shard: '1' };

describe('openMetricsText', () => {
  it('is OpenMetrics the Prometheus parser reads: every series, labelled by run and shard', () => {
    let f = nextFigures(EMPTY_FIGURES, interval({ targetRecordsPerSec: 100 }), { sent: 110, acked: 100, failed: 0, retried: 0, errors: {} });
    f = nextFigures(f, interval({ records: 50, latencyMs: { avg: 10, min: 1, p50: 8, p95: 20, p99: 30, p999: 40, max: 41 }, targetRecordsPerSec: 120 }),
      { sent: 170, acked: 150, failed: 7, retried: 12, errors: { TimeoutException: 5, NotLeaderOrFollowerException: 2 } });
    const families = parseOpenMetrics(openMetricsText(f, labels));
    const byName = Object.fromEntries(families.map((x) => [x.name, x]));
    const l = { run_id: 'run "a"\\b', shard: '1' };
    expect(byName['perftest_records_sent']).toMatchObject({ type: 'counter', samples: [{ name: 'perftest_records_sent_total', labels: l, value: 170 }] });
    expect(byName['perftest_records_acked']!.samples).toEqual([{ name: 'perftest_records_acked_total', labels: l, value: 150 }]);
    expect(byName['perftest_records_failed']!.samples).toEqual([
      { name: 'perftest_records_failed_total', labels: { ...l, error: 'NotLeaderOrFollowerException' }, value: 2 },
      { name: 'perftest_records_failed_total', labels: { ...l, error: 'TimeoutException' }, value: 5 },
    ]);
    expect(byName['perftest_record_retries']!.samples).toEqual([{ name: 'perftest_record_retries_total', labels: l, value: 12 }]);
    // The last interval's quantiles, in seconds; the sum and count over the run (100 at 2 ms, 50 at 10 ms).
    expect(byName['perftest_latency_seconds']).toMatchObject({ type: 'summary', unit: 'seconds' });
    expect(byName['perftest_latency_seconds']!.samples).toEqual([
      { name: 'perftest_latency_seconds', labels: { ...l, quantile: '0.5' }, value: 0.008 },
      { name: 'perftest_latency_seconds', labels: { ...l, quantile: '0.95' }, value: 0.02 },
      { name: 'perftest_latency_seconds', labels: { ...l, quantile: '0.99' }, value: 0.03 },
      { name: 'perftest_latency_seconds', labels: { ...l, quantile: '0.999' }, value: 0.04 },
      { name: 'perftest_latency_seconds_sum', labels: l, value: 0.7 },
      { name: 'perftest_latency_seconds_count', labels: l, value: 150 },
    ]);
    expect(byName['perftest_target_records_per_second']).toMatchObject({ type: 'gauge', samples: [{ labels: l, value: 120 }] });
  });

  it('before any ack: counters at zero, no quantiles, no target without a cap', () => {
    const families = parseOpenMetrics(openMetricsText(EMPTY_FIGURES, { runId: 'r', shard: '0' }));
    expect(families.map((x) => [x.name, x.samples.length])).toEqual([
      ['perftest_records_sent', 1], ['perftest_records_acked', 1], ['perftest_records_failed', 0], ['perftest_record_retries', 1],
      ['perftest_latency_seconds', 2], ['perftest_target_records_per_second', 0],
    ]);
  });

  it('the parser refuses what is not OpenMetrics (so the tests above can fail)', () => {
    expect(() => parseOpenMetrics('# TYPE a counter\na_total 1\n')).toThrow(/refused/);
  });
});

describe('the example Grafana dashboard', () => {
  it('queries only series perf-test serves, by labels it has', () => {
    const dashboard = JSON.parse(readFileSync(new URL('../../../examples/grafana/perf-test-dashboard.json', import.meta.url), 'utf8')) as {
      panels: Array<{ targets: Array<{ expr: string }> }>;
    };
    const f = nextFigures(EMPTY_FIGURES, interval({ targetRecordsPerSec: 1 }), { sent: 1, acked: 1, failed: 1, retried: 0, errors: { E: 1 } });
    const served = parseOpenMetrics(openMetricsText(f, { runId: 'r', shard: '0' })).flatMap((x) => x.samples);
    const names = new Set(served.map((s) => s.name));
    const labels = new Set(served.flatMap((s) => Object.keys(s.labels)));
    const exprs = dashboard.panels.flatMap((p) => p.targets.map((t) => t.expr));
    expect(exprs.length).toBeGreaterThanOrEqual(5);
    for (const expr of exprs) {
      for (const [name] of expr.matchAll(/perftest_\w+/g)) expect(names, expr).toContain(name);
      for (const [, by] of expr.matchAll(/by \(([^)]*)\)/g)) for (const l of by!.split(',')) expect(labels, expr).toContain(l.trim());
    }
  });
});
