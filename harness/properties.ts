// server.properties of one combined-mode KRaft node (broker and controller in one JVM), alone or in a cluster.
import { randomBytes } from 'node:crypto';
import { parseKafkaVersion } from './version.js';

/** Every node listens on loopback only. */
export const HOST = '127.0.0.1';

/** Where one node of a cluster listens. */
export interface NodeAddress {
  /** Kafka's node.id, 1..N. */
  readonly id: number;
  /** The client (PLAINTEXT) port. */
  readonly port: number;
  /** The CONTROLLER listener's port, which the other nodes' quorum connects to. */
  readonly controllerPort: number;
}

/** What topics get by default on a cluster of some size. */
export interface Replication {
  /** Replicas of new topics and of the internal topics: 3, or every node of a smaller cluster. */
  readonly replicationFactor: number;
  /** One replica may be lost without failing acks=all writes; a single node needs only itself. */
  readonly minInsyncReplicas: number;
}

/** The options of {@link serverProperties}; without `voters`, the node is a cluster of its own. */
export interface ServerPropertiesOptions {
  readonly version: string;
  readonly port: number;
  readonly controllerPort: number;
  /** The node's log.dirs. */
  readonly dataDir: string;
  /** node.id (default 1). */
  readonly nodeId?: number;
  /** Every node of the cluster, this one included (default: this node alone). */
  readonly voters?: readonly NodeAddress[];
}

export function replicationFor(nodes: number): Replication {
  const replicationFactor = Math.min(3, nodes);
  return { replicationFactor, minInsyncReplicas: Math.max(1, replicationFactor - 1) };
}

/** controller.quorum.voters: "1@127.0.0.1:C1,2@127.0.0.1:C2,...", the same on every node. */
export function quorumVoters(nodes: readonly NodeAddress[]): string {
  return nodes.map((node) => `${node.id}@${HOST}:${node.controllerPort}`).join(',');
}

export function serverProperties(options: ServerPropertiesOptions): string {
  const { version, port, controllerPort, dataDir, nodeId = 1 } = options;
  const voters = options.voters ?? [{ id: nodeId, port, controllerPort }];
  const { major } = parseKafkaVersion(version);
  const { replicationFactor: rf, minInsyncReplicas: isr } = replicationFor(voters.length);
  return [
    '# Written by the perf-test harness: one KRaft node acting as broker and controller.',
    'process.roles=broker,controller',
    `node.id=${nodeId}`,
    `controller.quorum.voters=${quorumVoters(voters)}`,
    `listeners=PLAINTEXT://${HOST}:${port},CONTROLLER://${HOST}:${controllerPort}`,
    `advertised.listeners=PLAINTEXT://${HOST}:${port}`,
    'inter.broker.listener.name=PLAINTEXT',
    'controller.listener.names=CONTROLLER',
    'listener.security.protocol.map=CONTROLLER:PLAINTEXT,PLAINTEXT:PLAINTEXT',
    `log.dirs=${propertyValue(dataDir)}`,
    '# Internal topics default to 3 replicas (unsatisfiable on fewer brokers), 50 partitions, a 3 s rebalance delay.',
    `default.replication.factor=${rf}`,
    `min.insync.replicas=${isr}`,
    `offsets.topic.replication.factor=${rf}`,
    'offsets.topic.num.partitions=1',
    `transaction.state.log.replication.factor=${rf}`,
    `transaction.state.log.min.isr=${isr}`,
    'transaction.state.log.num.partitions=1',
    'group.initial.rebalance.delay.ms=0',
    ...(major >= 4
      ? [
          `share.coordinator.state.topic.replication.factor=${rf}`,
          `share.coordinator.state.topic.min.isr=${isr}`,
          'share.coordinator.state.topic.num.partitions=1',
        ]
      : []),
    '# The log cleaner reserves 128 MiB of heap by default.',
    'log.cleaner.dedupe.buffer.size=16777216',
    '# Client quotas, when a test sets one, are measured over 2 s (Kafka: 11) so that a short run meets them.',
    'quota.window.num=2',
    'quota.window.size.seconds=1',
    'auto.create.topics.enable=true',
    'num.partitions=1',
    ...(voters.length > 1 ? SHARED_MACHINE_PROPERTIES : []),
    '',
  ].join('\n');
}

/**
 * Several JVMs share a small machine: fewer threads per node than Kafka sizes for a server of its own.
 * A single node keeps Kafka's defaults, so the benchmarks measure the broker users run.
 */
const SHARED_MACHINE_PROPERTIES = [
  '# Several nodes share this machine: few threads each.',
  'num.io.threads=2',
  'num.network.threads=2',
  'background.threads=2',
  'num.recovery.threads.per.data.dir=1',
  'group.coordinator.threads=1',
];

/**
 * A KRaft cluster id like Kafka's Uuid.randomUuid(): 16 random bytes in base64url without padding
 * (22 characters), never starting with '-' (it would parse as a command-line flag).
 */
export function newClusterId(random: (size: number) => Uint8Array = randomBytes): string {
  for (;;) {
    const id = Buffer.from(random(16)).toString('base64url');
    if (!id.startsWith('-')) return id;
  }
}

/** A value as a Java .properties file reads it back (backslash is its escape character). */
export function propertyValue(value: string): string {
  return value.replaceAll('\\', '\\\\');
}
