import Table from 'cli-table3';
import type { CompareResult } from '../report/compare-result.js';
import { FIGURE_COLUMNS, bestMarks, changeCells, changeHeads, figureText, footnotes, settingCells, settingColumns } from '../report/compare-columns.js';

/** The comparison as a terminal table: one row per scenario. */
export function compareTable(doc: CompareResult): string {
  const marks = bestMarks(doc.scenarios);
  const table = new Table({
    head: ['#', ...settingColumns(doc), ...FIGURE_COLUMNS.map((c) => c.head), ...changeHeads(doc)],
    style: { head: [], border: [] },
  });
  doc.scenarios.forEach((s, row) => {
    const figures = FIGURE_COLUMNS.map((col, c) => `${figureText(col, s)}${marks[c]![row] ? ' *' : ''}`);
    const status = s.result.status === 'interrupted' ? ' (interrupted)' : '';
    table.push([`${s.index + 1}${status}`, ...settingCells(doc, s), ...figures, ...changeCells(doc, s)]);
  });
  return [table.toString(), ...footnotes(doc)].join('\n');
}
