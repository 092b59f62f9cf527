import type { ProducerSettings } from './producer-config.js';

/**
 * Java's retry backoff before retry number `attempt` (1, 2...): retry.backoff.ms, doubling up to
 * retry.backoff.max.ms (Java adds 20% jitter; this does not), so that retries span delivery.timeout.ms as there.
 */
export function retryBackoffMs(s: Pick<ProducerSettings, 'retryBackoffMs' | 'retryBackoffMaxMs'>, attempt: number): number {
  const base = Math.max(1, s.retryBackoffMs);
  return Math.min(Math.max(base, s.retryBackoffMaxMs), base * 2 ** Math.max(0, attempt - 1));
}
