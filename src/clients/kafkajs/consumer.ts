import type { Consumer, Kafka, KafkaMessage } from 'kafkajs';
import type { ConsumerSettings } from '../../config/consumer-config.js';
import { STAMP_BYTES, type ConnectionSpec, type ConsumedRecords, type ConsumerListener, type ConsumerPort, type Subscription } from '../port.js';
import { connectError } from './connect.js';

/** A kafkajs consumer in a group, behind perf-test's consumer port. */
export class KafkajsConsumer implements ConsumerPort {
  private readonly consumer: Consumer;

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
      listener.onJoined(e.payload.duration, assigned);
    });
    const topics = subscription.include ? [subscription.include] : [subscription.topic!];
    await this.consumer.subscribe({ topics, fromBeginning: this.s.fromBeginning });
    await this.consumer.run({
      eachBatchAutoResolve: true,
      eachBatch: async ({ batch }) => {
        listener.onBatch({ topic: batch.topic, partition: batch.partition, records: columns(batch.messages, subscription.sendTimes) });
      },
    });
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
