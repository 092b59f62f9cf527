// kafkajs warns about its partitioner on every producer; perf-test partitions records itself.
process.env['KAFKAJS_NO_PARTITIONER_WARNING'] = '1';

import { createRequire } from 'node:module';
import kafkajs from 'kafkajs';
import type { Admin, IHeaders, Kafka, Message, Producer, Transaction } from 'kafkajs';
import type { ProducerSettings } from '../../config/producer-config.js';
import type { TopicSpec } from '../../config/types.js';
import { PerfTestError } from '../../errors.js';
import type { AdminPort, ClientFactory, ConnectionSpec, PartitionLeader, PartitionOutcome, ProduceRequest, ProducerPort, RecordHeader } from '../port.js';
import { connectError, createKafka } from './connect.js';
import { KafkajsConsumer } from './consumer.js';

const { CompressionTypes, CompressionCodecs } = kafkajs;

/** Compression codecs this client has: gzip is built in, snappy comes from the pure-JS kafkajs-snappy. */
export const KAFKAJS_COMPRESSION = ['none', 'gzip', 'snappy'] as const;

let snappyRegistered = false;
function registerSnappy(): void {
  if (snappyRegistered) return;
  const require = createRequire(import.meta.url);
  CompressionCodecs[CompressionTypes.Snappy] = require('kafkajs-snappy');
  snappyRegistered = true;
}

const COMPRESSION = {
  none: CompressionTypes.None,
  gzip: CompressionTypes.GZIP,
  snappy: CompressionTypes.Snappy,
} as const;

/**
 * kafkajs' producer behind the port. It finds each partition's leader itself and numbers an idempotent producer's
 * batches itself (`sequencing: 'client'`), so our producer keeps one request in flight per broker then.
 */
class KafkajsProducer implements ProducerPort {
  readonly sequencing = 'client';
  private readonly kafka: Kafka;
  private readonly producer: Producer;
  private admin: Admin | undefined;
  private transaction: Transaction | undefined;

  constructor(
    private readonly connection: ConnectionSpec,
    private readonly s: ProducerSettings,
  ) {
    // Retries happen inside kafkajs, bounded so that they end around delivery.timeout.ms like Java's.
    const retries = Math.min(s.retries, Math.ceil(s.deliveryTimeoutMs / Math.max(1, s.retryBackoffMaxMs)));
    this.kafka = createKafka(connection, retries, Math.max(1, s.retryBackoffMs));
    if (s.compression === 'snappy') registerSnappy();
    this.producer = this.kafka.producer({
      allowAutoTopicCreation: false,
      idempotent: s.idempotence,
      // kafkajs' idempotence is only safe with one request in flight (kafkajs issues 598, 1005).
      maxInFlightRequests: s.idempotence ? 1 : undefined,
      transactionalId: s.transactionalId,
      transactionTimeout: s.transactionTimeoutMs,
    });
  }

  async connect(): Promise<void> {
    try {
      await this.producer.connect();
      this.admin = this.kafka.admin();
      await this.admin.connect();
    } catch (e) {
      throw connectError(this.connection, e);
    }
  }

  async partitions(topic: string): Promise<PartitionLeader[]> {
    const { topics } = await this.admin!.fetchTopicMetadata({ topics: [topic] });
    const partitions = topics[0]?.partitions ?? [];
    return partitions.map((p) => ({ partition: p.partitionId, leader: p.leader })).sort((a, b) => a.partition - b.partition);
  }

  async produce({ topic, batches }: ProduceRequest): Promise<readonly PartitionOutcome[]> {
    const messages: Message[] = [];
    for (const { partition, values, keys, headers } of batches) {
      for (let i = 0; i < values.length; i++) {
        const recordHeaders = headers?.[i];
        messages.push({ partition, value: values[i]!, key: keys?.[i] ?? null, ...(recordHeaders?.length ? { headers: kafkajsHeaders(recordHeaders) } : {}) });
      }
    }
    const target = this.transaction ?? this.producer;
    await target.send({
      topic,
      messages,
      acks: this.s.acks,
      timeout: this.s.requestTimeoutMs,
      compression: COMPRESSION[this.s.compression as keyof typeof COMPRESSION],
    });
    return [];
  }

  producerIdentity(): undefined {
    return undefined;
  }

  async beginTransaction(): Promise<void> {
    this.transaction = await this.producer.transaction();
  }

  async commitTransaction(): Promise<void> {
    const t = this.transaction;
    this.transaction = undefined;
    await t?.commit();
  }

  async abortTransaction(): Promise<void> {
    const t = this.transaction;
    this.transaction = undefined;
    await t?.abort();
  }

  async disconnect(): Promise<void> {
    await Promise.allSettled([this.producer.disconnect(), this.admin?.disconnect()]);
  }
}

/**
 * Headers as kafkajs takes them: an object of header keys, so headers of one key go as an array of its values
 * (kafkajs writes them one after the other: their order among other keys' headers is not kept).
 */
function kafkajsHeaders(headers: readonly RecordHeader[]): IHeaders {
  const out: Record<string, (Buffer | null)[]> = {};
  for (const { key, value } of headers) (out[key.toString('utf8')] ??= []).push(value);
  return out as IHeaders;
}

class KafkajsAdmin implements AdminPort {
  private readonly admin: Admin;

  constructor(private readonly connection: ConnectionSpec) {
    this.admin = createKafka(connection, 2, 100).admin();
  }

  async connect(): Promise<void> {
    try {
      await this.admin.connect();
    } catch (e) {
      throw connectError(this.connection, e);
    }
  }

  async ensureTopic(spec: TopicSpec): Promise<{ partitions: number; created: boolean }> {
    try {
      return await this.createIfMissing(spec);
    } catch (e) {
      // A listener that speaks another protocol (SASL, TLS) closes the connection only at the first request.
      if (e instanceof PerfTestError) throw e;
      throw connectError(this.connection, e);
    }
  }

  private async createIfMissing(spec: TopicSpec): Promise<{ partitions: number; created: boolean }> {
    const existing = await this.admin.listTopics();
    let created = false;
    if (!existing.includes(spec.name)) {
      created = await this.admin.createTopics({
        waitForLeaders: true,
        topics: [{ topic: spec.name, numPartitions: spec.partitions ?? -1, replicationFactor: spec.replicationFactor ?? -1 }],
      });
    }
    const { topics } = await this.admin.fetchTopicMetadata({ topics: [spec.name] });
    return { partitions: topics[0]?.partitions.length ?? 0, created };
  }

  async listTopics(): Promise<string[]> {
    return this.admin.listTopics();
  }

  async endOffsets(topic: string): Promise<Record<number, string>> {
    const offsets = await this.admin.fetchTopicOffsets(topic);
    return Object.fromEntries(offsets.map((o) => [o.partition, o.high]));
  }

  async disconnect(): Promise<void> {
    await this.admin.disconnect();
  }
}

/** The kafkajs client behind perf-test's ports. */
export const kafkajsClient: ClientFactory = {
  createProducer: (connection, settings) => new KafkajsProducer(connection, settings),
  createAdmin: (connection) => new KafkajsAdmin(connection),
  createConsumer: (connection, settings) => new KafkajsConsumer(createKafka(connection, 5, 100), connection, settings),
};

/** The module's client, for workers that load it by specifier (see src/clients/registry.ts). */
export default kafkajsClient;
