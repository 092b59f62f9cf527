import type { ProduceConfig } from '../config/types.js';
import type { ProduceResult } from '../report/result.js';
import { WorkerPool } from '../worker/pool.js';
import type { ProduceFinal } from '../worker/protocol.js';
import { collectWhile } from './collect.js';
import type { RunEnvironment } from './environment.js';
import type { RunHooks, RunningProduce } from './hooks.js';
import { ProduceIntervals } from './produce-intervals.js';
import { producedResult, startProducing, untilStartAt } from './producing.js';
import { prepareTopics, SetupDeadline } from './setup.js';
import { producerTasks } from './tasks.js';

/** Starts a produce run: topic setup, the worker pool, intervals, and the merged result. */
export function startProduceRun(config: ProduceConfig, env: RunEnvironment, hooks: RunHooks): RunningProduce {
  const interrupt = new AbortController();
  return { result: produceRun(config, env, hooks, interrupt.signal), interrupt: () => interrupt.abort() };
}

/** The phases: prepare → start the pool → collect intervals (the producers drain themselves) → result. */
async function produceRun(config: ProduceConfig, env: RunEnvironment, hooks: RunHooks, interrupted: AbortSignal): Promise<ProduceResult> {
  // Prepare: the topic.
  const deadline = new SetupDeadline(config);
  await prepareTopics(config, env, hooks, deadline, false);

  // Start the pool: every producer connected, then all go at once.
  const pool = new WorkerPool(producerTasks(config, env, false), env.launcher);
  try {
    await deadline.within(pool.ready());
    await untilStartAt(config, hooks, interrupted);
    const producing = startProducing(pool, config, hooks, interrupted);
    try {
      // Collect intervals until every producer is done; after an interrupt each drains what it has in flight.
      const figures = new ProduceIntervals(config, false, hooks, producing.startMs);
      const tickMs = config.reportingIntervalMs;
      const finals = (await collectWhile(pool.doneOf('produce'), pool, tickMs, (snapshots) => {
        figures.add(snapshots);
        figures.tick(producing.clock.nowMs(), tickMs);
      })) as ProduceFinal[];
      for (const f of finals) figures.produced.add(f.snapshot);

      // The result.
      return producedResult(config, figures, finals, producing, interrupted.aborted, hooks);
    } finally {
      producing.done();
    }
  } finally {
    await pool.close();
  }
}
