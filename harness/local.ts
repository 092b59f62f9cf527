// The background cluster of `npm run kafka:start`: detached JVMs, with their pids in .kafka/cluster.json so
// that `stop` and `status` in another process find them (and signal only those very JVMs).
import fs from 'node:fs';
import fsp from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { type Cluster, clusterStopGraceMs, startCluster } from './cluster.js';
import { isAlive, processCommandLine, readIfExists, terminate } from './os.js';
import { resolveKafkaVersion } from './version.js';

/** The repository's .kafka/ (git-ignored), from the sources and from dist/ alike. */
export const LOCAL_DIR = path.join(repoDir(), '.kafka');
const STATE_FILE = path.join(LOCAL_DIR, 'cluster.json');

/** One node of the background cluster, as recorded at start. */
export interface LocalNodeState {
  readonly id: number;
  readonly pid: number;
  readonly port: number;
}

/** What `start` records in .kafka/cluster.json. */
export interface LocalClusterState {
  readonly version: string;
  readonly bootstrapServers: string;
  readonly startedAt: string;
  readonly nodes: readonly LocalNodeState[];
}

/** The recorded cluster, and which of its nodes still run. */
export interface LocalClusterStatus {
  readonly state: LocalClusterState;
  readonly nodes: ReadonlyArray<LocalNodeState & { readonly running: boolean }>;
  /** At least one node runs. */
  readonly running: boolean;
}

/** The options of {@link startLocalBroker}. */
export interface LocalClusterOptions {
  /** Default 1. */
  readonly nodes?: number;
  /** Client port of node 1; node n gets port + n - 1 (default $KAFKA_PORT or 9092). */
  readonly port?: number;
  readonly version?: string;
}

export type LocalStart =
  | { readonly alreadyRunning: true; readonly state: LocalClusterState }
  | { readonly alreadyRunning: false; readonly state: LocalClusterState; readonly cluster: Cluster };

/** The background cluster recorded in .kafka/, undefined without (readable) state. */
export function localBrokerStatus(): LocalClusterStatus | undefined {
  const text = readIfExists(STATE_FILE);
  if (!text) return undefined;
  try {
    const state = JSON.parse(text) as LocalClusterState;
    const nodes = state.nodes.map((node) => ({ ...node, running: isLocalNode(node) }));
    return { state, nodes, running: nodes.some((node) => node.running) };
  } catch {
    return undefined;
  }
}

/**
 * Starts the background cluster (detached, state in .kafka/) unless it already runs. One that runs with
 * another number of nodes or another port is an error: stop it first.
 */
export async function startLocalBroker({ nodes = 1, port = localPort(), version }: LocalClusterOptions = {}): Promise<LocalStart> {
  const status = localBrokerStatus();
  if (status?.running) {
    const { state } = status;
    if (state.nodes.length !== nodes || state.nodes[0]?.port !== port) {
      const size = `${state.nodes.length} node${state.nodes.length === 1 ? '' : 's'}`;
      throw new Error(`a local cluster of ${size} already runs at ${state.bootstrapServers}: run \`npm run kafka:stop\` first`);
    }
    return { alreadyRunning: true, state };
  }
  await fsp.rm(LOCAL_DIR, { recursive: true, force: true }); // stale state of a cluster that died
  const kafkaVersion = resolveKafkaVersion(version);
  let state: LocalClusterState | undefined;
  const cluster = await startCluster({
    nodes,
    port,
    version: kafkaVersion,
    dir: LOCAL_DIR,
    detached: true,
    onSpawn: async (spawned) => {
      const recorded = spawned.map(({ id, pid, port: p }) => ({ id, pid: pid ?? 0, port: p }));
      const bootstrapServers = spawned.map((node) => node.bootstrapServer).join(',');
      state = { version: kafkaVersion, bootstrapServers, startedAt: new Date().toISOString(), nodes: recorded };
      await fsp.writeFile(STATE_FILE, `${JSON.stringify(state, null, 2)}\n`);
    },
  });
  if (!state) throw new Error('unreachable: the cluster started without pids');
  return { alreadyRunning: false, state, cluster };
}

/** Stops the background cluster's JVMs (only pids that really are its nodes) and removes .kafka/. */
export async function stopLocalBroker(): Promise<{ stopped: readonly LocalNodeState[]; stale: boolean }> {
  const status = localBrokerStatus();
  const running = status?.nodes.filter((node) => node.running) ?? [];
  const graceMs = clusterStopGraceMs(status?.nodes.length ?? 1);
  await Promise.all(running.map((node) => terminate(node.pid, { graceMs })));
  const stale = running.length === 0 && fs.existsSync(LOCAL_DIR);
  await fsp.rm(LOCAL_DIR, { recursive: true, force: true });
  return { stopped: running.map(({ id, pid, port }) => ({ id, pid, port })), stale };
}

/** $KAFKA_PORT, else 9092. */
export function localPort(env: NodeJS.ProcessEnv = process.env): number {
  const port = Number(env.KAFKA_PORT || 9092);
  if (!Number.isInteger(port) || port < 1 || port > 65535) {
    throw new Error(`invalid KAFKA_PORT "${env.KAFKA_PORT}": expected a port number`);
  }
  return port;
}

function isLocalNode({ id, pid }: LocalNodeState): boolean {
  if (!Number.isInteger(pid) || pid <= 0 || !isAlive(pid)) return false;
  const commandLine = processCommandLine(pid);
  const properties = path.join(LOCAL_DIR, `node-${id}`, 'server.properties');
  return commandLine !== undefined && commandLine.includes('kafka.Kafka') && commandLine.includes(properties);
}

function repoDir(): string {
  let dir = path.dirname(fileURLToPath(import.meta.url));
  while (!fs.existsSync(path.join(dir, 'package.json')) && path.dirname(dir) !== dir) dir = path.dirname(dir);
  return dir;
}
