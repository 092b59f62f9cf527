// The real broker of global-setup.ts works with kafkajs (our client) and with Apache Kafka's own tools.
import { execFile } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { promisify } from 'node:util';
import { Kafka, logLevel, Partitioners } from 'kafkajs';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { classDataOptions, kafkaJavaCommand } from '../../harness/index.js';

const bootstrapServers = inject('kafkaBootstrapServers');
const kafka = new Kafka({ clientId: 'perf-test-broker-test', brokers: [bootstrapServers], logLevel: logLevel.WARN });
const admin = kafka.admin();

function uniqueTopic(): string {
  return `perf-test-broker-${randomUUID()}`;
}

async function endOffsetSum(topic: string): Promise<number> {
  const offsets = await admin.fetchTopicOffsets(topic);
  return offsets.reduce((sum, partition) => sum + Number(partition.high), 0);
}

describe('the Kafka broker under test', () => {
  beforeAll(async () => {
    await admin.connect();
  });
  afterAll(async () => {
    await admin.disconnect();
  });

  it('is the one in KAFKA_BOOTSTRAP_SERVERS, for child processes', () => {
    expect(process.env.KAFKA_BOOTSTRAP_SERVERS).toBe(bootstrapServers);
  });

  it('takes records from a kafkajs producer', async () => {
    const topic = uniqueTopic();
    await admin.createTopics({ topics: [{ topic, numPartitions: 1, replicationFactor: 1 }], waitForLeaders: true });
    const producer = kafka.producer({ createPartitioner: Partitioners.DefaultPartitioner });
    await producer.connect();
    try {
      const messages = Array.from({ length: 100 }, (_, i) => ({ key: `k${i}`, value: `record ${i}` }));
      await producer.send({ topic, messages });
    } finally {
      await producer.disconnect();
    }
    expect(await endOffsetSum(topic)).toBe(100);
  });

  it("takes records from Apache Kafka's ProducerPerformance", async () => {
    const topic = uniqueTopic();
    const { command, args } = kafkaJavaCommand({
      version: inject('kafkaVersion'),
      classData: true,
      mainClass: 'org.apache.kafka.tools.ProducerPerformance',
      args: [
        ...['--topic', topic, '--num-records', '1000', '--record-size', '100', '--throughput', '-1'],
        ...['--producer-props', `bootstrap.servers=${bootstrapServers}`, 'acks=1'],
      ],
    });
    const { stdout } = await promisify(execFile)(command, args);
    const lastLine = stdout.trim().split('\n').at(-1);
    const rates = String.raw`[\d.]+ records/sec \([\d.]+ MB/sec\)`;
    const latencies = String.raw`[\d.]+ ms avg latency, [\d.]+ ms max latency`;
    const percentiles = String.raw`\d+ ms 50th, \d+ ms 95th, \d+ ms 99th, \d+ ms 99\.9th\.`;
    expect(lastLine).toMatch(new RegExp(`^1000 records sent, ${rates}, ${latencies}, ${percentiles}$`));
    expect(await endOffsetSum(topic)).toBe(1000);
  });

  it("maps the broker's classes from the class-data archive that the setup recorded", async () => {
    const { command, args } = kafkaJavaCommand({
      version: inject('kafkaVersion'),
      classData: true,
      // -Xshare:on: a JVM that cannot map the archive fails instead of starting without it.
      jvmArgs: ['-Xmx256m', '-Xshare:on', '-Xlog:class+load=info'],
      mainClass: 'kafka.tools.StorageTool',
      args: ['random-uuid'],
    });
    expect(classDataOptions(inject('kafkaVersion'))).toHaveLength(1);
    const { stdout } = await promisify(execFile)(command, args, { maxBuffer: 64 * 1024 * 1024 });
    expect(stdout).toMatch(/ kafka\.server\.KafkaConfig source: shared objects file \(top\)$/m);
  });
});
