/*
 * How failures are named, part of the ports' contract: by Kafka's error names (org.apache.kafka.common.protocol.Errors).
 * Every client adapter reports Kafka's name where the broker gave one, and NetworkException or TimeoutException for
 * a request that got no answer; src/producer/retry.ts decides from the name what is retried.
 */

/** A request that got no answer in time (request.timeout.ms), and a record that ran out of delivery.timeout.ms. */
export const TIMEOUT = 'TimeoutException';
/** The connection to the leader broke or could not be made. */
export const NETWORK = 'NetworkException';

/** Kafka's error names by code, for the errors a Produce response carries. */
const PRODUCE_ERRORS: Readonly<Record<number, string>> = {
  1: 'OFFSET_OUT_OF_RANGE',
  2: 'CORRUPT_MESSAGE',
  3: 'UNKNOWN_TOPIC_OR_PARTITION',
  5: 'LEADER_NOT_AVAILABLE',
  6: 'NOT_LEADER_OR_FOLLOWER',
  7: 'REQUEST_TIMED_OUT',
  8: 'BROKER_NOT_AVAILABLE',
  9: 'REPLICA_NOT_AVAILABLE',
  10: 'MESSAGE_TOO_LARGE',
  13: 'NETWORK_EXCEPTION',
  17: 'INVALID_TOPIC_EXCEPTION',
  18: 'RECORD_LIST_TOO_LARGE',
  19: 'NOT_ENOUGH_REPLICAS',
  20: 'NOT_ENOUGH_REPLICAS_AFTER_APPEND',
  21: 'INVALID_REQUIRED_ACKS',
  29: 'TOPIC_AUTHORIZATION_FAILED',
  32: 'INVALID_TIMESTAMP',
  34: 'ILLEGAL_SASL_STATE',
  35: 'UNSUPPORTED_VERSION',
  43: 'UNSUPPORTED_FOR_MESSAGE_FORMAT',
  45: 'OUT_OF_ORDER_SEQUENCE_NUMBER',
  46: 'DUPLICATE_SEQUENCE_NUMBER',
  47: 'INVALID_PRODUCER_EPOCH',
  48: 'INVALID_TXN_STATE',
  49: 'INVALID_PRODUCER_ID_MAPPING',
  51: 'CONCURRENT_TRANSACTIONS',
  53: 'TRANSACTIONAL_ID_AUTHORIZATION_FAILED',
  56: 'KAFKA_STORAGE_ERROR',
  59: 'UNKNOWN_PRODUCER_ID',
  74: 'FENCED_LEADER_EPOCH',
  75: 'UNKNOWN_LEADER_EPOCH',
  76: 'UNSUPPORTED_COMPRESSION_TYPE',
  87: 'INVALID_RECORD',
  89: 'THROTTLING_QUOTA_EXCEEDED',
  90: 'PRODUCER_FENCED',
};

/** Kafka's name of a Produce error code (0 is no error). */
export function produceErrorName(code: number): string | undefined {
  if (code === 0) return undefined;
  return PRODUCE_ERRORS[code] ?? `KAFKA_ERROR_${code}`;
}

/** The name a failure is counted under: Kafka's error code name where the client gives one. */
export function errorName(e: unknown): string {
  let cur: unknown = e;
  for (let depth = 0; depth < 5 && cur && typeof cur === 'object'; depth++) {
    const o = cur as { type?: unknown; name?: unknown; cause?: unknown; originalError?: unknown };
    if (typeof o.type === 'string' && o.type.length > 0) return o.type;
    const next = o.originalError ?? o.cause;
    if (!next) return typeof o.name === 'string' ? o.name : 'Error';
    cur = next;
  }
  return 'Error';
}
