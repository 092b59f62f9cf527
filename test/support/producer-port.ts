// A fake ProducerPort and the wiring around BatchingProducer, for unit tests of our producer with fake timers.
import { vi } from 'vitest';
import type { PartitionLeader, PartitionOutcome, PartitionRecords, ProduceRequest, ProducerIdentity, ProducerPort } from '../../src/clients/port.js';
import { PRODUCER_DEFAULTS, type ProducerSettings } from '../../src/config/producer-config.js';
import type { RecordBatch } from '../../src/producer/batch.js';
import { BatchingProducer, type DeliveryListener } from '../../src/producer/producer.js';
import type { Clock } from '../../src/util/clock.js';

/** One produce request the fake port received; the test answers it. */
export interface Call {
  readonly index: number;
  readonly leader: number;
  readonly records: readonly PartitionRecords[];
  readonly identity: ProducerIdentity | undefined;
  /** Answers with no error, or with Kafka's error name for the partitions named. */
  resolve(errors?: Readonly<Record<number, string>>): void;
  reject(e: unknown): void;
  answered: boolean;
}

/** A ProducerPort that holds every request until the test (or `respond`) answers it. */
export class FakePort implements ProducerPort {
  readonly calls: Call[] = [];
  /** Most requests unanswered at once, per leader. */
  readonly maxOutstanding = new Map<number, number>();
  /** Metadata lookups made after the start. */
  lookups = 0;
  sequencing: 'producer' | 'client' = 'producer';
  identity: ProducerIdentity | undefined = { producerId: 7n, producerEpoch: 0 };

  constructor(
    public leaderOf: Map<number, number>,
    private readonly respond?: (call: Call) => void,
  ) {}

  async connect(): Promise<void> {}
  async partitions(): Promise<PartitionLeader[]> {
    this.lookups++;
    return [...this.leaderOf].map(([partition, leader]) => ({ partition, leader }));
  }
  producerIdentity(): ProducerIdentity | undefined {
    return this.identity;
  }
  async beginTransaction(): Promise<void> {}
  async commitTransaction(): Promise<void> {}
  async abortTransaction(): Promise<void> {}
  async disconnect(): Promise<void> {}

  produce(request: ProduceRequest): Promise<readonly PartitionOutcome[]> {
    return new Promise((resolve, reject) => {
      const call: Call = {
        index: this.calls.length,
        leader: request.leader,
        // Copies: the producer must not change what it handed over.
        records: request.batches.map((r) => ({
          partition: r.partition, values: [...r.values], baseSequence: r.baseSequence,
          ...(r.keys ? { keys: [...r.keys] } : {}), ...(r.headers ? { headers: [...r.headers] } : {}),
        })),
        identity: request.identity,
        resolve: (errors = {}) => {
          call.answered = true;
          resolve(request.batches.map((b) => ({ partition: b.partition, error: errors[b.partition] })));
        },
        reject: (e) => { call.answered = true; reject(e); },
        answered: false,
      };
      this.calls.push(call);
      const outstanding = this.calls.filter((c) => !c.answered && c.leader === request.leader).length;
      this.maxOutstanding.set(request.leader, Math.max(this.maxOutstanding.get(request.leader) ?? 0, outstanding));
      this.respond?.(call);
    });
  }

  /** Record counts of each request, per partition: [[count of first partition, ...], ...]. */
  counts(): number[][] {
    return this.calls.map((c) => c.records.map((r) => r.values.length));
  }
}

interface Acked {
  readonly partition: number;
  readonly values: string[];
  readonly sendTimesMs: number[];
  readonly intendedTimesMs: number[];
  readonly ackMs: number;
}

/** Records every outcome the producer reports. */
export class Outcomes implements DeliveryListener {
  readonly acked: Acked[] = [];
  readonly failed: { records: number; valueBytes: number; error: string }[] = [];
  readonly retried: { records: number; error: string }[] = [];
  refreshes = 0;

  onAcked(batch: RecordBatch, ackMs: number): void {
    this.acked.push({
      partition: batch.partition,
      values: batch.values.map((v) => v.toString()),
      sendTimesMs: [...batch.sendTimesMs],
      intendedTimesMs: [...batch.intendedTimesMs],
      ackMs,
    });
  }

  onFailed(records: number, valueBytes: number, error: string): void {
    this.failed.push({ records, valueBytes, error });
  }

  onRetried(records: number, error: string): void {
    this.retried.push({ records, error });
  }

  onMetadataRefreshed(): void {
    this.refreshes++;
  }

  get ackedRecords(): number {
    return this.acked.reduce((n, a) => n + a.values.length, 0);
  }

  get failedRecords(): number {
    return this.failed.reduce((n, f) => n + f.records, 0);
  }
}

/** The fake timers' clock: Date.now() starts at 0 and moves only when the test advances time. */
export const clock: Clock = { nowMs: () => Date.now() };

/** Runs due timers and immediates, and the promise callbacks between them. */
export const tick = (ms = 0) => vi.advanceTimersByTimeAsync(ms);

export const ONE_PARTITION: PartitionLeader[] = [{ partition: 0, leader: 1 }];

export function setup(
  over: Partial<ProducerSettings>,
  partitions: PartitionLeader[] = ONE_PARTITION,
  options: { random?: () => number; respond?: (call: Call) => void; trackIntended?: boolean; sequencing?: 'producer' | 'client' } = {},
) {
  const port = new FakePort(new Map(partitions.map((p) => [p.partition, p.leader])), options.respond);
  if (options.sequencing) port.sequencing = options.sequencing;
  const out = new Outcomes();
  const producer = new BatchingProducer({
    settings: { ...PRODUCER_DEFAULTS, ...over },
    topic: 't',
    partitions,
    port,
    clock,
    listener: out,
    random: options.random ?? (() => 0),
    trackIntended: options.trackIntended,
  });
  const send = (value: Buffer | string) => producer.send(typeof value === 'string' ? Buffer.from(value) : value, clock.nowMs(), clock.nowMs());
  return { port, out, producer, send };
}

/** Tracks whether a promise has settled, without awaiting it. */
export function track(p: Promise<void> | undefined): { done: boolean } {
  const state = { done: false };
  void p?.then(() => { state.done = true; });
  return state;
}

