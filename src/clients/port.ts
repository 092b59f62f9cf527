import type { ProducerSettings } from '../config/producer-config.js';
import type { ConsumerSettings } from '../config/consumer-config.js';
import type { TopicSpec } from '../config/types.js';
import type { SecuritySettings } from '../config/security.js';

/** A partition and the broker that leads it. */
export interface PartitionLeader {
  readonly partition: number;
  readonly leader: number;
}

/** One partition's records in a produce request. */
export interface PartitionRecords {
  readonly partition: number;
  readonly values: readonly Buffer[];
}

/**
 * What perf-test needs of a Kafka client to produce: one request at a time to one leader. Batching, linger,
 * in-flight limits and buffer memory are ours (see src/producer), so every client behaves like Java's producer.
 */
export interface ProducerPort {
  connect(): Promise<void>;
  /** The topic's partitions and their leaders. */
  partitions(topic: string): Promise<PartitionLeader[]>;
  /** Sends one produce request (all partitions share a leader); resolves when acknowledged per `acks`. */
  produce(topic: string, records: readonly PartitionRecords[]): Promise<void>;
  beginTransaction(): Promise<void>;
  commitTransaction(): Promise<void>;
  abortTransaction(): Promise<void>;
  disconnect(): Promise<void>;
}

/** One fetched batch of one partition, as a consumer hands it over. */
export interface ConsumedBatch {
  readonly topic: string;
  readonly partition: number;
  readonly messages: readonly { readonly offset: string; readonly key: Buffer | null; readonly value: Buffer | null }[];
}

/** What a consumer is to read: one topic or a regex of topics. */
export interface Subscription {
  readonly topic: string | undefined;
  readonly include: RegExp | undefined;
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
