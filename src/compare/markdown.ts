import type { CompareResult } from '../report/compare-result.js';
import { verdictMarkdown } from '../report/verdict-table.js';
import { FIGURE_COLUMNS, bestMarks, changeCells, changeHeads, figureText, footnotes, settingCells, settingColumns } from '../report/compare-columns.js';

const row = (cells: readonly string[]) => `| ${cells.join(' | ')} |`;

/** The comparison as Markdown, for a CI job summary or a pull-request comment; best values in bold. */
export function compareMarkdown(doc: CompareResult): string {
  const marks = bestMarks(doc.scenarios);
  const settings = settingColumns(doc);
  const lines = [
    `### perf-test compare: ${doc.scenarios.length} scenario(s)${doc.status === 'interrupted' ? ' (interrupted)' : ''}`,
    '',
    row(['#', ...settings, ...FIGURE_COLUMNS.map((c) => c.head), ...changeHeads(doc)]),
    row(['---:', ...settings.map(() => '---'), ...FIGURE_COLUMNS.map(() => '---:'), ...changeHeads(doc).map(() => '---:')]),
  ];
  doc.scenarios.forEach((s, r) => {
    const figures = FIGURE_COLUMNS.map((col, c) => (marks[c]![r] ? `**${figureText(col, s)}**` : figureText(col, s)));
    lines.push(row([String(s.index + 1), ...settingCells(doc, s).map((c) => `\`${c}\``), ...figures, ...changeCells(doc, s)]));
  });
  const notes = footnotes(doc).map((n) => n.replace(/^\* best/, 'Bold: best'));
  return [...lines, '', ...notes, ...(doc.verdicts ? ['', verdictMarkdown(doc.verdicts)] : [])].join('\n');
}
