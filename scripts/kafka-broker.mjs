#!/usr/bin/env node
// @ts-check
/**
 * A real single-node Apache Kafka broker (KRaft combined mode: broker and controller in one JVM), run from
 * Apache Kafka's jars on Maven Central, for the demo, the integration tests and the benchmarks. No Docker.
 *
 *   node scripts/kafka-broker.mjs start|stop|status|fetch
 *
 * Environment: KAFKA_VERSION (default 4.1.1; 3.9.x works too), KAFKA_PORT (start, default 9092),
 * KAFKA_CACHE_DIR (default ${XDG_CACHE_HOME:-~/.cache}/perf-test) where the jars are cached per version.
 * Needs `java` (17+ for Kafka 4.x) and, to fetch the jars once, `mvn`.
 *
 * The TypeScript tests see this module through kafka-broker.d.mts, generated from the JSDoc here; after
 * changing the exports, regenerate it with: npx tsc --allowJs --declaration --emitDeclarationOnly
 *   --strict --module nodenext --types node --skipLibCheck --outDir scripts scripts/kafka-broker.mjs
 */
import { execFile, execFileSync, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import fsp from 'node:fs/promises';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

export const DEFAULT_KAFKA_VERSION = '4.1.1';
const HOST = '127.0.0.1';
const READY_TIMEOUT_MS = 60_000;
const STOP_GRACE_MS = 20_000;
const KILL_WAIT_MS = 5_000;
const REPO_DIR = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
/** State of the background broker of `start`/`stop` (git-ignored). */
const LOCAL_DIR = path.join(REPO_DIR, '.kafka');
const LOCAL_STATE_FILE = 'broker.json';
/** Kafka's own defaults for its JVMs (kafka-run-class.sh). */
const JVM_PERFORMANCE_OPTS = [
  '-XX:+UseG1GC',
  '-XX:MaxGCPauseMillis=20',
  '-XX:InitiatingHeapOccupancyPercent=35',
  '-XX:+ExplicitGCInvokesConcurrent',
  '-Djava.awt.headless=true',
];

// ---------------------------------------------------------------------------------------------------------
// Pure helpers (unit-tested)

/**
 * The Kafka version to use: the argument, else $KAFKA_VERSION, else {@link DEFAULT_KAFKA_VERSION}.
 * @param {string} [version]
 * @returns {string}
 */
export function resolveKafkaVersion(version) {
  const resolved = version || process.env.KAFKA_VERSION || DEFAULT_KAFKA_VERSION;
  parseKafkaVersion(resolved);
  return resolved;
}

/**
 * @param {string} version e.g. "4.1.1"
 * @returns {{ major: number, minor: number }}
 */
export function parseKafkaVersion(version) {
  const match = /^(\d+)\.(\d+)\.(\d+)$/.exec(version);
  if (!match || Number(match[1]) < 3) {
    throw new Error(`unsupported Kafka version "${version}": expected 3.x.y or 4.x.y, e.g. ${DEFAULT_KAFKA_VERSION}`);
  }
  return { major: Number(match[1]), minor: Number(match[2]) };
}

/**
 * A KRaft cluster id like Kafka's Uuid.randomUuid(): 16 random bytes in base64url without padding
 * (22 characters), never starting with '-' (it would parse as a command-line flag).
 * @param {(size: number) => Uint8Array} [random]
 * @returns {string}
 */
export function newClusterId(random = randomBytes) {
  for (;;) {
    const id = Buffer.from(random(16)).toString('base64url');
    if (!id.startsWith('-')) return id;
  }
}

/**
 * server.properties of a single-node combined-mode broker.
 * @param {{ version: string, port: number, controllerPort: number, dataDir: string }} options
 * @returns {string}
 */
export function serverProperties({ version, port, controllerPort, dataDir }) {
  const { major } = parseKafkaVersion(version);
  return [
    '# Written by scripts/kafka-broker.mjs: one KRaft node acting as broker and controller.',
    'process.roles=broker,controller',
    'node.id=1',
    `controller.quorum.voters=1@${HOST}:${controllerPort}`,
    `listeners=PLAINTEXT://${HOST}:${port},CONTROLLER://${HOST}:${controllerPort}`,
    `advertised.listeners=PLAINTEXT://${HOST}:${port}`,
    'inter.broker.listener.name=PLAINTEXT',
    'controller.listener.names=CONTROLLER',
    'listener.security.protocol.map=CONTROLLER:PLAINTEXT,PLAINTEXT:PLAINTEXT',
    `log.dirs=${propertyValue(dataDir)}`,
    '# Internal topics default to 3 replicas (unsatisfiable on one broker), 50 partitions, a 3 s rebalance delay.',
    'offsets.topic.replication.factor=1',
    'offsets.topic.num.partitions=1',
    'transaction.state.log.replication.factor=1',
    'transaction.state.log.min.isr=1',
    'transaction.state.log.num.partitions=1',
    'group.initial.rebalance.delay.ms=0',
    ...(major >= 4
      ? [
          'share.coordinator.state.topic.replication.factor=1',
          'share.coordinator.state.topic.min.isr=1',
          'share.coordinator.state.topic.num.partitions=1',
        ]
      : []),
    '# The log cleaner reserves 128 MiB of heap by default.',
    'log.cleaner.dedupe.buffer.size=16777216',
    'auto.create.topics.enable=true',
    'num.partitions=1',
    '',
  ].join('\n');
}

/**
 * The logging config for Kafka's JVMs: Kafka 4.x logs through log4j 2, 3.x through reload4j (log4j 1).
 * With `logFile` everything at INFO goes to that file (a broker); without, WARN and above go to stderr
 * (Kafka's tools, whose stdout carries their results).
 * @param {{ version: string, logFile?: string }} options
 * @returns {{ fileName: string, content: string }}
 */
export function loggingConfig({ version, logFile }) {
  const pattern = '[%d] %p %m (%c)%n';
  if (parseKafkaVersion(version).major >= 4) {
    const appender = logFile
      ? ['appender.out.type = File', `appender.out.fileName = ${propertyValue(logFile)}`]
      : ['appender.out.type = Console', 'appender.out.target = SYSTEM_ERR'];
    return {
      fileName: logFile ? 'log4j2.properties' : 'tools-log4j2.properties',
      content: [
        'status = warn',
        ...appender,
        'appender.out.name = out',
        'appender.out.layout.type = PatternLayout',
        `appender.out.layout.pattern = ${pattern}`,
        `rootLogger.level = ${logFile ? 'info' : 'warn'}`,
        'rootLogger.appenderRef.out.ref = out',
        'logger.request.name = kafka.request.logger',
        'logger.request.level = warn',
        '',
      ].join('\n'),
    };
  }
  const appender = logFile
    ? ['log4j.appender.out=org.apache.log4j.FileAppender', `log4j.appender.out.File=${propertyValue(logFile)}`]
    : ['log4j.appender.out=org.apache.log4j.ConsoleAppender', 'log4j.appender.out.Target=System.err'];
  return {
    fileName: logFile ? 'log4j.properties' : 'tools-log4j.properties',
    content: [
      `log4j.rootLogger=${logFile ? 'INFO' : 'WARN'}, out`,
      ...appender,
      'log4j.appender.out.layout=org.apache.log4j.PatternLayout',
      `log4j.appender.out.layout.ConversionPattern=${pattern}`,
      'log4j.logger.kafka.request.logger=WARN',
      '',
    ].join('\n'),
  };
}

/**
 * The JVM flag that points the logging backend of this Kafka version at a config file.
 * @param {{ version: string, configFile: string }} options
 * @returns {string}
 */
export function loggingJvmFlag({ version, configFile }) {
  return parseKafkaVersion(version).major >= 4
    ? `-Dlog4j2.configurationFile=${configFile}`
    : `-Dlog4j.configuration=${pathToFileURL(configFile).href}`;
}

/**
 * A POM whose runtime dependencies are the broker, Kafka's tools and a logging backend (not in Kafka's POMs).
 * @param {{ version: string }} options
 * @returns {string}
 */
export function mavenPom({ version }) {
  const { major, minor } = parseKafkaVersion(version);
  const log4j2 = minor >= 2 ? '2.25.3' : '2.24.3';
  /** @type {Array<[string, string, string]>} */
  const logging =
    major >= 4
      ? [
          // Kafka still logs through slf4j 1.7, hence log4j-slf4j-impl rather than log4j-slf4j2-impl.
          ['org.apache.logging.log4j', 'log4j-api', log4j2],
          ['org.apache.logging.log4j', 'log4j-core', log4j2],
          ['org.apache.logging.log4j', 'log4j-slf4j-impl', log4j2],
        ]
      : [
          ['org.slf4j', 'slf4j-reload4j', '1.7.36'],
          ['ch.qos.reload4j', 'reload4j', '1.2.25'],
        ];
  /** @param {[string, string, string]} gav @param {string} [extra] */
  const dependency = ([group, artifact, v], extra = '') =>
    `    <dependency><groupId>${group}</groupId><artifactId>${artifact}</artifactId><version>${v}</version>` +
    `${extra}</dependency>`;
  const withoutConnect =
    '<exclusions><exclusion><groupId>org.apache.kafka</groupId><artifactId>connect-runtime</artifactId>' +
    '</exclusion></exclusions>';
  return [
    '<project xmlns="http://maven.apache.org/POM/4.0.0">',
    '  <modelVersion>4.0.0</modelVersion>',
    `  <groupId>local.perf-test</groupId><artifactId>kafka-${version}</artifactId><version>1</version>`,
    '  <packaging>pom</packaging>',
    '  <dependencies>',
    dependency(['org.apache.kafka', 'kafka_2.13', version]),
    // The tools (ProducerPerformance, ...) without Kafka Connect, which they only need for a few commands.
    dependency(['org.apache.kafka', 'kafka-tools', version], withoutConnect),
    ...logging.map((gav) => dependency(gav)),
    '  </dependencies>',
    '</project>',
    '',
  ].join('\n');
}

/**
 * Where the jars of a Kafka version are cached (outside the work tree, shared by clones).
 * @param {string} version
 * @param {NodeJS.ProcessEnv} [env]
 * @returns {{ versionDir: string, libDir: string, marker: string }}
 */
export function kafkaCachePaths(version, env = process.env) {
  const cacheRoot =
    env.KAFKA_CACHE_DIR || path.join(env.XDG_CACHE_HOME || path.join(os.homedir(), '.cache'), 'perf-test');
  const versionDir = path.resolve(cacheRoot, `kafka-${version}`);
  return { versionDir, libDir: path.join(versionDir, 'lib'), marker: path.join(versionDir, 'fetched.json') };
}

/**
 * -Xms/-Xmx for a heap size like "512m": the initial heap is capped at 256 MiB so a small broker stays small.
 * @param {string} heap
 * @returns {string[]}
 */
export function heapFlags(heap) {
  const match = /^(\d+)([kmg])$/i.exec(heap);
  if (!match) throw new Error(`invalid heap size "${heap}": expected a size like 512m or 1g`);
  const bytes = Number(match[1]) * 1024 ** ' kmg'.indexOf(String(match[2]).toLowerCase());
  return [bytes <= 256 * 1024 ** 2 ? `-Xms${heap}` : '-Xms256m', `-Xmx${heap}`];
}

/** @param {string} value */
function propertyValue(value) {
  return value.replaceAll('\\', '\\\\');
}

// ---------------------------------------------------------------------------------------------------------
// Fetching the jars

/**
 * Fetches the jars of a Kafka version with Maven into the cache, once: a marker file written last says the
 * lib dir is complete.
 * @param {{ version?: string }} [options]
 * @returns {Promise<{ libDir: string }>}
 */
export async function fetchKafka({ version } = {}) {
  const kafkaVersion = resolveKafkaVersion(version);
  const { versionDir, libDir, marker } = kafkaCachePaths(kafkaVersion);
  if (fs.existsSync(marker)) return { libDir };
  requireOnPath('mvn', 'Apache Maven (e.g. `apt-get install maven`), needed once to fetch the Kafka jars');
  requireOnPath('java', 'a Java 17+ runtime (e.g. `apt-get install openjdk-17-jdk-headless`)');
  process.stderr.write(`Fetching Apache Kafka ${kafkaVersion} jars from Maven Central into ${libDir}\n`);
  await fsp.mkdir(versionDir, { recursive: true });
  // Fetch into a fresh dir and move it into place, so an interrupted fetch never looks complete.
  const work = await fsp.mkdtemp(path.join(versionDir, 'fetch-'));
  try {
    const pom = path.join(work, 'pom.xml');
    await fsp.writeFile(pom, mavenPom({ version: kafkaVersion }));
    const fetched = path.join(work, 'lib');
    const args = ['-q', '-B', '-f', pom, 'dependency:copy-dependencies', '-DincludeScope=runtime'];
    const result = await run('mvn', [...args, `-DoutputDirectory=${fetched}`]);
    if (result.code !== 0) {
      const output = lastLines(result.output, 30);
      throw new Error(`mvn failed to fetch Apache Kafka ${kafkaVersion} (exit ${result.code}):\n${output}`);
    }
    const jars = (await fsp.readdir(fetched)).filter((name) => name.endsWith('.jar'));
    if (!jars.includes(`kafka_2.13-${kafkaVersion}.jar`)) {
      throw new Error(`mvn did not fetch kafka_2.13-${kafkaVersion}.jar into ${fetched}`);
    }
    if (fs.existsSync(marker)) return { libDir }; // a concurrent fetch finished first; its jars may be in use
    await fsp.rm(libDir, { recursive: true, force: true });
    await fsp.rename(fetched, libDir);
    const record = { version: kafkaVersion, jars: jars.length, fetchedAt: new Date().toISOString() };
    await fsp.writeFile(marker, `${JSON.stringify(record)}\n`);
  } finally {
    await fsp.rm(work, { recursive: true, force: true });
  }
  return { libDir };
}

/**
 * The command line that runs one of Apache Kafka's own tools (e.g. org.apache.kafka.tools.ProducerPerformance)
 * from the cached jars, logging WARN and above to stderr. Run {@link fetchKafka} first.
 * The JVM options are those of kafka-producer-perf-test.sh, so benchmarks compare like with like.
 * @param {{ version?: string, mainClass: string, args?: string[], jvmArgs?: string[] }} options
 * @returns {{ command: string, args: string[] }}
 */
export function kafkaJavaCommand({ version, mainClass, args = [], jvmArgs = ['-Xmx512M'] }) {
  const kafkaVersion = resolveKafkaVersion(version);
  const { versionDir, libDir, marker } = kafkaCachePaths(kafkaVersion);
  if (!fs.existsSync(marker)) {
    const fetch = `KAFKA_VERSION=${kafkaVersion} node scripts/kafka-broker.mjs fetch`;
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
      loggingJvmFlag({ version: kafkaVersion, configFile }),
      '-cp',
      path.join(libDir, '*'),
      mainClass,
      ...args,
    ],
  };
}

