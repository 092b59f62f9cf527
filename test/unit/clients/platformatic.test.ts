import { describe, expect, it } from 'vitest';
import { OutOfBoundsError } from '@platformatic/dynamic-buffer';
import { MultipleErrors, NetworkError, ProtocolError, ResponseError, TimeoutError } from '@platformatic/kafka';
import { PRODUCER_DEFAULTS, type ProducerSettings } from '../../../src/config/producer-config.js';
import type { ConnectionSpec } from '../../../src/clients/port.js';
import { PLAINTEXT_SECURITY } from '../../../src/config/security.js';
import { UsageError } from '../../../src/errors.js';
import { checkCompression, errorDetail, kafkaErrorName, platformaticCompression, producerOptions } from '../../../src/clients/platformatic/options.js';
import { NoLeaderConnection, partitionOutcomes, ProduceFailure } from '../../../src/clients/platformatic/produce-errors.js';
import { retryBackoffMs } from '../../../src/config/backoff.js';

const connection: ConnectionSpec = {
  bootstrapServers: ['127.0.0.1:9092', '127.0.0.1:9093'],
  clientId: 'perf-producer-client',
  connectionTimeoutMs: 10_000,
  requestTimeoutMs: 30_000,
  props: {},
  security: PLAINTEXT_SECURITY,
};
const settings = (over: Partial<ProducerSettings> = {}): ProducerSettings => ({ ...PRODUCER_DEFAULTS, ...over });

describe('producerOptions', () => {
  it('maps the Java settings onto the client, leaving in-flight limits to our producer', () => {
    const o = producerOptions(connection, settings({ acks: 1, compression: 'lz4', maxInFlightPerConnection: 3 }));
    expect(o).toMatchObject({
      clientId: 'perf-producer-client',
      bootstrapBrokers: ['127.0.0.1:9092', '127.0.0.1:9093'],
      connectTimeout: 10_000,
      timeout: 30_000,
      requestTimeout: 35_000, // longer than the broker is given: see baseOptions
      acks: 1,
      compression: 'lz4',
      idempotent: false,
      maxInflights: 10_000, // ours (3) are the limit: the client queues nothing
      handleBackPressure: true,
    });
    expect(o).not.toHaveProperty('transactionalId');
  });

  it('bounds retries so that they end around delivery.timeout.ms', () => {
    expect(producerOptions(connection, settings()).retries).toBe(120); // 120000 ms / 1000 ms backoff max
    expect(producerOptions(connection, settings({ retries: 3 })).retries).toBe(3);
  });

  it("backs off as Java does: retry.backoff.ms doubling up to retry.backoff.max.ms", () => {
    const s = settings();
    expect([1, 2, 3, 4, 5, 6, 50].map((attempt) => retryBackoffMs(s, attempt))).toEqual([100, 200, 400, 800, 1000, 1000, 1000]);
    expect(retryBackoffMs({ retryBackoffMs: 0, retryBackoffMaxMs: 0 }, 3)).toBe(1);
    expect(retryBackoffMs({ retryBackoffMs: 500, retryBackoffMaxMs: 100 }, 2)).toBe(500);
    const delay = producerOptions(connection, s).retryDelay as (client: unknown, operation: string, attempt: number) => number;
    expect(delay(undefined, 'produce', 3)).toBe(400);
  });

  it('leaves an idempotent producer\'s requests in flight and sequence numbers to our producer', () => {
    const o = producerOptions(connection, settings({ idempotence: true, maxInFlightPerConnection: 5 }));
    expect(o).toMatchObject({ idempotent: false, maxInflights: 10_000 });
  });

  it('keeps one request in flight for a transactional producer, and passes the transactional id', () => {
    const o = producerOptions(connection, settings({ idempotence: true, transactionalId: 'tx-1' }));
    expect(o).toMatchObject({ idempotent: true, maxInflights: 1, transactionalId: 'tx-1' });
  });
});

