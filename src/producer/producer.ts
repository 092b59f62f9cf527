import type { ProducerSettings } from '../config/producer-config.js';
import type { PartitionLeader, ProducerPort } from '../clients/port.js';
import type { Clock } from '../util/clock.js';
import { RecordBatch } from './batch.js';
import { StickyPartitioner } from './partitioner.js';
import { recordSizeInBatch } from './record-size.js';
import { emptyProducerMetrics, type ProducerMetrics } from './metrics.js';

/** Receives the outcome of every record, a batch at a time. */
export interface DeliveryListener {
  onAcked(batch: RecordBatch, ackMs: number): void;
  onFailed(records: number, valueBytes: number, error: string): void;
}

export interface ProducerOptions {
  readonly settings: ProducerSettings;
  readonly topic: string;
  readonly partitions: readonly PartitionLeader[];
  readonly port: ProducerPort;
  readonly clock: Clock;
  readonly listener: DeliveryListener;
  /** Keep each record's intended send time (rate-capped runs). */
  readonly trackIntended?: boolean;
  readonly random?: () => number;
}

interface Node {
  readonly partitions: number[];
  inFlight: number;
  nextStart: number;
}

/** How a wait for buffer memory ended. */
type MemoryWait = 'granted' | 'timed-out' | 'abandoned';

interface MemoryWaiter {
  readonly bytes: number;
  readonly resolve: (outcome: MemoryWait) => void;
  readonly timer: NodeJS.Timeout;
}

/**
 * The Java producer's batching, on any client: records accumulate per partition until `batch.size` bytes or
 * `linger.ms`; a request per leader carries at most one batch per partition, up to `max.request.size`; at most
 * `max.in.flight.requests.per.connection` requests per leader are unacknowledged; `buffer.memory` bounds what
 * waits or flies, and `send` blocks (up to `max.block.ms`) when it is full; `delivery.timeout.ms` fails
 * batches that waited too long.
 */
export class BatchingProducer {
  private readonly s: ProducerSettings;
  private readonly queues = new Map<number, RecordBatch[]>();
  private readonly nodes: Node[] = [];
  private readonly nodeOfPartition = new Map<number, Node>();
  private readonly partitioner: StickyPartitioner;
  private readonly waiters: MemoryWaiter[] = [];
  private bufferedBytes = 0;
  private pendingRecords = 0;
  private flushing = false;
  private flushWaiters: (() => void)[] = [];
  private wakeTimer: NodeJS.Timeout | undefined;
  private wakeAtMs = Infinity;
  private immediate: NodeJS.Immediate | undefined;
  private readonly m: ProducerMetrics = emptyProducerMetrics();

  constructor(private readonly o: ProducerOptions) {
    this.s = o.settings;
    const byLeader = new Map<number, Node>();
    for (const { partition, leader } of o.partitions) {
      let node = byLeader.get(leader);
      if (!node) {
        node = { partitions: [], inFlight: 0, nextStart: 0 };
        byLeader.set(leader, node);
        this.nodes.push(node);
      }
      node.partitions.push(partition);
      this.nodeOfPartition.set(partition, node);
      this.queues.set(partition, []);
    }
    this.partitioner = new StickyPartitioner(o.partitions.map((p) => p.partition), this.s.batchSizeBytes, o.random);
  }

  /** Records handed over and not yet acknowledged or failed. */
  get pending(): number {
    return this.pendingRecords;
  }

  /** Client-side figures for `--print-metrics`. */
  metrics(): ProducerMetrics {
    return { ...this.m };
  }

