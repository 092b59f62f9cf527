import type { Throughput } from './result.js';

/** One reporting interval of a consume run, over all consumers. */
export interface ConsumeIntervalResult {
  /** End of the interval, in ms since the run started. */
  readonly elapsedMs: number;
  readonly durationMs: number;
  readonly records: number;
  readonly bytes: number;
  readonly throughput: Throughput;
  /** Group-join time within the interval. */
  readonly rebalanceMs: number;
}

/** The result of `perf-test consume`: Kafka ConsumerPerformance's figures, and ours. Immutable, JSON. */
export interface ConsumeResult {
  readonly schemaVersion: 1;
  readonly tool: { readonly name: 'perf-test'; readonly version: string };
  readonly mode: 'consume';
  readonly status: 'completed' | 'interrupted';
  /** True when records stopped coming for `--timeout` ms before the expected count was read. */
  readonly timedOut: boolean;
  readonly startedAt: string;
  readonly endedAt: string;
  readonly config: {
    readonly bootstrapServers: readonly string[];
    readonly topic: string | null;
    readonly include: string | null;
    readonly numRecords: number | null;
    readonly durationMs: number | null;
    readonly consumers: number;
    readonly groupId: string;
    readonly fetchSizeBytes: number;
    readonly idleTimeoutMs: number;
    readonly reportingIntervalMs: number;
    readonly client: string;
    /** The consumer properties as given, secrets shown as [redacted]. */
    readonly consumerProps: Readonly<Record<string, string>>;
  };
  readonly records: { readonly consumed: number };
  /** Key + value bytes consumed. */
  readonly bytes: number;
  readonly durationMs: number;
  /** Time spent joining the group (Kafka's rebalance.time.ms). */
  readonly rebalanceMs: number;
  /** durationMs - rebalanceMs (Kafka's fetch.time.ms). */
  readonly fetchMs: number;
  readonly throughput: Throughput;
  /** Throughput over fetchMs (Kafka's fetch.MB.sec, fetch.nMsg.sec). */
  readonly fetchThroughput: Throughput;
  readonly intervals: readonly ConsumeIntervalResult[];
}
