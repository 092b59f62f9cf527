import type { ClientFactory, ProducerPort } from '../clients/port.js';
import { IntervalRecorder } from '../metrics/recorder.js';
import { BatchingProducer, type DeliveryListener } from '../producer/producer.js';
import { setTimeout as sleep } from 'node:timers/promises';
import { processClock, type Clock } from '../util/clock.js';
import { createPayloadSource } from '../workload/payload.js';
import { SetupError } from '../errors.js';
import { connectionSpec } from '../clients/connection.js';
import { runProduceLoop } from './produce-loop.js';
import type { ProduceFinal, ProduceTask, Snapshot, WorkerRole } from './protocol.js';
import { stampSendTime } from '../workload/stamp.js';
import { TIMEOUT } from '../clients/kafka-errors.js';
import { isRetriable } from '../producer/retry.js';
import { BufferMemory } from '../producer/memory.js';
import { countingListener, emptyTopicCounts, TopicRouter, type RecordProducer } from '../producer/topic-router.js';

/** The producer role of a worker thread: its own client, batching producer and recorder. */
export class ProducerRole implements WorkerRole {
  private readonly clock: Clock;
  /** Aborted by a stop request, or when records expire (see stopOnExpiry). */
  private readonly stopping = new AbortController();
  /** Set by a stop request: how long to wait for in-flight records before giving up on them. */
  private drainMs: number | undefined;
  private port: ProducerPort | undefined;
  private recorder: IntervalRecorder | undefined;
  private producer: RecordProducer | undefined;
  /** Several topics: the router that spreads records over them (and counts each topic's outcomes). */
  private router: TopicRouter | undefined;

  constructor(private readonly task: ProduceTask) {
    this.clock = processClock(task.clockOriginMs);
  }

  private get settings() {
    const { config, workerIndex } = this.task;
    // Every producer of a transactional run needs its own transactional.id.
    return workerIndex === 0 || config.producer.transactionalId === undefined
      ? config.producer
      : { ...config.producer, transactionalId: `${config.producer.transactionalId}-${workerIndex}` };
  }

  async prepare(client: ClientFactory): Promise<void> {
    const { config } = this.task;
    const settings = this.settings;
    this.port = client.createProducer(connectionSpec(config), settings);
    await this.port.connect();
    this.recorder = new IntervalRecorder({ intended: this.task.rate !== undefined, steady: config.warmupRecords > 0 });
    const listener = config.keepGoing ? this.recorder : stopOnExpiry(this.recorder, this.stopping);
    // Several topics share the client and its buffer.memory, as one Java producer's would.
    const memory = config.topics.length > 1 ? new BufferMemory(settings.bufferMemoryBytes, settings.maxBlockMs) : undefined;
    const counts = config.topics.map(() => emptyTopicCounts());
    const producers: BatchingProducer[] = [];
    for (const [i, { name }] of config.topics.entries()) {
      const partitions = await this.port.partitions(name);
      if (partitions.length === 0) throw new SetupError(`topic '${name}' has no partitions`);
      producers.push(new BatchingProducer({
        settings, topic: name, partitions, port: this.port, clock: this.clock, memory,
        trackIntended: this.task.rate !== undefined,
        listener: memory === undefined ? listener : countingListener(listener, counts[i]!),
      }));
    }
    if (producers.length === 1) this.producer = producers[0]!;
    else this.producer = this.router = new TopicRouter(producers, counts, this.task.ordinalBase, this.task.ordinalStride);
  }

  async run(startMs: number): Promise<ProduceFinal> {
    const { task } = this;
    const { config } = task;
    const producer = this.producer!;
    const recorder = this.recorder!;
    const port = this.port!;
    await runProduceLoop({
      producer, recorder, clock: this.clock, startMs, stop: this.stopping.signal,
      payloads: createPayloadSource(config.payload),
      prepare: task.stampSendTime ? stampSendTime : undefined,
      records: task.records,
      durationMs: config.stop.kind === 'duration' ? config.stop.durationMs : undefined,
      rate: task.rate,
      warmupRecords: task.warmupRecords,
      ordinalBase: task.ordinalBase,
      ordinalStride: task.ordinalStride,
      transactions: config.transactionDurationMs === undefined ? undefined : {
        durationMs: config.transactionDurationMs,
        begin: () => port.beginTransaction(),
        commit: () => port.commitTransaction(),
      },
    });
    // Wait for every record's outcome (delivery.timeout.ms bounds it); after a stop request, only for drainMs.
    const done = await this.flushWithin(producer, this.drainMs);
    const abandoned = done ? 0 : producer.abandonUnsent() + producer.pending;
    if (config.transactionDurationMs !== undefined) {
      if (done) await port.commitTransaction();
      else await port.abortTransaction().catch(() => undefined);
    }
    return {
      kind: 'produce',
      snapshot: recorder.snapshot(),
      abandoned,
      steadyStartMs: Number.isFinite(recorder.steadyFromMs) ? recorder.steadyFromMs : undefined,
      metrics: producer.metrics(),
      ...(this.router ? { topics: this.router.counts } : {}),
    };
  }

  /** Whether every record's outcome came within `drainMs` (without a bound: the flush, delivery.timeout.ms-bounded). */
  private async flushWithin(producer: RecordProducer, drainMs: number | undefined): Promise<boolean> {
    const flushed = producer.flush().then(() => true);
    if (drainMs === undefined) return flushed;
    const drained = new AbortController();
    try {
      return await Promise.race([flushed, sleep(drainMs, false, { signal: drained.signal })]);
    } finally {
      drained.abort();
    }
  }

  snapshot(): Snapshot | undefined {
    return this.recorder && { kind: 'produce', data: this.recorder.snapshot() };
  }

  stop(drainMs: number): void {
    this.drainMs = drainMs;
    this.stopping.abort();
  }

  async close(): Promise<void> {
    await this.port?.disconnect();
  }
}

/**
 * Stops sending once records expire (delivery.timeout.ms, or max.block.ms on a full buffer): the cluster is
 * gone or far too slow, and sending more would only queue more failures. `--keep-going` turns this off.
 */
function stopOnExpiry(inner: DeliveryListener, stopping: AbortController): DeliveryListener {
  return {
    onAcked: (batch, ackMs) => inner.onAcked(batch, ackMs),
    onFailed: (records, valueBytes, error) => {
      inner.onFailed(records, valueBytes, error);
      // A retriable error that is final ran out of delivery.timeout.ms (or retries) like an expiry.
      if (error === TIMEOUT || isRetriable(error)) stopping.abort();
    },
    onRetried: (records, error) => inner.onRetried(records, error),
    onMetadataRefreshed: () => inner.onMetadataRefreshed(),
  };
}
