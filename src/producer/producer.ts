import type { ProducerSettings } from '../config/producer-config.js';
import type { PartitionLeader, PartitionOutcome, ProducerPort, RecordHeader } from '../clients/port.js';
import type { Clock } from '../util/clock.js';
import { CLOSED_FULL, NEW_BATCH, RecordAccumulator } from './accumulator.js';
import type { RecordBatch } from './batch.js';
import { errorName, TIMEOUT } from '../clients/kafka-errors.js';
import { IdempotenceState } from './idempotence.js';
import { Leaders } from './leaders.js';
import { BufferMemory } from './memory.js';
import { emptyProducerMetrics, type ProducerMetrics } from './metrics.js';
import { headersSize, NULL_KEY, recordSizeInBatch } from './record-size.js';
import { retryBackoffMs } from '../config/backoff.js';
import { invalidatesMetadata, mayRetry } from './retry.js';
import { Wakeup } from './wakeup.js';

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
  /** The `buffer.memory` to take from: shared by the producers of one client's topics (see TopicRouter). */
  readonly memory?: BufferMemory;
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
  private readonly accumulator: RecordAccumulator;
  private readonly leaders: Leaders;
  private readonly inFlight = new Map<number, number>();
  private totalInFlight = 0;
  private readonly maxInFlight: number;
  private readonly memory: BufferMemory;
  private readonly idempotence: IdempotenceState | undefined;
  private pendingRecords = 0;
  private flushing = false;
  private flushWaiters: (() => void)[] = [];
  private readonly wakeup: Wakeup;
  private readonly counts: ProducerMetrics = emptyProducerMetrics();

  constructor(private readonly deps: ProducerDeps) {
    const s = (this.settings = deps.settings);
    this.leaders = new Leaders(deps.partitions, s.retryBackoffMs, async () => {
      const partitions = await deps.port.partitions(deps.topic);
      deps.listener.onMetadataRefreshed();
      return partitions;
    });
    this.wakeup = new Wakeup(deps.clock, () => this.sendReady());
    this.accumulator = new RecordAccumulator(this.leaders.partitions, s, deps.trackIntended === true, deps.random);
    this.memory = deps.memory ?? new BufferMemory(s.bufferMemoryBytes, s.maxBlockMs);
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
   * is full: the caller must wait for it before sending more (Java's blocking `send`). A record with a `key` goes
   * to its key's partition; its key and headers count toward `batch.size` and `buffer.memory`.
   */
  send(value: Buffer, sendTimeMs: number, intendedMs: number, key?: Buffer, headers?: readonly RecordHeader[]): Promise<void> | undefined {
    const headerBytes = headersSize(headers);
    const bytes = recordSizeInBatch(value.length, 0, key === undefined ? NULL_KEY : key.length, headerBytes);
    if (this.memory.tryTake(bytes)) {
      this.append(value, sendTimeMs, intendedMs, bytes, key, headers, headerBytes);
      return undefined;
    }
    this.counts.bufferWaits++;
    this.wakeup.soon(); // a full buffer makes every batch ready, as in Java
    return this.memory.wait(bytes).then((outcome) => {
      if (outcome === 'granted') this.append(value, sendTimeMs, intendedMs, bytes, key, headers, headerBytes);
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
    for (const batch of this.accumulator.takeAll()) {
      queued += batch.count;
      this.memory.release(batch.bufferedBytes);
    }
    const waiting = this.memory.abandonWaiters();
    this.pendingRecords -= queued;
    this.wakeup.cancel();
    this.resolveFlushIfDone();
    return queued + waiting;
  }

  private append(value: Buffer, sendTimeMs: number, intendedMs: number, bytes: number, key: Buffer | undefined,
    headers: readonly RecordHeader[] | undefined, headerBytes: number): void {
    const appended = this.accumulator.append(value, sendTimeMs, intendedMs, bytes, key, headers, headerBytes);
    this.pendingRecords++;
    if (appended & NEW_BATCH) this.wakeup.at(sendTimeMs + this.settings.lingerMs);
    if (appended & CLOSED_FULL) this.wakeup.soon();
  }

  /** Sends every ready batch its leader has room for, then sets the timer for the next thing due. */
  private sendReady(): void {
    const now = this.deps.clock.nowMs();
    for (const batch of this.accumulator.takeExpired(now)) this.giveUp(batch, TIMEOUT);
    this.leaders.maybeRefresh(now, () => this.sendReady());
    if (this.canDrain()) {
      const force = this.flushing || this.memory.exhausted;
      for (const [leader, partitions] of this.leaders.byLeader()) {
        while ((this.inFlight.get(leader) ?? 0) < this.maxInFlight) {
          const request = this.accumulator.drain(leader, partitions, now, force, this.canSend);
          if (request.length === 0) break;
          this.dispatch(leader, request, now);
        }
      }
    }
    const dueMs = this.nextDueMs(now);
    if (dueMs !== Infinity) this.wakeup.at(Math.max(dueMs, now + 1));
  }

  /** Whether batches may go out: an idempotent producer needs its id, and a new epoch after a sequence gap. */
  private canDrain(): boolean {
    const state = this.idempotence;
    if (!state) return true;
    if (state.bumpNeeded) {
      if (this.totalInFlight > 0) return false;
      state.bumpEpoch(this.accumulator.batches());
    }
    const given = this.deps.port.producerIdentity();
    if (given === undefined) return false;
    state.follow(given, this.accumulator.batches());
    return true;
  }

  /** The sender's say on a ready head batch: an idempotent producer sends a retried batch only in sequence order. */
  private readonly canSend = (batch: RecordBatch): boolean => {
    const state = this.idempotence;
    if (!state) return true;
    if (!state.canSend(batch)) return false;
    state.assign(batch);
    return true;
  };

  /** When the next batch is due (see RecordAccumulator.nextDueMs), or the leaders are. */
  private nextDueMs(now: number): number {
    const leadersDue = this.pendingRecords > 0 ? this.leaders.nextRefreshMs() : Infinity;
    return Math.min(leadersDue, this.accumulator.nextDueMs(now));
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
        batches: batches.map((b) => ({ partition: b.partition, values: b.values, keys: b.keys, headers: b.headers, baseSequence: b.baseSequence })),
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
      // Sent once and answered: the port has read it, and no earlier request that timed out may still do so.
      if (batch.attempts === 0) this.accumulator.recycle(batch);
      return;
    }
    if (invalidatesMetadata(error)) this.leaders.requestUpdate();
    if (mayRetry(batch, error, nowMs, this.settings, this.idempotence)) {
      batch.attempts++;
      batch.retryAtMs = nowMs + retryBackoffMs(this.settings, batch.attempts);
      this.counts.recordRetries += batch.count;
      this.deps.listener.onRetried(batch.count, error);
      this.accumulator.requeue(batch);
      return;
    }
    this.giveUp(batch, error);
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
