import { availableParallelism } from 'node:os';
import { resolve as resolvePath } from 'node:path';
import { UsageError, badValue } from '../errors.js';
import { parseDuration, parseInteger, parseKeyValues, parseNumber } from './values.js';
import { readPropertiesFile, readTextFile } from './files.js';
import { maxSize, parseSizeDistribution } from './record-sizes.js';
import { splitExactly } from '../workload/split.js';
import { scaleSegments } from '../workload/rate.js';
import { parseRate, profileDurationMs } from './rate-profile.js';
import { parseStartAt } from './start-at.js';
import { resolveProducerProps } from './producer-config.js';
import { resolveSecurity } from './resolve-security.js';
import type { ProduceOptions } from './produce-options.js';
import type { ClientName, PayloadSpec, ProduceConfig, RateLimit, StopCondition } from './types.js';
import { recordSizeUpperBound } from '../producer/record-size.js';
import { checkTopicName, resolveTopicNames } from './topics.js';
import { resolveWorkerLimits } from './worker-limits.js';

/** Ambient inputs of resolution, injectable for tests. */
export interface ResolveContext {
  readonly env: Readonly<Record<string, string | undefined>>;
  /** Receives warnings (unknown properties...). */
  readonly warn: (line: string) => void;
}

const DEFAULT_BOOTSTRAP = 'localhost:9092';
const DEFAULT_TOPIC = 'perf-test';
const DEFAULT_RECORD_SIZE = 1024;

/** Validates the produce options and resolves them into one frozen, fully defaulted config. */
export function resolveProduceConfig(o: ProduceOptions, ctx: ResolveContext): ProduceConfig {
  const props = readProducerProps(o);
  // Kafka: --transactional-id wins over transactional.id; either, or --transaction-duration-ms, turns
  // transactions on. The id joins the properties so that Java's idempotence checks apply to it too.
  const transactionDurationMs = o.transactionDurationMs !== undefined
    ? parseInteger('--transaction-duration-ms', o.transactionDurationMs, 1)
    : undefined;
  const transactionalId = o.transactionalId ?? props.get('transactional.id')
    ?? (transactionDurationMs !== undefined ? `performance-producer-${randomId()}` : undefined);
  if (transactionalId !== undefined) props.set('transactional.id', transactionalId);
  const security = resolveSecurity(props, ctx.warn);
  // @platformatic/kafka unless --client says otherwise: measured fastest (benchmarks/, README "Performance").
  const client = o.client === undefined ? 'platformatic' : resolveClient(o.client);
  // kafkajs numbers idempotent batches itself, safely only one request at a time: idempotence would halve what
  // it is measured at, so on kafkajs it is on only when asked for (README, "Deliberate differences").
  const resolved = resolveProducerProps(props, { idempotentByDefault: client !== 'kafkajs' });
  resolved.warnings.forEach((w) => ctx.warn(w));
  const settings = resolved.settings;
  const producer = settings;

  const shard = resolveShard(o.shard);
  const rate = parseRate(o.throughput);
  const stop = shardStop(resolveStop(o, profileDurationMs(rate)), shard);
  const payload = resolvePayload(o);
  if (payload.kind === 'random') {
    const bound = recordSizeUpperBound(payload.sizeBytes);
    if (bound > producer.maxRequestSizeBytes) {
      throw badValue('--record-size', o.recordSize ?? payload.sizeBytes,
        `makes records of ${bound} bytes when serialized, larger than max.request.size (${producer.maxRequestSizeBytes})`);
    }
    if (bound > producer.bufferMemoryBytes) {
      throw badValue('--record-size', o.recordSize ?? payload.sizeBytes,
        `makes records of ${bound} bytes when serialized, larger than buffer.memory (${producer.bufferMemoryBytes})`);
    }
  }
  const warmupRecords = shardCount(parseInteger('--warmup-records', o.warmupRecords ?? '0', 0), shard);
  if (stop.kind === 'count' && warmupRecords >= stop.records) {
    throw badValue('--warmup-records', warmupRecords, `must be fewer than --num-records (${stop.records})`);
  }

  // Every topic is created alike (--partitions, --replication-factor).
  const partitions = o.partitions === undefined ? undefined : parseInteger('--partitions', o.partitions, 1, 1_000_000);
  const replicationFactor = o.replicationFactor === undefined ? undefined : parseInteger('--replication-factor', o.replicationFactor, 1, 32767);
  const topics = Object.freeze(resolveTopicNames(o, DEFAULT_TOPIC).map((name) => Object.freeze({ name, partitions, replicationFactor })));
  const config: ProduceConfig = {
    mode: 'produce',
    bootstrapServers: resolveBootstrap(o.bootstrapServer, props, ctx.env),
    topic: topics[0]!,
    topics,
    stop,
    rate: shardRate(rate, shard),
    payload,
    warmupRecords,
    producers: resolveProducers(o.producers),
    workerLimits: resolveWorkerLimits(o.workerYoungGenerationMb),
    reportingIntervalMs: parseDuration('--reporting-interval', o.reportingInterval ?? '5000', 'ms'),
    transactionDurationMs: transactionalId === undefined ? undefined : (transactionDurationMs ?? 3000),
    client,
    producer: settings,
    clientProps: Object.freeze(Object.fromEntries(props)),
    security,
    keepGoing: o.keepGoing === true,
    startAtEpochMs: o.startAt === undefined ? undefined : parseStartAt(o.startAt, Date.now()),
  };
  if (config.stop.kind === 'count' && config.producers > config.stop.records) {
    throw badValue('--producers', config.producers, `is more than --num-records (${config.stop.records}); each producer needs a record`);
  }
  return Object.freeze(config);
}

