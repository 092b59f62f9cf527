// One node's dir: its server.properties, logging config, logs and formatted data dir.
import fsp from 'node:fs/promises';
import path from 'node:path';
import { storageFormatCommand } from './java.js';
import { loggingConfig, loggingJvmFlag } from './logging.js';
import { lastLines, run } from './os.js';
import { type NodeAddress, serverProperties } from './properties.js';

/** Where one node's files are. */
export interface NodeLayout {
  /** `<cluster dir>/node-<id>`: removed with the cluster. */
  readonly dir: string;
  readonly dataDir: string;
  readonly serverProperties: string;
  /** The broker's own log (INFO and above). */
  readonly serverLog: string;
  /** The JVM's stdout and stderr. */
  readonly javaOut: string;
  readonly loggingFile: string;
  readonly loggingFlag: string;
}

export function nodeLayout({ clusterDir, id, version }: { clusterDir: string; id: number; version: string }): NodeLayout {
  const dir = path.join(clusterDir, `node-${id}`);
  const serverLog = path.join(dir, 'server.log');
  const loggingFile = path.join(dir, loggingConfig({ version, logFile: serverLog }).fileName);
  return {
    dir,
    dataDir: path.join(dir, 'data'),
    serverProperties: path.join(dir, 'server.properties'),
    serverLog,
    javaOut: path.join(dir, 'java.out'),
    loggingFile,
    loggingFlag: loggingJvmFlag({ version, configFile: loggingFile }),
  };
}

/** The options of {@link prepareNode}. */
export interface PrepareNode {
  readonly version: string;
  readonly libDir: string;
  readonly clusterId: string;
  readonly layout: NodeLayout;
  readonly address: NodeAddress;
  /** Every node of the cluster. */
  readonly voters: readonly NodeAddress[];
}

/** Writes the node's config and formats its data dir with the cluster's id, as kafka-storage.sh format does. */
export async function prepareNode({ version, libDir, clusterId, layout, address, voters }: PrepareNode): Promise<void> {
  await fsp.mkdir(layout.dataDir, { recursive: true });
  await fsp.writeFile(layout.loggingFile, loggingConfig({ version, logFile: layout.serverLog }).content);
  const { port, controllerPort, id: nodeId } = address;
  const properties = serverProperties({ version, port, controllerPort, nodeId, voters, dataDir: layout.dataDir });
  await fsp.writeFile(layout.serverProperties, properties);
  const format = storageFormatCommand({ libDir, clusterId, version, ...layout });
  const result = await run(format.command, format.args);
  if (result.code !== 0) {
    const output = lastLines(result.output, 20);
    throw new Error(`formatting the storage of node ${nodeId} failed (exit ${result.code}):\n${output}`);
  }
}
