import Table from 'cli-table3';
import type { CapacityMatrixResult, CapacityResult, CapacityStep } from './capacity-result.js';
import { formatMs } from './summary-table.js';

const count = (n: number) => Math.round(n).toLocaleString('en-US');
const ms = (v: number | undefined) => (v === undefined ? '-' : formatMs(v));

/** Why a step failed, in a few words: it fell behind, or which objective it missed. */
function verdict(s: CapacityStep): string {
  if (s.passed) return 'passed';
  const why = [
    ...(s.keptUp ? [] : ['fell behind']),
    ...s.objective.filter((o) => !o.passed).map((o) => o.gate),
  ];
  return `failed${why.length > 0 ? `: ${why.join(', ')}` : ''}`;
}

/** One line per finished step, for progress. */
export function capacityStepLine(index: number, s: CapacityStep): string {
  const l = s.latencyMs;
  return `Step ${index + 1}: ${count(s.targetRecordsPerSec)} records/s -> ${count(s.recordsPerSec)} acked/s, `
    + `from intended send p50 ${ms(l?.p50)} ms, p99 ${ms(l?.p99)} ms, p99.9 ${ms(l?.p999)} ms: ${verdict(s)}`;
}

const END_TEXT: Record<CapacityResult['end'], string> = {
  'converged': 'within the precision',
  'max-rate': 'every step passed up to --max-rate',
  'max-duration': 'stopped by --max-duration before reaching the precision',
  'none-passed': 'no rate passed',
  'interrupted': 'interrupted',
};

/** The answer: the sustained rate and what it was held to. */
export function capacityAnswer(r: CapacityResult): string {
  const objective = r.objective.join(' and ');
  if (r.sustainedRecordsPerSec === null) {
    return `No rate sustained ${objective} (lowest tried: ${count(Math.min(...r.steps.map((s) => s.targetRecordsPerSec), Infinity))} records/s; ${END_TEXT[r.end]}).`;
  }
  const failed = r.steps.filter((s) => !s.passed && s.targetRecordsPerSec > r.sustainedRecordsPerSec!).map((s) => s.targetRecordsPerSec);
  const above = failed.length > 0 ? `, ${count(Math.min(...failed))} records/s did not` : '';
  return `Sustained: ${count(r.sustainedRecordsPerSec)} records/s (${(r.sustainedMbPerSec ?? 0).toFixed(2)} MB/sec) at ${objective}${above} `
    + `(${END_TEXT[r.end]}; precision ${(r.precision * 100).toFixed(0)}%).`;
}

/** The table of steps (rate, acked rate, p50/p99/p99.9 from the intended send, passed), then the answer. */
export function capacityReport(r: CapacityResult): string {
  const table = new Table({
    head: ['step', 'target rec/s', 'acked rec/s', 'p50 ms', 'p99 ms', 'p99.9 ms', 'send p99 ms', 'passed'],
    style: { head: [], border: [] },
  });
  r.steps.forEach((s, i) => {
    table.push([
      String(i + 1), count(s.targetRecordsPerSec), count(s.recordsPerSec), ms(s.latencyMs?.p50), ms(s.latencyMs?.p99),
      ms(s.latencyMs?.p999), ms(s.sendLatencyMs?.p99), s.passed ? 'yes' : s.keptUp ? 'no' : 'no (fell behind)',
    ]);
  });
  return [table.toString(), 'Latency from each record\'s intended send time, after each step\'s warmup.', capacityAnswer(r)].join('\n');
}

/** A Markdown report for a CI job summary or a pull-request comment. */
export function capacityMarkdown(r: CapacityResult, scenario?: string): string {
  const rows = r.steps.map((s, i) => `| ${i + 1} | ${count(s.targetRecordsPerSec)} | ${count(s.recordsPerSec)} | ${ms(s.latencyMs?.p50)} | `
    + `${ms(s.latencyMs?.p99)} | ${ms(s.latencyMs?.p999)} | ${s.passed ? 'yes' : 'no'} |`);
  return [
    `### perf-test capacity${scenario === undefined ? '' : ` of ${scenario}`}: ${r.objective.join(' and ')}`, '',
    capacityAnswer(r), '',
    '| step | target rec/s | acked rec/s | p50 ms | p99 ms | p99.9 ms | passed |',
    '| ---: | ---: | ---: | ---: | ---: | ---: | :---: |',
    ...rows,
  ].join('\n');
}

/** One row per scenario, the one that holds the most marked; then each scenario's steps. */
export function capacityMatrixReport(m: CapacityMatrixResult): string {
  const best = Math.max(...m.scenarios.map((s) => s.result.sustainedRecordsPerSec ?? -1));
  const table = new Table({ head: ['#', 'scenario', 'sustained rec/s', 'MB/s', 'steps', 'end'], style: { head: [], border: [] } });
  for (const s of m.scenarios) {
    const r = s.result;
    const mark = r.sustainedRecordsPerSec !== null && r.sustainedRecordsPerSec === best ? ' *' : '';
    table.push([String(s.index + 1), s.name, r.sustainedRecordsPerSec === null ? 'none' : `${count(r.sustainedRecordsPerSec)}${mark}`,
      r.sustainedMbPerSec === null ? '-' : r.sustainedMbPerSec.toFixed(2), String(r.steps.length), r.end]);
  }
  const objective = m.scenarios[0]?.result.objective.join(' and ') ?? '';
  const details = m.scenarios.map((s) => `Scenario ${s.index + 1} (${s.name}):\n${capacityReport(s.result)}`);
  return [...details, '', `Capacity at ${objective} (* holds the most):`, table.toString()].join('\n');
}
