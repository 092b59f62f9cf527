import {
  Admin, Consumer, compressionsAlgorithmsByBitmask, type Broker, type Connection, type ConsumerGroupJoinPayload,
} from './library.js';
import type { ConsumerSettings } from '../../config/consumer-config.js';
import { retryBackoffMs } from '../../config/backoff.js';
import type { ConnectionSpec, ConsumerListener, ConsumerPort, Subscription } from '../port.js';
import { commitPositions, resetOffset, startPositionsRetried } from './group-offsets.js';
import { FETCH_API_KEY, FETCH_VERSIONS, fetchTopics, sendFetch, type FetchAnswer, type FetchVersion } from './fetch-request.js';
import { baseOptions, connectError } from './options.js';
import { RecordColumns, readRecordBatches, type Decompress } from './record-batches.js';


/** Java's consumer defaults for what ConsumerSettings does not carry. */
const AUTO_COMMIT_INTERVAL_MS = 5000;
const REBALANCE_TIMEOUT_MS = 300_000;
const BACKOFF = { retryBackoffMs: 100, retryBackoffMaxMs: 1000 };
/** Kafka's error codes a fetch answers with that the consumer handles (any other is retried after a metadata refresh). */
const OFFSET_OUT_OF_RANGE = 1;

const decompress: Decompress = (codec, data) => {
  const algorithm = compressionsAlgorithmsByBitmask[codec];
  if (!algorithm) throw new Error(`a record batch has an unknown compression codec (${codec})`);
  return algorithm.decompressSync(data);
};

/**
 * A member of a consumer group on @platformatic/kafka, fetching as Java's consumer does: one Fetch in flight per
 * leader, the next one sent as soon as the last is read. The client runs the group (join, sync, heartbeats,
 * rebalances), metadata, connections, TLS and SASL; the fetch answers are read here into columns
 * (src/clients/platformatic/record-batches.ts), with no object per record.
 */
export class PlatformaticConsumer implements ConsumerPort {
  private readonly client: Consumer;
  private listener: ConsumerListener | undefined;
  private columns: RecordColumns | undefined;
  private version: FetchVersion = 17;
  private running = false;
  /** Paused (e2e --backlog): members of the group that send no fetch. */
  private paused = false;
  /** Bumped by every rebalance: answers to the fetches of an older assignment are dropped. */
  private generation = 0;
  private assigned: readonly { topic: string; partition: number }[] = [];
  /** The next offset to fetch, per "topic:partition" assigned. */
  private positions = new Map<string, number>();
  private leaders = new Map<string, number>();
  private brokers = new Map<number, Broker>();
  private topicIds = new Map<string, string>();
  private topicNames = new Map<string, string>();
  /** Leaders with a fetch in flight, or waiting out a backoff. */
  private busy = new Set<number>();
  private failures = 0;
  private refreshing: Promise<void> | undefined;
  private retryScheduled = false;
  private rebalanceStartedMs: number | undefined;
  private commitTimer: NodeJS.Timeout | undefined;

  constructor(
    private readonly connection: ConnectionSpec,
    private readonly s: ConsumerSettings,
  ) {
    this.client = new Consumer({
      ...baseOptions(connection),
      groupId: s.groupId,
      sessionTimeout: s.sessionTimeoutMs,
      heartbeatInterval: s.heartbeatIntervalMs,
      rebalanceTimeout: REBALANCE_TIMEOUT_MS,
      autocommit: false,
    });
    // The client emits 'error' when it gives up rejoining the group: unheard, that would end the worker.
    this.client.on('error', () => this.rejoinLater());
  }

  async connect(): Promise<void> {
    try {
      await this.client.connectToBrokers();
      const api = (await this.client.listApis()).find((a) => a.apiKey === FETCH_API_KEY);
      const version = FETCH_VERSIONS.filter((v) => api && v >= api.minVersion && v <= api.maxVersion).pop();
      if (version === undefined) throw new Error(`the broker does not speak Fetch v${FETCH_VERSIONS[0]}-v${FETCH_VERSIONS.at(-1)} (Kafka 3.1 or later does)`);
      this.version = version;
    } catch (e) {
      throw await connectError(this.connection, e);
    }
  }

