import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { inject } from 'vitest';
import kafkajs from 'kafkajs';
import { kafkaJavaCommand } from '../../harness/index.js';
import { waitFor } from './cluster.js';

const BIN = fileURLToPath(new URL('../../bin/perf-test.js', import.meta.url));

/** The broker the global setup started (or $KAFKA_BOOTSTRAP_SERVERS). */
export function bootstrap(): string {
  return inject('kafkaBootstrapServers');
}

/** A topic name no other test uses. */
export function uniqueTopic(prefix = 't'): string {
  return `${prefix}-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 8)}`;
}

export interface CliRun {
  readonly code: number | null;
  readonly signal: NodeJS.Signals | null;
  readonly stdout: string;
  readonly stderr: string;
}

export interface CliOptions {
  readonly env?: Record<string, string | undefined>;
  /** Called with the child once it runs (to send signals). */
  readonly onSpawn?: (child: ReturnType<typeof spawn>) => void;
  readonly timeoutMs?: number;
}

/** Runs the built CLI as a user would, and collects its output and exit code. */
export function runCli(args: readonly string[], options: CliOptions = {}): Promise<CliRun> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [BIN, ...args], {
      env: { ...process.env, ...options.env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`perf-test ${args.join(' ')} did not finish in ${options.timeoutMs ?? 90_000} ms\n${stdout}\n${stderr}`));
    }, options.timeoutMs ?? 90_000);
    child.on('error', reject);
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      resolve({ code, signal, stdout, stderr });
    });
    options.onSpawn?.(child);
  });
}

/**
 * Calls `act` once the child has printed `count` lines that match `pattern`, on stdout or stderr (--json moves the
 * progress lines to stderr): a test acts on what the run says it has done, never after a fixed sleep.
 */
export function whenPrinted(child: ChildProcess, pattern: RegExp, count: number, act: () => unknown): void {
  let seen = 0;
  const watch = (stream: NodeJS.ReadableStream | null) => {
    let partial = '';
    stream?.on('data', (d: Buffer) => {
      const lines = (partial + d.toString()).split('\n');
      partial = lines.pop()!;
      for (const line of lines) {
        if (seen < count && pattern.test(line) && ++seen === count) void act();
      }
    });
  };
  watch(child.stdout);
  watch(child.stderr);
}

/** A line of progress: Kafka's interval line, or perf-test's for an interval without acks. */
export const PROGRESS_LINE = /records sent|no records acknowledged/;

/** An `onSpawn` that calls `act` with the child once the run has printed `intervals` progress lines. */
export function afterIntervals(intervals: number, act: (child: ChildProcess) => unknown): (child: ChildProcess) => void {
  return (child) => whenPrinted(child, PROGRESS_LINE, intervals, () => act(child));
}

/** Runs the CLI with --json and parses its result. */
export async function runJson(args: readonly string[], options: CliOptions = {}): Promise<{ run: CliRun; result: any }> {
  const run = await runCli([...args, '--json'], options);
  let result: unknown;
  try {
    result = JSON.parse(run.stdout);
  } catch {
    // CI prints a failure's first line only: it names the run's own error.
    const error = run.stderr.split('\n').findLast((line) => line.startsWith('Error:')) ?? 'no Error: line on stderr';
    throw new Error(`stdout is not JSON (exit ${run.code}, ${error})\n${run.stdout}\n--- stderr ---\n${run.stderr}`);
  }
  return { run, result };
}

function kafka(servers = bootstrap()) {
  return new kafkajs.Kafka({ clientId: 'perf-test-tests', brokers: servers.split(','), logLevel: kafkajs.logLevel.NOTHING });
}

/** Records a topic holds: the sum over partitions of high - low watermark (on another broker if `servers` says). */
export async function countRecords(topic: string, servers?: string): Promise<number> {
  const admin = kafka(servers).admin();
  await admin.connect();
  try {
    const offsets = await admin.fetchTopicOffsets(topic);
    return offsets.reduce((sum, o) => sum + Number(o.high) - Number(o.low), 0);
  } finally {
    await admin.disconnect();
  }
}

/**
 * Records the topic holds once it holds `expected`, or what it holds after `timeoutMs`. For acks=0 runs: nothing
 * tells the producer when the broker has appended what was written, so the broker may still be reading the last
 * requests off the socket when the run has ended.
 */
