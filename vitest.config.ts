import { defineConfig } from 'vitest/config';

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
          environment: 'node',
          // One real Kafka broker for the whole run (or $KAFKA_BOOTSTRAP_SERVERS): see global-setup.ts.
          globalSetup: ['test/integration/global-setup.ts'],
          testTimeout: 120_000,
          hookTimeout: 180_000,
          // One file at a time: the machine's 2 cores are shared with the broker, and load tests measure.
          fileParallelism: false,
        },
      },
    ],
  },
});
