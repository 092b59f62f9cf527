import type { ReportConfig } from '../config/report-config.js';
import type { ConsumeConfig } from '../config/types.js';
import type { GateOutcome } from '../gate/assertions.js';
import { gateLines } from '../gate/report.js';
import type { ConsumeIntervalResult, ConsumeResult } from '../report/consume-result.js';
import { consumeProgressLine, consumeSummaryTable } from '../report/consume-text.js';
import {
  kafkaConsumerDetailLine, kafkaConsumerHeader, kafkaConsumerTimeoutWarning, kafkaConsumerTotalLine,
} from '../report/kafka-consumer-lines.js';
import type { Progress } from '../report/progress.js';
import type { Streams } from './output.js';

/**
 * Where a consume run's reports go: Kafka's header and rows on stdout in the default and kafka formats (as
 * ConsumerPerformance prints them), a document on stdout in json/markdown, progress for people on stderr.
 */
export class ConsumeOutput {
  constructor(
    private readonly report: ReportConfig,
    private readonly config: ConsumeConfig,
    private readonly streams: Streams,
  ) {}

  private get textual(): boolean {
    return this.report.format === 'default' || this.report.format === 'kafka';
  }

  notice(line: string): void {
    this.streams.err(line);
  }

  start(): void {
    if (this.textual && !this.config.hideHeader) this.streams.out(kafkaConsumerHeader(this.config.showDetailedStats));
  }

  interval(i: ConsumeIntervalResult, totals: { records: number; bytes: number }, p: Progress, startedAtEpochMs: number): void {
    if (this.textual && this.config.showDetailedStats) {
      this.streams.out(kafkaConsumerDetailLine(i, totals, startedAtEpochMs + i.elapsedMs, this.config.dateFormat));
    } else if (this.report.format !== 'kafka') {
      this.streams.err(consumeProgressLine(i, totals, p));
    }
  }

  final(r: ConsumeResult, gates: readonly GateOutcome[]): void {
    const { format } = this.report;
    if (r.timedOut) {
      const warning = kafkaConsumerTimeoutWarning(r.config.idleTimeoutMs);
      if (this.textual) this.streams.out(warning);
      else this.streams.err(warning);
    }
    if (format === 'json') this.streams.out(JSON.stringify(gates.length > 0 ? { ...r, gates } : r, null, 2));
    else if (format === 'markdown') this.streams.out(`### perf-test consume: ${r.records.consumed.toLocaleString('en-US')} records\n\n\`\`\`\n${consumeSummaryTable(r)}\n\`\`\``);
    else {
      if (!this.config.showDetailedStats) this.streams.out(kafkaConsumerTotalLine(r, this.config.dateFormat));
      if (format === 'default') this.streams.out(consumeSummaryTable(r));
    }
    if (gates.length > 0) {
      const text = `Gates:\n${gateLines(gates)}`;
      if (format === 'default') this.streams.out(text);
      else this.streams.err(text);
    }
  }
}
