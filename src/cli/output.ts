import type { OutputFormat } from '../config/types.js';
import type { IntervalResult, ProduceResult } from '../report/result.js';
import type { Progress } from '../run/produce-run.js';
import {
  KAFKA_IN_STEADY_STATE, kafkaIntervalLine, kafkaSteadyStateLine, kafkaTotalLine, kafkaWarmupLine,
} from '../report/kafka-lines.js';
import { metricsLines, rollingLine, summaryTables } from '../report/summary-table.js';

/** Where text goes. The one place that decides between stdout and stderr. */
export interface Streams {
  out(text: string): void;
  err(text: string): void;
}

/** Writes a run's reports in the chosen format: machine formats own stdout, everything else goes to stderr. */
export class ProduceOutput {
  constructor(
    private readonly format: OutputFormat,
    private readonly streams: Streams,
    private readonly printMetrics: boolean,
  ) {}

  /** Lines meant for people (notices, warnings): never on a machine-read stdout. */
  notice(line: string): void {
    this.streams.err(line);
  }

  start(warmupRecords: number): void {
    if (warmupRecords > 0) this.progress(kafkaWarmupLine(warmupRecords));
  }

  interval(i: IntervalResult, p: Progress, firstSteady: boolean): void {
    if (firstSteady) this.progress(KAFKA_IN_STEADY_STATE);
    if (i.records > 0) this.progress(kafkaIntervalLine(i));
    if (this.format !== 'kafka') this.progress(rollingLine(i, p));
  }

  final(r: ProduceResult): void {
    if (this.format === 'json') {
      this.streams.out(JSON.stringify(r, null, 2));
      return;
    }
    const lines = [kafkaTotalLine(r)];
    if (r.steadyState) lines.push(kafkaSteadyStateLine(r.steadyState));
    if (this.printMetrics) lines.push(metricsLines(r));
    if (this.format === 'default') lines.push('', summaryTables(r));
    this.streams.out(lines.join('\n'));
  }

  /** Progress lines: on stdout like Kafka's tool, unless stdout carries JSON. */
  private progress(line: string): void {
    if (this.format === 'json') this.streams.err(line);
    else this.streams.out(line);
  }
}
