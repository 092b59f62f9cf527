import { UsageError } from '../errors.js';
import { isSecurityProperty } from './security.js';

/** Acknowledgements the producer waits for: none, the leader, or all in-sync replicas. */
export type Acks = 0 | 1 | -1;
export const COMPRESSION_TYPES = ['none', 'gzip', 'snappy', 'lz4', 'zstd'] as const;
export type CompressionType = (typeof COMPRESSION_TYPES)[number];

/**
 * The Java producer settings perf-test applies, as typed values with units in their names.
 * Defaults are those of Apache Kafka 4.x's `KafkaProducer`.
 */
export interface ProducerSettings {
  /** `acks`: 0, 1 or -1 (`all`). */
  readonly acks: Acks;
  /** `batch.size`: the most bytes one partition's batch holds before it is sent. */
  readonly batchSizeBytes: number;
  /** `linger.ms`: how long a batch that is not full waits for more records. */
  readonly lingerMs: number;
  /** `max.in.flight.requests.per.connection`: unacknowledged requests per broker. */
  readonly maxInFlightPerConnection: number;
  /** `buffer.memory`: bytes of records waiting or in flight before `send` blocks. */
  readonly bufferMemoryBytes: number;
  /** `max.block.ms`: how long `send` may block on a full buffer before the record fails. */
  readonly maxBlockMs: number;
  /** `max.request.size`: the largest record (and request) the producer sends. */
  readonly maxRequestSizeBytes: number;
  /** `compression.type`. */
  readonly compression: CompressionType;
  /** `request.timeout.ms`: how long one request waits for its response. */
  readonly requestTimeoutMs: number;
  /** `delivery.timeout.ms`: upper bound from `send` to success or failure, retries included. */
  readonly deliveryTimeoutMs: number;
  /** `retries`. */
  readonly retries: number;
  /** `retry.backoff.ms`. */
  readonly retryBackoffMs: number;
  /** `retry.backoff.max.ms`. */
  readonly retryBackoffMaxMs: number;
  /** `client.id`. */
  readonly clientId: string;
  /** `enable.idempotence` as applied: Java's default (on unless acks, in-flight or retries conflict); see README for kafkajs. */
  readonly idempotence: boolean;
  /** `transactional.id`, when transactions are on. */
  readonly transactionalId: string | undefined;
  /** `transaction.timeout.ms`. */
  readonly transactionTimeoutMs: number;
  /** `socket.connection.setup.timeout.ms`: bounds each connection attempt. */
  readonly connectionSetupTimeoutMs: number;
}

/** What resolving producer properties yields: the settings, the rest for the client, and warnings. */
export interface ResolvedProducerProps {
  readonly settings: ProducerSettings;
  /** Every property as given (security settings are read from here by the client adapter). */
  readonly props: ReadonlyMap<string, string>;
  /** One line each, Java's wording where Java warns too. */
  readonly warnings: readonly string[];
}

type Parser = (value: string, name: string) => unknown;

const int = (min: number, max = 2 ** 31 - 1): Parser => (value, name) => parseInteger(value, name, min, max);
const long = (min: number): Parser => (value, name) => parseInteger(value, name, min, Number.MAX_SAFE_INTEGER);
const bool: Parser = (value, name) => {
  const v = value.trim().toLowerCase();
  if (v === 'true') return true;
  if (v === 'false') return false;
  throw new UsageError(`producer property ${name}: '${value}' is not a boolean (true or false)`);
};
const str: Parser = (value) => value.trim();
const oneOf = (choices: readonly string[]): Parser => (value, name) => {
  const v = value.trim().toLowerCase();
  if (!choices.includes(v)) {
    throw new UsageError(`producer property ${name}: '${value}' is not one of ${choices.join(', ')}`);
  }
  return v;
};

