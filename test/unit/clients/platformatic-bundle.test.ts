import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
// @ts-expect-error -- a build script in plain JavaScript, without types
import { bundleClient } from '../../../scripts/bundle-client.mjs';

// The build bundles @platformatic/kafka with one change (scripts/bundle-client.mjs): its option schemas compile when
// a validator is first called, not when the modules load. These tests build that bundle and check it still
// validates as the library does.

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
    const producer = new library.Producer({ clientId: 'x', bootstrapBrokers: ['127.0.0.1:1'], acks: 'bad' as never });
    await producer.close();
  });
});
