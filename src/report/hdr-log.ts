import * as hdr from 'hdr-histogram-js';
import { decodeHistogram } from '../metrics/histogram.js';
import type { ProduceResult } from './result.js';

/**
 * The run's interval histograms as an HdrHistogram interval log (format 1.3), which HdrHistogram's own log
 * readers and tools (HistogramLogProcessor, HdrHistogramVisualizer) load. Values are µs; the Interval_Max
 * column is in ms.
 */
export function hdrIntervalLog(r: ProduceResult): string {
  const startMs = Date.parse(r.startedAt);
  let text = '';
  const writer = new hdr.HistogramLogWriter((chunk) => (text += chunk));
  writer.outputLogFormatVersion();
  writer.outputComment(`[StartTime: ${(startMs / 1000).toFixed(3)} (seconds since epoch), ${new Date(startMs).toISOString()}]`);
  writer.outputComment(`[perf-test ${r.tool.version}: send-to-ack latency of topic ${r.config.topic}, values in microseconds]`);
  writer.outputLegend();
  for (const i of r.intervals) {
    const h = decodeHistogram(i.histogram);
    writer.outputIntervalHistogram(h, (i.elapsedMs - i.durationMs) / 1000, i.elapsedMs / 1000, 1000);
  }
  return text;
}
