import type { ProduceConfig } from '../config/types.js';
import { SetupError } from '../errors.js';
import { unlessAborted } from '../util/abort.js';
import { runAdminJob } from './admin-job.js';
import type { RunEnvironment } from './environment.js';
import type { RunHooks } from './hooks.js';

/**
 * Setting a run up (its topic, then every worker connected) is bounded by max.block.ms, Java's bound on waiting
 * for metadata, so that an unreachable or silent cluster fails in a bounded time. `within` gives up on a step
 * once the deadline has passed.
 */
export class SetupDeadline {
  private readonly signal: AbortSignal;

  constructor(private readonly config: ProduceConfig) {
    this.signal = AbortSignal.timeout(config.producer.maxBlockMs);
  }

  within<T>(step: Promise<T>): Promise<T> {
    const { bootstrapServers, producer } = this.config;
    return unlessAborted(step, this.signal, () => new SetupError(
      `cannot connect to Kafka at ${bootstrapServers.join(',')}: no answer within max.block.ms (${producer.maxBlockMs} ms)`,
      'check --bootstrap-server and that the brokers are up; set max.block.ms in --producer-props to wait longer'));
  }
}

/**
 * Creates the topics that are missing, within the setup's deadline, in an admin worker (see runAdminJob). For e2e
 * runs (`wantOffsets`), returns their partitions' end offsets, as "topic:partition": consumers start there.
 */
export async function prepareTopics(
  config: ProduceConfig,
  env: RunEnvironment,
  hooks: RunHooks,
  deadline: SetupDeadline,
  wantOffsets: boolean,
): Promise<Record<string, string> | undefined> {
  const job = await runAdminJob(config, { kind: 'ensure-topics', topics: config.topics, endOffsets: wantOffsets }, env, (step) => deadline.within(step));
  if (job.kind !== 'ensure-topics') throw new Error(`unreachable: an ensure-topics job answered ${job.kind}`);
  for (const topic of job.topics) if (topic.created) hooks.onNotice(`Created topic ${topic.name} with ${topic.partitions} partition(s).`);
  if (!wantOffsets) return undefined;
  const starts: Record<string, string> = {};
  for (const { name, endOffsets } of job.topics) {
    for (const [p, o] of Object.entries(endOffsets ?? {})) starts[`${name}:${p}`] = o;
  }
  return starts;
}
