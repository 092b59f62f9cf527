import {
  NumericMap, Producer, Writer, kGetApi, kGetConnection, kMetadata, produceV7, produceV8, produceV9, produceV10, produceV11,
  type API, type Callback, type CallbackWithPromise, type Connection, type CreateRecordsBatchOptions, type MessageRecord,
} from './library.js';
import type { ProducerSettings } from '../../config/producer-config.js';
import { SetupError } from '../../errors.js';
import type { ConnectionSpec, PartitionLeader, PartitionOutcome, PartitionRecords, ProduceRequest, ProducerIdentity, ProducerPort } from '../port.js';
import { NoLeaderConnection, partitionOutcomes, ProduceFailure } from './produce-errors.js';
import { checkCompression, connectError, errorDetail, producerOptions } from './options.js';
import { encodeProduceRequest, RequestScratch } from '../produce-request.js';
import { RequestBuffers } from '../request-buffers.js';

type Client = Producer<Buffer, Buffer, Buffer, Buffer>;
type Transaction = Awaited<ReturnType<Client['beginTransaction']>>;
type ProduceResponse = produceV11.ProduceResponse;
type ProduceApi = API<[acks: number | undefined, timeout: number | undefined, topicData: MessageRecord[],
  options?: Partial<CreateRecordsBatchOptions>], boolean | ProduceResponse>;

/** Each Produce version's response parser, for requests perf-test encodes itself. */
const PARSERS: Readonly<Record<number, typeof produceV11.parseResponse>> = {
  7: produceV7.parseResponse, 8: produceV8.parseResponse, 9: produceV9.parseResponse, 10: produceV10.parseResponse, 11: produceV11.parseResponse,
};
/** Produce v9 and later are flexible: their request and response headers carry tagged fields. */
const FIRST_FLEXIBLE = 9;

/** Writes one request on a connection and calls back with its answer. */
type Transmit = (connection: Connection, done: (e: Error | null) => void) => void;

/** The client's callbacks may carry a promise; ours need not (the client only returns it). */
const plain = <T>(callback: Callback<T>) => callback as CallbackWithPromise<T>;

/**
 * @platformatic/kafka behind the producer port. `produce` encodes one Produce request from exactly the records
 * it is given and writes it on the leader's connection: the client's Produce API, below its `send` (which copies
 * every message through serializers and two header maps, and looks the metadata up twice per call: 12-30% more
 * CPU per record, measured) and its batching stream. Uncompressed requests go lower still: perf-test encodes the
 * request body itself (src/clients/produce-request.ts: each value copied once, no object per record) and hands it to
 * the connection with the negotiated version's response parser. The client still does what a request needs around
 * it: metadata, connections, API versions, retries, producer ids and transactions.
 */
export class PlatformaticProducer implements ProducerPort {
  readonly sequencing = 'producer';
  private readonly client: Client;
  private api: ProduceApi | undefined;
  private transaction: Transaction | undefined;
  /**
   * The connection of each leader, reused while it stays connected: looking the broker up in the client's metadata
   * and its connection pool for every request cost more than encoding a record (profiles). A leader refresh
   * (`partitions`) or a connection that is no longer connected sends the next request the whole way again.
   */
  private readonly connections = new Map<number, Connection>();
  /**
   * Where requests are encoded. With acks, each in a buffer of its own that the connection writes as it is, framed
   * in place (src/clients/request-buffers.ts), and that serves again once the request is answered. With acks=0, in
   * one buffer for all: the connection copies a request with its header before `send` returns (the canary test
   * checks that), and calls back when the copy is written, with no answer to wait for.
   */
  private readonly buffers = new RequestBuffers();
  private readonly scratch = new RequestScratch();
  /** AddPartitionsToTxn calls, one after another: the client merges concurrent ones into the first one's partitions. */
  private addingPartitions: Promise<void> = Promise.resolve();

