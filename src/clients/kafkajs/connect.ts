import kafkajs from 'kafkajs';
import type { Kafka, KafkaConfig } from 'kafkajs';
import { PerfTestError, SetupError } from '../../errors.js';
import type { ConnectionSpec } from '../port.js';
import { connectionHint, scrubSecrets, securityFailure } from '../security/failure.js';
import { kafkajsSecurity } from './security.js';

const { Kafka: KafkaClient, logLevel } = kafkajs;

/** A kafkajs client for one connection; `retries` and `initialRetryTime` bound kafkajs' own retries. */
export function createKafka(c: ConnectionSpec, retries: number, initialRetryTime: number): Kafka {
  const config: KafkaConfig = {
    clientId: c.clientId,
    brokers: [...c.bootstrapServers],
    logLevel: logLevel.NOTHING,
    connectionTimeout: c.connectionTimeoutMs,
    requestTimeout: c.requestTimeoutMs,
    retry: { retries, initialRetryTime, maxRetryTime: Math.max(initialRetryTime, 1000) },
    ...kafkajsSecurity(c.security),
  };
  return new KafkaClient(config);
}

/**
 * Describes a connection failure with the addresses tried, for a one-line error: an authentication or TLS
 * failure gets its own message and exit code. kafkajs' own text is scrubbed of every secret.
 */
export function connectError(c: ConnectionSpec, e: unknown): PerfTestError {
  const servers = c.bootstrapServers.join(',');
  const security = securityFailure(c.security, servers, e);
  if (security) return security;
  const detail = scrubSecrets(e instanceof Error ? e.message : String(e), c.security);
  // kafkajs takes a broker's invalid_token answer for a login, and then only sees the broker hang up.
  const hint = c.security.sasl?.mechanism === 'OAUTHBEARER'
    ? 'kafkajs does not report a refused OAUTHBEARER token: the broker may have refused it (the default client, --client platformatic, says why)'
    : connectionHint(c.security, e);
  return new SetupError(`cannot connect to Kafka at ${servers}: ${detail}`, hint, { cause: e });
}
