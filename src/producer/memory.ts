/** How a wait for buffer memory ended. */
export type MemoryWait = 'granted' | 'timed-out' | 'abandoned';

interface Waiter {
  readonly bytes: number;
  readonly resolve: (outcome: MemoryWait) => void;
  readonly timer: NodeJS.Timeout;
}

/**
 * Java's `buffer.memory`: the bytes of records waiting or in flight. A record that does not fit waits, first come
 * first served, up to `max.block.ms`; a record larger than the whole buffer is taken when the buffer is empty.
 */
export class BufferMemory {
  private usedBytes = 0;
  private readonly waiters: Waiter[] = [];

  constructor(
    private readonly capacityBytes: number,
    private readonly maxBlockMs: number,
  ) {}

  /** Whether a record is waiting for memory (Java then treats every batch as ready). */
  get exhausted(): boolean {
    return this.waiters.length > 0;
  }

  /** Takes `bytes` if they fit now. */
  tryTake(bytes: number): boolean {
    if (this.usedBytes > 0 && this.usedBytes + bytes > this.capacityBytes) return false;
    this.usedBytes += bytes;
    return true;
  }

  /** Waits until `bytes` fit (then they are taken), `max.block.ms` passed, or `abandonWaiters` was called. */
  wait(bytes: number): Promise<MemoryWait> {
    return new Promise((resolve) => {
      const waiter: Waiter = {
        bytes,
        resolve,
        timer: setTimeout(() => {
          const i = this.waiters.indexOf(waiter);
          if (i !== -1) this.waiters.splice(i, 1);
          resolve('timed-out');
        }, this.maxBlockMs),
      };
      this.waiters.push(waiter);
    });
  }

  release(bytes: number): void {
    this.usedBytes -= bytes;
    while (this.waiters.length > 0) {
      const next = this.waiters[0]!;
      if (!this.tryTake(next.bytes)) break;
      this.waiters.shift();
      clearTimeout(next.timer);
      next.resolve('granted');
    }
  }

  /** Gives up on every waiting record; returns how many there were. */
  abandonWaiters(): number {
    const waiting = this.waiters.splice(0);
    for (const waiter of waiting) {
      clearTimeout(waiter.timer);
      waiter.resolve('abandoned');
    }
    return waiting.length;
  }
}
