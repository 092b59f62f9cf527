import { randomInt } from 'node:crypto';
import { UsageError, badValue } from '../errors.js';
import { parseDuration, parseInteger, parseKeyValues, parseSize } from './values.js';
import { resolveConsumerProps } from './consumer-config.js';
import { resolveSecurity } from './resolve-security.js';
import type { ConsumeOptions } from './consume-options.js';
import { readPropertiesFile } from './files.js';
import { resolveBootstrap, resolveClient, resolveTopic } from './resolve-produce.js';
import type { ClientName, ConsumeConfig, ConsumeStop } from './types.js';
import type { ResolveContext } from './resolve-produce.js';
import { resolveWorkerLimits } from './worker-limits.js';

/** Validates the consume options and resolves them into one frozen, fully defaulted config. */
export function resolveConsumeConfig(o: ConsumeOptions, ctx: ResolveContext): ConsumeConfig {
  if (o.topic !== undefined && o.include !== undefined) throw new UsageError('--topic and --include cannot be used together; give one');
  if (o.consumerConfig !== undefined && o.commandConfig !== undefined) {
    throw new UsageError('--consumer.config and --command-config name the same thing; give one');
  }
  const file = o.consumerConfig ?? o.commandConfig;
  const props = file === undefined ? new Map<string, string>()
    : readPropertiesFile(o.consumerConfig !== undefined ? '--consumer.config' : '--command-config', file);
  if (o.commandProperty) for (const [k, v] of parseKeyValues('--command-property', o.commandProperty)) props.set(k, v);
  if (o.include !== undefined) {
    try {
      new RegExp(o.include);
    } catch {
      throw badValue('--include', o.include, 'is not a valid regular expression');
    }
  }
  // Kafka's tool sets these itself: a random group, the fetch size, and earliest unless --from-latest.
  const consumer = resolveConsumerProps(props, {
    groupId: o.group ?? `perf-consumer-${randomInt(100_000)}`,
    clientId: 'perf-consumer-client',
    fromBeginning: o.fromLatest !== true,
    maxPartitionFetchBytes: o.fetchSize === undefined ? 1024 * 1024 : parseSize('--fetch-size', o.fetchSize),
  }, ctx.warn);
  if (consumer.maxPartitionFetchBytes <= 0) throw badValue('--fetch-size', o.fetchSize, 'must be greater than zero');
  const dateFormat = o.dateFormat ?? 'yyyy-MM-dd HH:mm:ss:SSS';
  if (dateFormat.trim() === '') throw badValue('--date-format', dateFormat, 'is empty');
  return Object.freeze({
    mode: 'consume',
    bootstrapServers: resolveBootstrap(o.bootstrapServer, props, ctx.env),
    topic: o.include === undefined ? resolveTopic(o.topic) : undefined,
    include: o.include,
    stop: resolveConsumeStop(o),
    consumers: parseInteger('--consumers', o.consumers ?? '1', 1, 256),
    workerLimits: resolveWorkerLimits(o.workerYoungGenerationMb),
    idleTimeoutMs: parseInteger('--timeout', o.timeout ?? '10000', 1),
    reportingIntervalMs: parseInteger('--reporting-interval', o.reportingInterval ?? '5000', 1),
    showDetailedStats: o.showDetailedStats === true,
    dateFormat,
    hideHeader: o.hideHeader === true,
    client: resolveConsumerClient(o.client),
    consumer,
    clientProps: Object.freeze(Object.fromEntries(props)),
    security: resolveSecurity(props, ctx.warn),
  });
}

function resolveConsumeStop(o: ConsumeOptions): ConsumeStop {
  const given = [o.messages !== undefined && '--messages', o.numRecords !== undefined && '--num-records', o.duration !== undefined && '--duration']
    .filter((x): x is string => typeof x === 'string');
  if (given.length > 1) throw new UsageError(`${given.join(' and ')} cannot be used together; give one`);
  if (o.duration !== undefined) return { kind: 'duration', durationMs: parseDuration('--duration', o.duration) };
  const count = o.messages ?? o.numRecords;
  if (count === undefined) return { kind: 'idle' };
  return { kind: 'count', records: parseInteger(o.messages !== undefined ? '--messages' : '--num-records', count, 1) };
}

/** Consumers run on the default client (@platformatic/kafka) unless --client says otherwise. */
function resolveConsumerClient(text: string | undefined): ClientName {
  return resolveClient(text ?? 'platformatic');
}
