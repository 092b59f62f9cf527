import { ExitCode, UsageError } from '../errors.js';
import { resolveReportConfig } from '../config/report-config.js';
import { resolveCapacityConfig, type CapacityConfig } from '../config/resolve-capacity.js';
import type { CapacityOptions } from '../config/capacity-options.js';
import { evaluateCapacityAssertions, parseCapacityAssertion } from '../gate/objective.js';
import type { GateOutcome } from '../gate/assertions.js';
import { gateLines } from '../gate/report.js';
import { startCapacity } from '../capacity/capacity-run.js';
import { resolveCapacityMatrix, startCapacityMatrix } from '../capacity/matrix-run.js';
import type { StartRun } from '../compare/run-compare.js';
import type { CapacityMatrixResult, CapacityResult, CapacityStep } from '../report/capacity-result.js';
import { capacityMarkdown, capacityMatrixReport, capacityReport, capacityStepLine } from '../report/capacity-text.js';
import { capacityHtml } from '../report/html/capacity-html.js';
import { startProduceRun } from '../run/produce-run.js';
import { threadsWith } from '../run/environment.js';
import { writeOutputFiles, type Streams } from './output.js';
import { whileInterruptible } from './signals.js';

/**
 * `perf-test capacity`: resolve the workload, the objective and the search; run the search step by step; report
 * the steps and the answer; judge the answer by the --assert gates (`sustained >= 50000 rec/s`).
 */
export async function runCapacityCommand(options: CapacityOptions, streams: Streams, startRun: StartRun = defaultStart): Promise<number> {
  const gates = (options.assert ?? []).map(parseCapacityAssertion);
  const report = resolveReportConfig({ ...options, assert: undefined });
  for (const [flag, given] of [['--baseline', report.baseline !== undefined], ['--hdr-log', report.hdrLogPath !== undefined],
    ['--format kafka', report.format === 'kafka'], ['--print-metrics', report.printMetrics]] as const) {
    if (given) throw new UsageError(`${flag} cannot be used with capacity`, 'it reports steps and an answer: the table, --json, --markdown or --html');
  }
  const ctx = { env: process.env, warn: (line: string) => streams.err(`WARN ${line}`) };
  const machine = report.format === 'json' || report.format === 'markdown';
  const progress = (line: string) => (machine ? streams.err(line) : streams.out(line));
  const hooks = {
    onStepStart: (i: number, target: number) => progress(`Step ${i + 1}: ${Math.round(target).toLocaleString('en-US')} records/s ...`),
    onInterval: () => {},
    onStepEnd: (i: number, step: CapacityStep) => progress(capacityStepLine(i, step)),
    onNotice: (line: string) => streams.err(line),
  };
  const judge = (r: CapacityResult) => evaluateCapacityAssertions(gates, { recordsPerSec: r.sustainedRecordsPerSec, mbPerSec: r.sustainedMbPerSec });
  const gateText = (outcomes: readonly GateOutcome[], title: string) => {
    if (outcomes.length > 0) (machine ? streams.err : streams.out)(`${title}:\n${gateLines(outcomes)}`);
  };
  let doc: CapacityResult | CapacityMatrixResult;
  let verdicts: GateOutcome[][];
  if (options.matrix !== undefined) {
    const m = resolveCapacityMatrix(options, ctx, `perf-test-capacity-${Date.now().toString(36)}`);
    const running = startCapacityMatrix(m, startRun, {
      ...hooks,
      onScenarioStart: (sc, n) => progress(`Scenario ${sc.index + 1} of ${n} (${sc.name}): ${searchLine(m.plans[sc.index]!.config)}`),
    });
    const result = await whileInterruptible(running.interrupt, running.result, streams);
    verdicts = result.scenarios.map((sc) => judge(sc.result));
    doc = result;
    if (report.format === 'json') {
      streams.out(JSON.stringify(gates.length === 0 ? result
        : { ...result, scenarios: result.scenarios.map((sc, i) => ({ ...sc, result: { ...sc.result, gates: verdicts[i] } })) }, null, 2));
    } else if (report.format === 'markdown') streams.out(result.scenarios.map((sc) => capacityMarkdown(sc.result, sc.name)).join('\n\n'));
    else streams.out(['', capacityMatrixReport(result)].join('\n'));
    result.scenarios.forEach((sc, i) => gateText(verdicts[i]!, `Gates of scenario ${sc.index + 1} (${sc.name})`));
  } else {
    const config = resolveCapacityConfig(options, ctx);
    progress(searchLine(config));
    const running = startCapacity(config, startRun, hooks);
    const result = await whileInterruptible(running.interrupt, running.result, streams);
    verdicts = [judge(result)];
    doc = result;
    if (report.format === 'json') streams.out(JSON.stringify(gates.length > 0 ? { ...result, gates: verdicts[0] } : result, null, 2));
    else if (report.format === 'markdown') streams.out(capacityMarkdown(result));
    else streams.out(['', capacityReport(result)].join('\n'));
    gateText(verdicts[0]!, 'Gates');
  }
  const files = report.htmlPath === undefined ? [] : [{ flag: '--html' as const, path: report.htmlPath, text: () => capacityHtml(doc) }];
  return writeOutputFiles(files, capacityExitCode(doc.status, verdicts.flat()), streams);
}

const defaultStart: StartRun = (c, hooks) => startProduceRun(c, threadsWith(c), hooks);

function searchLine(c: CapacityConfig): string {
  return `Searching for the highest rate that holds ${c.objective.map((a) => a.expression).join(' and ')}: steps of `
    + `${c.stepDurationMs / 1000}s after ${c.stepWarmupMs / 1000}s of warmup, from ${c.search.startRecordsPerSec} records/s, `
    + `to ${(c.search.precision * 100).toFixed(0)}%, within ${c.search.maxDurationMs / 1000}s.`;
}

/** Interrupted, then a gate failed; the search's answer itself, even none, is not a fault. */
export function capacityExitCode(status: CapacityResult['status'], gates: readonly GateOutcome[]): number {
  if (status === 'interrupted') return ExitCode.Interrupted;
  if (gates.some((g) => !g.passed)) return ExitCode.GateFailed;
  return ExitCode.Ok;
}
