import { beforeEach, describe, expect, it } from 'vitest';
import { resolveConsumeConfig } from '../../../src/config/resolve-consume.js';
import { resolveProduceConfig } from '../../../src/config/resolve-produce.js';
import { runAdminJob } from '../../../src/run/admin-job.js';
import { fakeCluster } from '../../support/fake-client.js';
import { FAKE_ENV, resolveContext } from '../../support/runs.js';

const produce = resolveProduceConfig({ topic: 'made', numRecords: '10', partitions: '3', bootstrapServer: 'fake:9092' }, resolveContext());
const topic = produce.topic;

beforeEach(() => fakeCluster.reset());

describe('an admin job, in a worker of its own', () => {
  it('creates a missing topic, says so, and finds it the next time', async () => {
    expect(await runAdminJob(produce, { kind: 'ensure-topics', topics: [topic], endOffsets: false }, FAKE_ENV))
      .toEqual({ kind: 'ensure-topics', topics: [{ name: 'made', partitions: 3, created: true, endOffsets: undefined }] });
    expect(fakeCluster.topics.get('made')).toHaveLength(3);
    expect(await runAdminJob(produce, { kind: 'ensure-topics', topics: [topic], endOffsets: false }, FAKE_ENV))
      .toEqual({ kind: 'ensure-topics', topics: [{ name: 'made', partitions: 3, created: false, endOffsets: undefined }] });
  });

  it("reads each partition's end offset when asked (e2e runs start there)", async () => {
    fakeCluster.createTopic('made', 2);
    fakeCluster.topics.get('made')![1]!.push(Buffer.from('a'), Buffer.from('b'));
    expect(await runAdminJob(produce, { kind: 'ensure-topics', topics: [topic], endOffsets: true }, FAKE_ENV))
      .toEqual({ kind: 'ensure-topics', topics: [{ name: 'made', partitions: 2, created: false, endOffsets: { 0: '0', 1: '2' } }] });
  });

  it("lists the cluster's topics (consume runs check theirs)", async () => {
    fakeCluster.createTopic('a', 1);
    fakeCluster.createTopic('b', 1);
    const consume = resolveConsumeConfig({ topic: 'a', bootstrapServer: 'fake:9092' }, resolveContext());
    expect(await runAdminJob(consume, { kind: 'list-topics' }, FAKE_ENV)).toEqual({ kind: 'list-topics', topics: ['a', 'b'] });
  });

  it("gives up when the run's set-up deadline passes", async () => {
    const deadlinePassed = <T>(step: Promise<T>): Promise<T> => step.then(() => Promise.reject(new Error('no answer within max.block.ms')));
    await expect(runAdminJob(produce, { kind: 'list-topics' }, FAKE_ENV, deadlinePassed)).rejects.toThrow('no answer within max.block.ms');
  });
});
