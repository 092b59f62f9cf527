// A cluster of N combined-mode KRaft nodes on 127.0.0.1, each its own JVM from the same cached jars, sharing one
// cluster id and controller quorum. One node is the single broker of the tests, the demo and the benchmarks.
import fs from 'node:fs';
import fsp from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fetchKafka } from './fetch.js';
import { brokerCommand, classDataOptions, heapFlags } from './java.js';
import { nodeLayout, prepareNode } from './layout.js';
import { waitForBrokers } from './metadata.js';
import { KafkaNode, type NodeInfo } from './node.js';
import { JAVA_NEEDED, STOP_GRACE_MS, requireOnPath } from './os.js';
import { reservePorts } from './ports.js';
import { type NodeAddress, newClusterId } from './properties.js';
import { resolveKafkaVersion } from './version.js';

/** Nodes are JVMs of up to 512 MiB on one machine: more than this is a typo. */
export const MAX_NODES = 9;
const READY_TIMEOUT_MS = 90_000;

/**
 * How long each node gets to shut down cleanly when the whole cluster stops and its data goes: the last nodes
 * of a quorum that is going away wait for it in their controlled shutdown (14 s for two of three), and nothing
 * they would save is kept. A single node gets Kafka's time.
 */
export function clusterStopGraceMs(nodes: number): number {
  return nodes > 1 ? 5_000 : STOP_GRACE_MS;
}

/** The options of {@link startCluster}. */
export interface ClusterOptions {
  /** KRaft nodes, each broker and controller in its own JVM: 1 (default) to {@link MAX_NODES}. */
  readonly nodes?: number;
  /** Kafka version (default $KAFKA_VERSION or 4.1.1). */
  readonly version?: string;
  /** Max heap of each node, e.g. "512m" (the default). */
  readonly heap?: string;
  /** Client port of node 1; node n listens on port + n - 1. 0 or undefined: free ports. */
  readonly port?: number;
  /** Empty or missing dir for every node's config, logs and data (default: a fresh temp dir). stop() removes it. */
  readonly dir?: string;
  /**
   * Run the JVMs in their own session, to outlive this process (the CLI's `start`). Otherwise they share its
   * process group, so a Ctrl-C reaches them too, and they are killed if it exits without stop().
   */
  readonly detached?: boolean;
  /**
   * JVM options of every node besides Kafka's own (e.g. "-XX:+UseZGC"). Default: class-data sharing, once its
   * archive is recorded (class-data.ts).
   */
  readonly jvmOptions?: readonly string[];
  /**
   * The nodes share a small machine with the work they serve (a test suite): C1 alone and the serial collector
   * (SHARED_MACHINE_JVM_OPTS in java.ts). Default: for a cluster of several nodes; a single broker runs with Kafka's
   * own settings, as users run it and benchmarks measure it.
   */
  readonly sharedMachine?: boolean;
  /** Called once every node's JVM has a pid, before they are ready. */
  readonly onSpawn?: (nodes: readonly NodeInfo[]) => void | Promise<void>;
}

/** A running cluster, from {@link startCluster}. */
export interface Cluster {
  /** Every node's client address: "127.0.0.1:P1,127.0.0.1:P2,...". */
  readonly bootstrapServers: string;
  readonly version: string;
  readonly clusterId: string;
  /** Holds node-<id>/ of each node. */
  readonly dir: string;
  /** Each node as it is now, by id. */
  readonly nodes: readonly NodeInfo[];
  node(id: number): NodeInfo;
  /** SIGKILL one node, as a crash; resolves once its JVM has exited. */
  kill(id: number): Promise<void>;
  /**
   * With an id: SIGTERM that node (a clean shutdown that moves its leaders away; SIGKILL after 20 s).
   * Without: stop every node (SIGKILL after 5 s if there are several) and remove `dir`. Safe to call twice.
   */
  stop(id?: number): Promise<void>;
  /** Starts a node again on its old data and command line (stopping it first if it runs); resolves once it serves. */
  restart(id: number): Promise<void>;
}

/**
 * Starts the nodes and resolves once every client port accepts connections and the controllers list every
 * node as a broker, so that a topic of N replicas can be created at once.
 */
