import { ExitCode, UsageError } from '../errors.js';
import { resolveReportConfig, type ReportConfig } from '../config/report-config.js';
import { startProduceRun } from '../run/produce-run.js';
import { threadsWith } from '../run/environment.js';
import { evaluateAssertions, type GateOutcome } from '../gate/assertions.js';
import { resolveCompareConfig } from '../compare/config.js';
import type { CompareOptions } from '../compare/options.js';
import type { CompareResult } from '../report/compare-result.js';
import { startCompare } from '../compare/run-compare.js';
import { CompareOutput } from './compare-output.js';
import type { Streams } from './output.js';
import { whileInterruptible } from './signals.js';

/** The report options that judge or log one run, with what to use in a comparison instead. */
export function checkCompareReportOptions(report: ReportConfig, command: string): void {
  if (report.baseline) throw new UsageError(`--baseline cannot be used with ${command}`, 'compare scenarios with each other with --baseline-scenario');
  if (report.hdrLogPath !== undefined) throw new UsageError(`--hdr-log cannot be used with ${command}`, 'the --json document holds every run\'s histograms');
  if (report.format === 'kafka') throw new UsageError(`--format kafka cannot be used with ${command}`, 'use the default table, --json or --markdown');
  if (report.printMetrics) throw new UsageError(`--print-metrics cannot be used with ${command}`, 'the --json document holds every run\'s client metrics');
}

/** A fresh topic name prefix for this comparison's scenarios. */
function topicPrefix(): string {
  return `perf-test-compare-${Date.now().toString(36)}`;
}

/**
 * `perf-test compare`: resolve every scenario up front, run them one after another, then report the
 * comparison and judge each scenario by the --assert gates.
 */
export async function runCompareCommand(options: CompareOptions, streams: Streams): Promise<number> {
  // --max-regression and --regression-metrics are the verdicts' here, not a --baseline file's.
  const report = resolveReportConfig({ ...options, maxRegression: undefined, regressionMetrics: undefined });
  checkCompareReportOptions(report, 'compare');
  const config = resolveCompareConfig(options, { env: process.env, warn: (line) => streams.err(`WARN ${line}`) }, topicPrefix());
  const output = new CompareOutput(report, streams);
  output.start(config);
  const running = startCompare(config, (c, hooks) => startProduceRun(c, threadsWith(c), hooks), {
    onRunStart: (at) => output.runStart(at),
    onInterval: (i, at, overall) => output.interval(i, at, overall),
    onRunEnd: (at, r) => output.runEnd(at, r),
    onNotice: (line) => output.notice(line),
  });
  const doc = await whileInterruptible(running.interrupt, running.result, streams);
  const gates = doc.scenarios.map((s) => evaluateAssertions(report.assertions, s.result));
  output.final(doc, gates);
  return output.writeFiles(doc, compareExitCode(doc, gates));
}

/** Interrupted, then a gate or verdict failed, then a verdict was inconclusive, then any records failed. */
export function compareExitCode(doc: CompareResult, gates: ReadonlyArray<readonly GateOutcome[]>): number {
  if (doc.status === 'interrupted') return ExitCode.Interrupted;
  if (gates.some((g) => g.some((o) => !o.passed))) return ExitCode.GateFailed;
  const verdicts = doc.verdicts?.scenarios ?? [];
  if (verdicts.some((v) => v.verdict === 'fail')) return ExitCode.GateFailed;
  if (verdicts.some((v) => v.verdict === 'inconclusive')) return ExitCode.Inconclusive;
  if (doc.scenarios.some((s) => s.figures.failed > 0)) return ExitCode.RecordsFailed;
  return ExitCode.Ok;
}