// ---------------------------------------------------------------------------------------------------------
// Starting and stopping a broker

/**
 * @typedef {object} Broker A running broker started by {@link startBroker}.
 * @property {string} bootstrapServers "127.0.0.1:<port>"
 * @property {number} port the client (PLAINTEXT) port
 * @property {number} pid the broker's JVM
 * @property {string} dir holds server.properties, server.log and the data; removed by stop()
 * @property {string} version the Kafka version
 * @property {() => Promise<void>} stop SIGTERM, SIGKILL after 20 s, then remove `dir`; safe to call twice
 */

/**
 * Starts a single-node KRaft broker and resolves once its client port accepts connections.
 * A non-detached broker shares the caller's process group: a Ctrl-C reaches it too, and it is killed if the
 * caller exits without stop(), so tests leave nothing behind. A detached one runs in its own session and
 * outlives the caller (the `start` command; the demo, whose CLI must drain on Ctrl-C while the broker lives).
 * @param {object} [options]
 * @param {number} [options.port] client port; 0 or undefined picks a free one
 * @param {string} [options.version] Kafka version (default $KAFKA_VERSION or 4.1.1)
 * @param {string} [options.dir] empty or missing dir for config, logs and data (default: a fresh temp dir)
 * @param {string} [options.heap] max heap, e.g. "512m" (the default)
 * @param {boolean} [options.detached] run in its own session (default false)
 * @param {(pid: number) => void | Promise<void>} [options.onSpawn] called once the JVM has a pid
 * @returns {Promise<Broker>}
 */
