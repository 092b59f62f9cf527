import type { ClientFactory } from '../clients/port.js';
import type { ProduceConfig } from '../config/types.js';
import { SetupError } from '../errors.js';
import { connectionSpec } from '../clients/connection.js';
import type { RunHooks } from './hooks.js';

/**
 * Creates the topic if missing, within max.block.ms (Java's bound on waiting for metadata), so that an
 * unreachable or silent cluster fails in a bounded time. Returns the deadline for the rest of the setup
 * and, for e2e runs, the partitions' end offsets: consumers start there.
 */
export async function prepareTopic(config: ProduceConfig, client: ClientFactory, hooks: RunHooks, wantOffsets: boolean) {
  const setupDeadline = deadline(config.producer.maxBlockMs, () => new SetupError(
    `cannot connect to Kafka at ${config.bootstrapServers.join(',')}: no answer within max.block.ms (${config.producer.maxBlockMs} ms)`,
    'check --bootstrap-server and that the brokers are up; set max.block.ms in --producer-props to wait longer'));
  const admin = client.createAdmin(connectionSpec(config));
  try {
    await Promise.race([admin.connect(), setupDeadline.expired]);
    const topic = await Promise.race([admin.ensureTopic(config.topic), setupDeadline.expired]);
    if (topic.created) hooks.onNotice(`Created topic ${config.topic.name} with ${topic.partitions} partition(s).`);
    const offsets = wantOffsets ? await Promise.race([admin.endOffsets(config.topic.name), setupDeadline.expired]) : undefined;
    const startOffsets = offsets && Object.fromEntries(Object.entries(offsets).map(([p, o]) => [`${config.topic.name}:${p}`, o]));
    return { setupDeadline, startOffsets };
  } catch (e) {
    setupDeadline.cancel();
    throw e;
  } finally {
    void admin.disconnect().catch(() => undefined);
  }
}

/** A promise that rejects with `make()` after `ms`, unless cancelled first. */
export function deadline(ms: number, make: () => Error): { expired: Promise<never>; cancel: () => void } {
  let timer: NodeJS.Timeout | undefined;
  const expired = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(make()), ms);
  });
  expired.catch(() => undefined);
  return { expired, cancel: () => clearTimeout(timer) };
}
