// The command line of `npm run kafka:<command>`: parsed into one value, or a UsageError naming the flag.
import { parseArgs } from 'node:util';
import { MAX_NODES } from './cluster.js';
import { DEFAULT_KAFKA_VERSION } from './version.js';

/** What the command line asks for. */
export type HarnessCommand =
  | { readonly command: 'help' }
  | { readonly command: 'start'; readonly nodes: number; readonly port: number | undefined }
  | { readonly command: 'stop' | 'status' | 'fetch' };

/** Each kind of ending its own code, so scripts can tell a cluster that is down from a harness that broke. */
export const HarnessExit = {
  Ok: 0,
  /** Starting, stopping or fetching failed. */
  Failed: 1,
  /** A bad command line. */
  Usage: 2,
  /** `status`: the cluster, or one of its nodes, is not running. */
  NotRunning: 3,
} as const;

/** A bad command line: the message names the flag or word and the bad value. */
export class UsageError extends Error {
  override readonly name = 'UsageError';
}

const COMMANDS = ['start', 'stop', 'status', 'fetch'] as const;

export const USAGE = `Usage: npm run kafka:start [-- --nodes N --port P]
       npm run kafka:stop | kafka:status | kafka:fetch
       (or: node dist/harness/cli.js <command> [options])

A local Apache Kafka for experiments: KRaft nodes on 127.0.0.1, each broker and controller in its own JVM,
run from Apache Kafka's jars on Maven Central (fetched once into ~/.cache/perf-test). Needs Java 17+, and
Maven to fetch the jars.

Commands:
  start    start the cluster in the background (state and logs in .kafka/); prints its bootstrap servers
  stop     stop it and remove .kafka/
  status   print its nodes; exit 0 if every node runs
  fetch    fetch the jars of $KAFKA_VERSION, and record the classes a broker loads (JVMs start faster)

Options of start:
  --nodes N   nodes (default 1, at most ${MAX_NODES}); with 3 or more, topics get 3 replicas and
              min.insync.replicas=2, so one node may fail without failing acks=all writes
  --port P    client port of node 1; node n listens on P+n-1 (default $KAFKA_PORT or 9092)
  -h, --help  show this help

Environment: KAFKA_VERSION (default ${DEFAULT_KAFKA_VERSION}; 3.9.x works too), KAFKA_PORT, KAFKA_CACHE_DIR
(default ~/.cache/perf-test).

Examples:
  npm run kafka:start -- --nodes 3      # 127.0.0.1:9092,127.0.0.1:9093,127.0.0.1:9094
  npx perf-test --bootstrap-server 127.0.0.1:9092,127.0.0.1:9093 --topic t --partitions 6 \\
    --num-records 100000 --throughput 2000
  npm run kafka:stop

Exit codes: 0 done, 1 failed, 2 bad command line, 3 (status) not every node runs.`;

export function parseHarnessArgs(argv: readonly string[]): HarnessCommand {
  let parsed;
  try {
    parsed = parseArgs({
      args: [...argv],
      allowPositionals: true,
      strict: true,
      options: { nodes: { type: 'string' }, port: { type: 'string' }, help: { type: 'boolean', short: 'h' } },
    });
  } catch (error) {
    throw new UsageError(parseArgsMessage(error));
  }
  const { values, positionals } = parsed;
  if (values.help) return { command: 'help' };
  const [command, ...extra] = positionals;
  if (command === undefined) throw new UsageError(`missing command: one of ${COMMANDS.join(', ')}`);
  if (!isCommand(command)) throw new UsageError(`unknown command "${command}": expected one of ${COMMANDS.join(', ')}`);
  if (extra.length > 0) throw new UsageError(`unexpected argument "${extra[0]}" after ${command}`);
  if (command !== 'start') {
    const flag = values.nodes !== undefined ? '--nodes' : values.port !== undefined ? '--port' : undefined;
    if (flag) throw new UsageError(`${flag} applies to start only`);
    return { command };
  }
  const nodes = values.nodes === undefined ? 1 : integerFlag('--nodes', values.nodes, 1, MAX_NODES);
  const port = values.port === undefined ? undefined : integerFlag('--port', values.port, 1, 65535 - (nodes - 1));
  return { command, nodes, port };
}

/** node:util's messages, in the words of the rest: "unknown option --foo", "--nodes needs a value". */
function parseArgsMessage(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  const unknown = /^Unknown option '([^']+)'/.exec(message);
  if (unknown) return `unknown option ${unknown[1]}`;
  const missing = /^Option '(?:-\w, )?(--[\w-]+) <value>' argument missing/.exec(message);
  if (missing) return `${missing[1]} needs a value`;
  return message.split('. ')[0] ?? message;
}

function isCommand(word: string): word is (typeof COMMANDS)[number] {
  return (COMMANDS as readonly string[]).includes(word);
}

function integerFlag(flag: string, text: string, min: number, max: number): number {
  const value = Number(text);
  if (!/^\d+$/.test(text) || value < min || value > max) {
    throw new UsageError(`invalid ${flag} "${text}": expected a whole number from ${min} to ${max}`);
  }
  return value;
}