export async function startBroker({ port, version, dir, heap = '512m', detached = false, onSpawn } = {}) {
  const kafkaVersion = resolveKafkaVersion(version);
  const jvmHeap = heapFlags(heap);
  const { libDir } = await fetchKafka({ version: kafkaVersion });
  requireOnPath('java', 'a Java 17+ runtime (e.g. `apt-get install openjdk-17-jdk-headless`)');
  const brokerDir = dir ? path.resolve(dir) : await fsp.mkdtemp(path.join(os.tmpdir(), 'perf-test-kafka-'));
  if (dir && fs.existsSync(brokerDir) && fs.readdirSync(brokerDir).length > 0) {
    throw new Error(`broker dir ${brokerDir} is not empty`);
  }
  try {
    const [clientPort, controllerPort] = await reservePorts(port || 0);
    const files = await writeBrokerFiles({ version: kafkaVersion, dir: brokerDir, port: clientPort, controllerPort });
    const classpath = path.join(libDir, '*');
    const format = await run('java', [
      '-Xmx256m',
      '-XX:TieredStopAtLevel=1',
      files.loggingFlag,
      '-cp',
      classpath,
      'kafka.tools.StorageTool',
      'format',
      '-t',
      newClusterId(),
      '-c',
      files.serverProperties,
    ]);
    if (format.code !== 0) {
      throw new Error(`formatting the broker's storage failed (exit ${format.code}):\n${lastLines(format.output, 20)}`);
    }
    const javaArgs = [...jvmHeap, ...JVM_PERFORMANCE_OPTS, files.loggingFlag, '-cp', classpath, 'kafka.Kafka'];
    const out = fs.openSync(files.javaOut, 'a');
    const child = spawn('java', [...javaArgs, files.serverProperties], {
      cwd: brokerDir,
      stdio: ['ignore', out, out],
      detached,
    });
    fs.closeSync(out);
    const started = { child, detached, onSpawn, port: clientPort, dir: brokerDir, version: kafkaVersion, files };
    return await superviseStart(started);
  } catch (error) {
    await fsp.rm(brokerDir, { recursive: true, force: true });
    throw error;
  }
}

