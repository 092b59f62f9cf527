import { ExitCode, PerfTestError } from '../errors.js';
import { resolveProduceConfig } from '../config/resolve-produce.js';
import { clientFactory } from '../clients/registry.js';
import { startProduceRun } from '../run/produce-run.js';
import type { ProduceResult } from '../report/result.js';
import { parseCommandLine } from './program.js';
import { ProduceOutput, type Streams } from './output.js';

const processStreams: Streams = {
  out: (text) => process.stdout.write(text + '\n'),
  err: (text) => process.stderr.write(text + '\n'),
};

/**
 * The whole pipeline: parse -> resolve config -> run -> report -> exit code. Returns the exit code; errors
 * become one `Error: ...` line (with the stack under --debug).
 */
export async function main(argv: readonly string[], streams: Streams = processStreams): Promise<number> {
  const debug = argv.includes('--debug');
  try {
    const command = parseCommandLine(argv, (text) => streams.out(text.replace(/\n$/, '')));
    if (command.kind === 'exit') return command.exitCode;
    const config = resolveProduceConfig(command.options, {
      env: process.env,
      warn: (line) => streams.err(`WARN ${line}`),
    });
    const output = new ProduceOutput(config.format, streams, config.printMetrics);
    output.start(config.warmupRecords);
    const running = startProduceRun(config, clientFactory(config.client), {
      onInterval: (i, p, firstSteady) => output.interval(i, p, firstSteady),
      onNotice: (line) => output.notice(line),
    });
    const result = await withInterruptHandling(running.interrupt, running.result, streams);
    output.final(result);
    return exitCodeOf(result);
  } catch (e) {
    return reportError(e, debug, streams);
  }
}

/** The exit code of a finished run. */
export function exitCodeOf(r: ProduceResult): number {
  if (r.status === 'interrupted') return ExitCode.Interrupted;
  if (r.records.failed > 0) return ExitCode.RecordsFailed;
  return ExitCode.Ok;
}

/** First SIGINT/SIGTERM: stop and report what was done. Second: quit at once. */
async function withInterruptHandling<T>(interrupt: () => void, work: Promise<T>, streams: Streams): Promise<T> {
  let count = 0;
  const onSignal = () => {
    if (++count === 1) interrupt();
    else {
      streams.err('Interrupted twice: exiting without a summary.');
      process.exit(ExitCode.Interrupted);
    }
  };
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
  try {
    return await work;
  } finally {
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
  }
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
