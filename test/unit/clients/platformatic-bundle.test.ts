import { mkdirSync } from 'node:fs';
import { createServer, type AddressInfo } from 'node:net';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { RequestBuffers } from '../../../src/clients/request-buffers.js';
// @ts-expect-error -- a build script in plain JavaScript, without types
import { bundleClient } from '../../../scripts/bundle-client.mjs';

// The build bundles @platformatic/kafka with two changes (scripts/bundle-client.mjs): its option schemas compile when
// a validator is first called, not when the modules load; and a request that frames itself is written as it is.
// These tests build that bundle and check both.

type Library = typeof import('@platformatic/kafka');
let library: Library;

beforeAll(async () => {
  const dir = join(import.meta.dirname, '../../../test-artifacts/bundle');
  mkdirSync(dir, { recursive: true });
  const outfile = join(dir, `library-${process.pid}.js`);
  await bundleClient(outfile);
  library = (await import(pathToFileURL(outfile).href)) as Library;
}, 60_000);

describe('the bundled client library', () => {
  it("ajv.compile gives a validator that compiles on its first call, with the compiled one's result and errors", () => {
    const validate = library.ajv.compile({ type: 'object', properties: { acks: { type: 'number' } }, required: ['acks'] });
    expect(validate.errors).toBeNull();
    expect(validate({ acks: 1 })).toBe(true);
    expect(validate.errors).toBeNull();
    expect(validate({ acks: 'all' })).toBe(false);
    expect(validate.errors).toEqual([expect.objectContaining({ instancePath: '/acks', message: 'must be number' })]);
    expect(validate({})).toBe(false);
    expect(validate.errors).toEqual([expect.objectContaining({ keyword: 'required' })]);
  });

  it('a bad schema fails when its validator is first called', () => {
    const validate = library.ajv.compile({ type: 'no-such-type' });
    expect(() => validate(1)).toThrow(/type/);
  });

  it('a client made with strict: true still has its options validated, with the library message', () => {
    const make = () => new library.Producer({ clientId: 'x', bootstrapBrokers: ['127.0.0.1:1'], strict: true, acks: 'bad' as never });
    expect(make).toThrow(library.UserError);
    expect(make).toThrow('/options/acks must be number');
  });

  it('and without strict (as perf-test makes them), the same options are not validated', async () => {
    let producer: InstanceType<Library['Producer']> | undefined;
    expect(() => (producer = new library.Producer({ clientId: 'x', bootstrapBrokers: ['127.0.0.1:1'], acks: 'bad' as never }))).not.toThrow();
    await producer?.close();
  });
});

/** Sends two requests on the bundle's Connection to a server that only listens; resolves with the bytes it got. */
async function bytesWritten(payload: (writer: InstanceType<Library['Writer']>) => void): Promise<Buffer> {
  const received: Buffer[] = [];
  let got: () => void;
  const gotAll = new Promise<void>((resolve) => (got = resolve));
  const server = createServer((socket) => socket.on('data', (d) => {
    received.push(d);
    if (Buffer.concat(received).length >= 2 * (4 + 2 + 2 + 4 + 2 + 'perf-test'.length + 5)) got();
  }));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const connection = new library.Connection('perf-test');
  try {
    await connection.connect('127.0.0.1', (server.address() as AddressInfo).port);
    for (let i = 0; i < 2; i++) {
      connection.send(0, 3, () => {
        const writer = library.Writer.create();
        payload(writer);
        writer.context.noResponse = true;
        return writer;
      }, () => undefined, false, false, () => undefined);
    }
    await gotAll;
    return Buffer.concat(received);
  } finally {
    await connection.close();
    server.close();
  }
}

describe('requests framed in place (the bundle\'s Connection.send)', () => {
  // Length 24: the header (api key 0, version 3, correlation id, client id 'perf-test'), then the 5-byte payload.
  const expected = (correlationId: number) => Buffer.concat([
    Buffer.from([0, 0, 0, 24, 0, 0, 0, 3]), Buffer.from([0, 0, 0, correlationId, 0, 9]), Buffer.from('perf-test'), Buffer.from('hello'),
  ]);

  it('copies a payload behind its header, as the library does', async () => {
    const bytes = await bytesWritten((writer) => writer.append(Buffer.from('hello')));
    expect(bytes).toEqual(Buffer.concat([expected(1), expected(2)]));
  });

  it('writes a payload that frames itself as the frame it returns, the same bytes on the wire', async () => {
    const pool = new RequestBuffers();
    const framed: Buffer[] = [];
    const bytes = await bytesWritten((writer) => {
      const lease = pool.lease();
      lease.take(5).write('hello');
      writer.append(Buffer.from('hello'));
      writer.context.frame = (header: Buffer) => {
        const frame = lease.frame(header)!;
        framed.push(frame);
        return frame;
      };
    });
    expect(bytes).toEqual(Buffer.concat([expected(1), expected(2)]));
    expect(Buffer.concat(framed)).toEqual(bytes);
  });

  it('still copies when frame() declines (a header too long for its room)', async () => {
    const bytes = await bytesWritten((writer) => {
      writer.append(Buffer.from('hello'));
      writer.context.frame = () => undefined;
    });
    expect(bytes).toEqual(Buffer.concat([expected(1), expected(2)]));
  });
});