/**
 * @param {{ version: string, dir: string, port: number, controllerPort: number }} options
 */
async function writeBrokerFiles({ version, dir, port, controllerPort }) {
  const dataDir = path.join(dir, 'data');
  const serverLog = path.join(dir, 'server.log');
  await fsp.mkdir(dataDir, { recursive: true });
  const logging = loggingConfig({ version, logFile: serverLog });
  const loggingFile = path.join(dir, logging.fileName);
  const propertiesFile = path.join(dir, 'server.properties');
  await fsp.writeFile(loggingFile, logging.content);
  await fsp.writeFile(propertiesFile, serverProperties({ version, port, controllerPort, dataDir }));
  return {
    serverProperties: propertiesFile,
    serverLog,
    javaOut: path.join(dir, 'java.out'),
    loggingFlag: loggingJvmFlag({ version, configFile: loggingFile }),
  };
}

/**
 * Waits for the spawned broker to accept connections and builds its handle; kills it on failure.
 * @param {{ child: import('node:child_process').ChildProcess, detached: boolean,
 *   onSpawn: ((pid: number) => void | Promise<void>) | undefined, port: number, dir: string, version: string,
 *   files: { serverLog: string, javaOut: string } }} options
 * @returns {Promise<Broker>}
 */
async function superviseStart({ child, detached, onSpawn, port, dir, version, files }) {
  /** @type {{ code: number | null, signal: NodeJS.Signals | null } | undefined} */
  let exit;
  /** @type {Promise<void>} */
  const exited = new Promise((resolve) => {
    child.once('exit', (code, signal) => {
      exit = { code, signal };
      resolve();
    });
    child.once('error', () => {
      exit ??= { code: null, signal: null };
      resolve();
    });
  });
  const pid = child.pid;
  if (pid === undefined) {
    await exited;
    throw new Error('could not start java');
  }
  // If the caller exits without stop(), a test broker must not outlive it.
  const killOnExit = () => {
    try {
      process.kill(pid, 'SIGKILL');
      fs.rmSync(dir, { recursive: true, force: true });
    } catch {}
  };
  if (!detached) process.once('exit', killOnExit);
  /** @type {Promise<void> | undefined} */
  let stopping;
  const stop = () =>
    (stopping ??= (async () => {
      process.off('exit', killOnExit);
      await terminate(pid, exited);
      await fsp.rm(dir, { recursive: true, force: true });
    })());

  const address = `${HOST}:${port}`;
  try {
    await onSpawn?.(pid);
    const deadline = Date.now() + READY_TIMEOUT_MS;
    for (;;) {
      const connected = await Promise.race([canConnect(port), exited.then(() => false)]);
      if (exit) {
        const how = exit.signal ? `was killed by ${exit.signal}` : `exited with code ${exit.code}`;
        throw new Error(`the Kafka broker ${how} before accepting connections on ${address}\n${diagnostics(files)}`);
      }
      if (connected) break;
      if (Date.now() > deadline) {
        const waited = `within ${READY_TIMEOUT_MS / 1000} s`;
        throw new Error(`the Kafka broker did not accept connections on ${address} ${waited}\n${diagnostics(files)}`);
      }
      await sleep(200);
    }
  } catch (error) {
    await stop();
    throw error;
  }
  if (detached) child.unref();
  return { bootstrapServers: address, port, pid, dir, version, stop };
}

