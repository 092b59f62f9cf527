import type { ConsumeConfig, ProduceConfig } from '../config/types.js';
import { WorkerPool } from '../worker/pool.js';
import type { AdminFinal, AdminJob, AdminOutcome } from '../worker/protocol.js';
import type { RunEnvironment } from './environment.js';

/** Bounds a step of the job (the run's set-up deadline); by default, none. */
export type Within = <T>(step: Promise<T>) => Promise<T>;

/**
 * Runs one admin job in a worker of its own: the main thread never imports the client library. Once done, the
 * worker's thread, with the library loaded, is kept for the run's first producer or consumer (WorkerPool.release).
 */
export async function runAdminJob(
  config: ProduceConfig | ConsumeConfig,
  job: AdminJob,
  env: RunEnvironment,
  within: Within = (step) => step,
): Promise<AdminOutcome> {
  const pool = new WorkerPool([{ kind: 'admin', workerIndex: 0, config, clientModule: env.clientModule, job }], env.launcher);
  try {
    await within(pool.ready());
    pool.go(0);
    const [final] = (await within(pool.doneOf('admin'))) as AdminFinal[];
    return final!.outcome;
  } finally {
    await pool.release();
  }
}
