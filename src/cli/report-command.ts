import { basename } from 'node:path';
import { ExitCode, UsageError, badValue } from '../errors.js';
import { readJsonFile } from '../config/files.js';
import { resolveReportConfig, type ReportOptions } from '../config/report-config.js';
import { compareOfResults } from '../compare/figures.js';
import { COMPARE_SCHEMA_VERSION, type CompareResult } from '../report/compare-result.js';
import { RESULT_SCHEMA_VERSION, type ProduceResult } from '../report/result.js';
import { CompareOutput } from './compare-output.js';
import { checkCompareReportOptions } from './compare-command.js';
import type { Streams } from './output.js';

type Loaded = { kind: 'compare'; doc: CompareResult } | { kind: 'result'; result: ProduceResult };

/** Reads a --json document of perf-test (a run, a merge, an e2e run) or of perf-test compare. */
function load(path: string): Loaded {
  const d = readJsonFile('report', path) as Record<string, unknown> | null;
  if (d && d['kind'] === 'compare' && d['schemaVersion'] === COMPARE_SCHEMA_VERSION && Array.isArray(d['scenarios'])) {
    return { kind: 'compare', doc: d as unknown as CompareResult };
  }
  if (d && d['schemaVersion'] === RESULT_SCHEMA_VERSION && typeof d['histogram'] === 'string' && Array.isArray(d['intervals'])) {
    return { kind: 'result', result: d as unknown as ProduceResult };
  }
  throw badValue('report', path, `is neither a perf-test result nor a perf-test compare document (schema version ${RESULT_SCHEMA_VERSION}, made with --json)`);
}

/** Several results become the scenarios of one comparison, named by their files; a compare document stays as it is. */
export function reportDocument(files: readonly string[]): CompareResult {
  if (files.length === 0) throw new UsageError('report: give a result file (made with --json)');
  const loaded = files.map((f) => ({ file: f, ...load(f) }));
  const compare = loaded.find((l) => l.kind === 'compare');
  if (compare && loaded.length > 1) throw badValue('report', compare.file, 'is a compare document: give it alone, or only single results');
  if (compare?.kind === 'compare') return compare.doc;
  const names = loaded.map((l) => basename(l.file).replace(/\.json$/i, ''));
  return compareOfResults(loaded.map((l, i) => ({ name: names[i]!, result: (l as { result: ProduceResult }).result })));
}

/** `perf-test report FILE... [--html OUT]`: shows saved results again (table, Markdown or JSON) and writes the HTML report. */
export function runReportCommand(files: readonly string[], options: ReportOptions, streams: Streams): number {
  const report = resolveReportConfig(options);
  checkCompareReportOptions(report, 'report');
  if (report.assertions.length > 0) throw new UsageError('--assert cannot be used with report', 'judge results when they are made, or with perf-test merge');
  const doc = reportDocument(files);
  const output = new CompareOutput(report, streams);
  output.final(doc, []);
  return output.writeFiles(doc, ExitCode.Ok);
}
