import type { ProducerSettings } from '../../config/producer-config.js';
import type { TopicSpec } from '../../config/types.js';
import type { ConsumerSettings } from '../../config/consumer-config.js';
import type {
  AdminPort, ClientFactory, ConnectionSpec, ConsumerListener, ConsumerPort, PartitionLeader, PartitionOutcome, ProduceRequest, ProducerIdentity,
  ProducerPort, Subscription,
} from '../port.js';
import { checkCompression } from './options.js';

/*
 * @platformatic/kafka compiles its JSON schemas when it is imported: about 0.25 s of CPU in the main thread and
 * 0.4 s in each worker (measured with --cpu-prof), which runs with another client must not pay. So the client
 * is imported on connect, behind these thin ports; what can be checked without it is checked at once.
 */

class LazyProducer implements ProducerPort {
  readonly sequencing = 'producer';
  private inner: ProducerPort | undefined;

  constructor(
    private readonly connection: ConnectionSpec,
    private readonly settings: ProducerSettings,
  ) {
    checkCompression(settings.compression);
  }

  async connect(): Promise<void> {
    const { PlatformaticProducer } = await import('./producer.js');
    this.inner = new PlatformaticProducer(this.connection, this.settings);
    await this.inner.connect();
  }

  partitions(topic: string): Promise<PartitionLeader[]> {
    return this.connected().partitions(topic);
  }

  produce(request: ProduceRequest): Promise<readonly PartitionOutcome[]> {
    return this.connected().produce(request);
  }

  producerIdentity(): ProducerIdentity | undefined {
    return this.inner?.producerIdentity();
  }

  beginTransaction(): Promise<void> {
    return this.connected().beginTransaction();
  }

  commitTransaction(): Promise<void> {
    return this.connected().commitTransaction();
  }

  abortTransaction(): Promise<void> {
    return this.connected().abortTransaction();
  }

  async disconnect(): Promise<void> {
    await this.inner?.disconnect();
  }

  private connected(): ProducerPort {
    if (!this.inner) throw new Error('the platformatic producer is used before connect()');
    return this.inner;
  }
}

class LazyConsumer implements ConsumerPort {
  private inner: ConsumerPort | undefined;

  constructor(
    private readonly connection: ConnectionSpec,
    private readonly settings: ConsumerSettings,
  ) {}

  async connect(): Promise<void> {
    const { PlatformaticConsumer } = await import('./consumer.js');
    this.inner = new PlatformaticConsumer(this.connection, this.settings);
    await this.inner.connect();
  }

  start(subscription: Subscription, listener: ConsumerListener): Promise<void> {
    return this.connected().start(subscription, listener);
  }

  seek(topic: string, partition: number, offset: string): void {
    this.connected().seek(topic, partition, offset);
  }

  pause(): void {
    this.connected().pause();
  }

  resume(): void {
    this.connected().resume();
  }

  async disconnect(): Promise<void> {
    await this.inner?.disconnect();
  }

  private connected(): ConsumerPort {
    if (!this.inner) throw new Error('the platformatic consumer is used before connect()');
    return this.inner;
  }
}

class LazyAdmin implements AdminPort {
  private inner: AdminPort | undefined;

  constructor(private readonly connection: ConnectionSpec) {}

  async connect(): Promise<void> {
    const { PlatformaticAdmin } = await import('./admin.js');
    this.inner = new PlatformaticAdmin(this.connection);
    await this.inner.connect();
  }

  ensureTopic(spec: TopicSpec): Promise<{ readonly partitions: number; readonly created: boolean }> {
    return this.connected().ensureTopic(spec);
  }

  listTopics(): Promise<string[]> {
    return this.connected().listTopics();
  }

  endOffsets(topic: string): Promise<Record<number, string>> {
    return this.connected().endOffsets(topic);
  }

  async disconnect(): Promise<void> {
    await this.inner?.disconnect();
  }

  private connected(): AdminPort {
    if (!this.inner) throw new Error('the platformatic admin is used before connect()');
    return this.inner;
  }
}

/** The @platformatic/kafka client behind perf-test's ports. */
export const platformaticClient: ClientFactory = {
  createProducer: (connection, settings) => new LazyProducer(connection, settings),
  createConsumer: (connection, settings) => new LazyConsumer(connection, settings),
  createAdmin: (connection) => new LazyAdmin(connection),
};

/** The module's client, for workers that load it by specifier (see src/clients/registry.ts). */
export default platformaticClient;
