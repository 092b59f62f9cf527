import type { ReportConfig } from '../config/report-config.js';
import type { GateOutcome } from '../gate/assertions.js';
import { gateLines } from '../gate/report.js';
import type { IntervalResult, ProduceResult } from '../report/result.js';
import type { Progress } from '../report/progress.js';
import type { CompareConfig } from '../compare/config.js';
import type { CompareResult } from '../report/compare-result.js';
import type { RunPosition } from '../compare/run-compare.js';
import { compareTable } from '../compare/table.js';
import { compareMarkdown } from '../compare/markdown.js';
import { verdictLines } from '../report/verdict-table.js';
import { compareIntervalLine, compareStartLine, runEndLine, runStartLine } from '../compare/progress-lines.js';
import { htmlReport } from '../report/html/html-report.js';
import { writeOutputFiles, type Streams } from './output.js';

/**
 * Where a comparison's reports go: progress always on stderr (stdout carries only the final table or
 * document), the HTML report to its file.
 */
export class CompareOutput {
  constructor(
    private readonly report: ReportConfig,
    private readonly streams: Streams,
  ) {}

  notice(line: string): void {
    this.streams.err(line);
  }

  start(config: CompareConfig): void {
    this.streams.err(compareStartLine(config));
  }

  runStart(at: RunPosition): void {
    this.streams.err(runStartLine(at));
  }

  interval(i: IntervalResult, at: RunPosition, overall: Progress): void {
    this.streams.err(compareIntervalLine(i, at, overall));
  }

  runEnd(at: RunPosition, r: ProduceResult): void {
    this.streams.err(runEndLine(at, r));
  }

  /** The table, Markdown or JSON document on stdout; `gates` holds each shown scenario's gate outcomes. */
  final(doc: CompareResult, gates: ReadonlyArray<readonly GateOutcome[]>): void {
    const judged = gates.some((g) => g.length > 0);
    if (this.report.format === 'json') {
      const scenarios = judged ? doc.scenarios.map((s, i) => ({ ...s, gates: gates[i] ?? [] })) : doc.scenarios;
      this.streams.out(JSON.stringify({ ...doc, scenarios }, null, 2));
    } else {
      this.streams.out(this.report.format === 'markdown' ? compareMarkdown(doc) : compareTable(doc));
      if (doc.verdicts && this.report.format !== 'markdown') this.streams.out(verdictLines(doc.verdicts));
    }
    if (!judged) return;
    const text = doc.scenarios.map((s, i) => `Gates of scenario ${s.index + 1} (${s.name}):\n${gateLines(gates[i] ?? [])}`).join('\n');
    if (this.report.format === 'default') this.streams.out(text);
    else this.streams.err(text);
  }

  /** Writes the HTML report, once the comparison is printed; returns the exit code (see writeOutputFiles). */
  writeFiles(doc: CompareResult, exitCode: number): number {
    const html = this.report.htmlPath;
    return writeOutputFiles(html === undefined ? [] : [{ flag: '--html', path: html, text: () => htmlReport(doc) }], exitCode, this.streams);
  }
}
