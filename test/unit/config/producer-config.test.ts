import { describe, expect, it } from 'vitest';
import {
  PRODUCER_DEFAULTS, isSecretProperty, redactProps, resolveProducerProps,
} from '../../../src/config/producer-config.js';
import { UsageError } from '../../../src/errors.js';
import { thrown } from '../../support/thrown.js';

const resolve = (props: Record<string, string>) => resolveProducerProps(new Map(Object.entries(props)));

function usageMessage(props: Record<string, string>): string {
  return thrown(UsageError, () => resolve(props)).message;
}

describe('PRODUCER_DEFAULTS', () => {
  it('are Apache Kafka 4.x KafkaProducer defaults, with Kafka tool\'s client.id', () => {
    expect(PRODUCER_DEFAULTS).toEqual({
      acks: -1,
      batchSizeBytes: 16384,
      lingerMs: 5,
      maxInFlightPerConnection: 5,
      bufferMemoryBytes: 33554432,
      maxBlockMs: 60000,
      maxRequestSizeBytes: 1048576,
      compression: 'none',
      requestTimeoutMs: 30000,
      deliveryTimeoutMs: 120000,
      retries: 2147483647,
      retryBackoffMs: 100,
      retryBackoffMaxMs: 1000,
      clientId: 'perf-producer-client',
      idempotence: true,
      transactionalId: undefined,
      transactionTimeoutMs: 60000,
      connectionSetupTimeoutMs: 10000,
    });
    expect(Object.isFrozen(PRODUCER_DEFAULTS)).toBe(true);
  });
});

