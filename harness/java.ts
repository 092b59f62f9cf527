// The command lines of Kafka's JVMs: the broker, its storage formatter and Kafka's own tools.
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { kafkaCachePaths } from './fetch.js';
import { loggingConfig, loggingJvmFlag } from './logging.js';
import { findOnPath } from './os.js';
import { resolveKafkaVersion } from './version.js';

/** A program and its arguments, to spawn without a shell. */
export interface JavaCommand {
  readonly command: string;
  readonly args: string[];
}

/** Kafka's own defaults for its JVMs (kafka-run-class.sh). */
export const JVM_PERFORMANCE_OPTS: readonly string[] = [
  '-XX:+UseG1GC',
  '-XX:MaxGCPauseMillis=20',
  '-XX:InitiatingHeapOccupancyPercent=35',
  '-XX:+ExplicitGCInvokesConcurrent',
  '-Djava.awt.headless=true',
];

/** -Xms/-Xmx for a heap size like "512m": the initial heap is capped at 256 MiB so a small broker stays small. */
export function heapFlags(heap: string): string[] {
  const match = /^(\d+)([kmg])$/i.exec(heap);
  if (!match) throw new Error(`invalid heap size "${heap}": expected a size like 512m or 1g`);
  const bytes = Number(match[1]) * 1024 ** ' kmg'.indexOf(String(match[2]).toLowerCase());
  return [bytes <= 256 * 1024 ** 2 ? `-Xms${heap}` : '-Xms256m', `-Xmx${heap}`];
}

/**
 * Where the class-data sharing archive of `version`'s jars for the Java on PATH goes (class-data.ts records it),
 * or undefined without a Java. A JVM that maps it starts on less CPU: a node about 2.8 -> 1.8 CPU-s until it serves
 * (benchmarks/class-data/start.mjs, 2 cores, Java 17). The name follows the Java runtime, whose own build an archive
 * is only good for.
 */
export function classDataArchive(version: string): string | undefined {
  const java = findOnPath('java');
  if (java === undefined) return undefined;
  const runtime = fs.realpathSync(java);
  const { size, mtimeMs } = fs.statSync(runtime);
  const key = createHash('sha256').update(`${runtime}\0${size}\0${mtimeMs}`).digest('hex').slice(0, 16);
  return path.join(kafkaCachePaths(version).versionDir, 'class-data', `java-${key}.jsa`);
}

/** The JVM option that maps the archive of {@link classDataArchive}, once it is recorded; none before. */
export function classDataOptions(version: string): string[] {
  const archive = classDataArchive(version);
  return archive !== undefined && fs.existsSync(archive) ? [`-XX:SharedArchiveFile=${archive}`] : [];
}

/** What every JVM of a node is started with. */
export interface NodeJvm {
  readonly libDir: string;
  /** From {@link loggingJvmFlag}. */
  readonly loggingFlag: string;
  readonly serverProperties: string;
}

/**
 * A broker that shares a small machine with the work it serves (a cluster's other nodes, a test suite): C1 alone,
 * and the serial collector instead of G1 (G1's settings left out). Several nodes compiling Kafka with C2 at once
 * start in about twice the time of C1 alone on 2 cores, and for a broker that lives minutes C2's compiling costs more
 * than its code saves. G1's concurrent and parallel threads cost more than they save in a heap this small. By hand,
 * 2026-12-03, 2 cores: three nodes under 1,000 records/s of 512 B (acks=all, replication factor 3) took 9.7 CPU-s in
 * 20 s against 13.2 with G1, and the failover tests 132 CPU-s against 148; one node took 0.9-1.0 CPU-s to start
 * against 1.6, and 2.8-3.0 CPU-s for 300,000 records of 1 KiB against 6.2-7.8, taking them at 92-99k records/s
 * against 54-67k. Kafka's own settings stay the default for a single broker, so the benchmarks measure the broker
 * users run.
 */
export const SHARED_MACHINE_JVM_OPTS: readonly string[] = ['-XX:+UseSerialGC', '-XX:TieredStopAtLevel=1', '-Djava.awt.headless=true'];

