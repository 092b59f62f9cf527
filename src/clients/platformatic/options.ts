import zlib from 'node:zlib';
import type { BaseOptions, ProducerOptions } from './library.js';
import type { CompressionType, ProducerSettings } from '../../config/producer-config.js';
import { type PerfTestError, UsageError } from '../../errors.js';
import { retryBackoffMs } from '../../config/backoff.js';
import type { ConnectionSpec } from '../port.js';
import { platformaticConnectError, platformaticSecurity } from './security.js';

/** The client's in-flight cap per connection when our producer sets the limit (see producerOptions). */
const CLIENT_QUEUE_UNBOUNDED = 10_000;

/** How much longer than the broker's own timeout the client waits for an answer (see baseOptions). */
const CLIENT_WAIT_MARGIN_MS = 5000;

/** Java's `metadata.max.age.ms`: leader changes show up sooner, through the errors of the requests. */
const METADATA_MAX_AGE_MS = 300_000;

/** Compression codecs this client has: gzip (zlib), snappy and lz4 (WASM), zstd where Node's zlib has it (22.15+). */
export function platformaticCompression(hasZstd = typeof (zlib as { zstdCompressSync?: unknown }).zstdCompressSync === 'function'): readonly CompressionType[] {
  return hasZstd ? ['none', 'gzip', 'snappy', 'lz4', 'zstd'] : ['none', 'gzip', 'snappy', 'lz4'];
}

/** Rejects a codec this client cannot apply here, naming the property, rather than failing every request. */
export function checkCompression(compression: CompressionType, available: readonly CompressionType[] = platformaticCompression()): void {
  if (available.includes(compression)) return;
  throw new UsageError(
    `producer property compression.type: '${compression}' is not available with --client platformatic on Node ${process.versions.node} (it has ${available.join(', ')})`,
    compression === 'zstd' ? 'zstd needs Node 22.15 or later' : undefined,
  );
}

/** What every client of a run connects with: brokers, client id, timeouts, TLS and SASL. */
export function baseOptions(c: ConnectionSpec): BaseOptions {
  return {
    clientId: c.clientId,
    bootstrapBrokers: [...c.bootstrapServers],
    connectTimeout: c.connectionTimeoutMs,
    // `timeout` is what the broker is given; `requestTimeout` is how long the client waits for the answer. The
    // broker answers a request it cannot complete at `timeout` (REQUEST_TIMED_OUT, as acks=all does when replicas
    // are lost), so the client waits longer: 1.35's connection calls a request's callback a second time when that
    // answer comes after its own timeout, which breaks its request queue. Our producer gives up on a try at
    // request.timeout.ms all the same (src/producer), as Java does.
    timeout: c.requestTimeoutMs,
    requestTimeout: c.requestTimeoutMs + CLIENT_WAIT_MARGIN_MS,
    metadataMaxAge: METADATA_MAX_AGE_MS,
    autocreateTopics: false,
    ...platformaticSecurity(c.security, c.bootstrapServers),
  };
}

/**
 * The producer client's options. Batching and in-flight limits are perf-test's own (src/producer), so the
 * connection must let every request our producer dispatches through at once: no lower cap than ours.
 */
export function producerOptions(c: ConnectionSpec, s: ProducerSettings): ProducerOptions<Buffer, Buffer, Buffer, Buffer> {
  return {
    ...baseOptions(c),
    // The client's retries are for metadata, connections and transactions; produce requests are tried once each
    // and retried by src/producer. Bounded so that they end around delivery.timeout.ms like Java's.
    retries: Math.min(s.retries, Math.ceil(s.deliveryTimeoutMs / Math.max(1, s.retryBackoffMaxMs))),
    retryDelay: (_client, _operation, attempt) => retryBackoffMs(s, attempt),
    // Our producer numbers an idempotent producer's batches, so the client's idempotent mode (one request in
    // flight, its own sequences) is only for transactions, whose coordinator calls are the client's.
    // Our producer limits what is in flight; the client's queue must never hold a request back: a try our producer
    // gave up on (request.timeout.ms) still holds its place there until the broker answers, and requests queued
    // behind a connection that closes break 1.35's request queue.
    maxInflights: s.transactionalId === undefined ? CLIENT_QUEUE_UNBOUNDED : 1,
    // Requests wait for a full socket to drain: with acks=0 that is the only back-pressure there is.
    handleBackPressure: true,
    acks: s.acks,
    compression: s.compression,
    idempotent: s.transactionalId !== undefined,
    ...(s.transactionalId === undefined ? {} : { transactionalId: s.transactionalId }),
  };
}

/**
 * Describes a connection failure with the addresses tried, for a one-line error: an authentication or TLS
 * failure gets its own message and exit code 6 (see security.ts). Asynchronous (it may ask a TLS listener why it
 * hung up): `throw await connectError(...)`.
 */
export function connectError(c: ConnectionSpec, e: unknown): Promise<PerfTestError> {
  return platformaticConnectError(c, e, errorDetail(e));
}

/** The root cause of a client error: its errors nest ("metadata failed 3 times" > "Connection to ... failed" > ECONNREFUSED). */
export function errorDetail(e: unknown): string {
  let cur: unknown = e;
  for (let depth = 0; depth < 8 && cur instanceof Error; depth++) {
    const errors = (cur as { errors?: unknown }).errors;
    const inner: unknown = Array.isArray(errors) && errors.length > 0 ? errors[errors.length - 1] : cur.cause;
    if (!(inner instanceof Error)) return cur.message.replace(/\.$/, '');
    cur = inner;
  }
  return cur instanceof Error ? cur.message : String(e);
}

/**
 * The name a failed request is counted under: Kafka's error code name (NOT_ENOUGH_REPLICAS...) when the broker
 * answered with one, else the client's error class (TimeoutError, NetworkError...).
 */
export function kafkaErrorName(e: unknown): string {
  let fallback: string | undefined;
  const visit = (cur: unknown, depth: number): string | undefined => {
    if (depth > 6 || !(cur instanceof Error)) return undefined;
    const apiId = (cur as { apiId?: unknown }).apiId;
    if (typeof apiId === 'string' && apiId.length > 0) return apiId;
    const name = cur.constructor.name;
    if (fallback === undefined && name !== 'Error' && name !== 'MultipleErrors' && name !== 'ResponseError') fallback = name;
    const errors = (cur as { errors?: unknown }).errors;
    for (const inner of Array.isArray(errors) ? errors : []) {
      const found = visit(inner, depth + 1);
      if (found) return found;
    }
    return visit(cur.cause, depth + 1);
  };
  return visit(e, 0) ?? fallback ?? 'Error';
}
