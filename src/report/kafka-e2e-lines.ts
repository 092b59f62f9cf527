import type { LatencySummary } from './result.js';
import { javaFixed, javaInt } from './java-format.js';

/**
 * Apache Kafka EndToEndLatency's closing lines (tools/EndToEndLatency.java, 4.2), byte-compatible with its format
 * strings, from an e2e run's end-to-end latency. Java keeps each record's latency in whole ms (truncated) and picks
 * the sorted list's element at n x 0.5, 0.99 and 0.999: the truncated percentiles of the histogram are those.
 */
export function kafkaEndToEndLines(l: LatencySummary | null): string[] {
  // No record consumed: Java would divide 0 by 0, and print NaN.
  const avg = l?.avg ?? Number.NaN;
  const pct = (v: number | undefined) => javaInt(Math.floor(v ?? 0));
  return [
    `Avg latency: ${javaFixed(avg, 4)} ms`,
    `Percentiles: 50th = ${pct(l?.p50)}, 99th = ${pct(l?.p99)}, 99.9th = ${pct(l?.p999)}`,
  ];
}

/** What EndToEndLatency prints (on stdout) when given its deprecated positional arguments. */
export const KAFKA_E2E_POSITIONAL_WARNING = 'WARNING: Positional argument usage is deprecated and will be removed in Apache Kafka 5.0. '
  + 'Please use named arguments instead: --bootstrap-server, --topic, --num-records, --producer-acks, --record-size, --command-config';
