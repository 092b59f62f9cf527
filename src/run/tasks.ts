import type { ConsumeConfig, ProduceConfig } from '../config/types.js';
import { clockOrigin } from '../util/clock.js';
import { splitExactly } from '../workload/split.js';
import { rateSegments, scaleSegments } from '../workload/rate.js';
import type { ConsumeTask, ProduceTask } from '../worker/protocol.js';
import type { RunEnvironment } from './environment.js';

/** One task per producer worker; shares of records, rate and warmup add up exactly to the run's. */
export function producerTasks(config: ProduceConfig, env: RunEnvironment, stampSendTime: boolean): ProduceTask[] {
  const n = config.producers;
  const records = config.stop.kind === 'count' ? splitExactly(config.stop.records, n) : undefined;
  const segments = rateSegments(config.rate);
  const rate = segments && scaleSegments(segments, 1 / n);
  const warmups = splitExactly(config.warmupRecords, n);
  let base = 0;
  return Array.from({ length: n }, (_, i) => {
    const task: ProduceTask = {
      kind: 'produce',
      workerIndex: i,
      config,
      clientModule: env.clientModule,
      records: records?.[i],
      rate,
      warmupRecords: warmups[i]!,
      // Count runs give each worker a contiguous range of ordinals; duration runs interleave them.
      ordinalBase: records ? base : i,
      ordinalStride: records ? 1 : n,
      stampSendTime,
      clockOriginMs: clockOrigin(),
    };
    base += records?.[i] ?? 0;
    return task;
  });
}

/**
 * Consumer tasks of one group, for consume and e2e runs (e2e: with the partitions' offsets at the start, and
 * paused until the main thread resumes them when a backlog is to be built).
 */
export function consumerTasks(
  config: ConsumeConfig, env: RunEnvironment, endToEnd: boolean, startOffsets?: Record<string, string>, startPaused = false,
): ConsumeTask[] {
  return Array.from({ length: config.consumers }, (_, i) => ({
    kind: 'consume', workerIndex: i, config, clientModule: env.clientModule, endToEnd, startOffsets, startPaused, clockOriginMs: clockOrigin(),
  }));
}
