import type { RecordProducer } from '../producer/topic-router.js';
import type { IntervalRecorder } from '../metrics/recorder.js';
import type { PayloadSource } from '../workload/payload.js';
import { RateSchedule } from '../workload/rate.js';
import type { Clock } from '../util/clock.js';
import type { RateSegment } from '../config/types.js';
import { sleep, yieldToEventLoop } from '../util/clock.js';

/** Transactions as the loop sees them: commit every `durationMs` (after a flush) and at the end. */
export interface TransactionControl {
  readonly durationMs: number;
  begin(): Promise<void>;
  commit(): Promise<void>;
}

export interface ProduceLoopOptions {
  readonly producer: RecordProducer;
  readonly recorder: IntervalRecorder;
  readonly payloads: PayloadSource;
  /** Turns the payload into the record's value at its send time (e2e runs stamp the time in). */
  readonly prepare: ((value: Buffer, sendTimeMs: number) => Buffer) | undefined;
  readonly clock: Clock;
  readonly startMs: number;
  /** Stop after this many records... */
  readonly records: number | undefined;
  /** ...or once this much time has passed since `startMs`. */
  readonly durationMs: number | undefined;
  /** The rate cap: records/s, or a profile's segments; undefined for none. */
  readonly rate: number | readonly RateSegment[] | undefined;
  readonly warmupRecords: number;
  readonly ordinalBase: number;
  readonly ordinalStride: number;
  /** Stops the loop; a wait for the schedule wakes up for it. */
  readonly stop: AbortSignal;
  readonly transactions: TransactionControl | undefined;
}

/** Records sent between two yields to the event loop when nothing else makes the loop wait. */
const YIELD_EVERY = 64;
/**
 * Without a cap, records sent back to back share one clock reading, at most this many: reading the clock costs
 * about as much as a tenth of a record's whole work, and eight records take a few µs, well inside the latency's
 * resolution (3 significant digits; Java's tool reads a whole-ms clock). A record after any wait reads it afresh.
 */
const CLOCK_EVERY = 8;

/**
 * The hot loop: one record per iteration, handed to the producer at its intended time (or at once without a
 * cap). It allocates nothing per record; it waits only when the schedule, a full buffer or a transaction
 * commit says so, and yields regularly so that acks and linger timers run.
 */
export async function runProduceLoop(o: ProduceLoopOptions): Promise<number> {
  const { producer, recorder, payloads, clock, stop } = o;
  const schedule = o.rate === undefined ? undefined : new RateSchedule(o.startMs, o.rate);
  const limit = o.records ?? Number.MAX_SAFE_INTEGER;
  const endMs = o.durationMs === undefined ? Infinity : o.startMs + o.durationMs;
  let txStartMs = 0;
  if (o.transactions) {
    await o.transactions.begin();
    txStartMs = clock.nowMs();
  }
  let i = 0;
  let now = 0;
  /** Whether the loop waited since `now` was read (a blocked send, a commit): the next record reads the clock. */
  let waited = true;
  for (; i < limit && !stop.aborted; i++) {
    if (schedule || waited || i % CLOCK_EVERY === 0) {
      now = clock.nowMs();
      waited = false;
    }
    let intendedMs = now;
    if (schedule) {
      intendedMs = schedule.intendedMs(i);
      // Timers round to whole ms: wait again until the record is really due, so none goes out early.
      let slept = false;
      while (intendedMs > now && !stop.aborted) {
        await sleep(Math.ceil(intendedMs - now), stop);
        now = clock.nowMs();
        slept = true;
      }
      if (stop.aborted) break;
      // A producer behind its schedule never sleeps: let acks and linger timers run all the same.
      if (!slept && i % YIELD_EVERY === YIELD_EVERY - 1) {
        await yieldToEventLoop();
        now = clock.nowMs();
      }
    } else if (i % YIELD_EVERY === YIELD_EVERY - 1) {
      await yieldToEventLoop();
      now = clock.nowMs();
    }
    if (now >= endMs) break;
    if (i === o.warmupRecords && o.warmupRecords > 0) recorder.steadyFromMs = now;
    const payload = payloads.next(o.ordinalBase + i * o.ordinalStride);
    const value = o.prepare ? o.prepare(payload, now) : payload;
    recorder.noteSent();
    const blocked = producer.send(value, now, intendedMs);
    if (blocked) {
      await blocked;
      waited = true;
    }
    if (o.transactions && now - txStartMs >= o.transactions.durationMs) {
      await producer.flush();
      await o.transactions.commit();
      await o.transactions.begin();
      txStartMs = clock.nowMs();
      waited = true;
    }
  }
  return i;
}
