import type { ConsumeConfig } from '../config/types.js';
import { SetupError } from '../errors.js';
import { ConsumeAggregator } from '../metrics/consume-aggregate.js';
import type { ConsumeIntervalResult, ConsumeResult } from '../report/consume-result.js';
import type { Progress } from '../report/progress.js';
import { processClock } from '../util/clock.js';
import { WorkerPool } from '../worker/pool.js';
import type { ConsumeFinal } from '../worker/protocol.js';
import { buildConsumeResult, consumeInterval } from './build-consume-result.js';
import { CONTROL_TICK_MS, collectIntervals } from './collect.js';
import type { RunEnvironment } from './environment.js';
import { runAdminJob } from './admin-job.js';
import { consumerTasks } from './tasks.js';

/** What a consume run tells while it runs. */
export interface ConsumeHooks {
  onInterval(interval: ConsumeIntervalResult, totals: { records: number; bytes: number }, progress: Progress): void;
  onNotice(line: string): void;
}

export interface RunningConsume {
  readonly result: Promise<ConsumeResult>;
  interrupt(): void;
}

/**
 * Starts a consume run: a group of consumer workers reads until the count, the duration, or `--timeout` ms
 * without a record (Kafka's ConsumerPerformance's rule).
 */
export function startConsumeRun(config: ConsumeConfig, env: RunEnvironment, hooks: ConsumeHooks): RunningConsume {
  const interrupt = new AbortController();
  return { result: consumeRun(config, env, hooks, interrupt.signal), interrupt: () => interrupt.abort() };
}

/** Checks that there is something to read, so a typo is a clear error rather than a silent timeout. */
async function checkTopics(config: ConsumeConfig, env: RunEnvironment): Promise<void> {
  const listed = await runAdminJob(config, { kind: 'list-topics' }, env);
  const topics = listed.kind === 'list-topics' ? listed.topics : [];
  if (config.topic !== undefined && !topics.includes(config.topic)) {
    throw new SetupError(`topic '${config.topic}' does not exist at ${config.bootstrapServers.join(',')}`, 'check --topic');
  }
  if (config.include !== undefined && !topics.some((t) => new RegExp(config.include!).test(t))) {
    throw new SetupError(`no topic matches --include '${config.include}' at ${config.bootstrapServers.join(',')}`);
  }
}

/** The phases: prepare → start the pool → collect intervals until a stop condition → stop the group → result. */
async function consumeRun(config: ConsumeConfig, env: RunEnvironment, hooks: ConsumeHooks, interrupted: AbortSignal): Promise<ConsumeResult> {
  // Prepare: a topic to read.
  await checkTopics(config, env);

  // Start the pool: every consumer connected, then all subscribe at once.
  const pool = new WorkerPool(consumerTasks(config, env, false), env.launcher);
  try {
    await pool.ready();
    const clock = processClock();
    const aggregator = new ConsumeAggregator();
    const intervals: ConsumeIntervalResult[] = [];
    const startMs = clock.nowMs();
    const startedAt = Date.now();
    let lastIntervalMs = startMs;
    pool.go(startMs);

    // Collect until the count, the duration, the idle timeout, or an interrupt.
    const collecting = new AbortController();
    const stopCollecting = () => collecting.abort();
    if (interrupted.aborted) stopCollecting();
    else interrupted.addEventListener('abort', stopCollecting, { once: true });
    let timedOut = false;
    await collectIntervals(pool, CONTROL_TICK_MS, collecting.signal, (snapshots) => {
      for (const s of snapshots) if (s.kind === 'consume') aggregator.add(s.data);
      const now = clock.nowMs();
      if (now - lastIntervalMs >= config.reportingIntervalMs) {
        const interval = consumeInterval(aggregator.closeInterval(), now - startMs, now - lastIntervalMs);
        intervals.push(interval);
        lastIntervalMs = now;
        hooks.onInterval(interval, { records: aggregator.consumed, bytes: aggregator.bytes }, progressOf(config, aggregator.consumed, now - startMs));
      }
      if (reachedStop(config, aggregator.consumed, now - startMs)) collecting.abort();
      else if (now - (aggregator.lastRecordMs ?? startMs) > config.idleTimeoutMs) {
        timedOut = config.stop.kind === 'count';
        collecting.abort();
      }
    });
    interrupted.removeEventListener('abort', stopCollecting);

    // Stop the group: each consumer reports what it read.
    pool.stop(0);
    const finals = (await pool.done()).filter((f): f is ConsumeFinal => f.kind === 'consume');
    const endMs = clock.nowMs();
    for (const f of finals) aggregator.add(f.snapshot);
    const last = aggregator.closeInterval();
    if (last.consumed > 0) intervals.push(consumeInterval(last, endMs - startMs, endMs - lastIntervalMs));

    // The result.
    return buildConsumeResult(config, aggregator, finals, intervals, { startedAt, startMs, endMs, interrupted: interrupted.aborted, timedOut });
  } finally {
    await pool.close();
  }
}

function reachedStop(config: ConsumeConfig, consumed: number, elapsedMs: number): boolean {
  return (config.stop.kind === 'count' && consumed >= config.stop.records)
    || (config.stop.kind === 'duration' && elapsedMs >= config.stop.durationMs);
}

function progressOf(config: ConsumeConfig, consumed: number, elapsedMs: number): Progress {
  const fraction = config.stop.kind === 'count' ? consumed / config.stop.records
    : config.stop.kind === 'duration' ? elapsedMs / config.stop.durationMs : 0;
  const clamped = Math.min(1, Math.max(0, fraction));
  return { fraction: clamped, remainingMs: clamped > 0 ? (elapsedMs * (1 - clamped)) / clamped : undefined };
}
