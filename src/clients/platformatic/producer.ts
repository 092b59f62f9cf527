import {
  Producer, kGetApi, kGetConnection, kMetadata, kPerformWithRetry,
  type API, type Callback, type CallbackWithPromise, type Connection, type CreateRecordsBatchOptions, type MessageRecord,
  type produceV11,
} from '@platformatic/kafka';
import type { ProducerSettings } from '../../config/producer-config.js';
import { SetupError } from '../../errors.js';
import type { ConnectionSpec, PartitionLeader, PartitionRecords, ProducerPort } from '../port.js';
import { checkCompression, connectError, errorDetail, kafkaErrorName, producerOptions } from './options.js';
import { SequenceNumbers } from './sequences.js';

type Client = Producer<Buffer, Buffer, Buffer, Buffer>;
type Transaction = Awaited<ReturnType<Client['beginTransaction']>>;
type ProduceResponse = produceV11.ProduceResponse;
type ProduceApi = API<[acks: number | undefined, timeout: number | undefined, topicData: MessageRecord[],
  options?: Partial<CreateRecordsBatchOptions>], boolean | ProduceResponse>;

/** A failed produce request, named as the producer counts failures (Kafka's error code name where there is one). */
export class ProduceFailure extends Error {
  readonly type: string;

  constructor(cause: unknown) {
    super(errorDetail(cause), { cause });
    this.name = 'ProduceFailure';
    this.type = kafkaErrorName(cause);
  }
}

/** The client's callbacks may carry a promise; ours need not (the client only returns it). */
const plain = <T>(callback: Callback<T>) => callback as CallbackWithPromise<T>;

/**
 * @platformatic/kafka behind the producer port. `produce` encodes one Produce request from exactly the records
 * it is given and writes it on the leader's connection: the client's Produce API, below its `send` (which copies
 * every message through serializers and two header maps, and looks the metadata up twice per call: 12-30% more
 * CPU per record, measured) and its batching stream. The client still does what a request needs around it:
 * metadata, connections, API versions, retries, producer ids and transactions.
 */
export class PlatformaticProducer implements ProducerPort {
  private readonly client: Client;
  private api: ProduceApi | undefined;
  private transaction: Transaction | undefined;
  /** AddPartitionsToTxn calls, one after another: the client merges concurrent ones into the first one's partitions. */
  private addingPartitions: Promise<void> = Promise.resolve();
  private readonly sequences = new SequenceNumbers();

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
      throw connectError(this.connection, e);
    }
  }

  async partitions(topic: string): Promise<PartitionLeader[]> {
    let metadata;
    try {
      metadata = await this.client.metadata({ topics: [topic], forceUpdate: true });
    } catch (e) {
      throw new SetupError(`cannot read the metadata of topic '${topic}': ${errorDetail(e)}`, undefined, { cause: e });
    }
    const partitions = metadata.topics.get(topic)?.partitions ?? [];
    return partitions.map((p, partition) => ({ partition, leader: p.leader }));
  }

  produce(topic: string, records: readonly PartitionRecords[]): Promise<void> {
    const messages: MessageRecord[] = [];
    for (const { partition, values } of records) {
      for (const value of values) messages.push({ topic, partition, value });
    }
    const options = this.requestOptions(topic, records);
    return new Promise<void>((resolve, reject) => {
      const settle = (e: Error | null) => (e ? reject(new ProduceFailure(e)) : resolve());
      if (this.transaction === undefined) this.send(topic, messages, options, settle);
      else this.addPartitions(this.transaction, topic, records).then(() => this.send(topic, messages, options, settle), settle);
    });
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

  /** Compression, and for an idempotent producer its id, epoch and the sequence numbers of this request. */
  private requestOptions(topic: string, records: readonly PartitionRecords[]): Partial<CreateRecordsBatchOptions> {
    if (!this.s.idempotence) return { compression: this.s.compression };
    const producerId = this.client.producerId ?? -1n;
    const producerEpoch = this.client.producerEpoch ?? -1;
    return {
      compression: this.s.compression,
      producerId,
      producerEpoch,
      sequences: this.sequences.take(producerId, producerEpoch, topic, records),
      ...(this.transaction === undefined ? {} : { transactionalId: this.transaction.id }),
    };
  }

  /** One Produce request to the current leader of the records' partitions, retried by the client's policy. */
  private send(topic: string, messages: MessageRecord[], options: Partial<CreateRecordsBatchOptions>, done: (e: Error | null) => void): void {
    const api = this.api!;
    const partition = messages[0]?.partition ?? 0;
    this.client[kPerformWithRetry]<boolean | ProduceResponse>('produce', (retry) => {
      this.client[kMetadata]({ topics: [topic] }, plain((e, metadata) => {
        const leader = metadata?.topics.get(topic)?.partitions[partition]?.leader;
        const broker = leader === undefined ? undefined : metadata?.brokers.get(leader);
        if (e || !broker) {
          retry(e ?? new Error(`no leader for ${topic}-${partition}`));
          return;
        }
        this.client[kGetConnection](broker, (e, connection?: Connection) => {
          if (e || !connection) {
            retry(e ?? new Error(`no connection to ${broker.host}:${broker.port}`));
            return;
          }
          api(connection, this.s.acks, this.s.requestTimeoutMs, messages, options, (e: Error | null, response?: boolean | ProduceResponse) => {
            // A moved leader: the retry looks it up again.
            if (e && (e as { findBy?: (k: string, v: unknown) => unknown }).findBy?.('hasStaleMetadata', true)) this.client.clearMetadata();
            retry(e, response);
          });
        });
      }));
    }, plain((e) => done(e)));
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
