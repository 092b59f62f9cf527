import type { IntervalResult, ProduceResult, SteadyStateResult } from './result.js';
import { javaFixed, javaInt } from './java-format.js';

/**
 * Apache Kafka ProducerPerformance's lines, byte-compatible with its format strings, so that scripts which
 * parse them (Kafka's own system tests split on commas) read ours too.
 */

/** `%d records sent, %.1f records/sec (%.2f MB/sec), %.1f ms avg latency, %.1f ms max latency.` */
export function kafkaIntervalLine(i: IntervalResult): string {
  const avg = i.latencyMs?.avg ?? 0;
  const max = i.latencyMs?.max ?? 0;
  return `${javaInt(i.records)} records sent, ${javaFixed(i.throughput.recordsPerSec, 1)} records/sec `
    + `(${javaFixed(i.throughput.mbPerSec, 2)} MB/sec), ${javaFixed(avg, 1)} ms avg latency, ${javaFixed(max, 1)} ms max latency.`;
}

interface TotalFigures {
  readonly records: number;
  readonly throughput: { readonly recordsPerSec: number; readonly mbPerSec: number };
  readonly latencyMs: ProduceResult['latencyMs'];
}

/**
 * `%d%s records sent, %f records/sec (%.2f MB/sec), %.2f ms avg latency, %.2f ms max latency, %d ms 50th,
 * %d ms 95th, %d ms 99th, %d ms 99.9th.` Percentiles are whole ms, rounded (Kafka's are differences of
 * whole-ms clock readings).
 */
function totalLine(t: TotalFigures, steady: boolean): string {
  const l = t.latencyMs;
  const pct = (v: number | undefined) => javaInt(Math.round(v ?? 0));
  return `${javaInt(t.records)}${steady ? ' steady state' : ''} records sent, ${javaFixed(t.throughput.recordsPerSec, 6)} records/sec `
    + `(${javaFixed(t.throughput.mbPerSec, 2)} MB/sec), ${javaFixed(l?.avg ?? Number.NaN, 2)} ms avg latency, `
    + `${javaFixed(l?.max ?? 0, 2)} ms max latency, ${pct(l?.p50)} ms 50th, ${pct(l?.p95)} ms 95th, `
    + `${pct(l?.p99)} ms 99th, ${pct(l?.p999)} ms 99.9th.`;
}

/** The final line over all acknowledged records. */
export function kafkaTotalLine(r: ProduceResult): string {
  return totalLine({ records: r.records.acked, throughput: r.throughput, latencyMs: r.latencyMs }, false);
}

/** The steady-state line Kafka 4.2 prints after the total when `--warmup-records` is given. */
export function kafkaSteadyStateLine(s: SteadyStateResult): string {
  return totalLine(s, true);
}

/** Printed before the run when `--warmup-records` is given. */
export function kafkaWarmupLine(warmupRecords: number): string {
  return `Warmup first ${warmupRecords} records. Steady state results will print after the complete test summary.`;
}

/** Printed at the first interval in steady state. */
export const KAFKA_IN_STEADY_STATE = 'In steady state.';
