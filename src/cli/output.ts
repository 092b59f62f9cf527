import { writeFileSync } from 'node:fs';
import type { ReportConfig } from '../config/report-config.js';
import type { GateOutcome } from '../gate/assertions.js';
import { gateLines } from '../gate/report.js';
import { hdrIntervalLog } from '../report/hdr-log.js';
import {
  KAFKA_IN_STEADY_STATE, kafkaIntervalLine, kafkaSteadyStateLine, kafkaTotalLine, kafkaWarmupLine,
} from '../report/kafka-lines.js';
import { markdownReport } from '../report/markdown.js';
import { kafkaEndToEndLines } from '../report/kafka-e2e-lines.js';
import type { IntervalResult, ProduceResult } from '../report/result.js';
import { metricsLines, rollingLine, summaryTables } from '../report/summary-table.js';
import type { Progress } from '../report/progress.js';
import { ExitCode } from '../errors.js';
import { compareOfResults } from '../compare/figures.js';
import { htmlReport } from '../report/html/html-report.js';
import { backlogLines } from '../report/backlog-text.js';

/** Where text goes. */
export interface Streams {
  out(text: string): void;
  err(text: string): void;
}

/**
 * The one place that decides where reports go: machine formats (json, markdown, kafka) own stdout and
 * everything for people goes to stderr; files are written only here.
 */
export class ReportOutput {
  constructor(
    private readonly config: ReportConfig,
    private readonly streams: Streams,
  ) {}

  /** Lines meant for people (notices, warnings): never on a machine-read stdout. */
  notice(line: string): void {
    this.streams.err(line);
  }

  start(warmupRecords: number): void {
    if (warmupRecords > 0) this.progress(kafkaWarmupLine(warmupRecords));
  }

  /** A line Kafka's tool prints on stdout (as a warning of its own): there too, unless stdout carries a document. */
  kafkaNotice(line: string): void {
    this.progress(line);
  }

  interval(i: IntervalResult, p: Progress, firstSteady: boolean): void {
    // e2e intervals (they have `consumed`) in Kafka's format: EndToEndLatency has no ProducerPerformance lines.
    const producerLines = this.config.format !== 'kafka' || i.consumed === undefined;
    if (firstSteady && producerLines) this.progress(KAFKA_IN_STEADY_STATE);
    if (i.records > 0 && producerLines) this.progress(kafkaIntervalLine(i));
    if (this.config.format !== 'kafka') this.progress(rollingLine(i, p));
  }

  final(r: ProduceResult, gates: readonly GateOutcome[]): void {
    const { format } = this.config;
    if (format === 'json') {
      this.streams.out(JSON.stringify(gates.length > 0 ? { ...r, gates } : r, null, 2));
    } else if (format === 'markdown') {
      this.streams.out(markdownReport(r, gates));
    } else if (format === 'kafka' && r.mode === 'e2e') {
      // EndToEndLatency's lines only, as scripts that read its output expect.
      this.streams.out(kafkaEndToEndLines(r.endToEndLatencyMs ?? null).join('\n'));
    } else {
      const lines = [kafkaTotalLine(r)];
      if (r.steadyState) lines.push(kafkaSteadyStateLine(r.steadyState));
      if (r.mode === 'e2e') lines.push(...kafkaEndToEndLines(r.endToEndLatencyMs ?? null));
      if (this.config.printMetrics) lines.push(metricsLines(r));
      if (format === 'default') lines.push('', summaryTables(r));
      if (r.backlog && format === 'default') lines.push('', backlogLines(r.backlog));
      this.streams.out(lines.join('\n'));
    }
    if (gates.length > 0) {
      const text = `Gates:\n${gateLines(gates)}`;
      if (format === 'default') this.streams.out(text);
      else this.streams.err(text);
    }
  }

  /** Writes the report files, once the result is printed; returns the exit code (see writeOutputFiles). */
  writeFiles(r: ProduceResult, exitCode: number): number {
    const files: OutputFile[] = [];
    if (this.config.hdrLogPath !== undefined) files.push({ flag: '--hdr-log', path: this.config.hdrLogPath, text: () => hdrIntervalLog(r) });
    if (this.config.htmlPath !== undefined) {
      files.push({ flag: '--html', path: this.config.htmlPath, text: () => htmlReport(compareOfResults([{ name: r.config.topic, result: r }])) });
    }
    return writeOutputFiles(files, exitCode, this.streams);
  }

  /** Progress lines: on stdout like Kafka's tool, unless stdout carries a document. */
  private progress(line: string): void {
    if (this.config.format === 'json' || this.config.format === 'markdown') this.streams.err(line);
    else this.streams.out(line);
  }
}

/** A report file asked for by a flag. */
export interface OutputFile {
  readonly flag: '--hdr-log' | '--html';
  readonly path: string;
  readonly text: () => string;
}

/**
 * Writes report files: the only place perf-test writes files. Their paths were checked before the run, and the
 * result is printed before they are written, so a write that fails now (a full disk) loses no figure: it is
 * reported, the other files are still written, and it sets the exit code (3) only when the run's own `exitCode`
 * is 0, so that a gate's or the records' verdict is never lost.
 */
export function writeOutputFiles(files: readonly OutputFile[], exitCode: number, streams: Streams): number {
  let failed = false;
  for (const file of files) {
    try {
      writeFileSync(file.path, file.text());
    } catch (e) {
      failed = true;
      streams.err(`Error: ${file.flag}: cannot write '${file.path}': ${e instanceof Error ? e.message : String(e)}`);
    }
  }
  return failed && exitCode === ExitCode.Ok ? ExitCode.Setup : exitCode;
}
