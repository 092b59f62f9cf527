import type { ConsumeConfig } from '../config/types.js';
import { redactProps } from '../config/producer-config.js';
import { ConsumeAggregator } from '../metrics/consume-aggregate.js';
import type { ConsumeIntervalResult, ConsumeResult } from '../report/consume-result.js';
import { throughputOf } from '../report/result.js';
import { clockOrigin, processClock } from '../util/clock.js';
import { WorkerPool } from '../worker/pool.js';
import type { ConsumeFinal, ConsumeTask } from '../worker/protocol.js';
import type { Progress } from '../report/progress.js';
import { TOOL_VERSION } from './version.js';
import { loadClient } from '../clients/registry.js';
import type { ClientFactory } from '../clients/port.js';
import { connectionSpec } from '../clients/connection.js';
import { SetupError } from '../errors.js';
import type { RunEnvironment } from './environment.js';

/** What a consume run tells while it runs. */
export interface ConsumeHooks {
  onInterval(interval: ConsumeIntervalResult, totals: { records: number; bytes: number }, progress: Progress): void;
  onNotice(line: string): void;
}

export interface RunningConsume {
  readonly result: Promise<ConsumeResult>;
  interrupt(): void;
}

/** How often the main thread collects consumer figures, to stop on time and on count. */
export const CONTROL_TICK_MS = 100;

/** Consumer tasks of one group, for consume and e2e runs. */
export function consumeTasks(config: ConsumeConfig, env: RunEnvironment, endToEnd: boolean, startOffsets?: Record<string, string>): ConsumeTask[] {
  return Array.from({ length: config.consumers }, (_, i) => ({
    kind: 'consume', workerIndex: i, config, clientModule: env.clientModule, endToEnd, startOffsets, clockOriginMs: clockOrigin(),
  }));
}

/**
 * Starts a consume run: a group of consumer workers reads until the count, the duration, or `--timeout` ms
 * without a record (Kafka's ConsumerPerformance's rule).
 */
export function startConsumeRun(config: ConsumeConfig, env: RunEnvironment, hooks: ConsumeHooks): RunningConsume {
  const interruption = new Interruption();
  return { result: run(config, env, hooks, interruption), interrupt: () => interruption.interrupt() };
}

/** An interrupt that cuts the current tick short (without a never-settling promise to race each tick against). */
class Interruption {
  interrupted = false;
  private wake: (() => void) | undefined;

  interrupt(): void {
    this.interrupted = true;
    this.wake?.();
  }

  /** Waits `ms`, or less if interrupted meanwhile. */
  tick(ms: number): Promise<void> {
    if (this.interrupted) return Promise.resolve();
    return new Promise((resolve) => {
      const timer = setTimeout(() => {
        this.wake = undefined;
        resolve();
      }, ms);
      this.wake = () => {
        clearTimeout(timer);
        resolve();
      };
    });
  }
}

/** Checks that there is something to read, so a typo is a clear error rather than a silent timeout. */
async function checkTopics(config: ConsumeConfig, client: ClientFactory): Promise<void> {
  const admin = client.createAdmin(connectionSpec(config));
  try {
    await admin.connect();
    const topics = await admin.listTopics();
    if (config.topic !== undefined && !topics.includes(config.topic)) {
      throw new SetupError(`topic '${config.topic}' does not exist at ${config.bootstrapServers.join(',')}`, 'check --topic');
    }
    if (config.include !== undefined && !topics.some((t) => new RegExp(config.include!).test(t))) {
      throw new SetupError(`no topic matches --include '${config.include}' at ${config.bootstrapServers.join(',')}`);
    }
  } finally {
    void admin.disconnect().catch(() => undefined);
  }
}

