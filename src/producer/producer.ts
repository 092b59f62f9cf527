import type { ProducerSettings } from '../config/producer-config.js';
import type { PartitionLeader, PartitionOutcome, ProducerPort } from '../clients/port.js';
import type { Clock } from '../util/clock.js';
import { RecordBatch } from './batch.js';
import { errorName, TIMEOUT } from '../clients/kafka-errors.js';
import { IdempotenceState } from './idempotence.js';
import { Leaders } from './leaders.js';
import { BufferMemory } from './memory.js';
import { emptyProducerMetrics, type ProducerMetrics } from './metrics.js';
import { StickyPartitioner } from './partitioner.js';
import { recordSizeInBatch } from './record-size.js';
import { retryBackoffMs } from '../config/backoff.js';
import { invalidatesMetadata, isRetriable } from './retry.js';

/** Receives the outcome of every record, a batch at a time, and what happened on the way. */
export interface DeliveryListener {
  onAcked(batch: RecordBatch, ackMs: number): void;
  onFailed(records: number, valueBytes: number, error: string): void;
  /** A batch of `records` goes back to its queue to be sent again after `error`. */
  onRetried(records: number, error: string): void;
  /** The producer looked the partitions' leaders up again. */
  onMetadataRefreshed(): void;
}

/** What a producer is built from. */
export interface ProducerDeps {
  readonly settings: ProducerSettings;
  readonly topic: string;
  /** The topic's partitions and leaders at the start; the producer looks them up again when they move. */
  readonly partitions: readonly PartitionLeader[];
  readonly port: ProducerPort;
  readonly clock: Clock;
  readonly listener: DeliveryListener;
  /** Keep each record's intended send time (rate-capped runs). */
  readonly trackIntended?: boolean;
  readonly random?: () => number;
}

/**
 * The Java producer's accumulator and sender, on any client: records accumulate per partition until `batch.size`
 * bytes or `linger.ms`; a request per leader carries at most one batch per partition, up to `max.request.size`; at
 * most `max.in.flight.requests.per.connection` requests per leader are unanswered; `buffer.memory` bounds what
 * waits or flies, and `send` blocks (up to `max.block.ms`) when it is full.
 *
 * A batch that fails with a retriable error goes back to the front of its partition's queue, after a backoff
 * (`retry.backoff.ms` doubling to `retry.backoff.max.ms`), for the partition's leader of the time: errors that say
 * the leaders moved look them up again first. `retries` and `delivery.timeout.ms` bound the tries; a request
 * without an answer fails at `request.timeout.ms`. An idempotent producer numbers its batches (see
 * IdempotenceState), so retries leave no duplicate and keep the order.
 */
export class BatchingProducer {
  private readonly settings: ProducerSettings;
  private readonly queues: RecordBatch[][] = [];
  private readonly leaders: Leaders;
  private readonly inFlight = new Map<number, number>();
  private totalInFlight = 0;
  private readonly nextStart = new Map<number, number>();
  private readonly maxInFlight: number;
  private readonly partitioner: StickyPartitioner;
  private readonly memory: BufferMemory;
  private readonly idempotence: IdempotenceState | undefined;
  private batchesMade = 0;
  private pendingRecords = 0;
  private flushing = false;
  private flushWaiters: (() => void)[] = [];
  private wakeTimer: NodeJS.Timeout | undefined;
  private wakeAtMs = Infinity;
  private immediate: NodeJS.Immediate | undefined;
  private readonly counts: ProducerMetrics = emptyProducerMetrics();

  constructor(private readonly deps: ProducerDeps) {
    const s = (this.settings = deps.settings);
    this.leaders = new Leaders(deps.partitions, s.retryBackoffMs, async () => {
      const partitions = await deps.port.partitions(deps.topic);
      deps.listener.onMetadataRefreshed();
      return partitions;
    });
    const partitions = this.leaders.partitions;
    for (const p of partitions) this.queues[p] = [];
    this.partitioner = new StickyPartitioner(partitions, s.batchSizeBytes, deps.random);
    this.memory = new BufferMemory(s.bufferMemoryBytes, s.maxBlockMs);
    const numbersOwn = s.idempotence && deps.port.sequencing === 'producer';
    this.idempotence = numbersOwn ? new IdempotenceState(s.transactionalId !== undefined) : undefined;
    // A client that numbers batches itself keeps them in order only with one request in flight.
    this.maxInFlight = s.idempotence && !numbersOwn ? 1 : s.maxInFlightPerConnection;
  }