  async start(subscription: Subscription, listener: ConsumerListener): Promise<void> {
    this.listener = listener;
    this.columns = new RecordColumns(subscription.sendTimes);
    this.running = true;
    const topics = subscription.topic !== undefined ? [subscription.topic] : (await this.allTopics()).filter((t) => subscription.include!.test(t));
    this.client.on('consumer:group:rebalance', () => this.revoke());
    this.client.on('consumer:group:join', (payload) => void this.joined(payload));
    this.client.topics.trackAll(...topics);
    this.rebalanceStartedMs = performance.now();
    await this.client.joinGroup({});
    this.commitTimer = setInterval(() => void this.commit(), AUTO_COMMIT_INTERVAL_MS).unref();
  }

  seek(topic: string, partition: number, offset: string): void {
    const key = `${topic}:${partition}`;
    if (this.positions.has(key)) this.positions.set(key, Number(offset));
  }

  pause(): void {
    this.paused = true;
  }

  resume(): void {
    this.paused = false;
    this.pump();
  }

  async disconnect(): Promise<void> {
    clearInterval(this.commitTimer);
    if (this.running) await this.commit();
    this.running = false;
    this.generation++;
    try {
      await this.client.close(true);
    } catch {
      // Leaving the group failed (its coordinator is gone): the group drops this member at session.timeout.ms.
      // The connections must close all the same, or they keep the worker alive.
      await this.client.connections.close().catch(() => undefined);
    }
  }

  /** A rebalance began: commit what was counted (before the client's JoinGroup, as Java's auto-commit does), so that
   * whoever is given these partitions starts after it; stop fetching until the group assigns partitions again. */
  private revoke(): void {
    this.rebalanceStartedMs ??= performance.now();
    if (this.running) void this.commit();
    this.generation++;
    this.assigned = [];
    this.positions = new Map();
  }

  /**
   * The client gave up rejoining the group after a heartbeat failed (its few tries ran out while the coordinator
   * moved, or an answer could not be retried). Java's consumer never gives up on its group: join again after a
   * backoff, until it works or the run ends (its --timeout ends a run that the group never comes back to).
   */
  private rejoinLater(): void {
    if (!this.running) return;
    this.rebalanceStartedMs ??= performance.now();
    setTimeout(() => {
      if (this.running) this.client.joinGroup({}).catch(() => this.rejoinLater());
    }, retryBackoffMs(BACKOFF, ++this.failures)).unref();
  }

  /** The group gave this member its partitions: find where each starts, tell the listener, fetch. */
  private async joined({ assignments }: ConsumerGroupJoinPayload): Promise<void> {
    const generation = ++this.generation;
    const started = this.rebalanceStartedMs ?? performance.now();
    const groups = assignments ?? [];
    const assigned = groups.flatMap(({ topic, partitions }) => partitions.map((partition) => ({ topic, partition })));
    // Wanted until a rebalance gives this member other partitions, or the run ends.
    const wanted = () => generation === this.generation && this.running;
    const positions = await startPositionsRetried(this.client, groups, this.s.fromBeginning, wanted, (n) => retryBackoffMs(BACKOFF, n));
    if (positions === undefined || !wanted()) return;
    this.rebalanceStartedMs = undefined;
    this.assigned = assigned;
    this.positions = positions;
    this.listener!.onJoined(performance.now() - started, assigned);
    await this.refreshMetadata();
    this.pump();
  }

  private refreshMetadata(): Promise<void> {
    return (this.refreshing ??= (async () => {
      try {
        const topics = [...new Set(this.assigned.map((a) => a.topic))];
        const metadata = await this.client.metadata({ topics, forceUpdate: true });
        this.brokers = new Map([...metadata.brokers].map(([id, b]) => [id, { host: b.host, port: b.port }]));
        for (const [name, t] of metadata.topics) {
          this.topicIds.set(name, t.id);
          this.topicNames.set(t.id, name);
          t.partitions.forEach((p, partition) => this.leaders.set(`${name}:${partition}`, p.leader));
        }
      } catch {
        // The next fetch round tries again, after a backoff.
        this.failures++;
      } finally {
        this.refreshing = undefined;
      }
    })());
  }

