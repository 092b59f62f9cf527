// Tests on a real replicated cluster: start one (three nodes by default) that is stopped whatever happens, and wait
// on what failover tests wait for (leaders moved, the ISR full again, a preferred leader election), read with
// kafkajs' admin from the nodes that run.
import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { promisify } from 'node:util';
import kafkajs from 'kafkajs';
import { type Cluster, type ClusterOptions, kafkaJavaCommand, startCluster } from '../../harness/index.js';

/** One partition as the cluster's metadata has it now. */
export interface PartitionState {
  readonly partition: number;
  /** Node id of the leader; -1 while there is none. */
  readonly leader: number;
  /** Node ids, the preferred leader first. */
  readonly replicas: readonly number[];
  readonly isr: readonly number[];
}

/** How long to wait, and how often to look. */
export interface WaitOptions {
  /** Default 60 s: a killed broker is fenced after 9 s (broker.session.timeout.ms), a busy machine adds more. */
  readonly timeoutMs?: number;
  /** Default 250 ms. */
  readonly intervalMs?: number;
}

/** Starts a cluster of three nodes (or `options.nodes`) on free ports. Stop it in afterAll, or use {@link withCluster}. */
export function startTestCluster(options: ClusterOptions = {}): Promise<Cluster> {
  return startCluster({ nodes: 3, ...options, port: 0 });
}

/** Runs `test` on a fresh cluster and stops every node afterwards, also when `test` fails. */
export async function withCluster<T>(test: (cluster: Cluster) => Promise<T>, options: ClusterOptions = {}): Promise<T> {
  const cluster = await startTestCluster(options);
  try {
    return await test(cluster);
  } finally {
    await cluster.stop();
  }
}

/**
 * Resolves once `predicate` holds, checking every `intervalMs`; a predicate that throws has not held yet (brokers
 * refuse requests while they fail over). Rejects after `timeoutMs`, naming `what` and the last error.
 */
export async function waitFor(predicate: () => boolean | Promise<boolean>, { what = 'a condition', ...options }: WaitOptions & { what?: string } = {}): Promise<void> {
  const { timeoutMs = 60_000, intervalMs = 250 } = options;
  const deadline = Date.now() + timeoutMs;
  let lastError: unknown;
  for (;;) {
    try {
      if (await predicate()) return;
    } catch (error) {
      lastError = error;
    }
    if (Date.now() > deadline) {
      const why = lastError instanceof Error ? ` (last error: ${lastError.message})` : '';
      throw new Error(`timed out after ${timeoutMs / 1000} s waiting for ${what}${why}`);
    }
    await sleep(intervalMs);
  }
}

/** Runs `use` with a connected kafkajs admin on the nodes that run now. */
export async function withAdmin<T>(cluster: Cluster, use: (admin: kafkajs.Admin) => Promise<T>): Promise<T> {
  const brokers = cluster.nodes.filter((node) => node.running).map((node) => node.bootstrapServer);
  const kafka = new kafkajs.Kafka({ clientId: 'perf-test-cluster-tests', brokers, logLevel: kafkajs.logLevel.NOTHING, connectionTimeout: 2000, retry: { retries: 2, initialRetryTime: 100, maxRetryTime: 1000 } });
  const admin = kafka.admin();
  await admin.connect();
  try {
    return await use(admin);
  } finally {
    await admin.disconnect();
  }
}

/** Creates a topic of `partitions` partitions (default 6) and `replicationFactor` replicas (default 3) and waits for its leaders. */
export async function createReplicatedTopic(cluster: Cluster, topic: string, { partitions = 6, replicationFactor = 3 } = {}): Promise<void> {
  // Not kafkajs' own waitForLeaders (its default): it gives up when a node answers UNKNOWN_TOPIC_OR_PARTITION before
  // it has the topic's metadata (seen right after a node restarted, and on a busy machine): wait on the metadata
  // instead, which tolerates that.
  await withAdmin(cluster, (admin) => admin.createTopics({ waitForLeaders: false, topics: [{ topic, numPartitions: partitions, replicationFactor }] }));
  await waitForLeaders(cluster, topic);
}

/** Every partition of the topic, by partition id. */
export async function topicPartitions(cluster: Cluster, topic: string): Promise<PartitionState[]> {
  const { topics } = await withAdmin(cluster, (admin) => admin.fetchTopicMetadata({ topics: [topic] }));
  return (topics[0]?.partitions ?? [])
    .map(({ partitionId, leader, replicas, isr }) => ({ partition: partitionId, leader, replicas, isr }))
    .sort((a, b) => a.partition - b.partition);
}

