import { redactProps } from '../config/producer-config.js';
import { describeSizes } from '../config/record-sizes.js';
import type { ProduceConfig } from '../config/types.js';
import { formatProfile } from '../config/rate-profile.js';
import type { ConfigEcho } from '../report/result.js';

/** The settings of a run as results report them: secrets redacted. */
export function configEcho(c: ProduceConfig): ConfigEcho {
  const p = c.producer;
  return {
    bootstrapServers: c.bootstrapServers,
    topic: c.topics.map((t) => t.name).join(','),
    ...(c.topics.length > 1 ? { topics: c.topics.map((t) => t.name) } : {}),
    numRecords: c.stop.kind === 'count' ? c.stop.records : null,
    durationMs: c.stop.kind === 'duration' ? c.stop.durationMs : null,
    payload: c.payload.kind === 'file' ? `file:${c.payload.path}` : c.payload.kind,
    recordSizeBytes: c.payload.kind === 'random' && c.payload.sizes.kind === 'fixed' ? c.payload.sizeBytes : null,
    ...(c.payload.kind === 'random' && c.payload.sizes.kind !== 'fixed' ? { recordSizes: describeSizes(c.payload.sizes) } : {}),
    ...(c.payload.kind === 'random' && c.payload.compressibility !== undefined ? { payloadCompressibility: c.payload.compressibility } : {}),
    throughputLimit: c.rate.kind === 'uniform' ? c.rate.recordsPerSec : null,
    ...(c.rate.kind === 'profile' ? { throughputProfile: formatProfile(c.rate.segments) } : {}),
    producers: c.producers,
    warmupRecords: c.warmupRecords,
    reportingIntervalMs: c.reportingIntervalMs,
    client: c.client,
    transactionDurationMs: c.transactionDurationMs ?? null,
    producerProps: redactProps(new Map(Object.entries(c.clientProps))),
    producer: {
      'acks': p.acks,
      'batch.size': p.batchSizeBytes,
      'linger.ms': p.lingerMs,
      'max.in.flight.requests.per.connection': p.maxInFlightPerConnection,
      'buffer.memory': p.bufferMemoryBytes,
      'max.block.ms': p.maxBlockMs,
      'max.request.size': p.maxRequestSizeBytes,
      'compression.type': p.compression,
      'request.timeout.ms': p.requestTimeoutMs,
      'delivery.timeout.ms': p.deliveryTimeoutMs,
      'retries': p.retries,
      'client.id': p.clientId,
      'enable.idempotence': p.idempotence,
      'transactional.id': p.transactionalId ?? null,
    },
  };
}