  constructor(
    private readonly connection: ConnectionSpec,
    private readonly s: ProducerSettings,
  ) {
    checkCompression(s.compression);
    this.client = new Producer(producerOptions(connection, s));
  }

  async connect(): Promise<void> {
    try {
      await this.client.connectToBrokers();
      this.api = await new Promise<ProduceApi>((resolve, reject) => {
        this.client[kGetApi]<Parameters<ProduceApi> extends [unknown, ...infer A] ? A : never, boolean | ProduceResponse>('Produce',
          (e, api) => (e || !api ? reject(e ?? new Error('no Produce API')) : resolve(api as ProduceApi)));
      });
      if (this.s.idempotence && this.s.transactionalId === undefined) await this.client.initIdempotentProducer({});
    } catch (e) {
      throw await connectError(this.connection, e);
    }
  }

  async partitions(topic: string): Promise<PartitionLeader[]> {
    this.connections.clear();
    let metadata;
    try {
      metadata = await this.client.metadata({ topics: [topic], forceUpdate: true });
    } catch (e) {
      throw new SetupError(`cannot read the metadata of topic '${topic}': ${errorDetail(e)}`, undefined, { cause: e });
    }
    const partitions = metadata.topics.get(topic)?.partitions ?? [];
    return partitions.map((p, partition) => ({ partition, leader: p.leader }));
  }

  produce(request: ProduceRequest): Promise<readonly PartitionOutcome[]> {
    const { topic, batches } = request;
    const transmit = this.s.compression === 'none' && PARSERS[this.api!.version] !== undefined
      ? this.encoded(request) : this.throughClient(request);
    return new Promise((resolve, reject) => {
      const settle = (e: Error | null) => {
        if (!e) resolve([]);
        else {
          const outcomes = partitionOutcomes(e);
          if (outcomes) resolve(outcomes);
          else reject(new ProduceFailure(e));
        }
      };
      if (this.transaction === undefined) this.send(request, transmit, settle);
      else this.addPartitions(this.transaction, topic, batches).then(() => this.send(request, transmit, settle), settle);
    });
  }

  /** The request as perf-test encodes it, encoded when it is written (as the client would), then parsed by the client. */
  private encoded(request: ProduceRequest): Transmit {
    const { acks, requestTimeoutMs } = this.s;
    const { version } = this.api!;
    const parse = PARSERS[version]!;
    const flexible = version >= FIRST_FLEXIBLE;
    const transactionalId = this.transaction?.id;
    return (connection, done) => {
      const lease = acks === 0 ? undefined : this.buffers.lease();
      connection.send(0, version, () => {
        const writer = Writer.create().append(encodeProduceRequest({
          version, transactionalId, acks, timeoutMs: requestTimeoutMs, topic: request.topic, batches: request.batches,
          identity: request.identity, timestampMs: Date.now(),
        }, lease ?? this.scratch));
        // acks=0: the broker sends no answer, and the connection calls back once the request is written.
        if (lease === undefined) writer.context.noResponse = true;
        else writer.context.frame = (header: Buffer) => lease.frame(header);
        return writer;
      }, parse, flexible, flexible, (e: Error | null) => {
        if (!e) lease?.release();
        done(e);
      });
    };
  }

  /** The request as the client encodes it (compressed requests: its codecs). */
  private throughClient(request: ProduceRequest): Transmit {
    const messages: MessageRecord[] = [];
    for (const { partition, values, keys, headers } of request.batches) {
      for (let i = 0; i < values.length; i++) {
        const message: MessageRecord = { topic: request.topic, partition, value: values[i]! };
        const key = keys?.[i];
        if (key) message.key = key;
        // A Map keyed by Buffer objects keeps headers of equal keys apart, in order; the client writes a null value as -1.
        const recordHeaders = headers?.[i];
        if (recordHeaders?.length) message.headers = new Map(recordHeaders.map((h) => [h.key, h.value as Buffer]));
        messages.push(message);
      }
    }
    const options = this.requestOptions(request);
    const api = this.api!;
    return (connection, done) => api(connection, this.s.acks, this.s.requestTimeoutMs, messages, options, (e: Error | null) => done(e));
  }