/**
 * The node that coordinates every consumer group: the leader of __consumer_offsets' one partition (the harness sets
 * offsets.topic.num.partitions=1). The topic exists once a group has been used.
 */
export async function groupCoordinator(cluster: Cluster): Promise<number> {
  const [partition] = await topicPartitions(cluster, '__consumer_offsets');
  if (partition === undefined) throw new Error('__consumer_offsets does not exist yet: no group has been used');
  return partition.leader;
}

/** Waits until every partition has a leader on a running node (and not on `excluding`, e.g. a node just killed). */
export async function waitForLeaders(cluster: Cluster, topic: string, { excluding, ...options }: WaitOptions & { excluding?: number } = {}): Promise<PartitionState[]> {
  const elsewhere = excluding === undefined ? '' : ` off node ${excluding}`;
  return waitForPartitions(cluster, topic, `a leader on a running node${elsewhere} for every partition of ${topic}`, options, (p) => {
    const running = cluster.nodes.filter((node) => node.running).map((node) => node.id);
    return p.leader !== excluding && running.includes(p.leader);
  });
}

/** Waits until every partition's ISR holds all its replicas again (a restarted node has caught up). */
export function waitForFullIsr(cluster: Cluster, topic: string, options: WaitOptions = {}): Promise<PartitionState[]> {
  return waitForPartitions(cluster, topic, `every replica of ${topic} in sync`, options, (p) => p.replicas.every((id) => p.isr.includes(id)));
}

/** Waits until every partition is led by its preferred replica (the first). */
export function waitForPreferredLeaders(cluster: Cluster, topic: string, options: WaitOptions = {}): Promise<PartitionState[]> {
  return waitForPartitions(cluster, topic, `the preferred leaders of ${topic}`, options, (p) => p.leader === p.replicas[0]);
}

/**
 * Makes each partition's second replica its preferred one (the first of its list): Kafka's reassignment of the same
 * replicas in another order, which moves no data and leaves the leaders where they are, so that a preferred election
 * ({@link electLeaders}) then moves every partition's leadership. Resolves once the metadata shows the new order.
 */
export async function rotatePreferredReplicas(cluster: Cluster, topic: string): Promise<void> {
  const wanted = new Map((await topicPartitions(cluster, topic)).map((p) => [p.partition, [...p.replicas.slice(1), p.replicas[0]!]]));
  await withAdmin(cluster, (admin) => admin.alterPartitionReassignments({
    topics: [{ topic, partitionAssignment: [...wanted].map(([partition, replicas]) => ({ partition, replicas })) }],
  }));
  await waitForPartitions(cluster, topic, `the replicas of ${topic} in their new order`, {}, (p) => p.replicas.join() === wanted.get(p.partition)?.join());
}

/**
 * Runs Kafka's own leader election (kafka-leader-election.sh: org.apache.kafka.tools.LeaderElectionCommand) on
 * every partition of the topic: `preferred` moves leadership back to each partition's first replica (wait with
 * {@link waitForPreferredLeaders}), `unclean` elects an out-of-sync replica where no leader is left.
 */
export async function electLeaders(cluster: Cluster, topic: string, type: 'preferred' | 'unclean' = 'preferred'): Promise<void> {
  const partitions = (await topicPartitions(cluster, topic)).map(({ partition }) => ({ topic, partition }));
  const dir = await mkdtemp(join(tmpdir(), 'perf-test-election-'));
  try {
    const file = join(dir, 'partitions.json');
    await writeFile(file, JSON.stringify({ partitions }));
    const running = cluster.nodes.filter((node) => node.running).map((node) => node.bootstrapServer).join(',');
    const { command, args } = kafkaJavaCommand({
      version: cluster.version,
      classData: true,
      mainClass: 'org.apache.kafka.tools.LeaderElectionCommand',
      args: ['--bootstrap-server', running, '--election-type', type.toUpperCase(), '--path-to-json-file', file],
      jvmArgs: ['-Xmx256m', '-XX:TieredStopAtLevel=1'],
    });
    await promisify(execFile)(command, args, { timeout: 60_000 });
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

async function waitForPartitions(cluster: Cluster, topic: string, what: string, options: WaitOptions, holds: (p: PartitionState) => boolean): Promise<PartitionState[]> {
  let partitions: PartitionState[] = [];
  try {
    await waitFor(async () => {
      partitions = await topicPartitions(cluster, topic);
      return partitions.length > 0 && partitions.every(holds);
    }, { what, ...options });
  } catch (error) {
    const seen = partitions.map((p) => `${p.partition}: leader ${p.leader}, replicas ${p.replicas}, isr ${p.isr}`);
    throw new Error(`${(error as Error).message}; last seen:\n${seen.join('\n')}`);
  }
  return partitions;
}
