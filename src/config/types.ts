import type { ProducerSettings } from './producer-config.js';
import type { ConsumerSettings } from './consumer-config.js';
import type { SizeDistribution } from './record-sizes.js';
import type { SecuritySettings } from './security.js';
import type { HeaderSpec, KeySpec } from './keys.js';
import type { WorkerLimits } from './worker-limits.js';

/** When a run stops: after a number of records, or after a duration. */
export type StopCondition =
  | { readonly kind: 'count'; readonly records: number }
  | { readonly kind: 'duration'; readonly durationMs: number };

/** One stretch of a rate profile: the target goes linearly from `fromRecordsPerSec` to `toRecordsPerSec` (equal for a step). */
export interface RateSegment {
  readonly fromRecordsPerSec: number;
  readonly toRecordsPerSec: number;
  readonly durationMs: number;
}

/**
 * How fast records are sent: as fast as possible, on a uniform schedule, or on a profile of steps and ramps
 * (`--throughput 1000:30s,5000:30s` or `ramp:1000..20000:5m`), whose last rate holds once it is over.
 */
export type RateLimit =
  | { readonly kind: 'unlimited' }
  | { readonly kind: 'uniform'; readonly recordsPerSec: number }
  | { readonly kind: 'profile'; readonly segments: readonly RateSegment[] };

/** What each record's value is, as in Kafka's tool. */
export type PayloadSpec =
  /**
   * Random values (Kafka's `--record-size`): uppercase letters, as Kafka's tool writes, or with `compressibility`
   * (0 to 1) that share of each value in runs of one byte and the rest random bytes. `sizes` may vary per record;
   * `sizeBytes` is the largest.
   */
  | { readonly kind: 'random'; readonly sizeBytes: number; readonly sizes: SizeDistribution; readonly compressibility: number | undefined }
  /** One of the given payloads, picked at random per record (Kafka's `--payload-file`). */
  | { readonly kind: 'file'; readonly path: string; readonly payloads: readonly Uint8Array[] }
  /** The record's ordinal as decimal text (Kafka's `--payload-monotonic`). */
  | { readonly kind: 'monotonic' };

/** Where results go: Kafka's lines with our tables, Kafka's lines only, one JSON document, or Markdown. */
export type OutputFormat = 'default' | 'kafka' | 'json' | 'markdown';

/** The Kafka client library a worker drives: kafkajs, or @platformatic/kafka. */
export type ClientName = 'kafkajs' | 'platformatic';

/** Topic creation when the topic is missing; undefined fields take the broker's defaults. */
export interface TopicSpec {
  readonly name: string;
  readonly partitions: number | undefined;
  readonly replicationFactor: number | undefined;
}

/**
 * `perf-test e2e --backlog`: how much the producers write with the consumers paused before the consumers start,
 * as OpenMessaging Benchmark's `consumerBacklogSizeGB`: value bytes (`2GiB`, `500MB`, a plain number of bytes) or
 * a count of records (`50000records`).
 */
export type BacklogTarget =
  | { readonly kind: 'bytes'; readonly bytes: number }
  | { readonly kind: 'records'; readonly records: number };

/** Everything a produce run needs, fully defaulted and frozen. The only input of the runner. */
export interface ProduceConfig {
  readonly mode: 'produce';
  readonly bootstrapServers: readonly string[];
  /** The first of `topics`: the only one unless `--topic a,b,c` or `--topics N` names several. */
  readonly topic: TopicSpec;
  /** Every topic the run produces to, in order: record k goes to topic k mod their count. */
  readonly topics: readonly TopicSpec[];
  readonly stop: StopCondition;
  readonly rate: RateLimit;
  readonly payload: PayloadSpec;
  /** Each record's key (`--key-distribution`, `--record-key-size`): none by default. */
  readonly keys: KeySpec;
  /** Each record's headers (`--num-headers`): none by default. */
  readonly headers: HeaderSpec;
  /** Records (over all workers) left out of the steady-state summary. */
  readonly warmupRecords: number;
  /** Worker threads, each with its own producer. */
  readonly producers: number;
  /** V8 heap limits of every worker thread of the run. */
  readonly workerLimits: WorkerLimits;
  readonly reportingIntervalMs: number;
  /** Transactions, when on: each worker commits every `durationMs`. */
  readonly transactionDurationMs: number | undefined;
  readonly client: ClientName;
  readonly producer: ProducerSettings;
  /** The producer properties as given, for the client adapter (TLS, SASL). Secrets included: never print. */
  readonly clientProps: Readonly<Record<string, string>>;
  /** security.protocol with its TLS and SASL settings, files read. Secrets included: never print. */
  readonly security: SecuritySettings;
  /** Keep sending after records expire (delivery.timeout.ms) instead of stopping the run. */
  readonly keepGoing: boolean;
  /** When the load starts (ms since the epoch, `--start-at`), once every producer is connected; undefined: at once. */
  readonly startAtEpochMs?: number | undefined;
}

/** When a consume run stops: after a number of records, after a duration, or when records stop coming. */
export type ConsumeStop =
  | { readonly kind: 'count'; readonly records: number }
  | { readonly kind: 'duration'; readonly durationMs: number }
  | { readonly kind: 'idle' };

/** Everything a consume run needs, fully defaulted and frozen (Kafka's ConsumerPerformance options and ours). */
export interface ConsumeConfig {
  readonly mode: 'consume';
  readonly bootstrapServers: readonly string[];
  /** The topic to read, or a regex of topics (`--include`). */
  readonly topic: string | undefined;
  readonly include: string | undefined;
  readonly stop: ConsumeStop;
  /** Consumer worker threads, all in one group. */
  readonly consumers: number;
  /** V8 heap limits of every worker thread of the run. */
  readonly workerLimits: WorkerLimits;
  /** Longest gap between records before the run ends (Kafka's `--timeout`). */
  readonly idleTimeoutMs: number;
  readonly reportingIntervalMs: number;
  readonly showDetailedStats: boolean;
  readonly dateFormat: string;
  readonly hideHeader: boolean;
  readonly client: ClientName;
  readonly consumer: ConsumerSettings;
  /** The consumer properties as given (security settings are read from here). Secrets included: never print. */
  readonly clientProps: Readonly<Record<string, string>>;
  /** security.protocol with its TLS and SASL settings, files read. Secrets included: never print. */
  readonly security: SecuritySettings;
}

/** An end-to-end run: producers and consumers at once on one topic, in one process and on one clock. */
export interface EndToEndConfig {
  readonly mode: 'e2e';
  readonly produce: ProduceConfig;
  readonly consume: ConsumeConfig;
  /** How long to wait, once producing is done, for every acked record to be consumed. */
  readonly drainTimeoutMs: number;
  /** `--backlog`: the consumers start paused until the producers have written this much; undefined: they never pause. */
  readonly backlog: BacklogTarget | undefined;
}

/** How `perf-test capacity` searches: exponential steps until the first failure, then bisection. */
export interface CapacitySearchSettings {
  /** The first step's rate, records/s. */
  readonly startRecordsPerSec: number;
  /** No step goes above this rate; undefined for no bound. */
  readonly maxRecordsPerSec: number | undefined;
  /** Each step before the first failure runs at this multiple of the last one. */
  readonly growth: number;
  /** The search ends once the lowest failing rate is within this fraction above the highest passing one. */
  readonly precision: number;
  /** No step starts that would not end within this time from the start of the search. */
  readonly maxDurationMs: number;
}