/** Properties perf-test applies, with Java's type and range checks. */
const APPLIED: Record<string, Parser> = {
  'acks': oneOf(['all', '-1', '0', '1']),
  'batch.size': int(0),
  'linger.ms': long(0),
  'max.in.flight.requests.per.connection': int(1),
  'buffer.memory': long(0),
  'max.block.ms': long(0),
  'max.request.size': int(0),
  'compression.type': oneOf(COMPRESSION_TYPES),
  'request.timeout.ms': int(0),
  'delivery.timeout.ms': int(0),
  'retries': int(0),
  'retry.backoff.ms': long(0),
  'retry.backoff.max.ms': long(0),
  'client.id': str,
  'enable.idempotence': bool,
  'transactional.id': str,
  'transaction.timeout.ms': int(0),
  'socket.connection.setup.timeout.ms': long(0),
  'bootstrap.servers': str,
  // Serializers are fixed to bytes, as in Kafka's tool, which sets them itself.
  'key.serializer': str,
  'value.serializer': str,
};


/**
 * Java producer properties that exist but have no effect here; each gets a warning naming it.
 * From `ProducerConfig.configNames()` of Kafka 4.1.
 */
const KNOWN_NOT_APPLIED = new Set([
  'client.dns.lookup', 'compression.gzip.level', 'compression.lz4.level', 'compression.zstd.level',
  'connections.max.idle.ms', 'enable.metrics.push', 'interceptor.classes', 'metadata.max.age.ms',
  'metadata.max.idle.ms', 'metadata.recovery.rebootstrap.trigger.ms', 'metadata.recovery.strategy',
  'metric.reporters', 'metrics.num.samples', 'metrics.recording.level', 'metrics.sample.window.ms',
  'partitioner.adaptive.partitioning.enable', 'partitioner.availability.timeout.ms', 'partitioner.class',
  'partitioner.ignore.keys', 'receive.buffer.bytes', 'reconnect.backoff.max.ms', 'reconnect.backoff.ms',
  'send.buffer.bytes', 'socket.connection.setup.timeout.max.ms', 'transaction.two.phase.commit.enable',
  'security.providers',
]);

