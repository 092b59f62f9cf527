// Starts one real Kafka broker for the integration tests, unless KAFKA_BOOTSTRAP_SERVERS names one already; the
// cluster project (vitest.config.ts) gets Kafka's version and jars only.
import type { TestProject } from 'vitest/node';
import { fetchKafka, recordClassData, resolveKafkaVersion, startBroker } from '../../harness/index.js';

declare module 'vitest' {
  export interface ProvidedContext {
    /** The broker under test, e.g. "127.0.0.1:41234" (also in process.env.KAFKA_BOOTSTRAP_SERVERS). */
    kafkaBootstrapServers: string;
    /** Apache Kafka version of the jars (and of the broker, unless it was given). */
    kafkaVersion: string;
    /** Kafka's jars, to run its own tools with kafkaJavaCommand(). */
    kafkaLibDir: string;
    /** Whose slots a test file of this project takes while it runs (file-slots.ts): the project's name. */
    serialGroup: string;
    /** How many files of the project run at a time (file-slots.ts), from the project's `provide`. */
    fileSlots: number;
  }
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const version = resolveKafkaVersion();
  const { libDir } = await fetchKafka({ version });
  // Once per Kafka version and Java (npm run kafka:fetch records it too): the suite's JVMs then start on half the CPU.
  await recordClassData({ version });
  project.provide('kafkaVersion', version);
  project.provide('kafkaLibDir', libDir);
  project.provide('serialGroup', project.name);
  // The cluster project's tests start replicated clusters of their own: no single broker for them.
  if (project.name === 'cluster') return async () => {};
  const broker = await brokerUnderTest(version);
  // Test workers and the processes they spawn (the CLI, Kafka's tools) read it from the environment.
  process.env.KAFKA_BOOTSTRAP_SERVERS = broker.bootstrapServers;
  project.provide('kafkaBootstrapServers', broker.bootstrapServers);
  return broker.stop;
}

async function brokerUnderTest(version: string): Promise<{ bootstrapServers: string; stop: () => Promise<void> }> {
  const given = process.env.KAFKA_BOOTSTRAP_SERVERS;
  if (given) return { bootstrapServers: given, stop: async () => {} };
  // A fresh temp dir and free ports, so a broker left on 9092 (npm run kafka:start) is not disturbed.
  return startBroker({ port: 0, version, sharedMachine: true });
}
