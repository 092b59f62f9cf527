import { UsageError } from '../errors.js';

/**
 * The Java consumer settings perf-test applies, typed, with units in their names. Defaults are those of
 * Apache Kafka 4.x's `KafkaConsumer`, except where Kafka's ConsumerPerformance sets its own.
 */
export interface ConsumerSettings {
  readonly groupId: string;
  readonly clientId: string;
  /** `max.partition.fetch.bytes` (Kafka's `--fetch-size`). */
  readonly maxPartitionFetchBytes: number;
  readonly fetchMaxBytes: number;
  readonly fetchMinBytes: number;
  readonly fetchMaxWaitMs: number;
  readonly sessionTimeoutMs: number;
  readonly heartbeatIntervalMs: number;
  readonly requestTimeoutMs: number;
  readonly connectionSetupTimeoutMs: number;
  readonly readCommitted: boolean;
  /** `auto.offset.reset`: where a group without committed offsets starts. */
  readonly fromBeginning: boolean;
}

type Parser = (value: string, name: string) => unknown;

function integer(min: number): Parser {
  return (value, name) => {
    const v = value.trim();
    if (!/^[+-]?\d+$/.test(v) || Number(v) < min) {
      throw new UsageError(`consumer property ${name}: '${value}' is not a whole number >= ${min}`);
    }
    return Number(v);
  };
}
const oneOf = (choices: readonly string[]): Parser => (value, name) => {
  const v = value.trim().toLowerCase();
  if (!choices.includes(v)) throw new UsageError(`consumer property ${name}: '${value}' is not one of ${choices.join(', ')}`);
  return v;
};
const str: Parser = (value) => value.trim();

const APPLIED: Record<string, Parser> = {
  'group.id': str,
  'client.id': str,
  'max.partition.fetch.bytes': integer(1),
  'fetch.max.bytes': integer(1),
  'fetch.min.bytes': integer(0),
  'fetch.max.wait.ms': integer(0),
  'session.timeout.ms': integer(1),
  'heartbeat.interval.ms': integer(1),
  'request.timeout.ms': integer(0),
  'socket.connection.setup.timeout.ms': integer(0),
  'isolation.level': oneOf(['read_uncommitted', 'read_committed']),
  'auto.offset.reset': oneOf(['earliest', 'latest']),
  'bootstrap.servers': str,
  'key.deserializer': str,
  'value.deserializer': str,
};

/** Java consumer properties that have no effect here; each gets a warning naming it. */
const KNOWN_NOT_APPLIED = new Set([
  'client.dns.lookup', 'group.instance.id', 'partition.assignment.strategy', 'metadata.max.age.ms', 'enable.auto.commit',
  'auto.commit.interval.ms', 'client.rack', 'send.buffer.bytes', 'receive.buffer.bytes', 'reconnect.backoff.ms',
  'reconnect.backoff.max.ms', 'retry.backoff.ms', 'retry.backoff.max.ms', 'enable.metrics.push', 'check.crcs',
  'metrics.sample.window.ms', 'metrics.num.samples', 'metrics.recording.level', 'metric.reporters', 'default.api.timeout.ms',
  'socket.connection.setup.timeout.max.ms', 'connections.max.idle.ms', 'interceptor.classes', 'max.poll.records',
  'max.poll.interval.ms', 'exclude.internal.topics', 'allow.auto.create.topics', 'group.protocol', 'group.remote.assignor',
  'security.providers', 'metadata.recovery.strategy', 'metadata.recovery.rebootstrap.trigger.ms', 'share.acknowledgement.mode',
]);
const SECURITY_PREFIXES = ['security.protocol', 'ssl.', 'sasl.'];

/** Defaults that a run may override (Kafka's tool picks the group and the offset reset itself). */
export interface ConsumerDefaults {
  readonly groupId: string;
  readonly clientId: string;
  readonly fromBeginning: boolean;
  readonly maxPartitionFetchBytes: number;
}

/** Resolves Java consumer properties into typed settings; warnings name what is not applied. */
export function resolveConsumerProps(
  props: ReadonlyMap<string, string>,
  defaults: ConsumerDefaults,
  warn: (line: string) => void,
): ConsumerSettings {
  const parsed = new Map<string, unknown>();
  for (const [name, value] of props) {
    const parser = APPLIED[name];
    if (parser) parsed.set(name, parser(value, name));
    else if (SECURITY_PREFIXES.some((p) => name.startsWith(p))) continue;
    else if (KNOWN_NOT_APPLIED.has(name)) warn(`The configuration '${name}' is a Java consumer setting perf-test does not apply; it is ignored.`);
    else warn(`The configuration '${name}' was supplied but isn't a known config.`);
  }
  const get = <T>(name: string, fallback: T): T => (parsed.has(name) ? (parsed.get(name) as T) : fallback);
  const reset = parsed.get('auto.offset.reset') as string | undefined;
  return Object.freeze({
    groupId: get<string>('group.id', '') || defaults.groupId,
    clientId: get<string>('client.id', '') || defaults.clientId,
    maxPartitionFetchBytes: get('max.partition.fetch.bytes', defaults.maxPartitionFetchBytes),
    fetchMaxBytes: get('fetch.max.bytes', 52428800),
    fetchMinBytes: get('fetch.min.bytes', 1),
    fetchMaxWaitMs: get('fetch.max.wait.ms', 500),
    sessionTimeoutMs: get('session.timeout.ms', 45000),
    heartbeatIntervalMs: get('heartbeat.interval.ms', 3000),
    requestTimeoutMs: get('request.timeout.ms', 30000),
    connectionSetupTimeoutMs: get('socket.connection.setup.timeout.ms', 10000),
    readCommitted: get<string>('isolation.level', 'read_uncommitted') === 'read_committed',
    fromBeginning: reset === undefined ? defaults.fromBeginning : reset === 'earliest',
  });
}
