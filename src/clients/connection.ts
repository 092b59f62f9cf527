import type { ConnectionSpec } from './port.js';
import type { ConsumeConfig, ProduceConfig } from '../config/types.js';

/** The connection every client of a run uses. */
export function connectionSpec(config: ProduceConfig | ConsumeConfig): ConnectionSpec {
  if (config.mode === 'consume') {
    return {
      bootstrapServers: config.bootstrapServers,
      clientId: config.consumer.clientId,
      connectionTimeoutMs: config.consumer.connectionSetupTimeoutMs,
      requestTimeoutMs: config.consumer.requestTimeoutMs,
      props: config.clientProps,
      security: config.security,
    };
  }
  return {
    bootstrapServers: config.bootstrapServers,
    clientId: config.producer.clientId,
    connectionTimeoutMs: config.producer.connectionSetupTimeoutMs,
    requestTimeoutMs: config.producer.requestTimeoutMs,
    props: config.clientProps,
    security: config.security,
  };
}
