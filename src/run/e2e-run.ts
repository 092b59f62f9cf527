import type { EndToEndConfig } from '../config/types.js';
import type { ProduceResult } from '../report/result.js';
import { WorkerPool } from '../worker/pool.js';
import type { ConsumeFinal, ProduceFinal } from '../worker/protocol.js';
import { setTimeout as sleep } from 'node:timers/promises';
import { withEndToEnd } from './build-produce-result.js';
import { CONTROL_TICK_MS, collectWhile } from './collect.js';
import type { RunEnvironment } from './environment.js';
import type { RunHooks, RunningProduce } from './hooks.js';
import { ProduceIntervals } from './produce-intervals.js';
import { MAX_DRAIN_MS, producedResult, startProducing, untilStartAt } from './producing.js';
import { prepareTopics, SetupDeadline } from './setup.js';
import { consumerTasks, producerTasks } from './tasks.js';
import { BacklogDrain, type DrainCounts } from './backlog-drain.js';

/**
 * Starts an end-to-end run: producers (stamping each value with its send time) and consumers of one group at
 * once, in one process and on one clock; once producing is done, waits until every acked record is consumed.
 * With `--backlog`, the consumers start paused and resume once the producers have written the backlog.
 */
export function startEndToEndRun(config: EndToEndConfig, env: RunEnvironment, hooks: RunHooks): RunningProduce {
  const interrupt = new AbortController();
  return { result: endToEndRun(config, env, hooks, interrupt.signal), interrupt: () => interrupt.abort() };
}

/**
 * The phases: prepare → start the pool → collect intervals (with a backlog: fill it, then resume the consumers) →
 * drain the consumers → result.
 */
async function endToEndRun(e2e: EndToEndConfig, env: RunEnvironment, hooks: RunHooks, interrupted: AbortSignal): Promise<ProduceResult> {
  const config = e2e.produce;
  // Prepare: the topic, and where the run's records will start.
  const deadline = new SetupDeadline(config);
  const startOffsets = await prepareTopics(config, env, hooks, deadline, true);

  // Start the pool: every consumer has its partitions and every producer is connected; then producers go.
  const paused = e2e.backlog !== undefined;
  const pool = new WorkerPool([...producerTasks(config, env, true), ...consumerTasks(e2e.consume, env, true, startOffsets, paused)], env.launcher);
  try {
    await deadline.within(pool.ready());
    await untilStartAt(config, hooks, interrupted);
    const producing = startProducing(pool, config, hooks, interrupted);
    try {
      // Collect often, to see when everything produced was consumed; intervals close on the reporting interval.
      const figures = new ProduceIntervals(config, true, hooks, producing.startMs);
      const tickMs = Math.min(CONTROL_TICK_MS, config.reportingIntervalMs);
      const backlog = e2e.backlog && new BacklogDrain(e2e.backlog, producing.startMs);
      let producersDone = false;
      const { finals, consumerFinals } = await collectWhile((async () => {
        const finals = (await pool.doneOf('produce')) as ProduceFinal[];
        producersDone = true;
        for (const f of finals) figures.produced.add(f.snapshot);
        // Drain: the consumers read on until they have every acked record, or the drain timeout.
        const timeoutMs = interrupted.aborted ? Math.min(e2e.drainTimeoutMs, MAX_DRAIN_MS) : e2e.drainTimeoutMs;
        return { finals, consumerFinals: await drainConsumers(pool, figures, timeoutMs, hooks) };
      })(), pool, tickMs, (snapshots) => {
        figures.add(snapshots);
        const nowMs = producing.clock.nowMs();
        figures.tick(nowMs, tickMs);
        if (backlog?.tick(nowMs, drainCounts(figures), !producersDone) === 'resume') {
          hooks.onNotice(`Backlog of ${figures.produced.totals.acked} records written in ${((nowMs - producing.startMs) / 1000).toFixed(1)} s: resuming the consumers.`);
          pool.resume('consume');
        }
      });
      for (const f of consumerFinals) figures.consumed.add(f.snapshot);

      // The result.
      const result = withEndToEnd(producedResult(config, figures, finals, producing, interrupted.aborted, hooks), figures.consumed);
      return backlog ? { ...result, backlog: backlog.result(producing.startMs + result.durationMs, drainCounts(figures)) } : result;
    } finally {
      producing.done();
    }
  } finally {
    await pool.close();
  }
}

function drainCounts(figures: ProduceIntervals): DrainCounts {
  const { acked, ackedBytes } = figures.produced.totals;
  return { acked, ackedBytes, consumed: figures.consumed.unique, consumedBytes: figures.consumed.bytes };
}

/** Waits until the consumers have every acked record (as the collect loop sees it) or `timeoutMs`; then stops them. */
async function drainConsumers(pool: WorkerPool, figures: ProduceIntervals, timeoutMs: number, hooks: RunHooks): Promise<ConsumeFinal[]> {
  const acked = figures.produced.totals.acked;
  const until = Date.now() + timeoutMs;
  // Distinct records (partition and offset): one read again after a rejoin does not count twice.
  while (figures.consumed.unique < acked && Date.now() < until) await sleep(CONTROL_TICK_MS);
  if (figures.consumed.unique < acked) {
    hooks.onNotice(`Consumers had ${figures.consumed.unique} of ${acked} acked records after --drain-timeout (${timeoutMs} ms); the rest count as missing.`);
  }
  pool.stop(0, 'consume');
  return (await pool.doneOf('consume')) as ConsumeFinal[];
}
