import { randomInt } from 'node:crypto';
import { UsageError, badValue } from '../errors.js';
import { parseDuration, parseInteger } from './values.js';
import { minSize, parseSizeDistribution } from './record-sizes.js';
import type { EndToEndOptions } from './e2e-options.js';
import { resolveConsumeConfig } from './resolve-consume.js';
import { resolveProduceConfig, type ResolveContext } from './resolve-produce.js';
import type { EndToEndConfig } from './types.js';
import { STAMP_BYTES } from '../workload/stamp.js';
import { checkBacklogFits, parseBacklog } from './backlog.js';

const SECURITY_PREFIXES = ['security.protocol', 'ssl.', 'sasl.'];
const DEFAULT_TOPIC = 'perf-test-e2e';

/**
 * EndToEndLatency's `--producer-acks` (1 or all: it measures acknowledged records), with the linger.ms=0 it sets
 * beside it; properties given on the command line still win.
 */
function endToEndLatencyProps(acks: string | undefined): string[] {
  if (acks === undefined) return [];
  if (acks !== '1' && acks !== 'all') {
    throw badValue('--producer-acks', acks, 'must be 1 or all: latency testing requires synchronous acknowledgement (as in Kafka\'s EndToEndLatency)');
  }
  return ['linger.ms=0', `acks=${acks}`];
}

/** A regex that matches these names and no other. */
function exactly(names: readonly string[]): string {
  return `^(?:${names.map((n) => n.replace(/[.]/g, '\\.')).join('|')})$`;
}

/**
 * Resolves the e2e command: the producer side as `perf-test` resolves it, the consumer side as `consume` does,
 * sharing the bootstrap servers, the topic and the security settings.
 */
export function resolveEndToEndConfig(o: EndToEndOptions, outer: ResolveContext): EndToEndConfig {
  // Both sides read the shared settings: each warning once.
  const warned = new Set<string>();
  const ctx: ResolveContext = { ...outer, warn: (line) => void (warned.has(line) || (warned.add(line), outer.warn(line))) };
  if (o.payloadFile !== undefined || o.payloadMonotonic) {
    throw new UsageError(`${o.payloadFile !== undefined ? '--payload-file' : '--payload-monotonic'} cannot be used with e2e: each record's value carries its send time`);
  }
  if (o.recordSize !== undefined && minSize(parseSizeDistribution('--record-size', o.recordSize)) < STAMP_BYTES) {
    throw new UsageError(`--record-size: '${o.recordSize}' is too small for e2e: values hold an ${STAMP_BYTES}-byte send-time stamp`);
  }
  const consumers = parseInteger('--consumers', o.consumers ?? '1', 1, 256);
  const kafkaProps = endToEndLatencyProps(o.producerAcks);
  const backlog = o.backlog === undefined ? undefined : parseBacklog(o.backlog);
  const producers = o.producers === 'auto' ? undefined : o.producers;
  const produce = resolveProduceConfig({
    ...o,
    // Both sides on one library: the default client unless --client says otherwise.
    client: o.client,
    producerProps: [...kafkaProps, ...(o.producerProps ?? [])],
    topic: o.topic ?? (o.topics === undefined ? DEFAULT_TOPIC : undefined),
    topicPrefix: o.topicPrefix ?? (o.topics === undefined ? undefined : DEFAULT_TOPIC),
    // A created topic gets a partition per producer or consumer, so that none of them idles.
    partitions: o.partitions ?? String(Math.max(consumers, Number(producers ?? 1))),
  }, ctx);
  if (backlog && o.backlog !== undefined) checkBacklogFits(o.backlog, backlog, produce.stop, produce.payload);
  // Consumers connect as the producers do (security settings) unless their own properties say otherwise.
  const shared = Object.entries(produce.clientProps).filter(([k]) => SECURITY_PREFIXES.some((p) => k.startsWith(p)));
  const consume = resolveConsumeConfig({
    bootstrapServer: produce.bootstrapServers.join(','),
    // Several topics: the consumers subscribe to exactly those.
    ...(produce.topics.length === 1 ? { topic: produce.topic.name } : { include: exactly(produce.topics.map((t) => t.name)) }),
    group: o.group ?? `perf-test-e2e-${randomInt(1_000_000)}`,
    consumers: String(consumers),
    // Kafka's --command-config configures its producer, consumer and admin client alike.
    consumerConfig: o.consumerConfig ?? o.commandConfig,
    commandProperty: [...shared.map(([k, v]) => `${k}=${v}`), ...(o.consumerProps ?? [])],
    client: o.client,
    reportingInterval: String(produce.reportingIntervalMs),
    workerYoungGenerationMb: o.workerYoungGenerationMb,
  }, ctx);
  return Object.freeze({
    mode: 'e2e',
    produce,
    consume: Object.freeze({ ...consume, stop: { kind: 'idle' } as const, consumer: Object.freeze({ ...consume.consumer, fromBeginning: true }) }),
    drainTimeoutMs: parseDuration('--drain-timeout', o.drainTimeout ?? '30s'),
    backlog: backlog && Object.freeze(backlog),
  });
}
