import { ExitCode, PerfTestError, UsageError, badValue } from '../errors.js';
import { resolveProduceConfig } from '../config/resolve-produce.js';
import { resolveReportConfig, type ReportConfig } from '../config/report-config.js';
import { readJsonFile } from '../config/files.js';
import { startProduceRun } from '../run/produce-run.js';
import { startEndToEndRun } from '../run/e2e-run.js';
import { startConsumeRun } from '../run/consume-run.js';
import { threadsWith } from '../run/environment.js';
import type { RunHooks } from '../run/hooks.js';
import { resolveConsumeConfig } from '../config/resolve-consume.js';
import { resolveEndToEndConfig } from '../config/resolve-e2e.js';
import { ConsumeOutput } from './consume-output.js';
import { mergeResults } from '../report/merge.js';
import { RESULT_SCHEMA_VERSION, type ProduceResult } from '../report/result.js';
import { evaluateAssertions, type GateInput, type GateOutcome } from '../gate/assertions.js';
import { compareWithBaseline } from '../gate/baseline.js';
import { parseCommandLine } from './program.js';
import { KAFKA_E2E_POSITIONAL_WARNING } from '../report/kafka-e2e-lines.js';
import { ReportOutput, type Streams } from './output.js';
import { whileInterruptible } from './signals.js';
import { runCompareCommand } from './compare-command.js';
import { runReportCommand } from './report-command.js';
import { runCapacityCommand } from './capacity-command.js';
import { MetricsServer } from './metrics-server.js';
import { resolveMetricsConfig, type MetricsConfig } from '../config/resolve-metrics.js';

const processStreams: Streams = {
  out: (text) => process.stdout.write(text + '\n'),
  err: (text) => process.stderr.write(text + '\n'),
};

/**
 * The whole pipeline: parse -> resolve config -> run -> report -> gate -> exit code. Returns the exit code;
 * errors become one `Error: ...` line (with the stack under --debug).
 */
export async function main(argv: readonly string[], streams: Streams = processStreams): Promise<number> {
  const debug = argv.includes('--debug');
  try {
    const command = parseCommandLine(argv, (text) => streams.out(text.replace(/\n$/, '')));
    switch (command.kind) {
      case 'exit':
        return command.exitCode;
      case 'compare':
        return await runCompareCommand(command.options, streams);
      case 'capacity':
        return await runCapacityCommand(command.options, streams);
      case 'report':
        return runReportCommand(command.files, command.options, streams);
      case 'merge': {
        const report = resolveReportConfig(command.options);
        const merged = mergeResults(command.files.map(readResult));
        return finish(merged, report, new ReportOutput(report, streams));
      }
      case 'consume': {
        const report = resolveReportConfig(command.options);
        // The HTML report and the HdrHistogram log are of latency, which a consume run does not measure; e2e does.
        for (const [flag, path] of [['--html', report.htmlPath], ['--hdr-log', report.hdrLogPath]] as const) {
          if (path !== undefined) throw new UsageError(`${flag} is not available for consume (it has no latency to record): use perf-test e2e ${flag}`);
        }
        const config = resolveConsumeConfig(command.options, { env: process.env, warn: (line) => streams.err(`WARN ${line}`) });
        const output = new ConsumeOutput(report, config, streams);
        output.start();
        const startedAt = Date.now();
        const running = startConsumeRun(config, threadsWith(config), {
          onInterval: (i, totals, p) => output.interval(i, totals, p, startedAt),
          onNotice: (line) => output.notice(line),
        });
        const result = await whileInterruptible(running.interrupt, running.result, streams);
        const gates = judge(result, report);
        output.final(result, gates);
        return exitCodeOf(result, gates);
      }
      case 'e2e': {
        const report = resolveReportConfig(command.options);
        const config = resolveEndToEndConfig(command.options, { env: process.env, warn: (line) => streams.err(`WARN ${line}`) });
        const output = new ReportOutput(report, streams);
        if (command.options.positional) output.kafkaNotice(KAFKA_E2E_POSITIONAL_WARNING);
        const metrics = await startMetrics(resolveMetricsConfig(command.options), output);
        try {
          output.start(config.produce.warmupRecords);
          const running = startEndToEndRun(config, threadsWith(config.produce), runHooks(output, metrics));
          const result = await whileInterruptible(running.interrupt, running.result, streams);
          return finish(result, report, output);
        } finally {
          await metrics?.close();
        }
      }
      case 'produce': {
        const report = resolveReportConfig(command.options);
        const config = resolveProduceConfig(command.options, { env: process.env, warn: (line) => streams.err(`WARN ${line}`) });
        const output = new ReportOutput(report, streams);
        const metrics = await startMetrics(resolveMetricsConfig(command.options), output);
        try {
          output.start(config.warmupRecords);
          const running = startProduceRun(config, threadsWith(config), runHooks(output, metrics));
          const result = await whileInterruptible(running.interrupt, running.result, streams);
          return finish(result, report, output);
        } finally {
          await metrics?.close();
        }
      }
    }
  } catch (e) {
    return reportError(e, debug, streams);
  }
}

