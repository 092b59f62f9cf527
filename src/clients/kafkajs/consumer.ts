import type { Consumer, Kafka } from 'kafkajs';
import type { ConsumerSettings } from '../../config/consumer-config.js';
import type { ConnectionSpec, ConsumerListener, ConsumerPort, Subscription } from '../port.js';
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
        listener.onBatch({ topic: batch.topic, partition: batch.partition, messages: batch.messages });
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