function readProducerProps(o: ProduceOptions): Map<string, string> {
  if (o.producerConfig !== undefined && o.commandConfig !== undefined) {
    throw new UsageError('--producer.config and --command-config name the same thing; give one');
  }
  const file = o.producerConfig ?? o.commandConfig;
  const fileFlag = o.producerConfig !== undefined ? '--producer.config' : '--command-config';
  const props = file === undefined ? new Map<string, string>() : readPropertiesFile(fileFlag, file);
  // Kafka: properties on the command line take precedence over the file.
  for (const [flag, items] of [['--producer-props', o.producerProps], ['--command-property', o.commandProperty]] as const) {
    if (items) for (const [k, v] of parseKeyValues(flag, items)) props.set(k, v);
  }
  return props;
}

/** A rate profile without --num-records or --duration runs for the profile's length. */
function resolveStop(o: ProduceOptions, profileMs: number | undefined): StopCondition {
  if (o.numRecords !== undefined && o.duration !== undefined) {
    throw new UsageError('--num-records and --duration cannot be used together; give one');
  }
  if (o.duration !== undefined) return Object.freeze({ kind: 'duration', durationMs: parseDuration('--duration', o.duration) });
  if (o.numRecords === undefined && profileMs !== undefined) return Object.freeze({ kind: 'duration', durationMs: profileMs });
  if (o.numRecords === undefined) {
    throw new UsageError('one of --num-records or --duration is required', 'e.g. perf-test --num-records 1000000 --record-size 1024 --throughput -1');
  }
  return Object.freeze({ kind: 'count', records: parseInteger('--num-records', o.numRecords, 1) });
}

function resolvePayload(o: ProduceOptions): PayloadSpec {
  const given = [o.recordSize !== undefined && '--record-size', o.payloadFile !== undefined && '--payload-file',
    o.payloadMonotonic === true && '--payload-monotonic'].filter(Boolean);
  if (given.length > 1) throw new UsageError(`${given.join(' and ')} cannot be used together; give one`);
  if (o.payloadCompressibility !== undefined && given.length > 0 && given[0] !== '--record-size') {
    throw new UsageError(`--payload-compressibility cannot be used with ${given[0]}: it shapes random values (--record-size)`);
  }
  if (o.payloadMonotonic) return Object.freeze({ kind: 'monotonic' });
  if (o.payloadFile !== undefined) {
    const delimiter = o.payloadDelimiter === undefined || o.payloadDelimiter === '\\n' ? '\n' : o.payloadDelimiter;
    let pattern: RegExp;
    try {
      pattern = new RegExp(delimiter, 'u');
    } catch {
      throw badValue('--payload-delimiter', delimiter, 'is not a valid regular expression');
    }
    const text = readTextFile('--payload-file', o.payloadFile);
    const parts = text.split(pattern);
    // Like Java's String.split: trailing empty payloads are dropped.
    while (parts.length > 0 && parts[parts.length - 1] === '') parts.pop();
    if (parts.length === 0) throw badValue('--payload-file', o.payloadFile, 'holds no payloads');
    const encoder = new TextEncoder();
    return Object.freeze({ kind: 'file', path: resolvePath(o.payloadFile), payloads: Object.freeze(parts.map((p) => encoder.encode(p))) });
  }
  const sizes = o.recordSize === undefined ? { kind: 'fixed' as const, bytes: DEFAULT_RECORD_SIZE } : parseSizeDistribution('--record-size', o.recordSize);
  const compressibility = o.payloadCompressibility === undefined ? undefined : parseNumber('--payload-compressibility', o.payloadCompressibility);
  if (compressibility !== undefined && !(compressibility >= 0 && compressibility <= 1)) {
    throw badValue('--payload-compressibility', o.payloadCompressibility, 'must be a fraction from 0 to 1 (0.5: batches compress to about half)');
  }
  return Object.freeze({ kind: 'random', sizeBytes: maxSize(sizes), sizes: Object.freeze(sizes), compressibility });
}