  /**
   * Hands a record to the producer. Returns nothing when it was accepted at once, or a promise when the buffer
   * is full: the caller must wait for it before sending more (Java's blocking `send`).
   */
  send(value: Buffer, sendTimeMs: number, intendedMs: number): Promise<void> | undefined {
    const bytes = recordSizeInBatch(value.length, 0);
    if (this.bufferedBytes > 0 && this.bufferedBytes + bytes > this.s.bufferMemoryBytes) {
      return this.waitForMemory(bytes).then((outcome) => {
        if (outcome === 'granted') this.append(value, sendTimeMs, intendedMs, bytes);
        else if (outcome === 'timed-out') {
          this.m.bufferTimeouts++;
          this.o.listener.onFailed(1, value.length, 'TimeoutException');
        }
      });
    }
    this.append(value, sendTimeMs, intendedMs, bytes);
    return undefined;
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
    let bytes = 0;
    for (const queue of this.queues.values()) {
      for (const batch of queue) {
        queued += batch.count;
        bytes += batch.bufferedBytes;
      }
      queue.length = 0;
    }
    const waiting = this.waiters.splice(0);
    for (const waiter of waiting) {
      clearTimeout(waiter.timer);
      waiter.resolve('abandoned');
    }
    this.pendingRecords -= queued;
    this.bufferedBytes -= bytes;
    this.clearTimers();
    this.resolveFlushIfDone();
    return queued + waiting.length;
  }

  private append(value: Buffer, sendTimeMs: number, intendedMs: number, bytes: number): void {
    const partition = this.partitioner.partitionFor(bytes);
    const queue = this.queues.get(partition)!;
    let batch = queue[queue.length - 1];
    let closedOne = false;
    if (batch === undefined || batch.closed || !batch.tryAppend(value, sendTimeMs, intendedMs)) {
      if (batch !== undefined && !batch.closed) {
        batch.closed = true;
        closedOne = true;
      }
      batch = new RecordBatch(partition, sendTimeMs, this.s.batchSizeBytes, this.o.trackIntended === true);
      batch.tryAppend(value, sendTimeMs, intendedMs);
      queue.push(batch);
      this.scheduleWake(sendTimeMs + this.s.lingerMs);
    }
    batch.bufferedBytes += bytes;
    this.bufferedBytes += bytes;
    this.pendingRecords++;
    if (closedOne) this.sendSoon();
  }

  private waitForMemory(bytes: number): Promise<MemoryWait> {
    this.m.bufferWaits++;
    this.sendSoon(); // a full buffer makes every batch ready, as in Java
    return new Promise((resolve) => {
      const waiter: MemoryWaiter = {
        bytes,
        resolve,
        timer: setTimeout(() => {
          const i = this.waiters.indexOf(waiter);
          if (i !== -1) this.waiters.splice(i, 1);
          resolve('timed-out');
        }, this.s.maxBlockMs),
      };
      this.waiters.push(waiter);
    });
  }

