import { defineConfig } from 'vitest/config';
import { BaseSequencer, type TestSpecification } from 'vitest/node';

/** The tests on replicated clusters. */
const CLUSTER_TESTS = ['test/integration/cluster.test.ts', 'test/integration/failover.test.ts'];
/** The file that takes longest, and mostly waits on brokers being fenced, restarted and back in sync. */
const LONGEST = 'test/integration/failover.test.ts';

/**
 * The longest file first, so that everything else runs beside it: then the unit tests, then the single-broker
 * files, then the other cluster file.
 */
class LongestFirst extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const sorted = await super.sort(files);
    const rank = (file: TestSpecification): number => {
      if (file.moduleId.endsWith(LONGEST)) return 0;
      if (file.project.name === 'unit') return 1;
      return file.project.name === 'integration' ? 2 : 3;
    };
    return sorted.map((file, index) => ({ file, index }))
      .sort((a, b) => rank(a.file) - rank(b.file) || a.index - b.index)
      .map(({ file }) => file);
  }
}

export default defineConfig({
  test: {
    // Three test files at a time over all projects (vitest's default on 2 cores is one). The integration and
    // cluster projects' files each take their project's lock (one-file-at-a-time.ts), so at most one file of each
    // runs at a time: a single-broker file beside a cluster file, while the unit tests fill the third worker.
    maxWorkers: 3,
    sequence: { sequencer: LongestFirst },
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
          // One file at a time: the machine's 2 cores are shared with the broker, and load tests measure.
          setupFiles: ['test/integration/one-file-at-a-time.ts'],
          testTimeout: 120_000,
          hookTimeout: 180_000,
        },
      },
      {
        test: {
          name: 'cluster',
          // Three-node clusters of their own, which these files start and stop, one at a time, beside the
          // project above: their tests spend most of their time waiting for brokers, at 1,000 records/s.
          include: CLUSTER_TESTS,
          environment: 'node',
          // Kafka's version and jars for the tools, and no broker of its own (see global-setup.ts).
          globalSetup: ['test/integration/global-setup.ts'],
          setupFiles: ['test/integration/one-file-at-a-time.ts'],
          testTimeout: 180_000,
          hookTimeout: 180_000,
        },
      },
    ],
  },
});