  /** Sends a fetch to every leader of assigned partitions that has none in flight. */
  private pump(): void {
    if (!this.running || this.paused || this.refreshing) return;
    const byLeader = new Map<number, string[]>();
    for (const { topic, partition } of this.assigned) {
      const key = `${topic}:${partition}`;
      const leader = this.leaders.get(key) ?? -1;
      if (leader < 0) {
        this.retryLater(undefined);
        continue;
      }
      if (!this.busy.has(leader)) byLeader.set(leader, [...(byLeader.get(leader) ?? []), key]);
    }
    for (const [leader, keys] of byLeader) this.fetchFrom(leader, keys);
  }

  private fetchFrom(leader: number, keys: readonly string[]): void {
    const broker = this.brokers.get(leader);
    if (!broker) {
      this.retryLater(leader);
      return;
    }
    this.busy.add(leader);
    const generation = this.generation;
    const asked = new Map(keys.map((k) => [k, this.positions.get(k)!]));
    const params = {
      version: this.version, maxWaitMs: this.s.fetchMaxWaitMs, minBytes: this.s.fetchMinBytes, maxBytes: this.s.fetchMaxBytes,
      readCommitted: this.s.readCommitted, topics: fetchTopics(asked, this.topicIds, this.s.maxPartitionFetchBytes),
    };
    this.client.connections.get(broker, (error: Error | null, connection?: Connection) => {
      if (error || !connection) {
        this.busy.delete(leader);
        this.retryLater(leader);
        return;
      }
      sendFetch(connection, params, (error, answer) => {
        this.busy.delete(leader);
        if (generation !== this.generation || !this.running) {
          this.pump();
          return;
        }
        if (error || !answer) this.retryLater(leader);
        else this.read(answer, asked);
      });
    });
  }

  /** Hands each partition's records to the listener and moves its position past them. */
  private read(answer: FetchAnswer, asked: ReadonlyMap<string, number>): void {
    let stale = answer.errorCode !== 0;
    for (const p of answer.partitions) {
      const topic = this.topicNames.get(p.topicId);
      const key = `${topic}:${p.partition}`;
      const from = asked.get(key);
      // A seek or a rebalance since the request was sent: its records are not the ones wanted now.
      if (topic === undefined || from === undefined || this.positions.get(key) !== from) continue;
      if (p.errorCode === OFFSET_OUT_OF_RANGE) void this.resetPosition(topic, p.partition);
      else if (p.errorCode !== 0) stale = true;
      if (p.errorCode !== 0 || p.records === undefined) continue;
      const columns = this.columns!;
      columns.reset();
      const next = readRecordBatches(p.records, from, columns, decompress, this.s.readCommitted ? (p.aborted ?? []) : undefined);
      this.positions.set(key, next);
      if (columns.count > 0) this.listener!.onBatch({ topic, partition: p.partition, records: columns });
    }
    if (stale) this.retryLater(undefined);
    else {
      this.failures = 0;
      this.pump();
    }
  }

  /** After an error: wait out the backoff (with the leader held busy), read the metadata again, fetch. */
  private retryLater(leader: number | undefined): void {
    if (leader !== undefined) this.busy.add(leader);
    else if (this.retryScheduled) return;
    else this.retryScheduled = true;
    const delay = retryBackoffMs(BACKOFF, ++this.failures);
    setTimeout(() => {
      if (leader !== undefined) this.busy.delete(leader);
      else this.retryScheduled = false;
      void this.refreshMetadata().then(() => this.pump());
    }, delay).unref();
  }

  private async resetPosition(topic: string, partition: number): Promise<void> {
    try {
      const offset = await resetOffset(this.client, topic, partition, this.s.fromBeginning);
      const key = `${topic}:${partition}`;
      if (this.positions.has(key)) this.positions.set(key, offset);
    } catch {
      // Tried again on the next out-of-range answer.
    }
  }

  /** Commits the positions, as Java's auto-commit does: best effort, as Java's (a failed one counts again what it did not commit). */
  private async commit(): Promise<void> {
    try {
      await commitPositions(this.client, this.positions);
    } catch {
      // A rebalance in progress, or the coordinator moving: the next commit carries the same positions.
    }
  }

  private async allTopics(): Promise<string[]> {
    const admin = new Admin(baseOptions(this.connection));
    try {
      return await admin.listTopics();
    } finally {
      await admin.close();
    }
  }
}