  /** Records handed over and not yet acknowledged or failed. */
  get pending(): number {
    return this.pendingRecords;
  }

  /** Client-side figures for `--print-metrics`, the summary and the rolling lines. */
  metrics(): ProducerMetrics {
    return { ...this.counts, metadataRefreshes: this.leaders.refreshes, epochBumps: this.idempotence?.bumps ?? 0 };
  }

  /**
   * Hands a record to the producer. Returns nothing when it was accepted at once, or a promise when the buffer
   * is full: the caller must wait for it before sending more (Java's blocking `send`).
   */
  send(value: Buffer, sendTimeMs: number, intendedMs: number): Promise<void> | undefined {
    const bytes = recordSizeInBatch(value.length, 0);
    if (this.memory.tryTake(bytes)) {
      this.append(value, sendTimeMs, intendedMs, bytes);
      return undefined;
    }
    this.counts.bufferWaits++;
    this.sendSoon(); // a full buffer makes every batch ready, as in Java
    return this.memory.wait(bytes).then((outcome) => {
      if (outcome === 'granted') this.append(value, sendTimeMs, intendedMs, bytes);
      else if (outcome === 'timed-out') {
        this.counts.bufferTimeouts++;
        this.deps.listener.onFailed(1, value.length, TIMEOUT);
      }
    });
  }

  /** Sends everything that waits and resolves when every record handed over so far is done. */
  flush(): Promise<void> {
    if (this.pendingRecords === 0) return Promise.resolve();
    this.flushing = true;
    this.sendReady();
    return new Promise((resolve) => this.flushWaiters.push(resolve));
  }

  /**
   * Drops what is not yet sent (at an interrupt), and the records still waiting for buffer memory; returns how
   * many records were dropped. Their outcome is unknown to the caller: it counts them as abandoned.
   */
  abandonUnsent(): number {
    let queued = 0;
    for (const queue of this.queues) {
      for (const batch of queue ?? []) {
        queued += batch.count;
        this.memory.release(batch.bufferedBytes);
      }
      if (queue) queue.length = 0;
    }
    const waiting = this.memory.abandonWaiters();
    this.pendingRecords -= queued;
    this.clearWake();
    this.resolveFlushIfDone();
    return queued + waiting;
  }

  private append(value: Buffer, sendTimeMs: number, intendedMs: number, bytes: number): void {
    const partition = this.partitioner.partitionFor(bytes);
    const queue = this.queues[partition]!;
    let batch = queue[queue.length - 1];
    let closedOne = false;
    if (batch === undefined || batch.closed || !batch.tryAppend(value, sendTimeMs, intendedMs)) {
      if (batch !== undefined && !batch.closed) {
        batch.closed = true;
        closedOne = true;
      }
      batch = new RecordBatch(partition, sendTimeMs, this.settings.batchSizeBytes, this.deps.trackIntended === true);
      batch.order = this.batchesMade++;
      batch.tryAppend(value, sendTimeMs, intendedMs);
      queue.push(batch);
      this.scheduleWake(sendTimeMs + this.settings.lingerMs);
    }
    batch.bufferedBytes += bytes;
    this.pendingRecords++;
    if (closedOne) this.sendSoon();
  }

  /** Runs `sendReady` once the current synchronous work is done. */
  private sendSoon(): void {
    this.immediate ??= setImmediate(() => {
      this.immediate = undefined;
      this.sendReady();
    });
  }

  private scheduleWake(atMs: number): void {
    if (atMs >= this.wakeAtMs) return;
    const delay = atMs - this.deps.clock.nowMs();
    if (delay <= 0) {
      this.sendSoon();
      return;
    }
    if (this.wakeTimer) clearTimeout(this.wakeTimer);
    this.wakeAtMs = atMs;
    this.wakeTimer = setTimeout(() => {
      this.wakeTimer = undefined;
      this.wakeAtMs = Infinity;
      this.sendReady();
    }, Math.ceil(delay));
  }