/** Serves /metrics for the run when --metrics-port asks, and says where. */
/** A run's hooks: each interval to the output and, when served, to /metrics; notices to the output. */
function runHooks(output: ReportOutput, metrics: MetricsServer | undefined): RunHooks {
  return {
    onInterval: (i, p, firstSteady, totals) => {
      metrics?.update(i, totals);
      output.interval(i, p, firstSteady);
    },
    onNotice: (line) => output.notice(line),
  };
}

async function startMetrics(config: MetricsConfig | undefined, output: ReportOutput): Promise<MetricsServer | undefined> {
  if (config === undefined) return undefined;
  const server = await MetricsServer.start(config);
  output.notice(`Serving metrics on ${server.url} (run_id ${config.runId}, shard ${config.shard}).`);
  return server;
}

/** Evaluates a result's gates: the assertions, then the baseline comparison. */
function judge(result: GateInput, report: ReportConfig): GateOutcome[] {
  return [
    ...evaluateAssertions(report.assertions, result),
    ...(report.baseline ? compareWithBaseline(report.baseline, result) : []),
  ];
}

/** Judges a result by its gates, reports both, and returns the exit code. */
function finish(result: ProduceResult, report: ReportConfig, output: ReportOutput): number {
  const gates = judge(result, report);
  output.final(result, gates);
  return output.writeFiles(result, exitCodeOf(result, gates));
}

/**
 * The exit code of a finished run: interrupted, then gates that failed, then records that failed (or, in e2e
 * runs, were never consumed), then a baseline verdict that was inconclusive.
 */
export function exitCodeOf(r: GateInput & { status: string }, gates: readonly GateOutcome[]): number {
  if (r.status === 'interrupted') return ExitCode.Interrupted;
  if (gates.some((g) => !g.passed && g.verdict !== 'inconclusive')) return ExitCode.GateFailed;
  if ((r.records.failed ?? 0) > 0 || (r.consumed?.missing ?? 0) > 0) return ExitCode.RecordsFailed;
  if (gates.some((g) => g.verdict === 'inconclusive')) return ExitCode.Inconclusive;
  return ExitCode.Ok;
}

function readResult(path: string): ProduceResult {
  const r = readJsonFile('merge', path) as Partial<ProduceResult>;
  if (typeof r !== 'object' || r === null || r.schemaVersion !== RESULT_SCHEMA_VERSION || typeof r.histogram !== 'string') {
    throw badValue('merge', path, `is not a perf-test result of schema version ${RESULT_SCHEMA_VERSION} (made with --json)`);
  }
  return r as ProduceResult;
}

function reportError(e: unknown, debug: boolean, streams: Streams): number {
  if (e instanceof PerfTestError) {
    streams.err(`Error: ${e.message}${e.hint ? ` (${e.hint})` : ''}`);
    if (debug && e.stack) streams.err(e.stack);
    return e.exitCode;
  }
  const message = e instanceof Error ? e.message : String(e);
  streams.err(`Error: internal error: ${message}${debug ? '' : ' (run with --debug for details)'}`);
  if (debug && e instanceof Error && e.stack) streams.err(e.stack);
  return ExitCode.Internal;
}
