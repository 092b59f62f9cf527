import { beforeEach, describe, expect, it } from 'vitest';
import type { ConsumeOptions } from '../../../src/config/consume-options.js';
import { resolveConsumeConfig } from '../../../src/config/resolve-consume.js';
import { SetupError, WorkerCrashError } from '../../../src/errors.js';
import { startConsumeRun } from '../../../src/run/consume-run.js';
import type { ConsumeIntervalResult, ConsumeResult } from '../../../src/report/consume-result.js';
import { fakeCluster } from '../../support/fake-client.js';
import { FAKE_ENV, interruptedAt, recordingHooks, resolveContext } from '../../support/runs.js';

function config(o: ConsumeOptions) {
  return resolveConsumeConfig({ topic: 'held', bootstrapServer: 'fake:9092', ...o }, resolveContext());
}

/** A topic of `partitions` holding `perPartition` records of 100 bytes each. */
function topicWith(partitions: number, perPartition: number): void {
  fakeCluster.createTopic('held', partitions);
  for (const p of fakeCluster.topics.get('held')!) p.push(...Array.from({ length: perPartition }, () => Buffer.alloc(100)));
}

beforeEach(() => fakeCluster.reset({ maxBatchRecords: 100 }));

describe('a consume run, with the fake client and workers in this thread', () => {
  it('reads exactly the records asked for', async () => {
    topicWith(2, 1000);
    const result = await startConsumeRun(config({ numRecords: '2000' }), FAKE_ENV, recordingHooks<ConsumeIntervalResult>()).result;
    expect(result.status).toBe('completed');
    expect(result.timedOut).toBe(false);
    expect(result.records).toEqual({ consumed: 2000 });
    expect(result.bytes).toBe(200_000);
    expect(fakeCluster.open).toBe(0);
  });

  it('times out after --timeout ms without a record, short of the count', async () => {
    topicWith(1, 300);
    const result = await startConsumeRun(config({ numRecords: '1000', timeout: '300' }), FAKE_ENV, recordingHooks<ConsumeIntervalResult>()).result;
    expect(result.timedOut).toBe(true);
    expect(result.records).toEqual({ consumed: 300 });
  });

  it('stops on an interrupt with what was read', async () => {
    topicWith(1, 10);
    const { result } = await interruptedAt<ConsumeIntervalResult, ConsumeResult>(1, (h) =>
      startConsumeRun(config({ numRecords: '1000', timeout: '60000', reportingInterval: '100' }), FAKE_ENV, h));
    expect(result.status).toBe('interrupted');
    expect(result.records).toEqual({ consumed: 10 });
    expect(result.durationMs).toBeLessThan(5000);
  });

  it('says so when the topic does not exist', async () => {
    const error = await startConsumeRun(config({ numRecords: '10' }), FAKE_ENV, recordingHooks()).result.catch((e: unknown) => e);
    expect(error).toBeInstanceOf(SetupError);
    expect((error as Error).message).toBe("topic 'held' does not exist at fake:9092");
  });

  it('stops the group with a clear error when a consumer fails', async () => {
    fakeCluster.reset({ failConsumer: { index: 1, message: 'injected fault: no group' } });
    topicWith(2, 10);
    const error = await startConsumeRun(config({ numRecords: '1000', consumers: '2', timeout: '60000' }), FAKE_ENV, recordingHooks()).result.catch((e: unknown) => e);
    expect(error).toBeInstanceOf(WorkerCrashError);
    expect((error as Error).message).toMatch(/^worker \d failed: Error: injected fault: no group$/);
    await expect.poll(() => fakeCluster.open).toBe(0);
  });
});