  private clearWake(): void {
    if (this.wakeTimer) clearTimeout(this.wakeTimer);
    this.wakeTimer = undefined;
    this.wakeAtMs = Infinity;
  }

  /** Sends every ready batch its leader has room for, then sets the timer for the next thing due. */
  private sendReady(): void {
    const now = this.deps.clock.nowMs();
    this.expireQueued(now);
    this.leaders.maybeRefresh(now, () => this.sendReady());
    if (this.canDrain()) {
      const force = this.flushing || this.memory.exhausted;
      for (const [leader, partitions] of this.leaders.byLeader()) {
        while ((this.inFlight.get(leader) ?? 0) < this.maxInFlight) {
          const request = this.drain(leader, partitions, now, force);
          if (request.length === 0) break;
          this.dispatch(leader, request, now);
        }
      }
    }
    const dueMs = this.nextDueMs(now);
    if (dueMs !== Infinity) this.scheduleWake(Math.max(dueMs, now + 1));
  }

  /** Whether batches may go out: an idempotent producer needs its id, and a new epoch after a sequence gap. */
  private canDrain(): boolean {
    const state = this.idempotence;
    if (!state) return true;
    if (state.bumpNeeded) {
      if (this.totalInFlight > 0) return false;
      state.bumpEpoch(this.queuedBatches());
    }
    const given = this.deps.port.producerIdentity();
    if (given === undefined) return false;
    state.follow(given, this.queuedBatches());
    return true;
  }

  private *queuedBatches(): Iterable<RecordBatch> {
    for (const queue of this.queues) yield* queue ?? [];
  }

  /** When the next batch lingers out, ends its retry backoff or its delivery time, or the leaders are due. */
  private nextDueMs(now: number): number {
    let due = this.pendingRecords > 0 ? this.leaders.nextRefreshMs() : Infinity;
    for (const queue of this.queues) {
      const head = queue?.[0];
      if (head === undefined) continue;
      due = Math.min(due, head.createdMs + this.settings.deliveryTimeoutMs);
      if (head.retryAtMs > now) due = Math.min(due, head.retryAtMs);
      else if (!head.closed && queue!.length === 1) due = Math.min(due, head.createdMs + this.settings.lingerMs);
    }
    return due;
  }

  /** Takes at most one ready batch per partition of the leader, up to `max.request.size` bytes. */
  private drain(leader: number, partitions: readonly number[], now: number, force: boolean): RecordBatch[] {
    const request: RecordBatch[] = [];
    let bytes = 0;
    const n = partitions.length;
    const start = this.nextStart.get(leader) ?? 0;
    for (let k = 0; k < n; k++) {
      const queue = this.queues[partitions[(start + k) % n]!]!;
      const head = queue[0];
      if (head === undefined || head.retryAtMs > now) continue;
      const ready = force || head.closed || queue.length > 1 || now - head.createdMs >= this.settings.lingerMs;
      if (!ready || (this.idempotence && !this.idempotence.canSend(head))) continue;
      if (request.length > 0 && bytes + head.sizeBytes > this.settings.maxRequestSizeBytes) break;
      queue.shift();
      head.closed = true;
      this.idempotence?.assign(head);
      request.push(head);
      bytes += head.sizeBytes;
    }
    this.nextStart.set(leader, (start + 1) % Math.max(1, n));
    return request;
  }

  /** Fails batches that waited in the accumulator longer than `delivery.timeout.ms`. */
  private expireQueued(now: number): void {
    for (const queue of this.queues) {
      while (queue && queue.length > 0 && now - queue[0]!.createdMs >= this.settings.deliveryTimeoutMs) {
        this.giveUp(queue.shift()!, TIMEOUT);
      }
    }
  }

