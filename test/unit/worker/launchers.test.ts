import { describe, expect, it } from 'vitest';
import type { ResourceLimits } from 'node:worker_threads';
import { resolveProduceConfig } from '../../../src/config/resolve-produce.js';
import { resolveConsumeConfig } from '../../../src/config/resolve-consume.js';
import { resolveEndToEndConfig } from '../../../src/config/resolve-e2e.js';
import { DEFAULT_WORKER_YOUNG_GENERATION_MB } from '../../../src/config/worker-limits.js';
import { threadsWith, type RunEnvironment } from '../../../src/run/environment.js';
import { resolveContext } from '../../support/runs.js';

/** A real thread that only tells its limits, started as the run's workers are. */
const PROBE = new URL('../../support/limits-probe.mjs', import.meta.url);

/** Launches one worker of `env` and resolves with the resource limits it runs under. */
function limitsOfAWorker(env: RunEnvironment): Promise<ResourceLimits> {
  return new Promise((resolve, reject) => {
    const worker = env.launcher.launch({
      message: (m) => {
        resolve((m as unknown as { resourceLimits: ResourceLimits }).resourceLimits);
        void worker.terminate();
      },
      crashed: reject,
      exited: () => undefined,
    });
  });
}

describe('worker threads get the run\'s heap limits', () => {
  it('--worker-young-generation-mb reaches every producer thread', async () => {
    const config = resolveProduceConfig({ numRecords: '10', workerYoungGenerationMb: '24' }, resolveContext());
    expect((await limitsOfAWorker(threadsWith(config, PROBE))).maxYoungGenerationSizeMb).toBe(24);
  });

  it('without it, the default', async () => {
    const config = resolveProduceConfig({ numRecords: '10' }, resolveContext());
    expect((await limitsOfAWorker(threadsWith(config, PROBE))).maxYoungGenerationSizeMb).toBe(DEFAULT_WORKER_YOUNG_GENERATION_MB);
  });

  it('consumer threads, and both sides of an e2e run, too', async () => {
    const consume = resolveConsumeConfig({ topic: 't', workerYoungGenerationMb: '20' }, resolveContext());
    expect((await limitsOfAWorker(threadsWith(consume, PROBE))).maxYoungGenerationSizeMb).toBe(20);
    const e2e = resolveEndToEndConfig({ numRecords: '10', workerYoungGenerationMb: '16' }, resolveContext());
    expect(e2e.consume.workerLimits).toEqual(e2e.produce.workerLimits);
    expect((await limitsOfAWorker(threadsWith(e2e.produce, PROBE))).maxYoungGenerationSizeMb).toBe(16);
  });
});

describe('worker threads are kept for the next launch once released', () => {
  /** Launches a probe and resolves with its thread id (a kept thread answers a message; a new one says it at once). */
  function threadOf(launcher: RunEnvironment['launcher']): Promise<{ threadId: number; worker: ReturnType<RunEnvironment['launcher']['launch']> }> {
    return new Promise((resolve, reject) => {
      let answered = false;
      const worker = launcher.launch({
        message: (m) => {
          if (answered) return;
          answered = true;
          resolve({ threadId: (m as unknown as { threadId: number }).threadId, worker });
        },
        crashed: reject,
        exited: () => undefined,
      });
      worker.send({ type: 'resume' });
    });
  }

  it('a released thread serves the next launch; a terminated one does not', async () => {
    const config = resolveProduceConfig({ numRecords: '10' }, resolveContext());
    const launcher = threadsWith(config, PROBE).launcher;
    const first = await threadOf(launcher);
    await first.worker.release();
    const second = await threadOf(launcher);
    expect(second.threadId).toBe(first.threadId);
    await second.worker.terminate();
    const third = await threadOf(launcher);
    expect(third.threadId).not.toBe(first.threadId);
    await third.worker.terminate();
  });
});
