import type { CompareResult, ScenarioResult, Spread } from './compare-result.js';
import { formatMs } from './summary-table.js';

/** Half the range as a percentage of the median: the ± the table shows; 0 for a single run. */
export function halfRangePct(s: Spread): number {
  return s.median === 0 ? 0 : ((s.max - s.min) / 2 / s.median) * 100;
}

/** A column of figures: its heading, how to read a scenario, and which way is better. */
interface FigureColumn {
  readonly head: string;
  readonly value: (s: ScenarioResult) => Spread | number | null;
  readonly better: 'higher' | 'lower';
  readonly format: (n: number) => string;
  /** Whether the cell shows the spread over repeated runs (the headline figures only, to keep rows short). */
  readonly spread: boolean;
}

const count = (n: number) => Math.round(n).toLocaleString('en-US');

/** The figure columns of the comparison, shared by the table, Markdown and HTML views. */
export const FIGURE_COLUMNS: readonly FigureColumn[] = [
  { head: 'records/s', value: (s) => s.figures.recordsPerSec, better: 'higher', format: count, spread: true },
  { head: 'MB/s', value: (s) => s.figures.mbPerSec, better: 'higher', format: (n) => n.toFixed(2), spread: false },
  { head: 'p50 ms', value: (s) => s.figures.latencyMs?.p50 ?? null, better: 'lower', format: formatMs, spread: false },
  { head: 'p95 ms', value: (s) => s.figures.latencyMs?.p95 ?? null, better: 'lower', format: formatMs, spread: false },
  { head: 'p99 ms', value: (s) => s.figures.latencyMs?.p99 ?? null, better: 'lower', format: formatMs, spread: true },
  { head: 'p99.9 ms', value: (s) => s.figures.latencyMs?.p999 ?? null, better: 'lower', format: formatMs, spread: false },
  { head: 'max ms', value: (s) => s.figures.latencyMs?.max ?? null, better: 'lower', format: formatMs, spread: false },
  { head: 'errors', value: (s) => s.figures.failed, better: 'lower', format: count, spread: false },
];

const numberOf = (v: Spread | number | null): number | null => (v === null ? null : typeof v === 'number' ? v : v.median);

/** For each column, whether each scenario holds its best value (ties for best all marked). */
export function bestMarks(scenarios: readonly ScenarioResult[]): boolean[][] {
  return FIGURE_COLUMNS.map((col) => {
    const values = scenarios.map((s) => numberOf(col.value(s)));
    const known = values.filter((v): v is number => v !== null);
    const best = col.better === 'higher' ? Math.max(...known) : Math.min(...known);
    // A column where every scenario ties has no best.
    if (scenarios.length < 2 || known.length === 0 || known.every((v) => v === best)) return values.map(() => false);
    return values.map((v) => v === best);
  });
}

/** A figure, with `±x%` (half the range over runs) in the headline columns when the scenario ran more than once. */
export function figureText(col: FigureColumn, s: ScenarioResult): string {
  const v = col.value(s);
  if (v === null) return '-';
  if (typeof v === 'number') return col.format(v);
  const text = col.format(v.median);
  return col.spread && s.figures.runs > 1 ? `${text} ±${halfRangePct(v).toFixed(1)}%` : text;
}

export function pctText(pct: number | null): string {
  if (pct === null) return '-';
  const shown = Number(pct.toFixed(1));
  // A change that rounds to nothing is neither up nor down (and never "-0.0%").
  return shown === 0 ? '0.0%' : `${shown > 0 ? '+' : ''}${shown.toFixed(1)}%`;
}

/** The columns naming a scenario: each varied setting, or the scenario's name when nothing was varied. */
export function settingColumns(doc: CompareResult): readonly string[] {
  const keys = Object.keys(doc.matrix);
  return keys.length > 0 ? keys : ['scenario'];
}

export function settingCells(doc: CompareResult, s: ScenarioResult): string[] {
  const keys = Object.keys(doc.matrix);
  return keys.length > 0 ? keys.map((k) => s.settings[k] ?? '-') : [s.name];
}

/** Lines under every view of the comparison: what the marks, the ± and the changes mean. */
export function footnotes(doc: CompareResult): string[] {
  const base = doc.scenarios.find((s) => s.index === doc.baselineIndex);
  const lines = doc.scenarios.length > 1 ? ['* best in its column.'] : [];
  if (base && doc.scenarios.length > 1) lines.push(`Changes (Δ) are against scenario ${base.index + 1} (${base.name}).`);
  if (doc.repeat > 1) lines.push(`Figures are medians of ${doc.repeat} runs; ± is half their range (of records/s and p99). Errors are summed over runs.`);
  if (doc.status === 'interrupted') lines.push(`Interrupted: ${doc.scenarios.length} of ${doc.scenarioCount} scenarios shown.`);
  return lines;
}

/** Headings of the change columns: none when there is nothing to compare with. */
export function changeHeads(doc: CompareResult): string[] {
  return doc.scenarios.length > 1 ? ['Δ records/s', 'Δ p99'] : [];
}

/** A scenario's change cells against the baseline (see changeHeads). */
export function changeCells(doc: CompareResult, s: ScenarioResult): string[] {
  if (doc.scenarios.length < 2) return [];
  if (s.vsBaseline) return [pctText(s.vsBaseline.recordsPerSecPct), pctText(s.vsBaseline.p99Pct)];
  return s.index === doc.baselineIndex ? ['baseline', 'baseline'] : ['-', '-'];
}
