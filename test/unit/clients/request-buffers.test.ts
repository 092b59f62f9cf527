import { describe, expect, it } from 'vitest';
import { FRAME_ROOM, RequestBuffers } from '../../../src/clients/request-buffers.js';

describe('RequestBuffers: requests framed in place, their buffers used again once answered', () => {
  it('frames a request as its length, the header, then the request, in one buffer, uncopied', () => {
    const lease = new RequestBuffers().lease();
    const body = lease.take(5);
    body.write('hello');
    const header = Buffer.from([0, 0, 0, 9, 0, 0, 0, 7, 0, 1, 0x78]);
    const framed = lease.frame(header)!;
    expect(framed).toEqual(Buffer.concat([Buffer.from([0, 0, 0, header.length + 5]), header, Buffer.from('hello')]));
    // The request's bytes are those encoded, where they were encoded.
    expect(framed.buffer).toBe(body.buffer);
    expect(framed.byteOffset + 4 + header.length).toBe(body.byteOffset);
  });

  it('leaves a header that does not fit in the room kept for it to the connection', () => {
    const lease = new RequestBuffers().lease();
    lease.take(5);
    expect(lease.frame(Buffer.alloc(FRAME_ROOM - 4))).toBeDefined();
    expect(lease.frame(Buffer.alloc(FRAME_ROOM - 3))).toBeUndefined();
    expect(new RequestBuffers().lease().frame(Buffer.alloc(10))).toBeUndefined(); // nothing encoded yet
  });

  it('uses a released buffer for the next request, and a new one while the first is in flight', () => {
    const pool = new RequestBuffers();
    const first = pool.lease();
    const a = first.take(100);
    const second = pool.lease();
    const b = second.take(100);
    expect(b.buffer).not.toBe(a.buffer);
    first.release();
    expect(pool.freeCount).toBe(1);
    expect(pool.lease().take(100).buffer).toBe(a.buffer);
    expect(pool.freeCount).toBe(0);
    first.release(); // released once: a second release gives nothing back
    expect(pool.freeCount).toBe(0);
  });

  it('makes a larger buffer for a larger request, in place of a free one too small', () => {
    const pool = new RequestBuffers();
    const small = pool.lease();
    small.take(100);
    small.release();
    const large = pool.lease().take(100_000);
    expect(large.length).toBe(100_000);
    expect(large.buffer.byteLength).toBeGreaterThanOrEqual(FRAME_ROOM + 100_000);
    expect(pool.freeCount).toBe(0);
  });

  it('keeps a bounded number of free buffers', () => {
    const pool = new RequestBuffers();
    const leases = Array.from({ length: 40 }, () => pool.lease());
    for (const lease of leases) lease.take(10);
    for (const lease of leases) lease.release();
    expect(pool.freeCount).toBe(32);
  });
});
