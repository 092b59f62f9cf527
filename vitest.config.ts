import { defineConfig } from 'vitest/config';
import { BaseSequencer, type TestSpecification } from 'vitest/node';

/** The failover tests, on a replicated cluster of their own: the longest file, mostly waiting on brokers. */
const FAILOVER = 'test/integration/failover.test.ts';
/** Unit files that mock a module (vi.mock): each needs a fresh module graph, so they run isolated. */
const MOCKING_UNIT_TESTS = ['test/unit/cli/output-files.test.ts'];

/** The failover file first, so that it starts at once beside the single-broker files, which it outlasts. */
class FailoverFirst extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const sorted = await super.sort(files);
    const rank = (file: TestSpecification): number => (file.moduleId.endsWith(FAILOVER) ? 0 : 1);
    return sorted.map((file, index) => ({ file, index }))
      .sort((a, b) => rank(a.file) - rank(b.file) || a.index - b.index)
      .map(({ file }) => file);
  }
}

export default defineConfig({
  test: {
    // The unit tests first, on their own (a few of them follow the wall clock); then the integration and failover
    // projects together, three workers for both (vitest's default on 2 cores is one, for every project of a group,
    // and it needs the same count in all of them): the failover file in one, and the other files, two at a time,
    // each holding one of the integration project's two slots (file-slots.ts), in the other two.
    sequence: { sequencer: FailoverFirst },
    projects: [
      {
        test: {
          name: 'unit',
          include: ['test/unit/**/*.test.ts'],
          exclude: MOCKING_UNIT_TESTS,
          environment: 'node',
          sequence: { groupOrder: 0 },
          maxWorkers: 2,
          // The files of a worker share its modules: half the CPU of the unit tests (48 s to 24 s, Node 20) went
          // to importing them again for every file. A test that changes shared state (fake timers, process.env)
          // restores it; the suite passes in a shuffled order (--sequence.shuffle) too.
          isolate: false,
        },
      },
      {
        test: {
          name: 'unit-mocks',
          include: MOCKING_UNIT_TESTS,
          environment: 'node',
          sequence: { groupOrder: 0 },
          maxWorkers: 2,
        },
      },
      {
        test: {
          name: 'integration',
          include: ['test/integration/**/*.test.ts'],
          exclude: [FAILOVER],
          environment: 'node',
          // One real Kafka broker for the whole run (or $KAFKA_BOOTSTRAP_SERVERS): see global-setup.ts.
          // (cluster.test.ts starts a cluster of its own, and takes a slot like the others.)
          globalSetup: ['test/integration/global-setup.ts'],
          // Two files at a time: the machine's 2 cores are shared with the brokers, and load tests measure.
          setupFiles: ['test/integration/file-slots.ts'],
          provide: { fileSlots: 2 },
          sequence: { groupOrder: 1 },
          maxWorkers: 3,
          testTimeout: 120_000,
          hookTimeout: 180_000,
        },
      },
      {
        test: {
          name: 'cluster',
          // A three-node cluster of its own, which the file starts and stops, beside the project above: its tests
          // spend most of their time waiting for brokers, at 1,000 records/s.
          include: [FAILOVER],
          environment: 'node',
          // Kafka's version and jars for the tools, and no broker of its own (see global-setup.ts).
          globalSetup: ['test/integration/global-setup.ts'],
          sequence: { groupOrder: 1 },
          maxWorkers: 3,
          testTimeout: 180_000,
          hookTimeout: 180_000,
        },
      },
    ],
  },
});
