import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { OAuthTokenError, oauthTokenProvider } from '../../../src/clients/security/oauth-token.js';
import type { OAuthTokenSource } from '../../../src/config/security.js';

const SECRET = 'cl13nt-s3cret';

describe('unsecured and file tokens', () => {
  const dir = mkdtempSync(join(tmpdir(), 'perf-test-oauth-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('builds a fresh unsecured token at each login, from the clock', async () => {
    let now = 1764647456789;
    const token = oauthTokenProvider({ kind: 'unsecured', options: [['unsecuredLoginStringClaim_sub', 'alice']] }, { now: () => now });
    expect(await token()).toBe('eyJhbGciOiJub25lIn0.eyJleHAiOjEuNzY0NjUxMDU2Nzg5RTksImlhdCI6MS43NjQ2NDc0NTY3ODlFOSwic3ViIjoiYWxpY2UifQ.');
    now += 1000;
    expect(await token()).not.toBe('eyJhbGciOiJub25lIn0.eyJleHAiOjEuNzY0NjUxMDU2Nzg5RTksImlhdCI6MS43NjQ2NDc0NTY3ODlFOSwic3ViIjoiYWxpY2UifQ.');
  });

  it('reads the token file again at each login (a rotated token is used), trimmed', async () => {
    const path = join(dir, 'token.jwt');
    writeFileSync(path, 'a.b.c\n');
    const token = oauthTokenProvider({ kind: 'file', path, token: 'a.b.c' });
    expect(await token()).toBe('a.b.c');
    writeFileSync(path, '  d.e.f  ');
    expect(await token()).toBe('d.e.f');
    rmSync(path);
    await expect(token()).rejects.toThrow(new OAuthTokenError(`cannot read the OAUTHBEARER token file ${path} (ENOENT)`));
  });
});

describe('the client-credentials grant', () => {
  let server: Server;
  let url: string;
  const requests: { method: string | undefined; headers: IncomingMessage['headers']; body: string }[] = [];
  let reply: { status: number; body: string } = { status: 200, body: '' };
  beforeAll(async () => {
    server = createServer((req, res) => {
      let body = '';
      req.on('data', (c: Buffer) => (body += c.toString()));
      req.on('end', () => {
        requests.push({ method: req.method, headers: req.headers, body });
        res.writeHead(reply.status, { 'content-type': 'application/json' }).end(reply.body);
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    url = `http://127.0.0.1:${(server.address() as { port: number }).port}/token`;
  });
  afterAll(() => server.close());
  afterEach(() => {
    requests.length = 0;
  });

  const source = (over: Partial<Extract<OAuthTokenSource, { kind: 'client-credentials' }>> = {}): OAuthTokenSource =>
    ({ kind: 'client-credentials', url, clientId: 'perf client', clientSecret: SECRET, scope: 'kafka write', urlencodeHeader: false, ...over });

  it('asks as Java does (Basic client id and secret, form body with the scope), and keeps the token for 80% of its lifetime', async () => {
    reply = { status: 200, body: JSON.stringify({ access_token: 'tok-1', token_type: 'bearer', expires_in: 100 }) };
    let now = 0;
    const token = oauthTokenProvider(source(), { now: () => now });
    expect(await Promise.all([token(), token()])).toEqual(['tok-1', 'tok-1']);
    expect(requests).toHaveLength(1);
    expect(requests[0]).toMatchObject({
      method: 'POST', body: 'grant_type=client_credentials&scope=kafka%20write',
      headers: { authorization: `Basic ${Buffer.from(`perf client:${SECRET}`).toString('base64')}`, 'content-type': 'application/x-www-form-urlencoded', accept: 'application/json' },
    });
    now = 79_999;
    reply = { status: 200, body: JSON.stringify({ access_token: 'tok-2', expires_in: 100 }) };
    expect(await token()).toBe('tok-1');
    now = 80_000;
    expect(await token()).toBe('tok-2');
    expect(requests).toHaveLength(2);
  });

  it('url-encodes the credentials with sasl.oauthbearer.header.urlencode=true, and sends no scope when none is set', async () => {
    reply = { status: 200, body: JSON.stringify({ access_token: 'tok' }) };
    await oauthTokenProvider(source({ urlencodeHeader: true, scope: undefined }))();
    expect(requests[0]!.headers.authorization).toBe(`Basic ${Buffer.from(`perf%20client:${SECRET}`).toString('base64')}`);
    expect(requests[0]!.body).toBe('grant_type=client_credentials');
  });

  it('fails with a message that names the endpoint and its error code, never the secret or the answer text; asks again next time', async () => {
    reply = { status: 401, body: JSON.stringify({ error: 'invalid_client', error_description: `secret ${SECRET} is wrong` }) };
    const token = oauthTokenProvider(source());
    const e = (await token().then(() => undefined, (x: unknown) => x)) as Error;
    expect(e).toBeInstanceOf(OAuthTokenError);
    expect(e.message).toBe(`the token endpoint ${url} refused the client-credentials grant for client 'perf client' (HTTP 401: invalid_client)`);
    reply = { status: 200, body: '{"token_type":"bearer"}' };
    await expect(token()).rejects.toThrow(`the token endpoint ${url} answered without an access_token`);
    expect(requests).toHaveLength(2);
  });

  it('fails on an endpoint that does not answer in time, or cannot be reached', async () => {
    const silent = createServer(() => {});
    await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
    const silentUrl = `http://127.0.0.1:${(silent.address() as { port: number }).port}/token`;
    await expect(oauthTokenProvider(source({ url: silentUrl }), { timeoutMs: 100 })()).rejects.toThrow(`cannot get an OAUTHBEARER token from ${silentUrl}: no answer in 0.1 s`);
    silent.closeAllConnections();
    await new Promise((resolve) => silent.close(resolve));
    await expect(oauthTokenProvider(source({ url: silentUrl }))()).rejects.toThrow(`cannot get an OAUTHBEARER token from ${silentUrl}: ECONNREFUSED`);
    await expect(oauthTokenProvider(source({ url: 'http://127.0.0.1:1/token' }))()).rejects.toThrow('cannot get an OAUTHBEARER token from http://127.0.0.1:1/token: the request failed (bad port)');
  });
});
