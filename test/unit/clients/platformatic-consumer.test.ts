import { afterEach, describe, expect, it, vi } from 'vitest';
import { PlatformaticConsumer } from '../../../src/clients/platformatic/consumer.js';
import type { ConnectionSpec } from '../../../src/clients/port.js';
import { resolveConsumerProps } from '../../../src/config/consumer-config.js';
import { PLAINTEXT_SECURITY } from '../../../src/config/security.js';

const connection: ConnectionSpec = {
  bootstrapServers: ['127.0.0.1:9'],
  clientId: 'perf-consumer-client',
  connectionTimeoutMs: 1000,
  requestTimeoutMs: 1000,
  props: {},
  security: PLAINTEXT_SECURITY,
};
const settings = resolveConsumerProps(new Map(), { groupId: 'g', clientId: 'c', fromBeginning: true, maxPartitionFetchBytes: 1 << 20 }, () => undefined);

/** The consumer's @platformatic/kafka client, with its group join replaced (no broker here). */
function consumerWithJoin(join: () => Promise<void>) {
  const consumer = new PlatformaticConsumer(connection, settings);
  const inner = consumer as unknown as { client: { joinGroup: unknown; emit(event: string, e: Error): boolean }; running: boolean };
  const joinGroup = vi.fn(join);
  inner.client.joinGroup = joinGroup;
  return { consumer, inner, joinGroup };
}

afterEach(() => {
  vi.useRealTimers();
});

describe('PlatformaticConsumer when its client gives up rejoining the group', () => {
  it('joins again after a backoff, and again while that fails, as Java never gives up on its group', async () => {
    vi.useFakeTimers();
    let tries = 0;
    const { inner, joinGroup } = consumerWithJoin(() => (++tries < 3 ? Promise.reject(new Error('NOT_COORDINATOR')) : Promise.resolve()));
    inner.running = true;
    // Unheard, an 'error' event throws: in a worker thread that was a crash, exit 5.
    expect(() => inner.client.emit('error', new Error('rejoinGroup failed 4 times.'))).not.toThrow();
    expect(joinGroup).not.toHaveBeenCalled();
    await vi.advanceTimersByTimeAsync(10_000);
    expect(joinGroup).toHaveBeenCalledTimes(3);
    await vi.advanceTimersByTimeAsync(60_000);
    expect(joinGroup).toHaveBeenCalledTimes(3);
  });

  it('does not join again once the run has stopped it', async () => {
    vi.useFakeTimers();
    const { inner, joinGroup } = consumerWithJoin(() => Promise.resolve());
    inner.running = false;
    inner.client.emit('error', new Error('rejoinGroup failed 4 times.'));
    await vi.advanceTimersByTimeAsync(10_000);
    expect(joinGroup).not.toHaveBeenCalled();
  });
});
