#!/usr/bin/env node
// `npm run kafka:start|stop|status|fetch`: the local Kafka cluster from the command line.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { HarnessExit, USAGE, UsageError, parseHarnessArgs } from './args.js';
import { recordClassData } from './class-data.js';
import { fetchKafka } from './fetch.js';
import { LOCAL_DIR, type LocalNodeState, localBrokerStatus, startLocalBroker, stopLocalBroker } from './local.js';
import { resolveKafkaVersion } from './version.js';

/** Output streams, so that tests can run the CLI in-process. */
export interface Streams {
  out(line: string): void;
  err(line: string): void;
}

const STDIO: Streams = {
  out: (line) => process.stdout.write(`${line}\n`),
  err: (line) => process.stderr.write(`${line}\n`),
};

/** Runs one command; returns the exit code. Only usage errors and failures reach `err`. */
export async function main(argv: readonly string[], io: Streams = STDIO): Promise<number> {
  try {
    const args = parseHarnessArgs(argv);
    switch (args.command) {
      case 'help':
        io.out(USAGE);
        return HarnessExit.Ok;
      case 'start': {
        const started = await startLocalBroker({ nodes: args.nodes, port: args.port });
        const how = started.alreadyRunning ? 'is already running' : 'is running';
        io.out(`Kafka ${started.state.version} ${how}: ${describe(started.state.nodes)}`);
        io.out(`bootstrap servers: ${started.state.bootstrapServers}`);
        if (!started.alreadyRunning) io.out(`logs: ${relative(path.join(LOCAL_DIR, 'node-*', 'server.log'))}`);
        return HarnessExit.Ok;
      }
      case 'stop': {
        const { stopped, stale } = await stopLocalBroker();
        if (stopped.length > 0) io.out(`Stopped Kafka: ${describe(stopped)}; removed ${relative(LOCAL_DIR)}/`);
        else io.out(`Kafka is not running${stale ? ` (removed stale state in ${relative(LOCAL_DIR)}/)` : ''}`);
        return HarnessExit.Ok;
      }
      case 'status':
        return status(io);
      case 'fetch': {
        const { libDir } = await fetchKafka();
        const jars = fs.readdirSync(libDir).filter((name) => name.endsWith('.jar')).length;
        io.out(`Apache Kafka ${resolveKafkaVersion()}: ${jars} jars in ${libDir}`);
        const archive = await recordClassData();
        io.out(archive ? `class-data archive (faster JVM starts): ${archive}` : 'no class-data archive: this Java records none');
        return HarnessExit.Ok;
      }
    }
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    if (error instanceof UsageError) {
      io.err(`Error: ${message} (see --help)`);
      return HarnessExit.Usage;
    }
    io.err(`Error: ${message}`);
    return HarnessExit.Failed;
  }
}

function status(io: Streams): number {
  const current = localBrokerStatus();
  if (!current?.running) {
    io.out(`Kafka is not running${current ? ` (stale state in ${relative(LOCAL_DIR)}/)` : ''}`);
    return HarnessExit.NotRunning;
  }
  const { state, nodes } = current;
  const up = nodes.filter((node) => node.running);
  const down = nodes.filter((node) => !node.running);
  io.out(`Kafka ${state.version} is running: ${describe(up, nodes.length)}`);
  io.out(`bootstrap servers: ${state.bootstrapServers}`);
  if (down.length === 0) return HarnessExit.Ok;
  io.out(`not running: ${down.map((node) => `node ${node.id} (port ${node.port})`).join(', ')}`);
  return HarnessExit.NotRunning;
}

/** "1 node (pid 7)", "3 nodes (pids 7, 8, 9)", or with a larger total "2 of 3 nodes (pids 7, 9)" */
function describe(nodes: readonly LocalNodeState[], total = nodes.length): string {
  const count = total === nodes.length ? `${total}` : `${nodes.length} of ${total}`;
  const pids = nodes.map((node) => node.pid).join(', ');
  return `${count} node${total === 1 ? '' : 's'} (pid${nodes.length === 1 ? '' : 's'} ${pids})`;
}

function relative(file: string): string {
  return path.relative(process.cwd(), file) || '.';
}

if (process.argv[1] && fs.realpathSync(process.argv[1]) === fileURLToPath(import.meta.url)) {
  process.exitCode = await main(process.argv.slice(2));
}