/**
 * SIGTERM (Kafka's shutdown hook closes the logs cleanly), SIGKILL after {@link STOP_GRACE_MS}.
 * @param {number} pid
 * @param {Promise<void>} [exited] resolves when the process has exited, if it is our child
 */
async function terminate(pid, exited) {
  const waitExit = (/** @type {number} */ ms) => (exited ? settlesWithin(exited, ms) : waitUntilDead(pid, ms));
  if (!signal(pid, 'SIGTERM') || (await waitExit(STOP_GRACE_MS))) return;
  signal(pid, 'SIGKILL');
  if (!(await waitExit(KILL_WAIT_MS))) throw new Error(`the Kafka broker (pid ${pid}) did not exit after SIGKILL`);
}

/** @param {{ serverLog: string, javaOut: string }} files */
function diagnostics({ serverLog, javaOut }) {
  return [serverLog, javaOut]
    .map((file) => [file, lastLines(readIfExists(file), 30)])
    .filter(([, text]) => text)
    .map(([file, text]) => `--- last lines of ${file}:\n${text}`)
    .join('\n');
}

// ---------------------------------------------------------------------------------------------------------
// The background broker of `start`/`stop`, with its state in .kafka/ under the repo

/**
 * @typedef {object} LocalBrokerState what `start` records in .kafka/broker.json
 * @property {number} pid
 * @property {string} version
 * @property {string} bootstrapServers
 * @property {string} startedAt
 */

