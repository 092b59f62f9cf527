import type { ClientFactory } from '../clients/port.js';
import { connectionSpec } from '../clients/connection.js';
import type { ProduceConfig } from '../config/types.js';
import { SetupError } from '../errors.js';
import { unlessAborted } from '../util/abort.js';
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
 * Creates the topic if missing, within the setup's deadline. For e2e runs (`wantOffsets`), returns the
 * partitions' end offsets, as "topic:partition": consumers start there.
 */
export async function prepareTopic(
  config: ProduceConfig,
  client: ClientFactory,
  hooks: RunHooks,
  deadline: SetupDeadline,
  wantOffsets: boolean,
): Promise<Record<string, string> | undefined> {
  const admin = client.createAdmin(connectionSpec(config));
  try {
    await deadline.within(admin.connect());
    const topic = await deadline.within(admin.ensureTopic(config.topic));
    if (topic.created) hooks.onNotice(`Created topic ${config.topic.name} with ${topic.partitions} partition(s).`);
    if (!wantOffsets) return undefined;
    const offsets = await deadline.within(admin.endOffsets(config.topic.name));
    return Object.fromEntries(Object.entries(offsets).map(([p, o]) => [`${config.topic.name}:${p}`, o]));
  } finally {
    void admin.disconnect().catch(() => undefined);
  }
}
