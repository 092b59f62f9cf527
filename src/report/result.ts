import type { LatencySummary } from '../metrics/histogram.js';
import type { ProducerMetrics } from '../producer/metrics.js';

export type { LatencySummary };

/** Schema version of the JSON result; bumped on any incompatible change (see schema/result.schema.json). */
export const RESULT_SCHEMA_VERSION = 1;

/** Throughput of acknowledged records. MB is 2^20 bytes, as in Kafka's tools. */
export interface Throughput {
  readonly recordsPerSec: number;
  readonly mbPerSec: number;
}

/** One reporting interval, merged over all workers. */
export interface IntervalResult {
  /** End of the interval, in ms since the run started. */
  readonly elapsedMs: number;
  readonly durationMs: number;
  /** The mean target rate over the interval (records/s); null without a cap. Absent before perf-test 0.3. */
  readonly targetRecordsPerSec?: number | null;
  /** Records acknowledged in the interval. */
  readonly records: number;
  readonly failed: number;
  /**
   * Records sent again after a retriable error, and leader look-ups, in the interval: a failover shows here.
   * (Absent in results of perf-test before 0.2, and in merged intervals.)
   */
  readonly retried?: number;
  readonly metadataRefreshes?: number;
  readonly bytes: number;
  readonly throughput: Throughput;
  readonly latencyMs: LatencySummary | null;
  readonly intendedLatencyMs: LatencySummary | null;
  /** The interval's send-to-ack latency HdrHistogram (µs, compressed base64). */
  readonly histogram: string;
  /** e2e runs: records consumed in the interval, and their end-to-end latency. */
  readonly consumed?: number;
  readonly endToEndLatencyMs?: LatencySummary | null;
}

/** Figures of the records after `--warmup-records` (Kafka's "steady state" line). */
export interface SteadyStateResult {
  readonly records: number;
  readonly bytes: number;
  readonly durationMs: number;
  readonly throughput: Throughput;
  readonly latencyMs: LatencySummary | null;
  /** From the intended send time (rate-capped runs; absent before perf-test 0.3). */
  readonly intendedLatencyMs?: LatencySummary | null;
}

/** The run's settings as reported: secrets redacted. */
export interface ConfigEcho {
  readonly bootstrapServers: readonly string[];
  /** The topic, or the topics separated by commas. */
  readonly topic: string;
  /** Runs on several topics: their names, in order (record k went to topic k mod their count). */
  readonly topics?: readonly string[];
  readonly numRecords: number | null;
  readonly durationMs: number | null;
  readonly payload: string;
  /** The value size when every record has it, else null. */
  readonly recordSizeBytes: number | null;
  /** Sizes that vary per record, as `--record-size` took them (`100..2000`, `100:0.9,10240:0.1`). */
  readonly recordSizes?: string;
  /** `--payload-compressibility`: the share of each value a codec removes (random values only). */
  readonly payloadCompressibility?: number;
  /** How records were keyed (absent in results of earlier versions: no keys). */
  readonly keys?: KeysEcho;
  /** The headers every record carried (absent in results of earlier versions: none). */
  readonly headers?: HeadersEcho;
  /** The uniform rate cap, records/s; null without one, or with a profile. */
  readonly throughputLimit: number | null;
  /** The rate profile as `--throughput` takes it (`1000:30s,ramp:1000..5000:1m`); absent without one. */
  readonly throughputProfile?: string;
  readonly producers: number;
  readonly warmupRecords: number;
  readonly reportingIntervalMs: number;
  readonly client: string;
  readonly transactionDurationMs: number | null;
  /** The producer properties as given, secrets shown as [redacted]. */
  readonly producerProps: Readonly<Record<string, string>>;
  /** The producer settings applied, defaults included. */
  readonly producer: Readonly<Record<string, string | number | boolean | null>>;
}

/** `--key-distribution` and its settings as a result reports them. */
export interface KeysEcho {
  /** `none`, Kafka's `range` and `random`, `zipf`, or `letters` (`--record-key-size` alone: EndToEndLatency's keys). */
  readonly distribution: 'none' | 'letters' | 'range' | 'random' | 'zipf';
  /** `--record-key-range`: how many distinct keys; null for none and letters (26). */
  readonly range: number | null;
  /** `--key-zipf-exponent` of a zipf distribution, else null. */
  readonly zipfExponent: number | null;
  /** `--record-key-size`: every key's size; null when keys are unpadded decimal text (or there are none). */
  readonly sizeBytes: number | null;
}

