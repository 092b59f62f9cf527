import type { ClientFactory } from '../clients/port.js';
import type { ClientModule } from '../clients/registry.js';
import type { ConsumeConfig, ProduceConfig, RateSegment, TopicSpec } from '../config/types.js';
import type { WorkerSnapshot } from '../metrics/recorder.js';
import type { ConsumerSnapshot } from '../metrics/consume-recorder.js';
import type { ProducerMetrics } from '../producer/metrics.js';
import type { TopicCounts } from '../producer/topic-router.js';

/** One producer worker's part of the run. Shares of records and rate add up exactly to the run's. */
export interface ProduceTask {
  readonly kind: 'produce';
  readonly workerIndex: number;
  readonly config: ProduceConfig;
  /** The run's client: the worker imports it (see src/clients/registry.ts). */
  readonly clientModule: ClientModule;
  /** Records this worker sends (count runs). */
  readonly records: number | undefined;
  /** This worker's share of the rate cap (a uniform rate is one endless segment); undefined without a cap. */
  readonly rate: readonly RateSegment[] | undefined;
  /** This worker's share of the warmup records. */
  readonly warmupRecords: number;
  /** Record ordinal = ordinalBase + i * ordinalStride (for --payload-monotonic). */
  readonly ordinalBase: number;
  readonly ordinalStride: number;
  /** Stamp each value with its send time (first 8 bytes, float64 ms on the shared clock) for end-to-end latency. */
  readonly stampSendTime: boolean;
  /** The main thread's clock origin, so every thread measures on one clock. */
  readonly clockOriginMs: number;
}

/** One consumer worker: a member of the run's consumer group. */
export interface ConsumeTask {
  readonly kind: 'consume';
  readonly workerIndex: number;
  readonly config: ConsumeConfig;
  /** The run's client: the worker imports it (see src/clients/registry.ts). */
  readonly clientModule: ClientModule;
  /** Read each value's send-time stamp and record end-to-end latency (e2e runs). */
  readonly endToEnd: boolean;
  /** Per "topic:partition", the run's first offset: older records are skipped (e2e runs). */
  readonly startOffsets: Readonly<Record<string, string>> | undefined;
  /** Join the group but fetch nothing until `resume` (e2e --backlog). */
  readonly startPaused: boolean;
  readonly clockOriginMs: number;
}

/** What an admin worker does for a run before its producers or consumers start. */
export type AdminJob =
  /** Creates the topics that are missing and waits for their leaders; with `endOffsets`, reads where the run's records will start. */
  | { readonly kind: 'ensure-topics'; readonly topics: readonly TopicSpec[]; readonly endOffsets: boolean }
  | { readonly kind: 'list-topics' };

/**
 * A short-lived worker for a run's cluster set-up: the client library is imported in that thread only, whose heap
 * is gone once it is done, so the main thread never holds the library's modules (about 20 MiB of peak RSS).
 */
export interface AdminTask {
  readonly kind: 'admin';
  readonly workerIndex: number;
  readonly config: ProduceConfig | ConsumeConfig;
  /** The run's client: the worker imports it (see src/clients/registry.ts). */
  readonly clientModule: ClientModule;
  readonly job: AdminJob;
}

export type WorkerTask = ProduceTask | ConsumeTask | AdminTask;

/** An interval's figures from one worker. */
export type Snapshot =
  | { readonly kind: 'produce'; readonly data: WorkerSnapshot }
  | { readonly kind: 'consume'; readonly data: ConsumerSnapshot };

/** The last word of a producer worker. */
export interface ProduceFinal {
  readonly kind: 'produce';
  readonly snapshot: WorkerSnapshot;
  /** Records handed over whose outcome is unknown because the run was stopped. */
  readonly abandoned: number;
  /** When the first steady-state record was sent (runs with warmup). */
  readonly steadyStartMs: number | undefined;
  readonly metrics: ProducerMetrics;
  /** Runs on several topics: each topic's records, in the run's topic order. */
  readonly topics?: readonly TopicCounts[];
}

/** The last word of a consumer worker. */
export interface ConsumeFinal {
  readonly kind: 'consume';
  readonly snapshot: ConsumerSnapshot;
  /** Time spent joining the group (Kafka's rebalance.time.ms). */
  readonly rebalanceMs: number;
}

/** A topic of an ensure-topics job, as the admin worker found or made it. */
export interface EnsuredTopic {
  readonly name: string;
  readonly partitions: number;
  readonly created: boolean;
  /** Per partition, the end offset before the run (when the job asked for them). */
  readonly endOffsets: Readonly<Record<number, string>> | undefined;
}

/** What an admin job found. */
export type AdminOutcome =
  | { readonly kind: 'ensure-topics'; readonly topics: readonly EnsuredTopic[] }
  | { readonly kind: 'list-topics'; readonly topics: readonly string[] };

/** The last word of an admin worker. */
export interface AdminFinal {
  readonly kind: 'admin';
  readonly outcome: AdminOutcome;
}

export type WorkerFinal = ProduceFinal | ConsumeFinal | AdminFinal;

/** Messages from the main thread to a worker. */
export type ToWorker =
  | { readonly type: 'init'; readonly task: WorkerTask }
  | { readonly type: 'go'; readonly startMs: number }
  | { readonly type: 'snapshot'; readonly seq: number }
  /** A consumer started paused begins fetching. */
  | { readonly type: 'resume' }
  /** Stop; wait up to `drainMs` for what is in flight, then report. */
  | { readonly type: 'stop'; readonly drainMs: number };

/** An error as it crosses the thread boundary. */
export interface WorkerErrorInfo {
  readonly name: string;
  readonly message: string;
  readonly stack: string | undefined;
  readonly exitCode: number | undefined;
  readonly hint: string | undefined;
}

/** Messages from a worker to the main thread. */
export type FromWorker =
  | { readonly type: 'ready' }
  | { readonly type: 'snapshot'; readonly seq: number; readonly snapshot: Snapshot }
  | { readonly type: 'done'; readonly final: WorkerFinal }
  | { readonly type: 'error'; readonly error: WorkerErrorInfo };

/** What a worker thread runs, producer or consumer, behind one protocol. */
export interface WorkerRole {
  /** Connects with the run's client and gets ready; `go` follows. */
  prepare(client: ClientFactory): Promise<void>;
  /** Runs from the shared start time until done or stopped; then reports. */
  run(startMs: number): Promise<WorkerFinal>;
  /** This interval's figures; starts the next interval. Undefined before `prepare` finished. */
  snapshot(): Snapshot | undefined;
  /** Stop; give in-flight work `drainMs`. */
  stop(drainMs: number): void;
  /** A consumer started paused begins fetching (producers have nothing to resume). */
  resume?(): void;
  close(): Promise<void>;
}