  private dispatch(leader: number, batches: RecordBatch[], now: number): void {
    this.inFlight.set(leader, (this.inFlight.get(leader) ?? 0) + 1);
    this.totalInFlight++;
    const c = this.counts;
    c.requests++;
    c.batches += batches.length;
    c.maxInFlight = Math.max(c.maxInFlight, this.inFlight.get(leader)!);
    let oldestMs = Infinity;
    for (const b of batches) {
      c.records += b.count;
      c.batchBytes += b.sizeBytes;
      oldestMs = Math.min(oldestMs, b.createdMs);
    }
    // No answer within request.timeout.ms (or before the oldest record's delivery time is up) is a failed try.
    const waitMs = Math.min(this.settings.requestTimeoutMs, oldestMs + this.settings.deliveryTimeoutMs - now);
    let settled = false;
    const settle = (outcomes: readonly PartitionOutcome[], requestError: string | undefined) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      const doneMs = this.deps.clock.nowMs();
      c.requestLatencyTotalMs += doneMs - now;
      c.requestLatencyMaxMs = Math.max(c.requestLatencyMaxMs, doneMs - now);
      this.inFlight.set(leader, this.inFlight.get(leader)! - 1);
      this.totalInFlight--;
      let failed = false;
      for (const b of batches) {
        const error = requestError ?? outcomes.find((o) => o.partition === b.partition)?.error;
        failed ||= error !== undefined;
        this.settleBatch(b, error, doneMs);
      }
      if (failed) c.failedRequests++;
      this.sendReady();
    };
    const timer = setTimeout(() => settle([], TIMEOUT), Math.max(0, waitMs));
    this.deps.port
      .produce({
        leader,
        topic: this.deps.topic,
        batches: batches.map((b) => ({ partition: b.partition, values: b.values, baseSequence: b.baseSequence })),
        identity: this.idempotence?.identity,
      })
      .then((outcomes) => settle(outcomes, undefined), (e: unknown) => settle([], errorName(e)));
  }

  /** One batch's answer: acknowledged, back in the queue for another try, or failed. */
  private settleBatch(batch: RecordBatch, error: string | undefined, nowMs: number): void {
    // A duplicate is a batch the broker had already written: a retry of one whose answer was lost.
    if (error === undefined || error === 'DUPLICATE_SEQUENCE_NUMBER') {
      this.idempotence?.acked(batch);
      this.finish(batch, () => this.deps.listener.onAcked(batch, nowMs));
      return;
    }
    if (invalidatesMetadata(error)) this.leaders.requestUpdate();
    if (this.canRetry(batch, error, nowMs)) {
      batch.attempts++;
      batch.retryAtMs = nowMs + retryBackoffMs(this.settings, batch.attempts);
      this.counts.recordRetries += batch.count;
      this.deps.listener.onRetried(batch.count, error);
      this.requeue(batch);
      return;
    }
    this.giveUp(batch, error);
  }

  private canRetry(batch: RecordBatch, error: string, nowMs: number): boolean {
    if (batch.attempts >= this.settings.retries || nowMs - batch.createdMs >= this.settings.deliveryTimeoutMs) return false;
    const state = this.idempotence;
    if (state?.gapsAreRetried && batch.baseSequence >= 0) {
      // Java's TransactionManager.canRetry: a batch behind a retried one waits for it; a real gap, or a broker
      // that lost the producer's state, needs a new epoch before the retry.
      if (error === 'OUT_OF_ORDER_SEQUENCE_NUMBER') {
        if (!state.isBehindUnresolved(batch)) state.bumpNeeded = true;
        return true;
      }
      if (error === 'UNKNOWN_PRODUCER_ID') {
        state.bumpNeeded = true;
        return true;
      }
    }
    return isRetriable(error);
  }

  /** Puts a batch back at the front of its partition's queue, among the other retried ones in their order. */
  private requeue(batch: RecordBatch): void {
    const queue = this.queues[batch.partition]!;
    let i = 0;
    while (i < queue.length && queue[i]!.attempts > 0 && queue[i]!.order < batch.order) i++;
    queue.splice(i, 0, batch);
  }

  private giveUp(batch: RecordBatch, error: string): void {
    this.idempotence?.failed(batch);
    this.finish(batch, () => this.deps.listener.onFailed(batch.count, batch.valueBytes, error));
  }

  private finish(batch: RecordBatch, notify: () => void): void {
    notify();
    this.pendingRecords -= batch.count;
    this.memory.release(batch.bufferedBytes);
    this.resolveFlushIfDone();
  }

  private resolveFlushIfDone(): void {
    if (this.pendingRecords !== 0 || this.flushWaiters.length === 0) return;
    this.flushing = false;
    const waiters = this.flushWaiters;
    this.flushWaiters = [];
    for (const w of waiters) w();
  }
}