/** `--num-headers` and its sizes as a result reports them. */
export interface HeadersEcho {
  readonly count: number;
  readonly keySizeBytes: number;
  /** -1: a null value. */
  readonly valueSizeBytes: number;
}

/** A run's keys in a few words: `zipf(1000, s=1.2, 8 B)`, `range(100)`, `16 B (A-Z)`; empty for none. */
export function describeKeys(c: ConfigEcho): string {
  const k = c.keys;
  if (k === undefined || k.distribution === 'none') return '';
  if (k.distribution === 'letters') return `${k.sizeBytes} B (A-Z)`;
  const size = k.sizeBytes === null ? '' : `, ${k.sizeBytes} B`;
  return k.distribution === 'zipf' ? `zipf(${k.range}, s=${k.zipfExponent}${size})` : `${k.distribution}(${k.range}${size})`;
}

/** A run's headers in a few words: `2 headers (8 B keys, 16 B values)`; empty for none. */
export function describeHeaders(c: ConfigEcho): string {
  const h = c.headers;
  if (h === undefined || h.count === 0) return '';
  const value = h.valueSizeBytes < 0 ? 'null values' : `${h.valueSizeBytes} B values`;
  return `${h.count} header${h.count === 1 ? '' : 's'} (${h.keySizeBytes} B keys, ${value})`;
}

/** The keys and headers of a run in a few words: `keys zipf(1000, s=1), 2 headers (8 B keys, 16 B values)`; empty for none. */
export function describeKeysAndHeaders(c: ConfigEcho): string {
  const keys = describeKeys(c);
  return [keys && `keys ${keys}`, describeHeaders(c)].filter((d) => d !== '').join(', ');
}

/** One topic's share of a run on several topics. */
export interface TopicResult {
  readonly topic: string;
  /** Records handed over for the topic, acknowledged and failed; the rest of `sent` were abandoned (an interrupted run). */
  readonly records: { readonly sent: number; readonly acked: number; readonly failed: number };
  /** Value bytes of the topic's acknowledged records. */
  readonly bytes: number;
}

/** Where a run's records went, for a heading: `\`orders\``, or `3 topics` (their names are in the workload). */
export function describeTopics(c: ConfigEcho, quote: (name: string) => string = (n) => n): string {
  return c.topics === undefined ? quote(c.topic) : `${c.topics.length} topics`;
}

/** The values of a run in a few words: `1024 B`, `100..2000 B`, `1024 B, compressibility 0.5`, `file:...`. */
export function describeValues(c: ConfigEcho): string {
  const size = c.recordSizes !== undefined ? `${c.recordSizes} B` : c.recordSizeBytes !== null ? `${c.recordSizeBytes} B` : c.payload;
  return c.payloadCompressibility === undefined ? size : `${size}, compressibility ${c.payloadCompressibility}`;
}

/**
 * The result of a produce run: the only contract between running and reporting. Immutable, JSON-serialisable.
 */
