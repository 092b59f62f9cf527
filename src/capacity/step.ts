import type { ProduceConfig } from '../config/types.js';
import { evaluateAssertions, type Assertion } from '../gate/assertions.js';
import type { CapacityStep } from '../report/capacity-result.js';
import { throughputOf, type ProduceResult, type Throughput } from '../report/result.js';

/** A step keeps up when its acked rate is at least this fraction of the target. */
export const KEEP_UP_FRACTION = 0.98;

/** A step's run: the workload at `targetRecordsPerSec` for the warmup and the step, the warmup left out. */
export function stepConfig(base: ProduceConfig, targetRecordsPerSec: number, warmupMs: number, stepMs: number): ProduceConfig {
  // At least one warmup record per producer, so that every producer marks where its steady state starts.
  const warmupRecords = warmupMs > 0 ? Math.max(base.producers, Math.round((targetRecordsPerSec * warmupMs) / 1000)) : 0;
  return Object.freeze({
    ...base,
    // Intervals short enough that several fall within the step: the acked rate is measured on them.
    reportingIntervalMs: Math.max(100, Math.min(base.reportingIntervalMs, Math.floor(stepMs / 4))),
    rate: Object.freeze({ kind: 'uniform', recordsPerSec: targetRecordsPerSec }),
    stop: Object.freeze({ kind: 'duration', durationMs: warmupMs + stepMs }),
    warmupRecords,
  });
}

/**
 * The acked rate while the step was measured: acks in the reporting intervals between the end of the warmup and
 * the end of sending. Acks of the last records, which come after sending stopped, are left out as acks of warmup
 * records after the warmup are counted: a cluster that keeps up acks at the target rate, one that falls behind at
 * its own.
 * Undefined when no interval lies within the step.
 */
export function ackedRateOf(r: ProduceResult, warmupMs: number, stepMs: number): Throughput | undefined {
  const slackMs = r.config.reportingIntervalMs / 2;
  // Intervals that end after sending stopped are left out: the last outcomes reach the main thread with the
  // producers' final word, not in the interval they belong to.
  const within = r.intervals.filter((i) => i.elapsedMs - i.durationMs >= warmupMs - slackMs && i.elapsedMs <= warmupMs + stepMs
    && i.durationMs >= slackMs);
  const ms = within.reduce((sum, i) => sum + i.durationMs, 0);
  if (within.length === 0 || ms <= 0) return undefined;
  return throughputOf(within.reduce((n, i) => n + i.records, 0), within.reduce((n, i) => n + i.bytes, 0), ms);
}

/**
 * Judges a step after its warmup: it passes when the acked rate is within 2% of the target and every objective
 * holds. An objective's latency reads the intended-send-time view unless it says `send.`; latency is of the records
 * sent after the warmup.
 */
export function judgeStep(targetRecordsPerSec: number, r: ProduceResult, objective: readonly Assertion[], warmupMs: number, stepMs: number): CapacityStep {
  const steady = r.steadyState;
  const throughput = ackedRateOf(r, warmupMs, stepMs) ?? steady?.throughput ?? r.throughput;
  const intended = steady ? (steady.intendedLatencyMs ?? null) : r.intendedLatencyMs;
  const send = steady ? steady.latencyMs : r.latencyMs;
  const outcomes = evaluateAssertions(objective, {
    latencyMs: send, intendedLatencyMs: intended, throughput, records: { failed: r.records.failed },
  });
  const keptUp = throughput.recordsPerSec >= KEEP_UP_FRACTION * targetRecordsPerSec;
  return {
    targetRecordsPerSec,
    recordsPerSec: throughput.recordsPerSec,
    mbPerSec: throughput.mbPerSec,
    latencyMs: intended,
    sendLatencyMs: send,
    keptUp,
    objective: outcomes,
    passed: r.status === 'completed' && keptUp && outcomes.every((o) => o.passed),
    records: { sent: r.records.sent, acked: r.records.acked, failed: r.records.failed },
    durationMs: r.durationMs,
  };
}
