import type { GateOutcome } from '../gate/assertions.js';
import type { ConfigEcho, LatencySummary } from './result.js';

/** Schema version of `perf-test capacity --json` (see schema/capacity.schema.json). */
export const CAPACITY_SCHEMA_VERSION = 1;

/** One step of a capacity search: a run at a fixed rate, judged after its warmup. */
export interface CapacityStep {
  readonly targetRecordsPerSec: number;
  /** Acknowledged records/s while the step was measured: the reporting intervals after its warmup. */
  readonly recordsPerSec: number;
  readonly mbPerSec: number;
  /** Latency after the warmup from each record's intended send time: what an objective reads by default. */
  readonly latencyMs: LatencySummary | null;
  /** Latency after the warmup from each record's hand-over to the producer (Kafka's definition). */
  readonly sendLatencyMs: LatencySummary | null;
  /** Whether the acked rate came within 2% of the target. */
  readonly keptUp: boolean;
  /** Each objective's verdict on this step. */
  readonly objective: readonly GateOutcome[];
  /** Kept up and met every objective. */
  readonly passed: boolean;
  readonly records: { readonly sent: number; readonly acked: number; readonly failed: number };
  readonly durationMs: number;
}

/** Why the search ended. */
export type CapacityEnd = 'converged' | 'max-rate' | 'max-duration' | 'none-passed' | 'interrupted';

/** The result of `perf-test capacity`: immutable, JSON-serialisable. */
export interface CapacityResult {
  readonly schemaVersion: typeof CAPACITY_SCHEMA_VERSION;
  readonly tool: { readonly name: 'perf-test'; readonly version: string };
  readonly mode: 'capacity';
  readonly status: 'completed' | 'interrupted';
  readonly startedAt: string;
  readonly endedAt: string;
  /** The objective as given (`--slo`); a latency without a prefix reads the intended-send-time view. */
  readonly objective: readonly string[];
  /** The acked rate a step must reach, as a fraction of its target. */
  readonly keepUpFraction: number;
  readonly precision: number;
  readonly stepDurationMs: number;
  readonly stepWarmupMs: number;
  readonly maxDurationMs: number;
  /** The highest target rate that passed; null if none did. */
  readonly sustainedRecordsPerSec: number | null;
  /** The acked MB/s of that step. */
  readonly sustainedMbPerSec: number | null;
  readonly end: CapacityEnd;
  /** Every step in the order run. */
  readonly steps: readonly CapacityStep[];
  /** The workload's settings, as of the first step (each step sets its own rate, duration and warmup records). */
  readonly config: ConfigEcho;
}

/** `perf-test capacity --matrix`: one search per scenario, one after another, on the same workload. */
export interface CapacityMatrixResult {
  readonly schemaVersion: typeof CAPACITY_SCHEMA_VERSION;
  readonly mode: 'capacity-matrix';
  readonly status: 'completed' | 'interrupted';
  /** Each --matrix key and its values, in the order given. */
  readonly matrix: Readonly<Record<string, readonly string[]>>;
  readonly scenarios: ReadonlyArray<{
    readonly index: number;
    readonly name: string;
    readonly settings: Readonly<Record<string, string>>;
    readonly result: CapacityResult;
  }>;
}
