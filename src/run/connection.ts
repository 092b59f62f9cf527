import type { ConnectionSpec } from '../clients/port.js';
import type { ProduceConfig } from '../config/types.js';

/** The connection every client of a run uses. */
export function connectionSpec(config: ProduceConfig): ConnectionSpec {
  return {
    bootstrapServers: config.bootstrapServers,
    clientId: config.producer.clientId,
    connectionTimeoutMs: config.producer.connectionSetupTimeoutMs,
    requestTimeoutMs: config.producer.requestTimeoutMs,
    props: config.clientProps,
  };
}
