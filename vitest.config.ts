import { defineConfig } from 'vitest/config';

/** The tests on replicated clusters. */
const CLUSTER_TESTS = ['test/integration/cluster.test.ts', 'test/integration/failover.test.ts'];

export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'unit',
          include: ['test/unit/**/*.test.ts'],
          environment: 'node',
        },
      },
      {
        test: {
          name: 'integration',
          include: ['test/integration/**/*.test.ts'],
          exclude: CLUSTER_TESTS,
          environment: 'node',
          // One real Kafka broker for the whole run (or $KAFKA_BOOTSTRAP_SERVERS): see global-setup.ts.
          globalSetup: ['test/integration/global-setup.ts'],
          testTimeout: 120_000,
          hookTimeout: 180_000,
          // One file at a time: the machine's 2 cores are shared with the broker, and load tests measure.
          fileParallelism: false,
        },
      },
      {
        test: {
          name: 'cluster',
          // Three-node clusters of their own, which these files start and stop. They run beside the project above
          // (projects run at the same time): their tests spend most of their time waiting for brokers to be
          // fenced, restarted and back in sync, at 1,000 records/s, so the two overlap on 2 cores.
          include: CLUSTER_TESTS,
          environment: 'node',
          // Kafka's version and jars for the tools, and no broker of its own (see global-setup.ts).
          globalSetup: ['test/integration/global-setup.ts'],
          testTimeout: 180_000,
          hookTimeout: 180_000,
          fileParallelism: false,
        },
      },
    ],
  },
});