  private releaseMemory(bytes: number): void {
    this.bufferedBytes -= bytes;
    while (this.waiters.length > 0) {
      const next = this.waiters[0]!;
      if (this.bufferedBytes > 0 && this.bufferedBytes + next.bytes > this.s.bufferMemoryBytes) break;
      this.waiters.shift();
      clearTimeout(next.timer);
      next.resolve('granted');
    }
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
    const delay = atMs - this.o.clock.nowMs();
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

  private clearTimers(): void {
    if (this.wakeTimer) clearTimeout(this.wakeTimer);
    this.wakeTimer = undefined;
    this.wakeAtMs = Infinity;
  }

  /** Sends every ready batch its leader has room for, then schedules the next linger expiry. */
  private sendReady(): void {
    const now = this.o.clock.nowMs();
    const force = this.flushing || this.waiters.length > 0;
    this.expireBatches(now);
    let nextLingerMs = Infinity;
    for (const node of this.nodes) {
      while (node.inFlight < this.s.maxInFlightPerConnection) {
        const request = this.drainNode(node, now, force);
        if (request.length === 0) break;
        this.dispatch(node, request);
      }
      // Ready batches go out when a request completes; only lingering ones need a timer.
      for (const p of node.partitions) {
        const queue = this.queues.get(p)!;
        const head = queue[0];
        if (head !== undefined && !head.closed && queue.length === 1) {
          nextLingerMs = Math.min(nextLingerMs, head.createdMs + this.s.lingerMs);
        }
      }
    }
    if (nextLingerMs !== Infinity) this.scheduleWake(Math.max(nextLingerMs, now + 1));
  }

  /** Takes at most one ready batch per partition of the node, up to `max.request.size` bytes. */
  private drainNode(node: Node, now: number, force: boolean): RecordBatch[] {
    const request: RecordBatch[] = [];
    let bytes = 0;
    const n = node.partitions.length;
    for (let k = 0; k < n; k++) {
      const p = node.partitions[(node.nextStart + k) % n]!;
      const queue = this.queues.get(p)!;
      const head = queue[0];
      if (head === undefined) continue;
      const ready = force || head.closed || queue.length > 1 || now - head.createdMs >= this.s.lingerMs;
      if (!ready) continue;
      if (request.length > 0 && bytes + head.sizeBytes > this.s.maxRequestSizeBytes) break;
      queue.shift();
      head.closed = true;
      request.push(head);
      bytes += head.sizeBytes;
    }
    node.nextStart = (node.nextStart + 1) % Math.max(1, n);
    return request;
  }

  /** Fails batches that waited in the accumulator longer than `delivery.timeout.ms`. */
  private expireBatches(now: number): void {
    for (const queue of this.queues.values()) {
      while (queue.length > 0 && now - queue[0]!.createdMs >= this.s.deliveryTimeoutMs) {
        this.fail([queue.shift()!], 'TimeoutException');
      }
    }
  }

  private dispatch(node: Node, batches: RecordBatch[]): void {
    node.inFlight++;
    this.m.requests++;
    this.m.batches += batches.length;
    this.m.maxInFlight = Math.max(this.m.maxInFlight, node.inFlight);
    let records = 0;
    let bytes = 0;
    for (const b of batches) {
      records += b.count;
      bytes += b.sizeBytes;
    }
    this.m.records += records;
    this.m.batchBytes += bytes;
    const startedMs = this.o.clock.nowMs();
    const deadlineMs = Math.min(...batches.map((b) => b.createdMs)) + this.s.deliveryTimeoutMs;
    let settled = false;
    const settle = (error: string | undefined) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      const ackMs = this.o.clock.nowMs();
      const latency = ackMs - startedMs;
      this.m.requestLatencyTotalMs += latency;
      this.m.requestLatencyMaxMs = Math.max(this.m.requestLatencyMaxMs, latency);
      node.inFlight--;
      if (error === undefined) {
        for (const b of batches) this.complete(b, () => this.o.listener.onAcked(b, ackMs));
      } else {
        this.m.failedRequests++;
        this.fail(batches, error);
      }
      this.sendReady();
    };
    const timer = setTimeout(() => settle('TimeoutException'), Math.max(0, deadlineMs - startedMs));
    this.o.port
      .produce(this.o.topic, batches.map((b) => ({ partition: b.partition, values: b.values })))
      .then(() => settle(undefined), (e: unknown) => settle(errorName(e)));
  }

  private fail(batches: readonly RecordBatch[], error: string): void {
    for (const b of batches) this.complete(b, () => this.o.listener.onFailed(b.count, b.valueBytes, error));
  }

  private complete(batch: RecordBatch, notify: () => void): void {
    notify();
    this.pendingRecords -= batch.count;
    this.releaseMemory(batch.bufferedBytes);
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

/** The name a failure is counted under: Kafka's error code name where the client gives one. */
export function errorName(e: unknown): string {
  let cur: unknown = e;
  for (let depth = 0; depth < 5 && cur && typeof cur === 'object'; depth++) {
    const o = cur as { type?: unknown; name?: unknown; cause?: unknown; originalError?: unknown };
    if (typeof o.type === 'string' && o.type.length > 0) return o.type;
    const next = o.originalError ?? o.cause;
    if (!next) return typeof o.name === 'string' ? o.name : 'Error';
    cur = next;
  }
  return 'Error';
}
