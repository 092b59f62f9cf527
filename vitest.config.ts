import { defineConfig } from 'vitest/config';
import { BaseSequencer, type TestSpecification } from 'vitest/node';

/** The tests on replicated clusters. */
const CLUSTER_TESTS = ['test/integration/cluster.test.ts', 'test/integration/failover.test.ts'];
/** The file that takes longest, and mostly waits on brokers being fenced, restarted and back in sync. */
const LONGEST = 'test/integration/failover.test.ts';

/**
 * The longest file first, then the other cluster file, then the single-broker files. With four workers, the second
 * cluster file waits in its worker for the first one's slot while the single-broker files run, two at a time, in
 * the other two. (With fewer workers, the other cluster file had waited behind every single-broker file.)
 */
class LongestFirst extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const sorted = await super.sort(files);
    const rank = (file: TestSpecification): number => {
      if (file.moduleId.endsWith(LONGEST)) return 0;
      return file.project.name === 'cluster' ? 1 : 2;
    };
    return sorted.map((file, index) => ({ file, index }))
      .sort((a, b) => rank(a.file) - rank(b.file) || a.index - b.index)
      .map(({ file }) => file);
  }
}

export default defineConfig({
  test: {
    // The unit tests first, on their own (a few of them follow the wall clock); then the integration and cluster
    // projects together, four workers for both (vitest's default on 2 cores is one, for every project of a group,
    // and it needs the same count in all of them). Their files each take one of their project's slots
    // (file-slots.ts), so that two single-broker files run beside one cluster file, and a file waiting for a slot
    // holds a worker but no core.
    sequence: { sequencer: LongestFirst },
    projects: [
      {
        test: {
          name: 'unit',
          include: ['test/unit/**/*.test.ts'],
          environment: 'node',
          sequence: { groupOrder: 0 },
          maxWorkers: 2,
          // The files of a worker share its modules: half the CPU of the unit tests (48 s to 24 s, Node 20) went
          // to importing them again for every file. A test that changes shared state (fake timers, mocks,
          // process.env) restores it; the suite passes in a shuffled order (--sequence.shuffle) too.
          isolate: false,
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
          // Two files at a time: the machine's 2 cores are shared with the broker, and load tests measure.
          setupFiles: ['test/integration/file-slots.ts'],
          provide: { fileSlots: 2 },
          sequence: { groupOrder: 1 },
          maxWorkers: 4,
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
          setupFiles: ['test/integration/file-slots.ts'],
          provide: { fileSlots: 1 },
          sequence: { groupOrder: 1 },
          maxWorkers: 4,
          testTimeout: 180_000,
          hookTimeout: 180_000,
        },
      },
    ],
  },
});
