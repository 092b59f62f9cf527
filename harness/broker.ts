// The single broker of the tests, the demo and the benchmarks: a cluster of one node.
import { type ClusterOptions, startCluster } from './cluster.js';

/** A running single-node broker, from {@link startBroker}. */
export interface Broker {
  /** "127.0.0.1:<port>" */
  readonly bootstrapServers: string;
  /** The client (PLAINTEXT) port. */
  readonly port: number;
  /** The broker's JVM. */
  readonly pid: number;
  /** Holds node-1/ with server.properties, server.log and the data; removed by stop(). */
  readonly dir: string;
  readonly version: string;
  /** SIGTERM, SIGKILL after 20 s, then remove `dir`; safe to call twice. */
  stop(): Promise<void>;
}

/** Starts a single-node KRaft broker and resolves once it serves; see {@link startCluster} for the options. */
export async function startBroker(options: Omit<ClusterOptions, 'nodes' | 'onSpawn'> = {}): Promise<Broker> {
  const cluster = await startCluster({ ...options, nodes: 1 });
  const [node] = cluster.nodes;
  if (node?.pid === undefined) throw new Error('unreachable: a started broker has a pid');
  const { bootstrapServers, dir, version } = cluster;
  return { bootstrapServers, port: node.port, pid: node.pid, dir, version, stop: () => cluster.stop() };
}