export async function countRecordsReaching(topic: string, expected: number, timeoutMs = 10_000, servers?: string): Promise<number> {
  const until = Date.now() + timeoutMs;
  let held = await countRecords(topic, servers);
  while (held < expected && Date.now() < until) {
    await new Promise((resolve) => setTimeout(resolve, 200));
    held = await countRecords(topic, servers);
  }
  return held;
}

/** Creates a topic with `partitions` partitions (and `configEntries`), and waits for their leaders. */
export async function createTopic(topic: string, partitions: number, configEntries?: { name: string; value: string }[]): Promise<void> {
  const admin = kafka().admin();
  await admin.connect();
  try {
    await admin.createTopics({ topics: [{ topic, numPartitions: partitions, ...(configEntries ? { configEntries } : {}) }], waitForLeaders: false });
    // Not kafkajs' own waitForLeaders: it gives up when the broker answers UNKNOWN_TOPIC_OR_PARTITION, which a busy
    // broker does for a moment after the topic was created.
    await waitFor(async () => {
      const { topics } = await admin.fetchTopicMetadata({ topics: [topic] });
      return topics[0]?.partitions.filter((p) => p.leader >= 0).length === partitions;
    }, { what: `the leaders of ${topic}`, timeoutMs: 30_000, intervalMs: 100 });
  } finally {
    await admin.disconnect();
  }
}

/** A record a test read back: its partition, and the message as kafkajs gives it (key, value, headers). */
export interface ReadRecord {
  readonly partition: number;
  readonly message: kafkajs.KafkaMessage;
}

/** Reads the first `n` records of a topic, failing after `timeoutMs` with how many came. */
export async function readRecords(topic: string, n: number, isolation: 'read_committed' | 'read_uncommitted' = 'read_uncommitted', timeoutMs = 30_000): Promise<ReadRecord[]> {
  const consumer = kafka().consumer({ groupId: uniqueTopic('g'), readUncommitted: isolation === 'read_uncommitted' });
  await consumer.connect();
  const records: ReadRecord[] = [];
  try {
    await consumer.subscribe({ topic, fromBeginning: true });
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`read only ${records.length} of ${n} records from ${topic}`)), timeoutMs);
      void consumer.run({
        eachMessage: async ({ partition, message }) => {
          if (records.length < n) records.push({ partition, message });
          if (records.length === n) {
            clearTimeout(timer);
            resolve();
          }
        },
      });
    });
  } finally {
    await consumer.disconnect();
  }
  return records;
}

/** Reads the first `n` record values of a topic. */
export async function readValues(topic: string, n: number, isolation: 'read_committed' | 'read_uncommitted' = 'read_uncommitted'): Promise<Buffer[]> {
  return (await readRecords(topic, n, isolation)).map((r) => r.message.value!);
}

/** Runs one of Apache Kafka's own tools from the broker's jars; resolves with its exit code and output. */
export function kafkaTool(mainClass: string, args: readonly string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  const { command, args: full } = kafkaJavaCommand({ version: inject('kafkaVersion'), mainClass, args, classData: true });
  return new Promise((resolve, reject) => {
    const child = spawn(command, full, { stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

/** Kafka's final line, as a regex with groups for every figure. */
export const KAFKA_TOTAL_LINE = /^(\d+)( steady state)? records sent, (\d+\.\d{6}) records\/sec \((\d+\.\d{2}) MB\/sec\), (\d+\.\d{2}|NaN) ms avg latency, (\d+\.\d{2}) ms max latency, (\d+) ms 50th, (\d+) ms 95th, (\d+) ms 99th, (\d+) ms 99\.9th\.$/m;
/** Kafka's interval line. */
export const KAFKA_INTERVAL_LINE = /^(\d+) records sent, (\d+\.\d) records\/sec \((\d+\.\d{2}) MB\/sec\), (\d+\.\d) ms avg latency, (\d+\.\d) ms max latency\.$/;

/** Bytes a partition of the topic takes in the broker's log (Kafka's LogDirsCommand). */
export async function logBytes(topic: string, partition = 0): Promise<number> {
  const dirs = await kafkaTool('org.apache.kafka.tools.LogDirsCommand', ['--bootstrap-server', bootstrap(), '--describe', '--topic-list', topic]);
  if (dirs.code !== 0) throw new Error(`LogDirsCommand exited ${dirs.code}: ${dirs.stderr}`);
  const described = JSON.parse(dirs.stdout.split('\n').find((line) => line.startsWith('{'))!);
  return described.brokers[0].logDirs[0].partitions.find((p: { partition: string }) => p.partition === `${topic}-${partition}`).size as number;
}
