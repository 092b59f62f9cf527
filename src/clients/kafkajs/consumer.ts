import type { Consumer, Kafka, KafkaMessage } from 'kafkajs';
import type { ConsumerSettings } from '../../config/consumer-config.js';
import { STAMP_BYTES, type ConnectionSpec, type ConsumedRecords, type ConsumerListener, type ConsumerPort, type Subscription } from '../port.js';
import { connectError } from './connect.js';

/** A kafkajs consumer in a group, behind perf-test's consumer port. */
export class KafkajsConsumer implements ConsumerPort {
  private readonly consumer: Consumer;
  /** Paused (e2e --backlog): kafkajs pauses by topic, once its group runs; `topics` are those to pause. */
  private paused = false;
  private topics: string[] = [];
  private running = false;

  constructor(
    kafka: Kafka,
    private readonly connection: ConnectionSpec,
    private readonly s: ConsumerSettings,
  ) {
    this.consumer = kafka.consumer({
      groupId: s.groupId,
      sessionTimeout: s.sessionTimeoutMs,
      heartbeatInterval: s.heartbeatIntervalMs,
      maxBytesPerPartition: s.maxPartitionFetchBytes,
      maxBytes: s.fetchMaxBytes,
      minBytes: s.fetchMinBytes,
      maxWaitTimeInMs: s.fetchMaxWaitMs,
      readUncommitted: !s.readCommitted,
      allowAutoTopicCreation: false,
    });
  }

  async connect(): Promise<void> {
    try {
      await this.consumer.connect();
    } catch (e) {
      throw connectError(this.connection, e);
    }
  }

  async start(subscription: Subscription, listener: ConsumerListener): Promise<void> {
    const { GROUP_JOIN } = this.consumer.events;
    this.consumer.on(GROUP_JOIN, (e) => {
      const assigned = Object.entries(e.payload.memberAssignment).flatMap(([topic, partitions]) => partitions.map((partition) => ({ topic, partition })));
      this.topics = [...new Set([...this.topics, ...assigned.map((a) => a.topic)])];
      // Before the first fetch of the new assignment: kafkajs drops answers for paused topics, unread.
      if (this.paused) this.consumer.pause(this.topics.map((topic) => ({ topic })));
      listener.onJoined(e.payload.duration, assigned);
    });
    if (subscription.topic !== undefined) this.topics = [subscription.topic];
    const topics = subscription.include ? [subscription.include] : [subscription.topic!];
    await this.consumer.subscribe({ topics, fromBeginning: this.s.fromBeginning });
    await this.consumer.run({
      eachBatchAutoResolve: true,
      eachBatch: async ({ batch }) => {
        listener.onBatch({ topic: batch.topic, partition: batch.partition, records: columns(batch.messages, subscription.sendTimes) });
      },
    });
    this.running = true;
    if (this.paused) this.pause();
  }

  pause(): void {
    this.paused = true;
    // kafkajs refuses pause() until run() made its group; start() applies it then (and every join re-applies it).
    if (this.running) this.consumer.pause(this.topics.map((topic) => ({ topic })));
  }

  resume(): void {
    this.paused = false;
    if (this.running) this.consumer.resume(this.topics.map((topic) => ({ topic })));
  }

  seek(topic: string, partition: number, offset: string): void {
    this.consumer.seek({ topic, partition, offset });
  }

  async disconnect(): Promise<void> {
    await this.consumer.disconnect();
  }
}

/** A kafkajs batch's messages as the port's columns. */
function columns(messages: readonly KafkaMessage[], withSendTimes: boolean): ConsumedRecords {
  const count = messages.length;
  const offsets = new Float64Array(count);
  const sizes = new Float64Array(count);
  const sendTimes = withSendTimes ? new Float64Array(count) : undefined;
  for (let i = 0; i < count; i++) {
    const { offset, key, value } = messages[i]!;
    offsets[i] = Number(offset);
    sizes[i] = (key?.length ?? 0) + (value?.length ?? 0);
    if (sendTimes) sendTimes[i] = value && value.length >= STAMP_BYTES ? value.readDoubleLE(0) : NaN;
  }
  return { count, offsets, sizes, sendTimes };
}
