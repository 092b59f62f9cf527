// A fake Kafka client for unit tests of whole runs: an in-memory cluster behind the three ports. Runs load it as
// their client module (`FAKE_CLIENT_MODULE`) with in-process workers, so the test and every worker share the one
// `fakeCluster` below. Faults are injected here, through the client, never through production code.
import {
  STAMP_BYTES,
  type AdminPort, type ClientFactory, type ConsumedBatch, type ConsumedRecords, type ConsumerListener, type ConsumerPort,
  type PartitionLeader, type PartitionOutcome, type ProduceRequest, type ProducerIdentity, type ProducerPort, type Subscription,
} from '../../src/clients/port.js';
import type { ConsumerSettings } from '../../src/config/consumer-config.js';
import type { TopicSpec } from '../../src/config/types.js';

/** This module, as a run's client module. */
export const FAKE_CLIENT_MODULE = import.meta.url;

/** How the fake cluster behaves; faults included. */
export interface FakeBehaviour {
  /** Partitions of a topic the run creates. */
  readonly partitions: number;
  /** How long the cluster takes to answer a produce request; `hold` never answers (records stay in flight). */
  readonly ackDelayMs: number | 'hold';
  /** The n-th producer to connect (0-based) fails to connect with this error. */
  readonly failProducer?: { readonly index: number; readonly message: string };
  /** The n-th consumer to start (0-based) fails to start with this error. */
  readonly failConsumer?: { readonly index: number; readonly message: string };
  /** Fetched batches hold at most this many records (so that a consumer is seen reading over several ticks). */
  readonly maxBatchRecords: number;
}

const DEFAULTS: FakeBehaviour = { partitions: 2, ackDelayMs: 1, maxBatchRecords: 500 };

/** Shared by the test and every worker of its runs (one module instance per test file). */
class FakeCluster {
  behaviour: FakeBehaviour = DEFAULTS;
  /** Each topic's partitions: the values written, in offset order. */
  readonly topics = new Map<string, Buffer[][]>();
  /** Per group and "topic:partition", the next offset to deliver. */
  readonly positions = new Map<string, Map<string, number>>();
  producersConnected = 0;
  consumersStarted = 0;
  /** Clients connected and not yet disconnected: 0 once a run has closed everything. */
  open = 0;
  /** What the consumers were told, in order, with the records the cluster held then (e2e --backlog). */
  consumerEvents: { readonly consumer: number; readonly event: 'pause' | 'resume' | 'first-batch'; readonly recordsInCluster: number }[] = [];
  consumersCreated = 0;

  reset(behaviour: Partial<FakeBehaviour> = {}): void {
    this.behaviour = { ...DEFAULTS, ...behaviour };
    this.topics.clear();
    this.positions.clear();
    this.producersConnected = 0;
    this.consumersStarted = 0;
    this.open = 0;
    this.consumerEvents = [];
    this.consumersCreated = 0;
  }

  /** Records all topics hold. */
  total(): number {
    return [...this.topics.keys()].reduce((n, t) => n + this.count(t), 0);
  }

  /** Records a topic holds. */
  count(topic: string): number {
    return (this.topics.get(topic) ?? []).reduce((n, p) => n + p.length, 0);
  }

  createTopic(name: string, partitions: number): void {
    this.topics.set(name, Array.from({ length: partitions }, () => []));
  }
}

export const fakeCluster = new FakeCluster();

class FakeProducer implements ProducerPort {
  readonly sequencing = 'producer';
  private connected = false;
  private readonly pending = new Set<NodeJS.Timeout>();

  async connect(): Promise<void> {
    const index = fakeCluster.producersConnected++;
    const fault = fakeCluster.behaviour.failProducer;
    if (fault?.index === index) throw new Error(fault.message);
    this.connected = true;
    fakeCluster.open++;
  }

  async partitions(topic: string): Promise<PartitionLeader[]> {
    return (fakeCluster.topics.get(topic) ?? []).map((_, partition) => ({ partition, leader: 1 }));
  }

  produce(request: ProduceRequest): Promise<readonly PartitionOutcome[]> {
    const delay = fakeCluster.behaviour.ackDelayMs;
    if (delay === 'hold') return new Promise(() => undefined);
    return new Promise((resolve) => {
      const timer = setTimeout(() => {
        this.pending.delete(timer);
        const partitions = fakeCluster.topics.get(request.topic)!;
        for (const b of request.batches) partitions[b.partition]!.push(...b.values.map((v) => Buffer.from(v)));
        resolve(request.batches.map((b) => ({ partition: b.partition, error: undefined })));
      }, delay);
      this.pending.add(timer);
    });
  }

  producerIdentity(): ProducerIdentity {
    return { producerId: 1n, producerEpoch: 0 };
  }