async function run(config: ConsumeConfig, env: RunEnvironment, hooks: ConsumeHooks, interruption: Interruption): Promise<ConsumeResult> {
  await checkTopics(config, await loadClient(env.clientModule));
  const clock = processClock();
  const pool = new WorkerPool(consumeTasks(config, env, false), env.launcher);
  try {
    await pool.ready();
    const aggregator = new ConsumeAggregator();
    const intervals: ConsumeIntervalResult[] = [];
    const startMs = clock.nowMs();
    const startedAt = Date.now();
    let lastIntervalMs = startMs;
    pool.go(startMs);

    let timedOut = false;
    for (let seq = 1; ; seq++) {
      await interruption.tick(CONTROL_TICK_MS);
      for (const s of await pool.snapshot(seq)) if (s.kind === 'consume') aggregator.add(s.data);
      const now = clock.nowMs();
      if (now - lastIntervalMs >= config.reportingIntervalMs) {
        intervals.push(toInterval(aggregator, now - startMs, now - lastIntervalMs));
        lastIntervalMs = now;
        hooks.onInterval(intervals[intervals.length - 1]!, { records: aggregator.consumed, bytes: aggregator.bytes }, progress(config, aggregator.consumed, now - startMs));
      }
      if (interruption.interrupted) break;
      if (config.stop.kind === 'count' && aggregator.consumed >= config.stop.records) break;
      if (config.stop.kind === 'duration' && now - startMs >= config.stop.durationMs) break;
      if (now - (aggregator.lastRecordMs ?? startMs) > config.idleTimeoutMs) {
        timedOut = config.stop.kind === 'count';
        break;
      }
    }
    pool.stop(0);
    const finals = (await pool.done()).filter((f): f is ConsumeFinal => f.kind === 'consume');
    const endMs = clock.nowMs();
    for (const f of finals) aggregator.add(f.snapshot);
    const last = aggregator.closeInterval();
    if (last.consumed > 0) intervals.push(intervalOf(last, endMs - startMs, endMs - lastIntervalMs));
    const durationMs = Math.max(1, Math.round(endMs - startMs));
    const rebalanceMs = Math.round(Math.max(0, ...finals.map((f) => f.rebalanceMs)));
    const fetchMs = Math.max(1, durationMs - rebalanceMs);
    return {
      schemaVersion: 1,
      tool: { name: 'perf-test', version: TOOL_VERSION },
      mode: 'consume',
      status: interruption.interrupted ? 'interrupted' : 'completed',
      timedOut,
      startedAt: new Date(startedAt).toISOString(),
      endedAt: new Date(startedAt + durationMs).toISOString(),
      config: {
        bootstrapServers: config.bootstrapServers,
        topic: config.topic ?? null,
        include: config.include ?? null,
        numRecords: config.stop.kind === 'count' ? config.stop.records : null,
        durationMs: config.stop.kind === 'duration' ? config.stop.durationMs : null,
        consumers: config.consumers,
        groupId: config.consumer.groupId,
        fetchSizeBytes: config.consumer.maxPartitionFetchBytes,
        idleTimeoutMs: config.idleTimeoutMs,
        reportingIntervalMs: config.reportingIntervalMs,
        client: config.client,
        consumerProps: redactProps(new Map(Object.entries(config.clientProps))),
      },
      records: { consumed: aggregator.consumed },
      bytes: aggregator.bytes,
      durationMs,
      rebalanceMs,
      fetchMs,
      throughput: throughputOf(aggregator.consumed, aggregator.bytes, durationMs),
      fetchThroughput: throughputOf(aggregator.consumed, aggregator.bytes, fetchMs),
      intervals,
    };
  } finally {
    await pool.close();
  }
}

function toInterval(a: ConsumeAggregator, elapsedMs: number, durationMs: number): ConsumeIntervalResult {
  return intervalOf(a.closeInterval(), elapsedMs, durationMs);
}

function intervalOf(s: { consumed: number; bytes: number; rebalanceMs: number }, elapsedMs: number, durationMs: number): ConsumeIntervalResult {
  return {
    elapsedMs, durationMs, records: s.consumed, bytes: s.bytes,
    throughput: throughputOf(s.consumed, s.bytes, durationMs), rebalanceMs: s.rebalanceMs,
  };
}

function progress(config: ConsumeConfig, consumed: number, elapsedMs: number): Progress {
  const fraction = config.stop.kind === 'count' ? consumed / config.stop.records
    : config.stop.kind === 'duration' ? elapsedMs / config.stop.durationMs : 0;
  const clamped = Math.min(1, Math.max(0, fraction));
  return { fraction: clamped, remainingMs: clamped > 0 ? (elapsedMs * (1 - clamped)) / clamped : undefined };
}
