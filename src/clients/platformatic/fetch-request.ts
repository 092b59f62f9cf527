import {
  fetchV13, fetchV14, fetchV15, fetchV16, fetchV17, type Connection, type Reader,
} from './library.js';
import type { AbortedTransaction } from './record-batches.js';
import { splitKey } from './group-offsets.js';

type FetchRequestTopic = fetchV17.FetchRequestTopic;

/** Kafka's Fetch API key. */
export const FETCH_API_KEY = 1;
/** The Fetch versions this reader speaks: 13 (topic ids) to 17 share one response layout, less tagged fields. */
const REQUEST_CREATORS = { 13: fetchV13.createRequest, 14: fetchV14.createRequest, 15: fetchV15.createRequest, 16: fetchV16.createRequest, 17: fetchV17.createRequest } as const;
export type FetchVersion = keyof typeof REQUEST_CREATORS;
export const FETCH_VERSIONS = [13, 14, 15, 16, 17] as const satisfies readonly FetchVersion[];

/** What one Fetch request asks for (full fetches, no session: the broker answers for every partition). */
export interface FetchParams {
  readonly version: FetchVersion;
  readonly maxWaitMs: number;
  readonly minBytes: number;
  readonly maxBytes: number;
  readonly readCommitted: boolean;
  readonly topics: readonly FetchRequestTopic[];
}

/** The topics of a Fetch from `asked` ("topic:partition" to the offset to fetch from), each by its topic id. */
export function fetchTopics(asked: ReadonlyMap<string, number>, topicIds: ReadonlyMap<string, string>, partitionMaxBytes: number): FetchRequestTopic[] {
  const topics = new Map<string, FetchRequestTopic['partitions']>();
  for (const [key, offset] of asked) {
    const [topic, partition] = splitKey(key);
    const list = topics.get(topic) ?? [];
    list.push({ partition, currentLeaderEpoch: -1, fetchOffset: BigInt(offset), lastFetchedEpoch: -1, partitionMaxBytes });
    topics.set(topic, list);
  }
  return [...topics].map(([topic, partitions]) => ({ topicId: topicIds.get(topic)!, partitions }));
}

/** One partition of a Fetch answer, its record batches still as bytes. */
export interface FetchedPartition {
  readonly topicId: string;
  readonly partition: number;
  /** Kafka's error code (0: none). */
  readonly errorCode: number;
  readonly records: Buffer | undefined;
  readonly aborted: readonly AbortedTransaction[] | undefined;
}

/** A Fetch answer: the top-level error code and each partition's part. */
export interface FetchAnswer {
  readonly errorCode: number;
  readonly partitions: readonly FetchedPartition[];
}

/**
 * Sends one Fetch on the connection and parses the answer itself: @platformatic/kafka's own parser builds an
 * object per record, and per message again in its stream. Here each partition's batches stay bytes, read into
 * columns by readRecordBatches. The request is the client's own encoder for the version.
 */
export function sendFetch(connection: Connection, p: FetchParams, callback: (error: Error | null, answer?: FetchAnswer) => void): void {
  const create = REQUEST_CREATORS[p.version];
  connection.send(
    FETCH_API_KEY, p.version,
    () => create(p.maxWaitMs, p.minBytes, p.maxBytes, p.readCommitted ? 1 : 0, 0, -1, [...p.topics], [], ''),
    (_correlationId: number, _apiKey: number, _apiVersion: number, reader: Reader) => parseFetch(reader),
    true, true,
    (error: Error | null, answer?: FetchAnswer) => callback(error, answer),
  );
}

/** Parses a Fetch v13-v17 answer (flexible versions: compact arrays, tagged fields). */
export function parseFetch(r: Reader): FetchAnswer {
  r.readInt32(); // throttle_time_ms
  const errorCode = r.readInt16();
  r.readInt32(); // session_id
  const partitions: FetchedPartition[] = [];
  const topics = r.readUnsignedVarInt() - 1;
  for (let t = 0; t < topics; t++) {
    const topicId = r.readUUID();
    const count = r.readUnsignedVarInt() - 1;
    for (let i = 0; i < count; i++) {
      const partition = r.readInt32();
      const partitionError = r.readInt16();
      r.skip(24); // high_watermark, last_stable_offset, log_start_offset
      const abortedCount = r.readUnsignedVarInt() - 1; // -1: null
      let aborted: AbortedTransaction[] | undefined;
      if (abortedCount > 0) {
        aborted = [];
        for (let a = 0; a < abortedCount; a++) {
          aborted.push({ producerId: Number(r.readInt64()), firstOffset: Number(r.readInt64()) });
          skipTaggedFields(r);
        }
      }
      r.readInt32(); // preferred_read_replica
      const size = r.readUnsignedVarInt() - 1;
      const records = size > 0 ? r.buffer.slice(r.position, r.position + size) : undefined;
      if (size > 0) r.skip(size);
      skipTaggedFields(r);
      partitions.push({ topicId, partition, errorCode: partitionError, records, aborted });
    }
    skipTaggedFields(r);
  }
  skipTaggedFields(r);
  return { errorCode, partitions };
}

/** Skips a tagged-field section: a count, then each field's tag, size and bytes (KIP-482). */
function skipTaggedFields(r: Reader): void {
  const fields = r.readUnsignedVarInt();
  for (let i = 0; i < fields; i++) {
    r.readUnsignedVarInt(); // tag
    r.skip(r.readUnsignedVarInt());
  }
}
