import type { ProducerSettings } from '../config/producer-config.js';
import type { ConsumerSettings } from '../config/consumer-config.js';
import type { TopicSpec } from '../config/types.js';
import type { SecuritySettings } from '../config/security.js';

/** A partition and the broker that leads it. */
export interface PartitionLeader {
  readonly partition: number;
  readonly leader: number;
}

/** A record header: a key (a string in Java's API, sent as its UTF-8 bytes) and a value, which may be null. */
export interface RecordHeader {
  readonly key: Buffer;
  readonly value: Buffer | null;
}

/** One partition's batch in a produce request. */
export interface PartitionRecords {
  readonly partition: number;
  readonly values: readonly Buffer[];
  /** Record i's key, null for none; absent when no record of the batch has a key. */
  readonly keys?: readonly (Buffer | null)[] | undefined;
  /** Record i's headers; absent when no record of the batch has any. */
  readonly headers?: readonly (readonly RecordHeader[])[] | undefined;
  /** The batch's first sequence number (idempotent producers whose sequences perf-test assigns), else -1. */
  readonly baseSequence: number;
}

/** An idempotent producer's id and epoch. */
export interface ProducerIdentity {
  readonly producerId: bigint;
  readonly producerEpoch: number;
}

/** One produce request: a batch per partition, all led by one broker. */
export interface ProduceRequest {
  /** The broker the producer believes leads every partition of the request. */
  readonly leader: number;
  readonly topic: string;
  readonly batches: readonly PartitionRecords[];
  /** Set when the request carries perf-test's sequence numbers. */
  readonly identity: ProducerIdentity | undefined;
}

/** The broker's answer for one partition of a request: no error, or Kafka's error name. */
export interface PartitionOutcome {
  readonly partition: number;
  readonly error: string | undefined;
}

/**
 * What perf-test needs of a Kafka client to produce: one request at a time to one leader, answered per partition.
 * Batching, linger, in-flight limits, buffer memory, retries and (where the client lets it) idempotent sequence
 * numbers are ours (see src/producer), so every client behaves like Java's producer.
 */
export interface ProducerPort {
  /**
   * Who numbers an idempotent producer's batches: `producer` (ours: the port sends the request's identity and
   * sequences, and `producerIdentity` works) or `client` (the library does, one request in flight per broker).
   */
  readonly sequencing: 'producer' | 'client';
  connect(): Promise<void>;
  /** The topic's partitions and their leaders, as the cluster says now (leader -1: none at the moment). */
  partitions(topic: string): Promise<PartitionLeader[]>;
  /**
   * Sends one produce request to its leader, once, and resolves with each partition's outcome when answered per
   * `acks`. Rejects when the request got no answer: the connection broke or could not be made
   * (`NetworkException`), or the client gave up waiting (`TimeoutException`); see src/producer/errors.ts.
   * The request's arrays are the producer's, reused for later batches once the promise resolves: read them
   * before then, do not keep them.
   */
  produce(request: ProduceRequest): Promise<readonly PartitionOutcome[]>;
  /**
   * The producer id and epoch the cluster gave (`sequencing: 'producer'`; after connect, or after
   * beginTransaction for a transactional producer). The producer bumps the epoch itself after a sequence gap.
   */
  producerIdentity(): ProducerIdentity | undefined;
  beginTransaction(): Promise<void>;
  commitTransaction(): Promise<void>;
  abortTransaction(): Promise<void>;
  disconnect(): Promise<void>;
}

/** Bytes of a record's send-time stamp: a float64, little endian, at the start of its value (e2e runs). */
export const STAMP_BYTES = 8;

/**
 * The records of one partition from one fetch, as columns (no object per record): what a consumer run counts.
 * Offsets are exact below 2^53. The columns may be reused once `onBatch` returns: read them, do not keep them.
 */
export interface ConsumedRecords {
  readonly count: number;
  /** Record i's offset. */
  readonly offsets: ArrayLike<number>;
  /** Record i's key + value bytes (a null key or value counts 0), as Kafka's ConsumerPerformance counts them. */
  readonly sizes: ArrayLike<number>;
  /**
   * When the subscription asked for them: record i's send-time stamp, the float64 (little endian) at the start of
   * its value (src/workload/stamp.ts writes it), or NaN for a value shorter than 8 bytes.
   */
  readonly sendTimes: ArrayLike<number> | undefined;
}

/** One partition's records from one fetch. */
export interface ConsumedBatch {
  readonly topic: string;
  readonly partition: number;
  readonly records: ConsumedRecords;
}

/** What a consumer is to read: one topic or a regex of topics. */
export interface Subscription {
  readonly topic: string | undefined;
  readonly include: RegExp | undefined;
  /** Read each value's send-time stamp (e2e runs). */
  readonly sendTimes: boolean;
}

/** Receives a consumer's batches and group events. */
export interface ConsumerListener {
  onBatch(batch: ConsumedBatch): void;
  /** The consumer joined its group (partitions assigned); `durationMs` is the join's duration. */
  onJoined(durationMs: number, assigned: readonly { topic: string; partition: number }[]): void;
}

/** What perf-test needs of a Kafka client to consume as a member of a group. */
export interface ConsumerPort {
  connect(): Promise<void>;
  /** Subscribes and starts fetching; batches and joins go to the listener until `disconnect`. */
  start(subscription: Subscription, listener: ConsumerListener): Promise<void>;
  /** Moves a partition's position (applies to the next fetch). */
  seek(topic: string, partition: number, offset: string): void;
  /**
   * Stops fetching every partition, this member's now and after any rebalance, while it stays in its group
   * (heartbeats go on); positions stay where they are. May be called before `start`: then nothing is fetched.
   * Records of a fetch already answered may still reach the listener.
   */
  pause(): void;
  /** Fetches again, from the positions where `pause` left them. */
  resume(): void;
  disconnect(): Promise<void>;
}

/** The cluster operations a run needs around producing. */
export interface AdminPort {
  connect(): Promise<void>;
  /** Creates the topic if it is missing; returns its partition count and whether it was created. */
  ensureTopic(spec: TopicSpec): Promise<{ readonly partitions: number; readonly created: boolean }>;
  /** The names of the cluster's topics. */
  listTopics(): Promise<string[]>;
  /** Each partition's end offset (the next offset to be written). */
  endOffsets(topic: string): Promise<Record<number, string>>;
  disconnect(): Promise<void>;
}

/** Where to connect and as whom: shared by every client of one run. */
export interface ConnectionSpec {
  readonly bootstrapServers: readonly string[];
  readonly clientId: string;
  readonly connectionTimeoutMs: number;
  readonly requestTimeoutMs: number;
  /** Java properties as given (security settings are read from here). Secrets included: never print. */
  readonly props: Readonly<Record<string, string>>;
  /** TLS and SASL, resolved and checked (see src/config/security.ts). Secrets included: never print. */
  readonly security: SecuritySettings;
}

/** Makes the ports of one client library. */
export interface ClientFactory {
  createProducer(connection: ConnectionSpec, settings: ProducerSettings): ProducerPort;
  createConsumer(connection: ConnectionSpec, settings: ConsumerSettings): ConsumerPort;
  createAdmin(connection: ConnectionSpec): AdminPort;
}