export async function startCluster(options: ClusterOptions = {}): Promise<Cluster> {
  const { nodes: count = 1, heap = '512m', port = 0, detached = false } = options;
  if (!Number.isInteger(count) || count < 1 || count > MAX_NODES) {
    throw new RangeError(`invalid number of nodes ${count}: expected 1 to ${MAX_NODES}`);
  }
  heapFlags(heap);
  const version = resolveKafkaVersion(options.version);
  const { libDir } = await fetchKafka({ version });
  requireOnPath('java', JAVA_NEEDED);
  const dir = await clusterDir(options.dir);
  const cluster = new LocalCluster(version, newClusterId(), dir, detached);
  const extraOptions = options.jvmOptions ?? classDataOptions(version);
  const sharedMachine = options.sharedMachine ?? count > 1;
  try {
    const addresses = nodeAddresses(await reservePorts(wantedPorts(count, port)));
    for (const address of addresses) {
      const layout = nodeLayout({ clusterDir: dir, id: address.id, version });
      const command = brokerCommand({ libDir, heap, sharedMachine, extraOptions, ...layout });
      cluster.add(new KafkaNode(address, layout, command, detached));
    }
    const { clusterId } = cluster;
    await Promise.all(
      cluster.all.map(({ address, layout }) => prepareNode({ version, libDir, clusterId, layout, address, voters: addresses })),
    );
    await cluster.start(options.onSpawn);
  } catch (error) {
    await cluster.stop();
    throw error;
  }
  return cluster;
}

/** The client ports asked for (0: any free one), then one free controller port per node. */
export function wantedPorts(count: number, firstPort: number): number[] {
  const client = Array.from({ length: count }, (_, i) => (firstPort > 0 ? firstPort + i : 0));
  return [...client, ...client.map(() => 0)];
}

/** Node ids 1..N with their client ports (the first half) and controller ports (the second half). */
export function nodeAddresses(ports: readonly number[]): NodeAddress[] {
  const count = ports.length / 2;
  return ports.slice(0, count).map((port, i) => ({ id: i + 1, port, controllerPort: ports[count + i] ?? 0 }));
}

async function clusterDir(dir: string | undefined): Promise<string> {
  if (!dir) return fsp.mkdtemp(path.join(os.tmpdir(), 'perf-test-kafka-'));
  const resolved = path.resolve(dir);
  if (fs.existsSync(resolved) && fs.readdirSync(resolved).length > 0) throw new Error(`cluster dir ${resolved} is not empty`);
  await fsp.mkdir(resolved, { recursive: true });
  return resolved;
}

class LocalCluster implements Cluster {
  readonly all: KafkaNode[] = [];
  #stopping: Promise<void> | undefined;
  // If this process exits without stop(), the JVMs must not outlive it (unless they were started to).
  readonly #killOnExit = () => {
    for (const node of this.all) node.killNow();
    fs.rmSync(this.dir, { recursive: true, force: true });
  };

  constructor(
    readonly version: string,
    readonly clusterId: string,
    readonly dir: string,
    private readonly detached: boolean,
  ) {
    if (!detached) process.once('exit', this.#killOnExit);
  }

  get bootstrapServers(): string {
    return this.all.map((node) => node.info().bootstrapServer).join(',');
  }

  get nodes(): NodeInfo[] {
    return this.all.map((node) => node.info());
  }

  add(node: KafkaNode): void {
    this.all.push(node);
  }

  async start(onSpawn: ClusterOptions['onSpawn']): Promise<void> {
    for (const node of this.all) node.spawn();
    await onSpawn?.(this.nodes);
    const deadline = Date.now() + READY_TIMEOUT_MS;
    await Promise.all(this.all.map((node) => node.waitReady(deadline)));
    await waitForBrokers(this.bootstrapServers, this.all.length, deadline);
    if (this.detached) for (const node of this.all) node.unref();
  }

  node(id: number): NodeInfo {
    return this.#node(id).info();
  }

  kill(id: number): Promise<void> {
    return this.#node(id).kill();
  }

  stop(id?: number): Promise<void> {
    if (id !== undefined) return this.#node(id).stop();
    return (this.#stopping ??= (async () => {
      process.off('exit', this.#killOnExit);
      const graceMs = clusterStopGraceMs(this.all.length);
      await Promise.all(this.all.map((node) => node.stop(graceMs)));
      await fsp.rm(this.dir, { recursive: true, force: true });
    })());
  }

  async restart(id: number): Promise<void> {
    const node = this.#node(id);
    await node.stop();
    if (this.#stopping) throw new Error(`cannot restart node ${id}: the cluster is stopped`);
    node.spawn();
    await node.waitReady(Date.now() + READY_TIMEOUT_MS);
  }

  #node(id: number): KafkaNode {
    const node = this.all.find((candidate) => candidate.address.id === id);
    if (!node) throw new RangeError(`no node ${id} in this cluster: its nodes are 1 to ${this.all.length}`);
    return node;
  }
}