/**
 * The background broker recorded in .kafka/, if that pid is still its JVM.
 * @returns {{ state: LocalBrokerState, running: boolean } | undefined} undefined without state
 */
export function localBrokerStatus() {
  const text = readIfExists(path.join(LOCAL_DIR, LOCAL_STATE_FILE));
  if (!text) return undefined;
  try {
    /** @type {LocalBrokerState} */
    const state = JSON.parse(text);
    return { state, running: Number.isInteger(state.pid) && isLocalBroker(state.pid) };
  } catch {
    return undefined;
  }
}

/**
 * Starts the background broker (detached, state in .kafka/) unless it already runs.
 * @param {{ port?: number, version?: string }} [options] port defaults to $KAFKA_PORT or 9092
 * @returns {Promise<{ alreadyRunning: true, state: LocalBrokerState }
 *   | { alreadyRunning: false, state: LocalBrokerState, broker: Broker }>}
 */
export async function startLocalBroker({ port = localPort(), version } = {}) {
  const status = localBrokerStatus();
  if (status?.running) return { alreadyRunning: true, state: status.state };
  await fsp.rm(LOCAL_DIR, { recursive: true, force: true }); // stale state of a broker that died
  const kafkaVersion = resolveKafkaVersion(version);
  /** @type {LocalBrokerState | undefined} */
  let state;
  const broker = await startBroker({
    port,
    version: kafkaVersion,
    dir: LOCAL_DIR,
    detached: true,
    onSpawn: async (pid) => {
      state = { pid, version: kafkaVersion, bootstrapServers: `${HOST}:${port}`, startedAt: new Date().toISOString() };
      await fsp.writeFile(path.join(LOCAL_DIR, LOCAL_STATE_FILE), `${JSON.stringify(state, null, 2)}\n`);
    },
  });
  if (!state) throw new Error('unreachable: the broker started without a pid');
  return { alreadyRunning: false, state, broker };
}

/**
 * Stops the background broker recorded in .kafka/ (only if that pid really is its JVM) and removes .kafka/.
 * @returns {Promise<{ stopped: LocalBrokerState | undefined, stale: boolean }>}
 */
