import { setTimeout as sleep } from 'node:timers/promises';
import { Admin } from './library.js';
import type { TopicSpec } from '../../config/types.js';
import { SetupError } from '../../errors.js';
import type { AdminPort, ConnectionSpec } from '../port.js';
import { baseOptions, connectError, errorDetail, kafkaErrorName } from './options.js';

/** How long a new topic may take to have a leader for every partition. */
const LEADERS_TIMEOUT_MS = 30_000;
/** Kafka's ListOffsets timestamp of the next offset (a partition's end). */
const LATEST = -1n;

/** The topic set-up and offset queries of a run, with @platformatic/kafka's admin client. */
export class PlatformaticAdmin implements AdminPort {
  private readonly admin: Admin;

  constructor(private readonly connection: ConnectionSpec) {
    this.admin = new Admin({ ...baseOptions(connection), retries: 2, retryDelay: 100 });
  }

  async connect(): Promise<void> {
    try {
      await this.admin.connectToBrokers();
    } catch (e) {
      throw await connectError(this.connection, e);
    }
  }

  async ensureTopic(spec: TopicSpec): Promise<{ partitions: number; created: boolean }> {
    let created = false;
    if (!(await this.admin.listTopics()).includes(spec.name)) {
      try {
        await this.admin.createTopics({ topics: [spec.name], partitions: spec.partitions ?? -1, replicas: spec.replicationFactor ?? -1 });
        created = true;
      } catch (e) {
        if (kafkaErrorName(e) !== 'TOPIC_ALREADY_EXISTS') {
          throw new SetupError(`cannot create topic '${spec.name}': ${errorDetail(e)}`, undefined, { cause: e });
        }
      }
    }
    return { partitions: await this.waitForLeaders(spec.name), created };
  }

  async listTopics(): Promise<string[]> {
    return this.admin.listTopics();
  }

  async endOffsets(topic: string): Promise<Record<number, string>> {
    const latest = await this.offsets(topic, LATEST);
    return Object.fromEntries([...latest].map(([p, o]) => [p, o.toString()]));
  }

  async disconnect(): Promise<void> {
    await this.admin.close();
  }

  /** Waits until every partition of the topic has a leader (a new topic's take a moment); returns their count. */
  private async waitForLeaders(topic: string): Promise<number> {
    const deadline = Date.now() + LEADERS_TIMEOUT_MS;
    for (;;) {
      try {
        const metadata = await this.admin.metadata({ topics: [topic], forceUpdate: true });
        const partitions = metadata.topics.get(topic)?.partitions ?? [];
        if (partitions.length > 0 && partitions.every((p) => p.leader >= 0)) return partitions.length;
      } catch (e) {
        if (Date.now() > deadline) throw new SetupError(`cannot read the metadata of topic '${topic}': ${errorDetail(e)}`, undefined, { cause: e });
      }
      if (Date.now() > deadline) throw new SetupError(`topic '${topic}' has partitions without a leader after ${LEADERS_TIMEOUT_MS / 1000} s`);
      await sleep(100);
    }
  }

  private async offsets(topic: string, timestamp: bigint): Promise<Map<number, bigint>> {
    const count = await this.waitForLeaders(topic);
    const partitions = Array.from({ length: count }, (_, partitionIndex) => ({ partitionIndex, timestamp }));
    const topics = await this.admin.listOffsets({ topics: [{ name: topic, partitions }] });
    return new Map((topics[0]?.partitions ?? []).map((p) => [p.partitionIndex, p.offset]));
  }
}
