import type { GateOutcome } from '../gate/assertions.js';
import { gateFigure } from '../gate/report.js';
import { describeKeysAndHeaders, describeTopics, describeValues, type LatencySummary, type ProduceResult } from './result.js';
import { formatMs } from './summary-table.js';
import { backlogMarkdown } from './backlog-text.js';
import { baselineVerdictMarkdown } from './verdict-table.js';
import { workloadRows } from './workload.js';

const MB = 1024 * 1024;

function row(cells: readonly string[]): string {
  return `| ${cells.join(' | ')} |`;
}

function latencyCells(l: LatencySummary | null): string[] {
  return l ? [l.avg, l.p50, l.p95, l.p99, l.p999, l.max].map(formatMs) : ['-', '-', '-', '-', '-', '-'];
}

/** A Markdown report for a CI job summary or a pull-request comment. */
export function markdownReport(r: ProduceResult, gates: readonly GateOutcome[] = []): string {
  const c = r.config;
  const workload = [
    c.numRecords !== null ? `${c.numRecords.toLocaleString('en-US')} records` : `${(c.durationMs ?? 0) / 1000}s`,
    describeValues(c),
    ...[describeKeysAndHeaders(c)].filter((d) => d !== ''),
    c.throughputProfile !== undefined ? `rate profile ${c.throughputProfile} rec/s` : c.throughputLimit !== null ? `capped at ${c.throughputLimit} rec/s` : 'no cap',
    `${c.producers} producer(s)`,
    `acks=${c.producer['acks']}`,
  ].join(', ');
  const lines = [
    `### perf-test: ${r.records.acked.toLocaleString('en-US')} records to ${describeTopics(c, (n) => `\`${n}\``)}${r.status === 'interrupted' ? ' (interrupted)' : ''}`,
    '',
    workload,
    '',
    row(['records/s', 'MB/s', 'acked', 'failed', 'duration']),
    row(['---:', '---:', '---:', '---:', '---:']),
    row([Math.round(r.throughput.recordsPerSec).toLocaleString('en-US'), r.throughput.mbPerSec.toFixed(2),
      r.records.acked.toLocaleString('en-US'), r.records.failed.toLocaleString('en-US'), `${(r.durationMs / 1000).toFixed(1)}s`]),
    '',
    row(['latency (ms)', 'avg', 'p50', 'p95', 'p99', 'p99.9', 'max']),
    row(['---', '---:', '---:', '---:', '---:', '---:', '---:']),
    row(['send → ack', ...latencyCells(r.latencyMs)]),
  ];
  if (r.intendedLatencyMs) lines.push(row(['intended send → ack', ...latencyCells(r.intendedLatencyMs)]));
  if (r.steadyState) lines.push(row(['steady state', ...latencyCells(r.steadyState.latencyMs)]));
  if (r.endToEndLatencyMs !== undefined) lines.push(row(['end to end', ...latencyCells(r.endToEndLatencyMs)]));
  if (r.consumed) lines.push('', `Consumed ${r.consumed.records.toLocaleString('en-US')} records, ${r.consumed.missing.toLocaleString('en-US')} missing.`);
  if (r.backlog) lines.push('', backlogMarkdown(r.backlog));
  const errors = Object.entries(r.errors);
  if (errors.length > 0) {
    lines.push('', row(['error', 'records']), row(['---', '---:']), ...errors.map(([n, k]) => row([n, String(k)])));
  }
  if (r.topics) {
    lines.push('', row(['topic', 'acked', 'failed', 'MB']), row(['---', '---:', '---:', '---:']));
    for (const t of r.topics) {
      lines.push(row([`\`${t.topic}\``, t.records.acked.toLocaleString('en-US'), t.records.failed.toLocaleString('en-US'), (t.bytes / MB).toFixed(2)]));
    }
  }
  if (gates.length > 0) {
    lines.push('', row(['gate', 'actual', 'limit', 'result']), row(['---', '---:', '---:', ':---:']));
    for (const g of gates) {
      lines.push(row([`\`${g.gate}\``, g.actual === null ? 'n/a' : `${gateFigure(g.actual)} ${g.unit}`, `${gateFigure(g.limit)} ${g.unit}`, g.verdict === 'inconclusive' ? '❔' : g.passed ? '✅' : '❌']));
    }
    const verdicts = baselineVerdictMarkdown(gates);
    if (verdicts) lines.push('', verdicts);
  }
  // Every setting of the workload, folded (GitHub renders <details>) so that the figures stay on top.
  lines.push('', '<details><summary>Workload</summary>', '', row(['setting', 'value']), row(['---', '---']),
    ...workloadRows(c).map(([k, v]) => row([k, v.replace(/\|/g, '\\|')])), '', '</details>');
  return lines.join('\n');
}