  async beginTransaction(): Promise<void> {}
  async commitTransaction(): Promise<void> {}
  async abortTransaction(): Promise<void> {}

  async disconnect(): Promise<void> {
    for (const t of this.pending) clearTimeout(t);
    if (this.connected) fakeCluster.open--;
    this.connected = false;
  }
}

/** A member of a group: joins at once, then fetches every few ms what its partitions hold past the group's position. */
class FakeConsumer implements ConsumerPort {
  private timer: NodeJS.Timeout | undefined;
  private connected = false;
  private assigned: { topic: string; partition: number }[] = [];
  private sendTimes = false;
  private paused = false;
  private fetched = false;
  private readonly id = fakeCluster.consumersCreated++;

  constructor(private readonly settings: ConsumerSettings) {}

  private tell(event: 'pause' | 'resume' | 'first-batch'): void {
    fakeCluster.consumerEvents.push({ consumer: this.id, event, recordsInCluster: fakeCluster.total() });
  }

  pause(): void {
    this.paused = true;
    this.tell('pause');
  }

  resume(): void {
    this.paused = false;
    this.tell('resume');
  }

  async connect(): Promise<void> {
    this.connected = true;
    fakeCluster.open++;
  }

  async start(subscription: Subscription, listener: ConsumerListener): Promise<void> {
    const index = fakeCluster.consumersStarted++;
    const fault = fakeCluster.behaviour.failConsumer;
    if (fault?.index === index) throw new Error(fault.message);
    this.sendTimes = subscription.sendTimes;
    const topics = [...fakeCluster.topics.keys()].filter((t) => t === subscription.topic || subscription.include?.test(t));
    this.assigned = topics.flatMap((topic) => fakeCluster.topics.get(topic)!.map((_, partition) => ({ topic, partition })));
    const positions = this.positions();
    for (const { topic, partition } of this.assigned) {
      const key = `${topic}:${partition}`;
      if (!positions.has(key)) positions.set(key, 0);
    }
    listener.onJoined(0, this.assigned);
    this.timer = setInterval(() => this.fetch(listener), 2);
  }

  seek(topic: string, partition: number, offset: string): void {
    this.positions().set(`${topic}:${partition}`, Number(offset));
  }

  async disconnect(): Promise<void> {
    clearInterval(this.timer);
    if (this.connected) fakeCluster.open--;
    this.connected = false;
  }

  private positions(): Map<string, number> {
    const group = this.settings.groupId;
    let p = fakeCluster.positions.get(group);
    if (!p) fakeCluster.positions.set(group, (p = new Map()));
    return p;
  }

  private fetch(listener: ConsumerListener): void {
    if (this.paused) return;
    const positions = this.positions();
    for (const { topic, partition } of this.assigned) {
      const key = `${topic}:${partition}`;
      const from = positions.get(key) ?? 0;
      const values = fakeCluster.topics.get(topic)![partition]!.slice(from, from + fakeCluster.behaviour.maxBatchRecords);
      if (values.length === 0) continue;
      positions.set(key, from + values.length);
      if (!this.fetched) this.tell('first-batch');
      this.fetched = true;
      const batch: ConsumedBatch = { topic, partition, records: recordColumns(from, values, this.sendTimes) };
      listener.onBatch(batch);
    }
  }
}

/** Records from `from` on, as the port's columns (no keys; send times read as a real client reads them). */
function recordColumns(from: number, values: readonly Buffer[], withSendTimes: boolean): ConsumedRecords {
  return {
    count: values.length,
    offsets: values.map((_, i) => from + i),
    sizes: values.map((v) => v.length),
    sendTimes: withSendTimes ? values.map((v) => (v.length >= STAMP_BYTES ? v.readDoubleLE(0) : NaN)) : undefined,
  };
}

class FakeAdmin implements AdminPort {
  async connect(): Promise<void> {}

  async ensureTopic(spec: TopicSpec): Promise<{ partitions: number; created: boolean }> {
    const existing = fakeCluster.topics.get(spec.name);
    if (existing) return { partitions: existing.length, created: false };
    const partitions = spec.partitions ?? fakeCluster.behaviour.partitions;
    fakeCluster.createTopic(spec.name, partitions);
    return { partitions, created: true };
  }

  async listTopics(): Promise<string[]> {
    return [...fakeCluster.topics.keys()];
  }

  async endOffsets(topic: string): Promise<Record<number, string>> {
    return Object.fromEntries((fakeCluster.topics.get(topic) ?? []).map((p, i) => [i, String(p.length)]));
  }

  async disconnect(): Promise<void> {}
}

const fakeClient: ClientFactory = {
  createProducer: () => new FakeProducer(),
  createConsumer: (_, settings) => new FakeConsumer(settings),
  createAdmin: () => new FakeAdmin(),
};

export default fakeClient;
