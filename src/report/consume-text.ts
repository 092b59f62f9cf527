import Table from 'cli-table3';
import type { ConsumeIntervalResult, ConsumeResult } from './consume-result.js';
import type { Progress } from './progress.js';

/** A progress line for people (stderr), under Kafka's silence between header and total. */
export function consumeProgressLine(i: ConsumeIntervalResult, totals: { records: number }, p: Progress): string {
  const pct = p.fraction > 0 ? ` | ${(p.fraction * 100).toFixed(0)}% done` : '';
  return `${totals.records.toLocaleString('en-US')} records consumed, ${i.throughput.recordsPerSec.toFixed(1)} records/sec `
    + `(${i.throughput.mbPerSec.toFixed(2)} MB/sec) in the last ${(i.durationMs / 1000).toFixed(1)}s${pct}`;
}

/** The closing table of a consume run. */
export function consumeSummaryTable(r: ConsumeResult): string {
  const t = new Table({
    head: ['records', 'MiB', 'duration', 'records/s', 'MiB/s', 'rebalance ms', 'fetch records/s', 'consumers'],
    style: { head: [], border: [] },
  });
  t.push([
    r.records.consumed.toLocaleString('en-US'), (r.bytes / 1024 / 1024).toFixed(1), `${(r.durationMs / 1000).toFixed(1)}s`,
    Math.round(r.throughput.recordsPerSec).toLocaleString('en-US'), r.throughput.mbPerSec.toFixed(2), String(r.rebalanceMs),
    Math.round(r.fetchThroughput.recordsPerSec).toLocaleString('en-US'), String(r.config.consumers),
  ]);
  return t.toString();
}