  producerIdentity(): ProducerIdentity | undefined {
    const { producerId, producerEpoch } = this.client;
    return producerId === undefined || producerEpoch === undefined ? undefined : { producerId, producerEpoch };
  }

  async beginTransaction(): Promise<void> {
    this.transaction = await this.client.beginTransaction();
    this.addingPartitions = Promise.resolve();
  }

  async commitTransaction(): Promise<void> {
    const t = this.transaction;
    this.transaction = undefined;
    await t?.commit();
  }

  async abortTransaction(): Promise<void> {
    const t = this.transaction;
    this.transaction = undefined;
    await t?.abort();
  }

  async disconnect(): Promise<void> {
    await this.client.close(true);
  }

  /** Compression, and for an idempotent producer the id, epoch and sequence numbers the producer gave the request. */
  private requestOptions({ topic, batches, identity }: ProduceRequest): Partial<CreateRecordsBatchOptions> {
    if (identity === undefined) return { compression: this.s.compression };
    const sequences = new NumericMap();
    for (const { partition, baseSequence } of batches) sequences.set(`${topic}:${partition}`, baseSequence);
    return {
      compression: this.s.compression,
      producerId: identity.producerId,
      producerEpoch: identity.producerEpoch,
      sequences,
      ...(this.transaction === undefined ? {} : { transactionalId: this.transaction.id }),
    };
  }

  /** One Produce request, one try, on the connection to `leader`: retries are the producer's (src/producer). */
  private send({ leader, topic }: ProduceRequest, transmit: Transmit, done: (e: Error | null) => void): void {
    const known = this.connections.get(leader);
    if (known?.status === 'connected') {
      transmit(known, done);
      return;
    }
    this.connections.delete(leader);
    this.client[kMetadata]({ topics: [topic] }, plain((e, metadata) => {
      const broker = metadata?.brokers.get(leader);
      // Whatever fails before the request is written (the metadata, the connection) is a failed try to reach the
      // leader, retried as Java retries a broker it cannot reach, whatever name the client gives it.
      if (e || !broker) {
        done(new NoLeaderConnection(`broker ${leader} is not in the cluster's metadata${e ? `: ${errorDetail(e)}` : ''}`, { cause: e }));
        return;
      }
      this.client[kGetConnection](broker, (e, connection?: Connection) => {
        if (e || !connection) {
          done(new NoLeaderConnection(`no connection to ${broker.host}:${broker.port}${e ? `: ${errorDetail(e)}` : ''}`, { cause: e }));
          return;
        }
        // A connection to a broker that just died may still be handed out: sending on it would only queue the
        // request behind a closed socket (where 1.35's request queue breaks), so the try fails here instead.
        if (connection.status !== 'connected') {
          done(new NoLeaderConnection(`the connection to ${broker.host}:${broker.port} is ${connection.status}`));
          return;
        }
        this.connections.set(leader, connection);
        transmit(connection, done);
      });
    }));
  }

  /** Adds the records' partitions to the transaction (the client skips those already in it). */
  private addPartitions(t: Transaction, topic: string, records: readonly PartitionRecords[]): Promise<void> {
    const added = this.addingPartitions.then(() => new Promise<void>((resolve, reject) => {
      this.client[kMetadata]({ topics: [topic] }, plain((e, metadata) => {
        if (e || !metadata) {
          reject(e ?? new Error(`no metadata for ${topic}`));
          return;
        }
        const marks = records.map(({ partition }) => ({ topic, partition, value: EMPTY }));
        t.addPartitions(metadata, marks, plain((error) => (error ? reject(error) : resolve())));
      }));
    }));
    this.addingPartitions = added.catch(() => undefined);
    return added;
  }
}

const EMPTY = Buffer.alloc(0);