export const PRODUCER_DEFAULTS: ProducerSettings = Object.freeze({
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

/**
 * Resolves Java producer properties into typed settings, with Java's checks and warnings. `idempotentByDefault`
 * is Java's default (true); a client that cannot run idempotence at full speed may turn it off (see README).
 */
export function resolveProducerProps(props: ReadonlyMap<string, string>, { idempotentByDefault = true } = {}): ResolvedProducerProps {
  const warnings: string[] = [];
  const parsed = new Map<string, unknown>();
  for (const [name, value] of props) {
    const parser = APPLIED[name];
    if (parser) parsed.set(name, parser(value, name));
    else if (isSecurityProperty(name)) continue; // resolved, checked and warned about by resolveSecurity
    else if (KNOWN_NOT_APPLIED.has(name)) warnings.push(`The configuration '${name}' is a Java producer setting perf-test does not apply; it is ignored.`);
    else warnings.push(`The configuration '${name}' was supplied but isn't a known config.`);
  }
  const get = <T>(name: string, fallback: T): T => (parsed.has(name) ? (parsed.get(name) as T) : fallback);
  const d = PRODUCER_DEFAULTS;

  const acksText = get<string>('acks', 'all');
  const acks: Acks = acksText === 'all' || acksText === '-1' ? -1 : acksText === '1' ? 1 : 0;
  const maxInFlight = get('max.in.flight.requests.per.connection', d.maxInFlightPerConnection);
  const transactionalId = get<string | undefined>('transactional.id', undefined) || undefined;
  const idempotence = resolveIdempotence(parsed, { acks, acksText, maxInFlight, transactionalId, idempotentByDefault });

  const settings: ProducerSettings = Object.freeze({
    acks,
    batchSizeBytes: get('batch.size', d.batchSizeBytes),
    lingerMs: get('linger.ms', d.lingerMs),
    maxInFlightPerConnection: maxInFlight,
    bufferMemoryBytes: get('buffer.memory', d.bufferMemoryBytes),
    maxBlockMs: get('max.block.ms', d.maxBlockMs),
    maxRequestSizeBytes: get('max.request.size', d.maxRequestSizeBytes),
    compression: get<CompressionType>('compression.type', d.compression),
    requestTimeoutMs: get('request.timeout.ms', d.requestTimeoutMs),
    deliveryTimeoutMs: get('delivery.timeout.ms', d.deliveryTimeoutMs),
    retries: get('retries', d.retries),
    retryBackoffMs: get('retry.backoff.ms', d.retryBackoffMs),
    retryBackoffMaxMs: get('retry.backoff.max.ms', d.retryBackoffMaxMs),
    clientId: get<string>('client.id', '') || d.clientId,
    idempotence,
    transactionalId,
    transactionTimeoutMs: get('transaction.timeout.ms', d.transactionTimeoutMs),
    connectionSetupTimeoutMs: get('socket.connection.setup.timeout.ms', d.connectionSetupTimeoutMs),
  });
  if (settings.deliveryTimeoutMs < settings.lingerMs + settings.requestTimeoutMs) {
    throw new UsageError(
      `producer property delivery.timeout.ms: '${settings.deliveryTimeoutMs}' should be equal to or larger than linger.ms + request.timeout.ms (${settings.lingerMs + settings.requestTimeoutMs})`,
    );
  }
  return { settings, props, warnings };
}

interface IdempotenceInputs {
  readonly acks: Acks;
  readonly acksText: string;
  readonly maxInFlight: number;
  readonly transactionalId: string | undefined;
  readonly idempotentByDefault: boolean;
}

/**
 * `enable.idempotence` as Java's ProducerConfig settles it: on by default, and for transactions; a default that
 * conflicts with `acks`, `max.in.flight.requests.per.connection` or `retries` is quietly turned off, while an
 * explicit `true` (or a transactional.id) that conflicts is an error.
 */
function resolveIdempotence(parsed: ReadonlyMap<string, unknown>, o: IdempotenceInputs): boolean {
  const set = parsed.get('enable.idempotence') as boolean | undefined;
  const retries = (parsed.get('retries') as number | undefined) ?? PRODUCER_DEFAULTS.retries;
  if (set === false) {
    if (o.transactionalId !== undefined) throw new UsageError(`producer property enable.idempotence: 'false' cannot be used with transactional.id '${o.transactionalId}'`);
    return false;
  }
  const explicit = set === true || o.transactionalId !== undefined;
  if (!explicit) return o.idempotentByDefault && o.acks === -1 && o.maxInFlight <= 5 && retries > 0;
  const why = set === true ? 'enable.idempotence=true' : 'transactions';
  if (o.acks !== -1) throw new UsageError(`producer property acks: '${o.acksText}' cannot be used with ${why}; it must be 'all'`);
  if (o.maxInFlight > 5) throw new UsageError(`producer property max.in.flight.requests.per.connection: '${o.maxInFlight}' must be at most 5 with ${why}`);
  if (retries === 0) throw new UsageError(`producer property retries: '0' cannot be used with ${why}; it must be at least 1`);
  return true;
}

function parseInteger(value: string, name: string, min: number, max: number): number {
  const v = value.trim();
  if (!/^[+-]?\d+$/.test(v)) throw new UsageError(`producer property ${name}: '${value}' is not a whole number`);
  const n = Number(v);
  if (n < min || n > max) {
    throw new UsageError(`producer property ${name}: '${value}' is out of range (${min} to ${max})`);
  }
  return n;
}

/**
 * Property names whose values are secrets: never printed, logged or stored. Java's PASSWORD-type client
 * settings (sasl.jaas.config, ssl.*.password, ssl.keystore.key, and the inline PEM certificates, which Java
 * hides too), with any listener or client prefix, and anything named like a password, secret or passphrase.
 */
export function isSecretProperty(name: string): boolean {
  const n = name.toLowerCase();
  return /(^|\.)(jaas\.config|keystore\.key|keystore\.certificate\.chain|truststore\.certificates)$/.test(n)
    || /(password|passwd|secret|passphrase|credentials?)$/.test(n);
}

/** A copy of the properties with every secret replaced by `[redacted]`. */
export function redactProps(props: ReadonlyMap<string, string>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of props) out[k] = isSecretProperty(k) ? '[redacted]' : v;
  return out;
}
