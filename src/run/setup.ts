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
 * Creates the topic if missing, within the setup's deadline, in an admin worker (see runAdminJob). For e2e runs
 * (`wantOffsets`), returns the partitions' end offsets, as "topic:partition": consumers start there.
 */
export async function prepareTopic(
  config: ProduceConfig,
  env: RunEnvironment,
  hooks: RunHooks,
  deadline: SetupDeadline,
  wantOffsets: boolean,
): Promise<Record<string, string> | undefined> {
  const topic = await runAdminJob(config, { kind: 'ensure-topic', topic: config.topic, endOffsets: wantOffsets }, env, (step) => deadline.within(step));
  if (topic.kind !== 'ensure-topic') throw new Error(`unreachable: an ensure-topic job answered ${topic.kind}`);
  if (topic.created) hooks.onNotice(`Created topic ${config.topic.name} with ${topic.partitions} partition(s).`);
  if (topic.endOffsets === undefined) return undefined;
  return Object.fromEntries(Object.entries(topic.endOffsets).map(([p, o]) => [`${config.topic.name}:${p}`, o]));
}
