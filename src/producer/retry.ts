import { NETWORK, TIMEOUT } from '../clients/kafka-errors.js';
import type { ProducerSettings } from '../config/producer-config.js';
import type { RecordBatch } from './batch.js';
import type { IdempotenceState } from './idempotence.js';

/*
 * What the producer does with a failed batch, decided once for every client as Java's Sender decides it: which
 * errors are retried, which say the leaders must be looked up again, and how long a retry waits.
 */

/** Errors that say the producer's view of the leaders is out of date (Java's InvalidMetadataException family). */
const STALE_METADATA = new Set([
  NETWORK,
  TIMEOUT,
  'NOT_LEADER_OR_FOLLOWER',
  'LEADER_NOT_AVAILABLE',
  'UNKNOWN_TOPIC_OR_PARTITION',
  'FENCED_LEADER_EPOCH',
  'UNKNOWN_LEADER_EPOCH',
  'KAFKA_STORAGE_ERROR',
  'NETWORK_EXCEPTION',
  // kafkajs' names for a broken connection or a request without an answer.
  'KafkaJSConnectionError',
  'KafkaJSConnectionClosedError',
  'KafkaJSRequestTimeoutError',
  'KafkaJSBrokerNotFound',
  'KafkaJSMetadataNotLoaded',
]);

/** Errors worth another try of the same batch (Java's RetriableException family, for Produce). */
const RETRIABLE = new Set([
  ...STALE_METADATA,
  'REQUEST_TIMED_OUT',
  'NOT_ENOUGH_REPLICAS',
  'NOT_ENOUGH_REPLICAS_AFTER_APPEND',
  'CORRUPT_MESSAGE',
  'REPLICA_NOT_AVAILABLE',
  'BROKER_NOT_AVAILABLE',
  'OFFSET_NOT_AVAILABLE',
  'CONCURRENT_TRANSACTIONS',
  'THROTTLING_QUOTA_EXCEEDED',
]);

/** Whether a batch that failed with `error` may be sent again (within retries and delivery.timeout.ms). */
export function isRetriable(error: string): boolean {
  return RETRIABLE.has(error);
}

/** Whether `error` means the leaders must be looked up again before the retry. */
export function invalidatesMetadata(error: string): boolean {
  return STALE_METADATA.has(error);
}

/**
 * Whether a batch that failed with `error` is sent again: within `retries` and `delivery.timeout.ms`, for a
 * retriable error, or (idempotent) a sequence error Java's TransactionManager.canRetry retries: a batch behind a
 * retried one waits for it, and a real gap, or a broker that lost the producer's state, first needs a new epoch.
 */
export function mayRetry(batch: RecordBatch, error: string, nowMs: number, settings: ProducerSettings, state: IdempotenceState | undefined): boolean {
  if (batch.attempts >= settings.retries || nowMs - batch.createdMs >= settings.deliveryTimeoutMs) return false;
  if (state?.gapsAreRetried && batch.baseSequence >= 0) {
    if (error === 'OUT_OF_ORDER_SEQUENCE_NUMBER') {
      if (!state.isBehindUnresolved(batch)) state.bumpNeeded = true;
      return true;
    }
    if (error === 'UNKNOWN_PRODUCER_ID') {
      state.bumpNeeded = true;
      return true;
    }
  }
  return isRetriable(error);
}