function resolveProducers(text: string | undefined): number {
  if (text === 'auto') return Math.max(1, availableParallelism() - 1);
  return parseInteger('--producers', text ?? '1', 1, 256);
}

const CLIENTS: readonly ClientName[] = ['kafkajs', 'platformatic'];

export function resolveClient(text: string | undefined): ClientName {
  const name = text ?? 'kafkajs';
  const client = CLIENTS.find((c) => c === name);
  if (client === undefined) throw badValue('--client', name, `is not a supported client (${CLIENTS.join(', ')})`);
  return client;
}

export function resolveTopic(text: string | undefined): string {
  return checkTopicName('--topic', text ?? DEFAULT_TOPIC);
}

/** --bootstrap-server, else bootstrap.servers, else $KAFKA_BOOTSTRAP_SERVERS, else localhost:9092. */
export function resolveBootstrap(flagValue: string | undefined, props: ReadonlyMap<string, string>, env: ResolveContext['env']): string[] {
  const text = flagValue ?? props.get('bootstrap.servers') ?? env['KAFKA_BOOTSTRAP_SERVERS'] ?? DEFAULT_BOOTSTRAP;
  const flag = flagValue !== undefined ? '--bootstrap-server' : props.has('bootstrap.servers') ? 'bootstrap.servers' : 'KAFKA_BOOTSTRAP_SERVERS';
  const hosts = text.split(',').map((h) => h.trim()).filter((h) => h.length > 0);
  if (hosts.length === 0) throw badValue(flag, text, 'names no broker (expected host:port[,host:port])');
  for (const h of hosts) {
    const m = /^(\[[0-9a-fA-F:]+\]|[^:\s]+):(\d+)$/.exec(h);
    if (!m || Number(m[2]) < 1 || Number(m[2]) > 65535) throw badValue(flag, h, 'is not of the form host:port');
  }
  return hosts;
}

function randomId(): string {
  return globalThis.crypto.randomUUID();
}

/** This process's part of a run split over several (`--shard INDEX/COUNT`, e.g. a Kubernetes Indexed Job). */
interface Shard {
  readonly index: number;
  readonly count: number;
}

function resolveShard(text: string | undefined): Shard | undefined {
  if (text === undefined) return undefined;
  const m = /^\s*(\d+)\s*\/\s*(\d+)\s*$/.exec(text);
  if (!m) throw badValue('--shard', text, 'is not of the form INDEX/COUNT (e.g. 0/4)');
  const index = Number(m[1]);
  const count = Number(m[2]);
  if (count < 1 || index >= count) throw badValue('--shard', text, 'needs 0 <= INDEX < COUNT');
  return { index, count };
}

function shardCount(total: number, shard: Shard | undefined): number {
  return shard ? splitExactly(total, shard.count)[shard.index]! : total;
}

function shardStop(stop: StopCondition, shard: Shard | undefined): StopCondition {
  if (!shard || stop.kind !== 'count') return stop;
  const records = shardCount(stop.records, shard);
  if (records === 0) throw badValue('--shard', `${shard.index}/${shard.count}`, `leaves no record of --num-records ${stop.records} to this shard`);
  return Object.freeze({ kind: 'count', records });
}

function shardRate(rate: RateLimit, shard: Shard | undefined): RateLimit {
  if (!shard || rate.kind === 'unlimited') return rate;
  if (rate.kind === 'uniform') return Object.freeze({ kind: 'uniform', recordsPerSec: rate.recordsPerSec / shard.count });
  return Object.freeze({ kind: 'profile', segments: Object.freeze(scaleSegments(rate.segments, 1 / shard.count)) });
}
