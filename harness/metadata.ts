// A cluster is ready when its controllers have every node registered as a live broker: only then can a topic
// with 3 replicas be created. Its ports alone do not tell: a broker may serve before the others have joined.
import { setTimeout as sleep } from 'node:timers/promises';

/** Polls the cluster's metadata until it lists `count` brokers; throws at `deadline` (epoch ms). */
export async function waitForBrokers(bootstrapServers: string, count: number, deadline: number): Promise<void> {
  const { default: kafkajs } = await import('kafkajs');
  const kafka = new kafkajs.Kafka({
    clientId: 'perf-test-harness',
    brokers: bootstrapServers.split(','),
    logLevel: kafkajs.logLevel.NOTHING,
    connectionTimeout: 2000,
    retry: { retries: 0 },
  });
  let seen = 0;
  let lastError: unknown;
  for (;;) {
    const admin = kafka.admin();
    try {
      await admin.connect();
      seen = (await admin.describeCluster()).brokers.length;
      if (seen >= count) return;
    } catch (error) {
      lastError = error;
    } finally {
      await admin.disconnect().catch(() => {});
    }
    if (Date.now() > deadline) {
      const why = lastError instanceof Error ? ` (last error: ${lastError.message})` : '';
      throw new Error(`the cluster's metadata listed ${seen} of ${count} brokers in time${why}`);
    }
    await sleep(250);
  }
}
