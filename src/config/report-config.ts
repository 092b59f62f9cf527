import { resolve } from 'node:path';
import { UsageError, badValue } from '../errors.js';
import { parseAssertion, type Assertion } from '../gate/assertions.js';
import { asGateInput, parseMaxRegression, parseRegressionMetrics, type BaselineGate } from '../gate/baseline.js';
import { checkWritableFile, readJsonFile } from './files.js';
import type { OutputFormat } from './types.js';

/** Output and gate flags, shared by every command that produces a result. Strings, unvalidated. */
export interface ReportOptions {
  format?: string;
  json?: boolean;
  markdown?: boolean;
  hdrLog?: string;
  html?: string;
  printMetrics?: boolean;
  assert?: string[];
  baseline?: string;
  maxRegression?: string;
  regressionMetrics?: string;
}

/** How a result is reported and judged. */
export interface ReportConfig {
  readonly format: OutputFormat;
  readonly printMetrics: boolean;
  /** Where to write the HdrHistogram interval log, if asked. */
  readonly hdrLogPath: string | undefined;
  /** Where to write the self-contained HTML report (charts inlined), if asked. */
  readonly htmlPath: string | undefined;
  readonly assertions: readonly Assertion[];
  readonly baseline: BaselineGate | undefined;
}

const FORMATS: readonly OutputFormat[] = ['default', 'kafka', 'json', 'markdown'];

/** Resolves `--format`, `--json` and `--markdown` into one format; conflicting choices are an error. */
export function resolveFormat(o: ReportOptions): OutputFormat {
  const format = o.format ?? 'default';
  if (!FORMATS.includes(format as OutputFormat)) throw badValue('--format', format, `is not one of ${FORMATS.join(', ')}`);
  const shortcuts = [o.json && 'json', o.markdown && 'markdown'].filter((x): x is string => typeof x === 'string');
  if (shortcuts.length > 1) throw new UsageError('--json and --markdown cannot be used together; give one');
  const shortcut = shortcuts[0] as OutputFormat | undefined;
  if (shortcut && format !== 'default' && format !== shortcut) {
    throw new UsageError(`--${shortcut} and --format ${format} cannot be used together`);
  }
  return shortcut ?? (format as OutputFormat);
}

/**
 * Validates the report and gate flags. Reads the baseline file and checks where report files go now, so that a
 * bad one fails before anything connects.
 */
export function resolveReportConfig(o: ReportOptions): ReportConfig {
  const assertions = (o.assert ?? []).map(parseAssertion);
  if (o.baseline === undefined && (o.maxRegression !== undefined || o.regressionMetrics !== undefined)) {
    throw new UsageError(`${o.maxRegression !== undefined ? '--max-regression' : '--regression-metrics'} needs --baseline FILE`);
  }
  let baseline: BaselineGate | undefined;
  if (o.baseline !== undefined) {
    const json = readJsonFile('--baseline', o.baseline);
    baseline = {
      path: o.baseline,
      baseline: asGateInput(o.baseline, json),
      maxRegression: parseMaxRegression(o.maxRegression ?? '10%'),
      metrics: parseRegressionMetrics(o.regressionMetrics ?? 'throughput,p99'),
    };
  }
  checkOutputFiles(o);
  return Object.freeze({
    format: resolveFormat(o),
    printMetrics: o.printMetrics === true,
    hdrLogPath: o.hdrLog,
    htmlPath: o.html,
    assertions: Object.freeze(assertions),
    baseline,
  });
}

/** The report files (--hdr-log, --html) can be written, and are two files. */
function checkOutputFiles(o: ReportOptions): void {
  if (o.hdrLog !== undefined) checkWritableFile('--hdr-log', o.hdrLog);
  if (o.html !== undefined) checkWritableFile('--html', o.html);
  if (o.hdrLog !== undefined && o.html !== undefined && resolve(o.hdrLog) === resolve(o.html)) {
    throw new UsageError(`--hdr-log and --html name the same file '${o.html}'; give each its own`);
  }
}
