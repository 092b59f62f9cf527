import type { GateOutcome } from '../gate/assertions.js';
import type { CompareVerdicts } from './compare-result.js';

const pct = (x: number) => `${x >= 0 ? '+' : ''}${x.toFixed(1)}%`;

/** One row per scenario and metric: the change, its 95% interval, and the verdict. */
function rows(v: CompareVerdicts): string[][] {
  return v.scenarios.flatMap((s) => s.metrics.map((m) => [
    String(s.index + 1), s.name, m.metric,
    'changePct' in m ? pct(m.changePct) : '-',
    'changePct' in m ? `${pct(m.lowPct)} .. ${pct(m.highPct)}` : `too few samples (${m.samples.baseline} and ${m.samples.candidate})`,
    m.verdict,
  ]));
}

const HEAD = ['#', 'scenario', 'metric', 'change', '95% interval', 'verdict'];
const ICON = { pass: '✅ pass', fail: '❌ fail', inconclusive: '❔ inconclusive' } as const;

/** The verdicts as text lines, after the comparison table. */
export function verdictLines(v: CompareVerdicts): string {
  const body = rows(v).map((r) => `  ${r[0]!.padStart(2)}  ${r[1]}  ${r[2]}: ${r[3]} (95% interval ${r[4]}): ${r[5]!.toUpperCase()}`);
  const overall = v.scenarios.map((s) => `  ${String(s.index + 1).padStart(2)}  ${s.name}: ${s.verdict.toUpperCase()}`);
  return [`Verdicts against scenario ${v.baselineIndex + 1}, allowing a ${v.maxRegressionPct}% regression:`, ...body, 'Overall:', ...overall].join('\n');
}

/** The verdict table in Markdown, for a pull-request comment. */
export function verdictMarkdown(v: CompareVerdicts): string {
  const line = (cells: readonly string[]) => `| ${cells.join(' | ')} |`;
  return [
    `#### Verdicts against scenario ${v.baselineIndex + 1} (a regression of at most ${v.maxRegressionPct}%)`, '',
    line(HEAD), line(['---:', '---', '---', '---:', '---', '---']),
    ...rows(v).map((r) => line([r[0]!, `\`${r[1]}\``, r[2]!, r[3]!, r[4]!, ICON[r[5] as keyof typeof ICON]])),
  ].join('\n');
}

/** The `--baseline` verdicts of a run in Markdown, for a pull-request comment; empty when none was judged on intervals. */
export function baselineVerdictMarkdown(gates: readonly GateOutcome[]): string {
  const judged = gates.filter((g) => g.verdict !== undefined && g.confidence !== undefined);
  if (judged.length === 0) return '';
  const line = (cells: readonly string[]) => `| ${cells.join(' | ')} |`;
  const metric = (g: GateOutcome) => g.gate.split(' ')[0]!;
  return [
    '#### Verdicts against the baseline', '',
    line(['metric', 'change', '95% interval', 'intervals (run, baseline)', 'verdict']), line(['---', '---:', '---', '---:', '---']),
    ...judged.map((g) => {
      const c = g.confidence!;
      return line([metric(g), pct(c.changePct), `${pct(c.lowPct)} .. ${pct(c.highPct)}`, `${c.samples.candidate}, ${c.samples.baseline}`, ICON[g.verdict!]]);
    }),
  ].join('\n');
}
