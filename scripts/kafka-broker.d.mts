#!/usr/bin/env node
/**
 * The Kafka version to use: the argument, else $KAFKA_VERSION, else {@link DEFAULT_KAFKA_VERSION}.
 * @param {string} [version]
 * @returns {string}
 */
export function resolveKafkaVersion(version?: string): string;
/**
 * @param {string} version e.g. "4.1.1"
 * @returns {{ major: number, minor: number }}
 */
export function parseKafkaVersion(version: string): {
    major: number;
    minor: number;
};
/**
 * A KRaft cluster id like Kafka's Uuid.randomUuid(): 16 random bytes in base64url without padding
 * (22 characters), never starting with '-' (it would parse as a command-line flag).
 * @param {(size: number) => Uint8Array} [random]
 * @returns {string}
 */
export function newClusterId(random?: (size: number) => Uint8Array): string;
/**
 * server.properties of a single-node combined-mode broker.
 * @param {{ version: string, port: number, controllerPort: number, dataDir: string }} options
 * @returns {string}
 */
export function serverProperties({ version, port, controllerPort, dataDir }: {
    version: string;
    port: number;
    controllerPort: number;
    dataDir: string;
}): string;
/**
 * The logging config for Kafka's JVMs: Kafka 4.x logs through log4j 2, 3.x through reload4j (log4j 1).
 * With `logFile` everything at INFO goes to that file (a broker); without, WARN and above go to stderr
 * (Kafka's tools, whose stdout carries their results).
 * @param {{ version: string, logFile?: string }} options
 * @returns {{ fileName: string, content: string }}
 */
export function loggingConfig({ version, logFile }: {
    version: string;
    logFile?: string;
}): {
    fileName: string;
    content: string;
};
/**
 * The JVM flag that points the logging backend of this Kafka version at a config file.
 * @param {{ version: string, configFile: string }} options
 * @returns {string}
 */
export function loggingJvmFlag({ version, configFile }: {
    version: string;
    configFile: string;
}): string;
/**
 * A POM whose runtime dependencies are the broker, Kafka's tools and a logging backend (not in Kafka's POMs).
 * @param {{ version: string }} options
 * @returns {string}
 */
export function mavenPom({ version }: {
    version: string;
}): string;
/**
 * Where the jars of a Kafka version are cached (outside the work tree, shared by clones).
 * @param {string} version
 * @param {NodeJS.ProcessEnv} [env]
 * @returns {{ versionDir: string, libDir: string, marker: string }}
 */
export function kafkaCachePaths(version: string, env?: NodeJS.ProcessEnv): {
    versionDir: string;
    libDir: string;
    marker: string;
};
/**
 * -Xms/-Xmx for a heap size like "512m": the initial heap is capped at 256 MiB so a small broker stays small.
 * @param {string} heap
 * @returns {string[]}
 */
export function heapFlags(heap: string): string[];
/**
 * Fetches the jars of a Kafka version with Maven into the cache, once: a marker file written last says the
 * lib dir is complete.
 * @param {{ version?: string }} [options]
 * @returns {Promise<{ libDir: string }>}
 */
export function fetchKafka({ version }?: {
    version?: string;
}): Promise<{
    libDir: string;
}>;
/**
 * The command line that runs one of Apache Kafka's own tools (e.g. org.apache.kafka.tools.ProducerPerformance)
 * from the cached jars, logging WARN and above to stderr. Run {@link fetchKafka} first.
 * The JVM options are those of kafka-producer-perf-test.sh, so benchmarks compare like with like.
 * @param {{ version?: string, mainClass: string, args?: string[], jvmArgs?: string[] }} options
 * @returns {{ command: string, args: string[] }}
 */
export function kafkaJavaCommand({ version, mainClass, args, jvmArgs }: {
    version?: string;
    mainClass: string;
    args?: string[];
    jvmArgs?: string[];
}): {
    command: string;
    args: string[];
};
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
export function startBroker({ port, version, dir, heap, detached, onSpawn }?: {
    port?: number | undefined;
    version?: string | undefined;
    dir?: string | undefined;
    heap?: string | undefined;
    detached?: boolean | undefined;
    onSpawn?: ((pid: number) => void | Promise<void>) | undefined;
}): Promise<Broker>;
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
export function localBrokerStatus(): {
    state: LocalBrokerState;
    running: boolean;
} | undefined;
/**
 * Starts the background broker (detached, state in .kafka/) unless it already runs.
 * @param {{ port?: number, version?: string }} [options] port defaults to $KAFKA_PORT or 9092
 * @returns {Promise<{ alreadyRunning: true, state: LocalBrokerState }
 *   | { alreadyRunning: false, state: LocalBrokerState, broker: Broker }>}
 */
export function startLocalBroker({ port, version }?: {
    port?: number;
    version?: string;
}): Promise<{
    alreadyRunning: true;
    state: LocalBrokerState;
} | {
    alreadyRunning: false;
    state: LocalBrokerState;
    broker: Broker;
}>;
/**
 * Stops the background broker recorded in .kafka/ (only if that pid really is its JVM) and removes .kafka/.
 * @returns {Promise<{ stopped: LocalBrokerState | undefined, stale: boolean }>}
 */
export function stopLocalBroker(): Promise<{
    stopped: LocalBrokerState | undefined;
    stale: boolean;
}>;
/**
 * Whether something accepts TCP connections on 127.0.0.1:`port` (within a second).
 * @param {number} port
 * @returns {Promise<boolean>}
 */
export function canConnect(port: number): Promise<boolean>;
export const DEFAULT_KAFKA_VERSION: "4.1.1";
/**
 * A running broker started by {@link startBroker}.
 */
export type Broker = {
    /**
     * "127.0.0.1:<port>"
     */
    bootstrapServers: string;
    /**
     * the client (PLAINTEXT) port
     */
    port: number;
    /**
     * the broker's JVM
     */
    pid: number;
    /**
     * holds server.properties, server.log and the data; removed by stop()
     */
    dir: string;
    /**
     * the Kafka version
     */
    version: string;
    /**
     * SIGTERM, SIGKILL after 20 s, then remove `dir`; safe to call twice
     */
    stop: () => Promise<void>;
};
/**
 * what `start` records in .kafka/broker.json
 */
export type LocalBrokerState = {
    pid: number;
    version: string;
    bootstrapServers: string;
    startedAt: string;
};
