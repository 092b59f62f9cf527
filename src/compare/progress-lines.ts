import type { IntervalResult, ProduceResult } from '../report/result.js';
import type { Progress } from '../report/progress.js';
import { formatMs } from '../report/summary-table.js';
import type { CompareConfig } from './config.js';
import type { RunPosition } from './run-compare.js';

const count = (n: number) => Math.round(n).toLocaleString('en-US');

function duration(ms: number): string {
  if (ms < 60_000) return `${Math.max(0, Math.round(ms / 1000))}s`;
  const s = Math.round(ms / 1000);
  return s < 3600 ? `${Math.floor(s / 60)}m${String(s % 60).padStart(2, '0')}s` : `${Math.floor(s / 3600)}h${String(Math.floor((s % 3600) / 60)).padStart(2, '0')}m`;
}

/** The opening line: how many scenarios, runs and what varies. */
export function compareStartLine(c: CompareConfig): string {
  const axes = c.axes.map((a) => `${a.key} (${a.values.join(', ')})`).join(' x ');
  const runs = c.repeat > 1 ? `, ${c.repeat} runs each` : '';
  const warmup = c.warmupRecords > 0 ? `, after a warmup of ${count(c.warmupRecords)} records` : '';
  return `Comparing ${c.plans.length} scenario(s) of ${axes}${runs}${warmup}.`;
}

/** `[2/4] acks=all batch.size=16384 (run 1 of 3)`: which run starts, and what is left after it. */
export function runStartLine(at: RunPosition): string {
  const which = at.run === 0 ? 'warmup run' : at.repeat > 1 ? `run ${at.run} of ${at.repeat}` : '';
  const left = at.runsTotal - at.runsDone - 1;
  return `[${at.scenario.index + 1}/${at.scenarioCount}] ${at.scenario.name}${which ? ` (${which})` : ''}` +
    `${left > 0 ? `; ${left} run(s) after this one` : '; the last run'}`;
}

/** A progress line for an interval: the run's figures and the whole comparison's progress. */
export function compareIntervalLine(i: IntervalResult, at: RunPosition, overall: Progress): string {
  const p99 = i.latencyMs ? `, p99 ${formatMs(i.latencyMs.p99)} ms` : '';
  const failed = i.failed > 0 ? `, ${count(i.failed)} failed` : '';
  const left = overall.remainingMs === undefined ? '' : `, ~${duration(overall.remainingMs)} left`;
  return `  [${at.scenario.index + 1}/${at.scenarioCount}] ${count(i.throughput.recordsPerSec)} records/s${p99}${failed} | ` +
    `comparison ${(overall.fraction * 100).toFixed(0)}% done${left}`;
}

/** The line after a run: its headline figures. */
export function runEndLine(at: RunPosition, r: ProduceResult): string {
  const what = at.run === 0 ? 'warmup done' : r.status === 'interrupted' ? 'interrupted' : 'done';
  const p99 = r.latencyMs ? `, p99 ${formatMs(r.latencyMs.p99)} ms` : '';
  const failed = r.records.failed > 0 ? `, ${count(r.records.failed)} failed` : '';
  return `  ${what}: ${count(r.records.acked)} records acked, ${count(r.throughput.recordsPerSec)} records/s${p99}${failed}`;
}