export async function stopLocalBroker() {
  const status = localBrokerStatus();
  if (status?.running) await terminate(status.state.pid);
  const stale = !status?.running && fs.existsSync(LOCAL_DIR);
  await fsp.rm(LOCAL_DIR, { recursive: true, force: true });
  return { stopped: status?.running ? status.state : undefined, stale };
}

/** @returns {number} */
function localPort() {
  const port = Number(process.env.KAFKA_PORT || 9092);
  if (!Number.isInteger(port) || port < 1 || port > 65535) {
    throw new Error(`invalid KAFKA_PORT "${process.env.KAFKA_PORT}": expected a port number`);
  }
  return port;
}

/** @param {number} pid */
function isLocalBroker(pid) {
  const commandLine = processCommandLine(pid);
  return (
    isAlive(pid) &&
    commandLine !== undefined &&
    commandLine.includes('kafka.Kafka') &&
    commandLine.includes(path.join(LOCAL_DIR, 'server.properties'))
  );
}

// ---------------------------------------------------------------------------------------------------------
// Processes, ports, files

/**
 * @param {string} command
 * @param {string[]} args
 * @returns {Promise<{ code: number, output: string }>} stdout and stderr together
 */
function run(command, args) {
  return new Promise((resolve, reject) => {
    execFile(command, args, { maxBuffer: 64 * 1024 * 1024 }, (error, stdout, stderr) => {
      const code = error ? (typeof error.code === 'number' ? error.code : null) : 0;
      if (code === null) reject(error);
      else resolve({ code, output: `${stdout}${stderr}` });
    });
  });
}

/** @param {string} command @param {string} what to install */
function requireOnPath(command, what) {
  const found = (process.env.PATH ?? '').split(path.delimiter).some((dir) => {
    try {
      fs.accessSync(path.join(dir || '.', command), fs.constants.X_OK);
      return true;
    } catch {
      return false;
    }
  });
  if (!found) throw new Error(`\`${command}\` is not on PATH: install ${what}`);
}

/** @param {number} pid @param {NodeJS.Signals} name @returns {boolean} false if there is no such process */
function signal(pid, name) {
  try {
    process.kill(pid, name);
    return true;
  } catch (error) {
    if (/** @type {NodeJS.ErrnoException} */ (error).code === 'ESRCH') return false;
    throw error;
  }
}

/** Alive and not a zombie (here PID 1 may never reap an orphaned JVM). @param {number} pid */
function isAlive(pid) {
  try {
    process.kill(pid, 0);
  } catch (error) {
    return /** @type {NodeJS.ErrnoException} */ (error).code === 'EPERM';
  }
  const stat = readIfExists(`/proc/${pid}/stat`);
  return !stat || stat.slice(stat.lastIndexOf(')') + 2, stat.lastIndexOf(')') + 3) !== 'Z';
}

/** @param {number} pid @param {number} ms @returns {Promise<boolean>} whether it died in time */
async function waitUntilDead(pid, ms) {
  const deadline = Date.now() + ms;
  while (isAlive(pid)) {
    if (Date.now() > deadline) return false;
    await sleep(100);
  }
  return true;
}

/** @param {number} pid @returns {string | undefined} */
function processCommandLine(pid) {
  const proc = readIfExists(`/proc/${pid}/cmdline`);
  if (proc !== undefined) return proc.split('\0').join(' ');
  try {
    return execFileSync('ps', ['-o', 'args=', '-p', String(pid)], { encoding: 'utf8' }); // no /proc: macOS
  } catch {
    return undefined;
  }
}

/**
 * Whether something accepts TCP connections on 127.0.0.1:`port` (within a second).
 * @param {number} port
 * @returns {Promise<boolean>}
 */
export function canConnect(port) {
  return new Promise((resolve) => {
    const socket = net.connect({ host: HOST, port, timeout: 1000 });
    const done = (/** @type {boolean} */ ok) => {
      socket.destroy();
      resolve(ok);
    };
    socket.once('connect', () => done(true));
    socket.once('timeout', () => done(false));
    socket.once('error', () => done(false));
  });
}

/**
 * A client port (the given one, or any free one for 0) and a distinct free controller port.
 * @param {number} port
 * @returns {Promise<[number, number]>}
 */