describe('resolveProducerProps', () => {
  it('gives the defaults, no warnings, for no properties', () => {
    const r = resolve({});
    expect(r.settings).toEqual(PRODUCER_DEFAULTS);
    expect(r.warnings).toEqual([]);
    expect(Object.isFrozen(r.settings)).toBe(true);
  });

  it('applies every property it knows, typed', () => {
    const r = resolve({
      'acks': '1', 'batch.size': '65536', 'linger.ms': '10', 'max.in.flight.requests.per.connection': '3',
      'buffer.memory': '1048576', 'max.block.ms': '2000', 'max.request.size': '2097152', 'compression.type': 'ZSTD',
      'request.timeout.ms': '1000', 'delivery.timeout.ms': '5000', 'retries': '3', 'retry.backoff.ms': '50',
      'retry.backoff.max.ms': '500', 'client.id': 'me', 'transaction.timeout.ms': '9000',
      'socket.connection.setup.timeout.ms': '700',
    });
    expect(r.settings).toEqual({
      acks: 1, batchSizeBytes: 65536, lingerMs: 10, maxInFlightPerConnection: 3, bufferMemoryBytes: 1048576,
      maxBlockMs: 2000, maxRequestSizeBytes: 2097152, compression: 'zstd', requestTimeoutMs: 1000,
      deliveryTimeoutMs: 5000, retries: 3, retryBackoffMs: 50, retryBackoffMaxMs: 500, clientId: 'me',
      idempotence: false, transactionalId: undefined, transactionTimeoutMs: 9000, connectionSetupTimeoutMs: 700,
    });
    expect(r.warnings).toEqual([]);
  });

  it('reads acks all, -1, 0 and 1', () => {
    expect(resolve({ acks: 'all' }).settings.acks).toBe(-1);
    expect(resolve({ acks: '-1' }).settings.acks).toBe(-1);
    expect(resolve({ acks: 'ALL' }).settings.acks).toBe(-1);
    expect(resolve({ acks: '0' }).settings.acks).toBe(0);
    expect(resolve({ acks: ' 1 ' }).settings.acks).toBe(1);
  });

  it('turns idempotence on for a transactional.id, as Java does', () => {
    const r = resolve({ 'transactional.id': 'tx-1' });
    expect(r.settings.transactionalId).toBe('tx-1');
    expect(r.settings.idempotence).toBe(true);
  });

  it('treats an empty transactional.id as none and an empty client.id as the default', () => {
    const r = resolve({ 'transactional.id': '', 'client.id': '' });
    expect(r.settings.transactionalId).toBeUndefined();
    expect(r.settings.idempotence).toBe(true); // Java's default, no transactions
    expect(r.settings.clientId).toBe('perf-producer-client');
  });

  it('accepts delivery.timeout.ms equal to linger.ms + request.timeout.ms', () => {
    expect(resolve({ 'delivery.timeout.ms': '30005' }).settings.deliveryTimeoutMs).toBe(30005);
    expect(resolve({ 'delivery.timeout.ms': '1000', 'linger.ms': '0', 'request.timeout.ms': '1000' }).settings.deliveryTimeoutMs).toBe(1000);
  });

  it('warns about unknown properties with Java\'s wording', () => {
    expect(resolve({ 'foo.bar': '1' }).warnings).toEqual(["The configuration 'foo.bar' was supplied but isn't a known config."]);
  });

  it('warns about Java producer properties it does not apply', () => {
    expect(resolve({ 'metadata.max.age.ms': '1000', 'partitioner.class': 'x' }).warnings).toEqual([
      "The configuration 'metadata.max.age.ms' is a Java producer setting perf-test does not apply; it is ignored.",
      "The configuration 'partitioner.class' is a Java producer setting perf-test does not apply; it is ignored.",
    ]);
  });

  it('passes security properties to the client without a warning', () => {
    const r = resolve({ 'security.protocol': 'SASL_SSL', 'sasl.mechanism': 'PLAIN', 'ssl.truststore.location': '/t.jks' });
    expect(r.warnings).toEqual([]);
    expect(r.props.get('sasl.mechanism')).toBe('PLAIN');
  });

  it('accepts bootstrap.servers and the serializers without a warning', () => {
    const r = resolve({
      'bootstrap.servers': 'a:1',
      'key.serializer': 'org.apache.kafka.common.serialization.ByteArraySerializer',
      'value.serializer': 'org.apache.kafka.common.serialization.ByteArraySerializer',
    });
    expect(r.warnings).toEqual([]);
  });

  it('rejects bad values, naming the property and the value', () => {
    const cases: [Record<string, string>, string][] = [
      [{ acks: '2' }, "producer property acks: '2' is not one of all, -1, 0, 1"],
      [{ 'batch.size': '-1' }, "producer property batch.size: '-1' is out of range (0 to 2147483647)"],
      [{ 'batch.size': '2147483648' }, "producer property batch.size: '2147483648' is out of range (0 to 2147483647)"],
      [{ 'linger.ms': 'abc' }, "producer property linger.ms: 'abc' is not a whole number"],
      [{ 'linger.ms': '1.5' }, "producer property linger.ms: '1.5' is not a whole number"],
      [{ 'compression.type': 'brotli' }, "producer property compression.type: 'brotli' is not one of none, gzip, snappy, lz4, zstd"],
      [{ 'enable.idempotence': 'maybe' }, "producer property enable.idempotence: 'maybe' is not a boolean (true or false)"],
      [{ 'max.in.flight.requests.per.connection': '0' }, "producer property max.in.flight.requests.per.connection: '0' is out of range (1 to 2147483647)"],
      [{ 'delivery.timeout.ms': '1000' }, "producer property delivery.timeout.ms: '1000' should be equal to or larger than linger.ms + request.timeout.ms (30005)"],
      [{ 'delivery.timeout.ms': '1000', 'linger.ms': '1', 'request.timeout.ms': '1000' }, "producer property delivery.timeout.ms: '1000' should be equal to or larger than linger.ms + request.timeout.ms (1001)"],
      [{ 'enable.idempotence': 'true', 'acks': '1' }, "producer property acks: '1' cannot be used with enable.idempotence=true; it must be 'all'"],
      [{ 'transactional.id': 'tx', 'acks': '0' }, "producer property acks: '0' cannot be used with transactions; it must be 'all'"],
      [{ 'enable.idempotence': 'true', 'max.in.flight.requests.per.connection': '6' }, "producer property max.in.flight.requests.per.connection: '6' must be at most 5 with enable.idempotence=true"],
      [{ 'transactional.id': 'tx', 'enable.idempotence': 'false' }, "producer property enable.idempotence: 'false' cannot be used with transactional.id 'tx'"],
    ];
    for (const [props, message] of cases) expect(usageMessage(props)).toBe(message);
  });

  it('is idempotent by default, as Java is, unless acks, in-flight or retries conflict with it', () => {
    expect(resolve({}).settings.idempotence).toBe(true);
    expect(resolve({ acks: 'all', 'max.in.flight.requests.per.connection': '5' }).settings.idempotence).toBe(true);
    expect(resolve({ acks: '1' }).settings.idempotence).toBe(false);
    expect(resolve({ acks: '0' }).settings.idempotence).toBe(false);
    expect(resolve({ 'max.in.flight.requests.per.connection': '6' }).settings.idempotence).toBe(false);
    expect(resolve({ retries: '0' }).settings.idempotence).toBe(false);
    expect(resolveProducerProps(new Map(), { idempotentByDefault: false }).settings.idempotence).toBe(false);
    expect(resolveProducerProps(new Map([['enable.idempotence', 'true']]), { idempotentByDefault: false }).settings.idempotence).toBe(true);
  });

  it('refuses retries=0 with idempotence asked for, as Java does', () => {
    expect(() => resolve({ 'enable.idempotence': 'true', retries: '0' })).toThrow("producer property retries: '0' cannot be used with enable.idempotence=true; it must be at least 1");
  });

  it('allows acks=1 with idempotence switched off explicitly', () => {
    const r = resolve({ 'enable.idempotence': 'false', 'acks': '1', 'max.in.flight.requests.per.connection': '10' });
    expect(r.settings.acks).toBe(1);
    expect(r.settings.maxInFlightPerConnection).toBe(10);
    expect(r.settings.idempotence).toBe(false);
  });
});

describe('secrets', () => {
  it('knows which properties are secrets', () => {
    for (const name of ['sasl.jaas.config', 'ssl.truststore.password', 'ssl.keystore.password', 'ssl.key.password',
      'ssl.keystore.key', 'sasl.oauthbearer.client.secret', 'my.passphrase']) {
      expect(isSecretProperty(name), name).toBe(true);
    }
    for (const name of ['sasl.mechanism', 'ssl.truststore.location', 'acks', 'security.protocol']) {
      expect(isSecretProperty(name), name).toBe(false);
    }
  });

  it('redacts secrets and keeps the rest', () => {
    expect(redactProps(new Map([['sasl.jaas.config', 'user="u" password="p";'], ['acks', '1'], ['ssl.key.password', 'k']]))).toEqual({
      'sasl.jaas.config': '[redacted]', 'acks': '1', 'ssl.key.password': '[redacted]',
    });
  });
});