describe('compression', () => {
  it('has zstd only where Node has it', () => {
    expect(platformaticCompression(true)).toEqual(['none', 'gzip', 'snappy', 'lz4', 'zstd']);
    expect(platformaticCompression(false)).toEqual(['none', 'gzip', 'snappy', 'lz4']);
  });

  it('rejects a codec it lacks with a usage error naming the property', () => {
    expect(() => checkCompression('lz4', ['none', 'lz4'])).not.toThrow();
    expect(() => checkCompression('zstd', ['none', 'gzip'])).toThrow(UsageError);
    expect(() => checkCompression('zstd', ['none', 'gzip'])).toThrow(/^producer property compression.type: 'zstd' is not available with --client platformatic/);
  });
});

describe('error names and details', () => {
  it("names a broker's answer by Kafka's error code name, nested or not", () => {
    const response = new ResponseError(0, 11, { '/responses/0/partition_responses/0': [19, null] }, {});
    expect(kafkaErrorName(response)).toBe('NOT_ENOUGH_REPLICAS');
    expect(kafkaErrorName(new MultipleErrors('produce failed 3 times.', [new NetworkError('x'), response]))).toBe('NOT_ENOUGH_REPLICAS');
    expect(kafkaErrorName(new ProtocolError('NOT_LEADER_OR_FOLLOWER'))).toBe('NOT_LEADER_OR_FOLLOWER');
  });

  it("falls back on the client's error class", () => {
    expect(kafkaErrorName(new TimeoutError('Request timed out'))).toBe('TimeoutError');
    expect(kafkaErrorName(new MultipleErrors('m', [new NetworkError('Connection closed')]))).toBe('NetworkError');
    expect(kafkaErrorName('boom')).toBe('Error');
  });

  it('gives the root cause of nested errors', () => {
    const root = new Error('connect ECONNREFUSED 127.0.0.1:1');
    const nested = new MultipleErrors('metadata failed 3 times.', [new NetworkError('Connection to 127.0.0.1:1 failed.', { cause: root })]);
    expect(errorDetail(nested)).toBe('connect ECONNREFUSED 127.0.0.1:1');
    expect(errorDetail(new Error('plain.'))).toBe('plain');
    expect(errorDetail(42)).toBe('42');
  });

  it('makes a failure the producer counts under its Kafka name', () => {
    const failure = new ProduceFailure(new ResponseError(0, 11, { '/p': [7, null] }, {}));
    expect(failure.type).toBe('REQUEST_TIMED_OUT');
  });
});

describe('produce errors', () => {
  it('names a request without an answer as the producer retries it', () => {
    expect(new ProduceFailure(new NetworkError('Connection closed')).type).toBe('NetworkException');
    expect(new ProduceFailure(new TimeoutError('Request timed out')).type).toBe('TimeoutException');
    expect(new ProduceFailure(new NoLeaderConnection('broker 2 is not in the metadata')).type).toBe('NetworkException');
    // An answer cut short by a broker shutting down (the client's reader ran out of bytes): outcome unknown.
    expect(new ProduceFailure(new OutOfBoundsError('Out of bounds')).type).toBe('NetworkException');
    expect(new ProduceFailure(new MultipleErrors('failed', [new NetworkError('ECONNREFUSED')])).type).toBe('NetworkException');
  });

  it('reads each partition\'s error code from an answer with errors, by Kafka\'s name', () => {
    const response = {
      responses: [{ name: 't', partitionResponses: [{ index: 0, errorCode: 0 }, { index: 1, errorCode: 6 }, { index: 2, errorCode: 19 }] }],
      throttleTimeMs: 0,
    };
    const error = new ResponseError(0, 11, { '/responses/0/partition_responses/1': [6, null] }, response);
    expect(partitionOutcomes(error)).toEqual([
      { partition: 0, error: undefined },
      { partition: 1, error: 'NOT_LEADER_OR_FOLLOWER' },
      { partition: 2, error: 'NOT_ENOUGH_REPLICAS' },
    ]);
    expect(partitionOutcomes(new NetworkError('closed'))).toBeUndefined();
  });
});
