import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  Connection, Consumer, Producer, compressionsAlgorithmsByBitmask, fetchV13, fetchV14, fetchV15, fetchV16, fetchV17,
  Writer, kGetApi, kGetConnection, kMetadata,
} from '@platformatic/kafka';

// Canaries: the default client's adapter (src/clients/platformatic/) leans on parts of @platformatic/kafka that it
// does not document as its API. On an upgrade, these fail first and say what to check, before any run misbehaves.

const packageDir = join(import.meta.dirname, '../../../node_modules/@platformatic/kafka');
const installed = (JSON.parse(readFileSync(join(packageDir, 'package.json'), 'utf8')) as { version: string }).version;

describe('@platformatic/kafka internals the adapter uses', () => {
  it('is the version the adapter was written against (read the checks below again before changing it)', () => {
    expect(installed, 'upgraded @platformatic/kafka: check every canary here and src/clients/platformatic/').toBe('1.35.0');
  });

  it('the producer: kGetApi, kGetConnection and kMetadata are methods of its clients (producer.ts)', () => {
    for (const symbol of [kGetApi, kGetConnection, kMetadata]) {
      expect(typeof symbol).toBe('symbol');
      expect(typeof (Producer.prototype as unknown as Record<symbol, unknown>)[symbol]).toBe('function');
    }
  });

  it('the producer: Connection.send copies the request into one buffer with its header before it returns (producer.ts reuses one at acks=0)', () => {
    const source = readFileSync(join(packageDir, 'dist/network/connection.js'), 'utf8');
    const send = source.slice(source.indexOf('    send(apiKey'), source.indexOf('    reauthenticate()'));
    // The payload is made and copied in send itself, before the request is queued.
    expect(send.indexOf('payload = createPayload();')).toBeGreaterThan(0);
    expect(send.indexOf('payload: writer.buffer,')).toBeGreaterThan(send.indexOf('payload = createPayload();'));
    expect(send.indexOf('payload: writer.buffer,')).toBeLessThan(send.indexOf('this.#requestsQueue.push'));
    // writer.buffer of a header and a payload is a copy: the payload's bytes may change afterwards.
    const scratch = Buffer.from('payload');
    const writer = Writer.create().appendInt16(0).appendFrom(Writer.create().append(scratch)).prependLength();
    const copied = writer.buffer;
    scratch.fill(0);
    expect(copied.subarray(6).toString()).toBe('payload');
  });

  it('the consumer: Connection.send takes (apiKey, version, payload, parser, request tags, response tags, callback) (fetch-request.ts)', () => {
    expect(Connection.prototype.send).toHaveLength(7);
  });

  it('the consumer: each Fetch version\'s request encoder takes the nine fields fetch-request.ts passes', () => {
    for (const api of [fetchV13, fetchV14, fetchV15, fetchV16, fetchV17]) expect(api.createRequest).toHaveLength(9);
  });

  it('the consumer: codecs are found by a batch\'s compression bits (record-batches.ts)', () => {
    for (const bits of [1, 2, 3, 4]) expect(compressionsAlgorithmsByBitmask[bits]?.bitmask).toBe(bits);
  });

  it('the consumer: the group events consumer.ts listens to are still emitted by that name', () => {
    const source = readFileSync(join(packageDir, 'dist/clients/consumer/consumer.js'), 'utf8');
    expect(source).toContain("emitWithDebug('consumer', 'group:join'");
    expect(source).toContain("emitWithDebug('consumer', 'group:rebalance'");
    expect(typeof Consumer.prototype.joinGroup).toBe('function');
  });
});
