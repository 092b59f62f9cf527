import Table from 'cli-table3';
import type { IntervalResult, LatencySummary, ProduceResult } from './result.js';
import type { Progress } from './progress.js';

/** Milliseconds with precision that suits their size. */
export function formatMs(ms: number): string {
  if (ms < 10) return ms.toFixed(3);
  if (ms < 100) return ms.toFixed(2);
  return ms.toFixed(1);
}

function formatCount(n: number): string {
  return n.toLocaleString('en-US');
}

function formatDuration(ms: number): string {
  if (ms < 60_000) return `${(ms / 1000).toFixed(1)}s`;
  const s = Math.round(ms / 1000);
  return `${Math.floor(s / 60)}m${String(s % 60).padStart(2, '0')}s`;
}

function percentiles(l: LatencySummary): string {
  return `p50 ${formatMs(l.p50)} ms, p95 ${formatMs(l.p95)} ms, p99 ${formatMs(l.p99)} ms, p99.9 ${formatMs(l.p999)} ms`;
}

/** The line under each Kafka interval line: rolling percentiles and how far the run is. */
export function rollingLine(i: IntervalResult, p: Progress): string {
  const parts: string[] = [];
  if (i.targetRecordsPerSec != null) parts.push(`target ${formatCount(Math.round(i.targetRecordsPerSec))} rec/s`);
  if (i.latencyMs) parts.push(percentiles(i.latencyMs));
  if (i.intendedLatencyMs) parts.push(`from intended send: p99 ${formatMs(i.intendedLatencyMs.p99)} ms`);
  if (i.endToEndLatencyMs) parts.push(`end to end: p50 ${formatMs(i.endToEndLatencyMs.p50)} ms, p99 ${formatMs(i.endToEndLatencyMs.p99)} ms`);
  if (i.records === 0) parts.push('no records acknowledged');
  if (i.failed > 0) parts.push(`${formatCount(i.failed)} failed`);
  const retried = i.retried ?? 0;
  const refreshes = i.metadataRefreshes ?? 0;
  if (retried > 0 || refreshes > 0) parts.push(`${formatCount(retried)} retried, ${formatCount(refreshes)} metadata ${refreshes === 1 ? 'refresh' : 'refreshes'}`);
  const left = p.remainingMs === undefined ? '' : `, ~${formatDuration(p.remainingMs)} left`;
  return `  ${parts.join(' | ')} | ${(p.fraction * 100).toFixed(0)}% done${left}`;
}

const LATENCY_HEAD = ['latency (ms)', 'avg', 'min', 'p50', 'p95', 'p99', 'p99.9', 'max'];

function latencyRow(name: string, l: LatencySummary | null): string[] {
  if (!l) return [name, '-', '-', '-', '-', '-', '-', '-'];
  return [name, ...[l.avg, l.min, l.p50, l.p95, l.p99, l.p999, l.max].map(formatMs)];
}

/** The closing summary: records, throughput, and every latency view side by side. */
export function summaryTables(r: ProduceResult): string {
  const totals = new Table({
    head: ['records sent', 'acked', 'failed', 'abandoned', 'retried', 'MiB', 'duration', 'records/s', 'MiB/s'],
    style: { head: [], border: [] },
  });
  totals.push([
    formatCount(r.records.sent), formatCount(r.records.acked), formatCount(r.records.failed), formatCount(r.records.abandoned),
    formatCount(r.clientMetrics.recordRetries ?? 0),
    (r.bytes / 1024 / 1024).toFixed(1), formatDuration(r.durationMs),
    formatCount(Math.round(r.throughput.recordsPerSec)), r.throughput.mbPerSec.toFixed(2),
  ]);
  const latency = new Table({ head: LATENCY_HEAD, style: { head: [], border: [] } });
  latency.push(latencyRow('send -> ack', r.latencyMs));
  if (r.config.throughputLimit !== null || r.config.throughputProfile !== undefined) latency.push(latencyRow('intended send -> ack', r.intendedLatencyMs));
  if (r.steadyState) latency.push(latencyRow('steady state, send -> ack', r.steadyState.latencyMs));
  if (r.endToEndLatencyMs !== undefined) latency.push(latencyRow('end to end, send -> consumed', r.endToEndLatencyMs));
  const out = [totals.toString(), latency.toString()];
  const m = r.clientMetrics;
  const refreshes = m.metadataRefreshes ?? 0;
  out.push(`Retries: ${formatCount(m.recordRetries ?? 0)} records retried, ${formatCount(refreshes)} metadata ${refreshes === 1 ? 'refresh' : 'refreshes'}`
    + `${m.epochBumps ? `, ${formatCount(m.epochBumps)} producer epoch bumps` : ''}.`);
  if (r.consumed) {
    const c = r.consumed;
    const extra = [
      (c.duplicates ?? 0) > 0 ? `${formatCount(c.duplicates!)} duplicates (records in the topic beyond the acked ones)` : '',
      (c.reread ?? 0) > 0 ? `${formatCount(c.reread!)} read again after a rebalance` : '',
    ].filter(Boolean).map((t) => `; ${t}`).join('');
    out.push(`Consumed ${formatCount(c.records)} records${c.missing > 0 ? `; ${formatCount(c.missing)} acked records were never consumed (missing)` : '; none missing'}${extra}.`);
  }
  if (r.topics) {
    const t = new Table({ head: ['topic', 'sent', 'acked', 'failed', 'MiB'], style: { head: [], border: [] } });
    for (const x of r.topics) t.push([x.topic, formatCount(x.records.sent), formatCount(x.records.acked), formatCount(x.records.failed), (x.bytes / 1024 / 1024).toFixed(1)]);
    out.push(t.toString());
  }
  const errors = Object.entries(r.errors);
  if (errors.length > 0) {
    const t = new Table({ head: ['error', 'records'], style: { head: [], border: [] } });
    for (const [name, n] of errors) t.push([name, formatCount(n)]);
    out.push(t.toString());
  }
  if (r.status === 'interrupted') out.push('Interrupted: the figures cover the records handled before the stop.');
  return out.join('\n');
}

/** `--print-metrics`: client-side figures in the layout of Kafka's metrics dump. */
export function metricsLines(r: ProduceResult): string {
  const m = r.clientMetrics;
  const avg = (total: number, n: number) => (n > 0 ? total / n : 0);
  const rows: [string, number][] = [
    ['request-total', m.requests],
    ['request-failed-total', m.failedRequests],
    ['record-retry-total', m.recordRetries],
    ['metadata-refresh-total', m.metadataRefreshes],
    ['epoch-bump-total', m.epochBumps],
    ['request-latency-avg', avg(m.requestLatencyTotalMs, m.requests)],
    ['request-latency-max', m.requestLatencyMaxMs],
    ['requests-in-flight-max', m.maxInFlight],
    ['batch-total', m.batches],
    ['batch-size-avg', avg(m.batchBytes, m.batches)],
    ['records-per-request-avg', avg(m.records, m.requests)],
    ['records-per-batch-avg', avg(m.records, m.batches)],
    ['buffer-wait-total', m.bufferWaits],
    ['buffer-timeout-total', m.bufferTimeouts],
  ];
  const names = rows.map(([n]) => `producer-metrics:${n}:{client-id=${r.config.producer['client.id']}}`);
  const width = Math.max(...names.map((n) => n.length));
  return [`${'Metric Name'.padEnd(width)} Value`, ...rows.map(([, v], i) => `${names[i]!.padEnd(width)} : ${v.toFixed(3)}`)].join('\n');
}
