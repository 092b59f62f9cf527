import type { ProduceConfig } from '../config/types.js';
import type { WorkerSnapshot } from '../metrics/recorder.js';
import type { ProducerMetrics } from '../producer/metrics.js';

/** One worker's part of the run. Shares of records and rate add up exactly to the run's. */
export interface ProduceTask {
  readonly workerIndex: number;
  readonly config: ProduceConfig;
  /** Records this worker sends (count runs). */
  readonly records: number | undefined;
  /** This worker's rate cap, records/s. */
  readonly recordsPerSec: number | undefined;
  /** This worker's share of the warmup records. */
  readonly warmupRecords: number;
  /** Record ordinal = ordinalBase + i * ordinalStride (for --payload-monotonic). */
  readonly ordinalBase: number;
  readonly ordinalStride: number;
  /** The main thread's clock origin, so every thread measures on one clock. */
  readonly clockOriginMs: number;
}

/** Messages from the main thread to a worker. */
export type ToWorker =
  | { readonly type: 'init'; readonly task: ProduceTask }
  | { readonly type: 'go'; readonly startMs: number }
  | { readonly type: 'snapshot'; readonly seq: number }
  /** Stop sending; wait up to `drainMs` for what is in flight, then report. */
  | { readonly type: 'stop'; readonly drainMs: number };

/** An error as it crosses the thread boundary. */
export interface WorkerErrorInfo {
  readonly name: string;
  readonly message: string;
  readonly stack: string | undefined;
  readonly exitCode: number | undefined;
  readonly hint: string | undefined;
}

/** The last word of a worker. */
export interface WorkerFinal {
  readonly snapshot: WorkerSnapshot;
  /** Records handed over whose outcome is unknown because the run was stopped. */
  readonly abandoned: number;
  /** When the first steady-state record was sent (runs with warmup). */
  readonly steadyStartMs: number | undefined;
  readonly metrics: ProducerMetrics;
}

/** Messages from a worker to the main thread. */
export type FromWorker =
  | { readonly type: 'ready' }
  | { readonly type: 'snapshot'; readonly seq: number; readonly snapshot: WorkerSnapshot }
  | { readonly type: 'done'; readonly final: WorkerFinal }
  | { readonly type: 'error'; readonly error: WorkerErrorInfo };
