/**
 * Buffers for requests that are written as they are: a request is encoded behind room for its frame (its length and
 * request header), the connection puts the frame there (the bundle's patch of Connection.send,
 * scripts/bundle-client.mjs), and once the request is answered, the buffer encodes another one. So a run copies no
 * request and leaves none to the garbage collector: at 100 B records, copies of requests waiting for it had made up
 * some 25 MiB of the producer thread's memory at any time.
 */

/** Bytes kept in front of a request for its frame: the length (4), a header's fixed fields (10), the client id's. */
export const FRAME_ROOM = 256;
/** The smallest buffer made; larger requests get the next power of two. */
const MIN_BYTES = 16 * 1024;
/** Buffers kept for reuse: more than the requests a producer has in flight to its brokers. */
const MAX_FREE = 32;

/** Where one request is encoded, and framed. */
export class RequestLease {
  private buffer: Buffer | undefined;
  private size = 0;

  constructor(private readonly pool: RequestBuffers) {}

  /** `size` bytes to encode the request into, behind the room for its frame. */
  take(size: number): Buffer {
    this.buffer = this.pool.get(FRAME_ROOM + size);
    this.size = size;
    return this.buffer.subarray(FRAME_ROOM, FRAME_ROOM + size);
  }

  /**
   * The whole request as written: its length, `header`, then the request encoded; undefined when the header does
   * not fit in the room kept for it (the connection then copies the request behind it).
   */
  frame(header: Buffer): Buffer | undefined {
    const buffer = this.buffer;
    if (buffer === undefined || header.length + 4 > FRAME_ROOM) return undefined;
    const start = FRAME_ROOM - header.length - 4;
    buffer.writeInt32BE(header.length + this.size, start);
    header.copy(buffer, start + 4);
    return buffer.subarray(start, FRAME_ROOM + this.size);
  }

  /**
   * After the request's answer (so the socket has written it all): the buffer serves another request. A request
   * that failed is never released, as the socket may not be done with it: its buffer is left to the collector.
   */
  release(): void {
    if (this.buffer !== undefined) this.pool.put(this.buffer);
    this.buffer = undefined;
  }
}

/** The free buffers of one producer. */
export class RequestBuffers {
  private readonly free: Buffer[] = [];

  /** A lease for the next request. */
  lease(): RequestLease {
    return new RequestLease(this);
  }

  /** A free buffer of at least `bytes`, or a new one. */
  get(bytes: number): Buffer {
    for (let i = this.free.length - 1; i >= 0; i--) {
      const buffer = this.free[i]!;
      if (buffer.length >= bytes) {
        this.free[i] = this.free[this.free.length - 1]!;
        this.free.pop();
        return buffer;
      }
    }
    // None is large enough: one of them makes room for a larger one, so the free buffers follow the requests' size.
    this.free.pop();
    let size = MIN_BYTES;
    while (size < bytes) size *= 2;
    return Buffer.allocUnsafeSlow(size);
  }

  put(buffer: Buffer): void {
    if (this.free.length < MAX_FREE) this.free.push(buffer);
  }

  /** Buffers free now (for tests). */
  get freeCount(): number {
    return this.free.length;
  }
}
