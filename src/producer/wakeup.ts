import type { Clock } from '../util/clock.js';

/**
 * When the sender runs next: soon (after the current synchronous work), or at the earliest time something is due
 * (a batch lingers out, a backoff ends). One timer at a time, moved only earlier.
 */
export class Wakeup {
  private timer: NodeJS.Timeout | undefined;
  private atMs = Infinity;
  private immediate: NodeJS.Immediate | undefined;

  constructor(
    private readonly clock: Clock,
    private readonly run: () => void,
  ) {}

  /** Runs once the current synchronous work is done. */
  soon(): void {
    this.immediate ??= setImmediate(() => {
      this.immediate = undefined;
      this.run();
    });
  }

  /** Runs at `atMs` at the latest (or soon, if that has passed). */
  at(atMs: number): void {
    if (atMs >= this.atMs) return;
    const delay = atMs - this.clock.nowMs();
    if (delay <= 0) {
      this.soon();
      return;
    }
    if (this.timer) clearTimeout(this.timer);
    this.atMs = atMs;
    this.timer = setTimeout(() => {
      this.timer = undefined;
      this.atMs = Infinity;
      this.run();
    }, Math.ceil(delay));
  }

  /** Forgets the timer (nothing is left to send). */
  cancel(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
    this.atMs = Infinity;
  }
}