async function reservePorts(port) {
  const client = await listen(port).catch((/** @type {NodeJS.ErrnoException} */ error) => {
    if (error.code !== 'EADDRINUSE') throw error;
    throw new Error(`port ${port} on ${HOST} is already in use by another process: stop it or set KAFKA_PORT`);
  });
  const controller = await listen(0).catch(async (error) => {
    await close(client);
    throw error;
  });
  const ports = /** @type {[number, number]} */ (
    [client, controller].map((server) => /** @type {net.AddressInfo} */ (server.address()).port)
  );
  await Promise.all([close(client), close(controller)]);
  return ports;
}

/** @param {net.Server} server @returns {Promise<void>} */
function close(server) {
  return new Promise((resolve) => server.close(() => resolve()));
}

/** @param {number} port @returns {Promise<net.Server>} */
function listen(port) {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen({ host: HOST, port, exclusive: true }, () => resolve(server));
  });
}

/** @param {string} file @returns {string | undefined} */
function readIfExists(file) {
  try {
    return fs.readFileSync(file, 'utf8');
  } catch {
    return undefined;
  }
}

/** @param {string | undefined} text @param {number} count */
function lastLines(text, count) {
  return (text ?? '').trimEnd().split('\n').slice(-count).join('\n');
}

/** @param {Promise<void>} promise @param {number} ms @returns {Promise<boolean>} whether it settled in time */
function settlesWithin(promise, ms) {
  /** @type {NodeJS.Timeout | undefined} */
  let timer;
  const timeout = new Promise((resolve) => {
    timer = setTimeout(resolve, ms, false);
  });
  return Promise.race([promise.then(() => true), timeout]).finally(() => clearTimeout(timer));
}

/** @param {number} ms */
function sleep(ms) {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

// ---------------------------------------------------------------------------------------------------------
// CLI

const USAGE = `usage: node scripts/kafka-broker.mjs start|stop|status|fetch
  start   start a broker in the background on 127.0.0.1:$KAFKA_PORT (default 9092), state in .kafka/
  stop    stop it and remove .kafka/
  status  exit 0 if it is running, 1 if not
  fetch   fetch the jars of Apache Kafka $KAFKA_VERSION (default ${DEFAULT_KAFKA_VERSION}) with Maven`;

/** @param {string[]} argv @returns {Promise<number>} exit code */
async function main(argv) {
  const relative = (/** @type {string} */ file) => path.relative(process.cwd(), file) || '.';
  switch (argv.length === 1 ? argv[0] : undefined) {
    case 'start': {
      const result = await startLocalBroker();
      const { pid, bootstrapServers, version } = result.state;
      if (result.alreadyRunning) {
        console.log(`Kafka ${version} is already running (pid ${pid}) at ${bootstrapServers}`);
      } else {
        const log = relative(path.join(LOCAL_DIR, 'server.log'));
        console.log(`Kafka ${version} is running (pid ${pid}) at ${bootstrapServers}; log: ${log}`);
      }
      return 0;
    }
    case 'stop': {
      const { stopped, stale } = await stopLocalBroker();
      if (stopped) console.log(`Stopped Kafka (pid ${stopped.pid}) and removed ${relative(LOCAL_DIR)}/`);
      else console.log(`Kafka is not running${stale ? ` (removed stale state in ${relative(LOCAL_DIR)}/)` : ''}`);
      return 0;
    }
    case 'status': {
      const status = localBrokerStatus();
      if (!status?.running) {
        console.log(`Kafka is not running${status ? ` (stale pid file in ${relative(LOCAL_DIR)}/)` : ''}`);
        return 1;
      }
      const { pid, bootstrapServers, version } = status.state;
      console.log(`Kafka ${version} is running (pid ${pid}) at ${bootstrapServers}`);
      return 0;
    }
    case 'fetch': {
      const { libDir } = await fetchKafka();
      const jars = fs.readdirSync(libDir).filter((name) => name.endsWith('.jar')).length;
      console.log(`Apache Kafka ${resolveKafkaVersion()}: ${jars} jars in ${libDir}`);
      return 0;
    }
    default:
      console.error(USAGE);
      return 2;
  }
}

if (process.argv[1] && fs.realpathSync(process.argv[1]) === fileURLToPath(import.meta.url)) {
  main(process.argv.slice(2)).then(
    (code) => {
      process.exitCode = code;
    },
    (/** @type {unknown} */ error) => {
      console.error(`Error: ${error instanceof Error ? error.message : String(error)}`);
      process.exitCode = 1;
    },
  );
}