/** How a node's broker JVM differs from another's. */
export interface BrokerJvm {
  /** e.g. "512m" */
  readonly heap: string;
  /** Started with {@link SHARED_MACHINE_JVM_OPTS} instead of Kafka's own {@link JVM_PERFORMANCE_OPTS}. */
  readonly sharedMachine: boolean;
  /** Options besides Kafka's own: {@link classDataOptions}, or what the cluster was started with. */
  readonly extraOptions: readonly string[];
}

/** `kafka.Kafka server.properties`, as kafka-server-start.sh runs it, for one node. */
export function brokerCommand(options: NodeJvm & BrokerJvm): JavaCommand {
  const { libDir, loggingFlag, serverProperties, heap, sharedMachine, extraOptions } = options;
  const jvm = [...heapFlags(heap), ...(sharedMachine ? SHARED_MACHINE_JVM_OPTS : JVM_PERFORMANCE_OPTS), ...extraOptions];
  return { command: 'java', args: [...jvm, loggingFlag, '-cp', path.join(libDir, '*'), 'kafka.Kafka', serverProperties] };
}

/** kafka-storage.sh format: writes the cluster id and node id into the node's empty log dirs. */
export function storageFormatCommand(options: NodeJvm & { clusterId: string; version: string }): JavaCommand {
  const { libDir, loggingFlag, serverProperties, clusterId, version } = options;
  // A short-lived JVM: the C1 compiler alone starts it sooner.
  const jvm = ['-Xmx256m', '-XX:TieredStopAtLevel=1', ...classDataOptions(version), loggingFlag, '-cp', path.join(libDir, '*')];
  return { command: 'java', args: [...jvm, 'kafka.tools.StorageTool', 'format', '-t', clusterId, '-c', serverProperties] };
}

/** The options of {@link kafkaJavaCommand}. */
export interface KafkaToolOptions {
  /** Kafka version (default $KAFKA_VERSION or 4.1.1). */
  readonly version?: string;
  /** e.g. org.apache.kafka.tools.ProducerPerformance */
  readonly mainClass: string;
  readonly args?: readonly string[];
  /** Default: -Xmx512M, as kafka-producer-perf-test.sh. */
  readonly jvmArgs?: readonly string[];
  /**
   * Map the class-data archive ({@link classDataOptions}) if there is one: a faster start for the tests. Off by
   * default, so that a benchmark runs the tool as Kafka's scripts do.
   */
  readonly classData?: boolean;
}

/**
 * The command line that runs one of Apache Kafka's own tools from the cached jars, logging WARN and above to
 * stderr. Run fetchKafka() first. The JVM options are those of kafka-producer-perf-test.sh, so benchmarks
 * compare like with like.
 */
export function kafkaJavaCommand(options: KafkaToolOptions): JavaCommand {
  const { version, mainClass, args = [], jvmArgs = ['-Xmx512M'], classData = false } = options;
  const kafkaVersion = resolveKafkaVersion(version);
  const { versionDir, libDir, marker } = kafkaCachePaths(kafkaVersion);
  if (!fs.existsSync(marker)) {
    const fetch = `KAFKA_VERSION=${kafkaVersion} npm run kafka:fetch`;
    throw new Error(`Apache Kafka ${kafkaVersion} jars are not fetched yet: run \`${fetch}\``);
  }
  const { fileName, content } = loggingConfig({ version: kafkaVersion });
  const configFile = path.join(versionDir, fileName);
  if (!fs.existsSync(configFile) || fs.readFileSync(configFile, 'utf8') !== content) {
    fs.writeFileSync(configFile, content);
  }
  return {
    command: 'java',
    args: [
      ...jvmArgs,
      ...JVM_PERFORMANCE_OPTS,
      ...(classData ? classDataOptions(kafkaVersion) : []),
      loggingJvmFlag({ version: kafkaVersion, configFile }),
      '-cp',
      path.join(libDir, '*'),
      mainClass,
      ...args,
    ],
  };
}