export interface ProduceResult {
  readonly schemaVersion: typeof RESULT_SCHEMA_VERSION;
  readonly tool: { readonly name: 'perf-test'; readonly version: string };
  /** `e2e` results add `consumed`, `endToEndLatencyMs` and `endToEndHistogram`. */
  readonly mode: 'produce' | 'e2e';
  /** `interrupted` when SIGINT/SIGTERM stopped the run early. */
  readonly status: 'completed' | 'interrupted';
  /** Wall-clock time of the first record and of the last outcome (ISO 8601). */
  readonly startedAt: string;
  readonly endedAt: string;
  /** How many results `perf-test merge` combined into this one (1 for a single run). */
  readonly mergedFrom: number;
  readonly config: ConfigEcho;
  /** sent = acked + failed + abandoned (abandoned: outcome unknown when an interrupted run stopped waiting). */
  readonly records: { readonly sent: number; readonly acked: number; readonly failed: number; readonly abandoned: number };
  /** Value bytes of acknowledged records. */
  readonly bytes: number;
  readonly durationMs: number;
  readonly throughput: Throughput;
  /** From each record's hand-over to the producer to its ack (Kafka's definition). */
  readonly latencyMs: LatencySummary | null;
  /** From each record's intended send time to its ack: free of coordinated omission. Rate-capped runs only. */
  readonly intendedLatencyMs: LatencySummary | null;
  readonly steadyState: SteadyStateResult | null;
  readonly intervals: readonly IntervalResult[];
  /** HdrHistograms of latency in µs, compressed base64 (Java-compatible "HISTF..." form). */
  readonly histogram: string;
  readonly intendedHistogram: string | null;
  /** Failed records by error name. */
  readonly errors: Readonly<Record<string, number>>;
  /** Client-side figures summed over producers. */
  readonly clientMetrics: ProducerMetrics;
  /** Runs on several topics: each topic's records and bytes, in the run's topic order. */
  readonly topics?: readonly TopicResult[];
  /** e2e runs: records consumed, and acked records never consumed before --drain-timeout. */
  readonly consumed?: {
    /** Distinct records read (by partition and offset). */
    readonly records: number;
    /** Acked records never read before --drain-timeout. */
    readonly missing: number;
    /** Records in the topic beyond the acked ones: written twice by a non-idempotent producer's retry (or an ack lost). */
    readonly duplicates?: number;
    /** Records a consumer read again after rejoining its group (not new records). */
    readonly reread?: number;
  };
  /** e2e runs: from each record's send time to its receipt by a consumer (same keys as latencyMs). */
  readonly endToEndLatencyMs?: LatencySummary | null;
  readonly endToEndHistogram?: string;
  /** e2e runs with `--backlog`: the fill and the drain (left out by merge: each shard drains its own). */
  readonly backlog?: BacklogResult;
}

/**
 * The backlog drain of an e2e run (`--backlog`), as OpenMessaging Benchmark's `consumerBacklogSizeGB`: the fill,
 * producing with the consumers paused until the backlog exists, then the drain, the consumers reading while
 * producing goes on, until they caught up. Times are ms since the run's start (its first send).
 */
export interface BacklogResult {
  /** What `--backlog` asked for: value bytes, or records (the other null). */
  readonly targetBytes: number | null;
  readonly targetRecords: number | null;
  readonly fill: BacklogFill;
  readonly drain: BacklogDrainFigures;
}

/** Producing with the consumers paused. */
export interface BacklogFill {
  /** False when producing ended before the backlog existed: the consumers resumed then, on what there was. */
  readonly reached: boolean;
  readonly durationMs: number;
  /** Records and value bytes acked, and not consumed, when the consumers resumed: the backlog. */
  readonly records: number;
  readonly bytes: number;
  /** The producers' acked rate while filling. */
  readonly throughput: Throughput;
}

/** From the consumers' resume until they caught up (or the run's end, when they never did). */
export interface BacklogDrainFigures {
  /** When the consumers resumed. */
  readonly startMs: number;
  /** Caught up: the lag (acked records not consumed) fell to `caughtUpLagRecords` or below. */
  readonly caughtUp: boolean;
  /** The time to catch up, from the resume; null when the consumers never caught up. */
  readonly catchUpMs: number | null;
  /** The lag that counts as caught up: 1% of the backlog's records, at least 1. */
  readonly caughtUpLagRecords: number;
  /** True when the producers were still producing as the consumers caught up (false: producing ended first). */
  readonly whileProducing: boolean;
  /** The drain's span: catchUpMs, or until the run's end. */
  readonly durationMs: number;
  /** Distinct records and bytes consumed over the span, and their rate: the drain rate. */
  readonly consumedRecords: number;
  readonly consumedBytes: number;
  readonly throughput: Throughput;
  /** The producers' acked rate over the span. */
  readonly produceThroughput: Throughput;
}

const MB = 1024 * 1024;

/** Records/s and MB/s of `records` and `bytes` over `durationMs`. */
export function throughputOf(records: number, bytes: number, durationMs: number): Throughput {
  if (durationMs <= 0) return { recordsPerSec: 0, mbPerSec: 0 };
  return { recordsPerSec: (records * 1000) / durationMs, mbPerSec: (bytes * 1000) / durationMs / MB };
}
