import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { redactProps } from '../../../src/config/producer-config.js';
import { jwtProblem } from '../../../src/config/resolve-oauth.js';
import { resolveSecurity } from '../../../src/config/resolve-security.js';
import { secretValues, type SecuritySettings } from '../../../src/config/security.js';
import { UsageError } from '../../../src/errors.js';
import { thrown } from '../../support/thrown.js';

const MODULE = 'org.apache.kafka.common.security.oauthbearer.OAuthBearerLoginModule';
const SECRET = 'cl13nt-s3cret';
const dir = mkdtempSync(join(tmpdir(), 'perf-test-resolve-oauth-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const jwt = (claims: Record<string, unknown>) => `${Buffer.from('{"alg":"RS256"}').toString('base64url')}.${Buffer.from(JSON.stringify(claims)).toString('base64url')}.c2ln`;
const oauth = (options: string, more: Record<string, string> = {}) =>
  ({ 'security.protocol': 'SASL_SSL', 'sasl.mechanism': 'OAUTHBEARER', 'sasl.jaas.config': `${MODULE} required ${options};`, ...more });

function resolve(props: Record<string, string>): { settings: SecuritySettings; warnings: string[] } {
  const warnings: string[] = [];
  return { settings: resolveSecurity(new Map(Object.entries(props)), (w) => warnings.push(w)), warnings };
}
const usage = (props: Record<string, string>) => {
  const e = thrown(UsageError, () => resolve(props));
  return `${e.message}${e.hint ? ` (${e.hint})` : ''}`;
};

describe('OAUTHBEARER from Java\'s settings', () => {
  it('no token endpoint: an unsecured token from the JAAS options, with its extensions', () => {
    const { settings, warnings } = resolve(oauth('unsecuredLoginStringClaim_sub="alice" unsecuredLoginExtension_traceId="t1"'));
    expect(settings.sasl).toEqual({ mechanism: 'OAUTHBEARER', extensions: { traceId: 't1' },
      token: { kind: 'unsecured', options: [['unsecuredLoginStringClaim_sub', 'alice'], ['unsecuredLoginExtension_traceId', 't1']] } });
    expect(warnings).toEqual([]);
    expect(structuredClone(settings)).toEqual(settings);
  });

  it('a file: token endpoint: the JWT read and checked now; the token is a secret; Java\'s login handler class is applied silently', () => {
    const token = jwt({ sub: 'alice', exp: Date.now() / 1000 + 600 });
    const path = join(dir, 'token.jwt');
    writeFileSync(path, `${token}\n`);
    const { settings, warnings } = resolve(oauth('extension_tenant="acme"', {
      'sasl.oauthbearer.token.endpoint.url': `file:${path}`,
      'sasl.login.callback.handler.class': 'org.apache.kafka.common.security.oauthbearer.OAuthBearerLoginCallbackHandler',
    }));
    expect(settings.sasl).toEqual({ mechanism: 'OAUTHBEARER', token: { kind: 'file', path, token }, extensions: { tenant: 'acme' } });
    expect(warnings).toEqual([]);
    expect(secretValues(settings)).toContain(token);
  });

  it('an http(s) token endpoint: the client-credentials grant, whose secret is listed for scrubbing and redacted from the echo', () => {
    const props = oauth(`clientId="perf" clientSecret="${SECRET}" scope="kafka"`, { 'sasl.oauthbearer.token.endpoint.url': 'https://idp.example/token', 'sasl.oauthbearer.header.urlencode': 'true' });
    const { settings } = resolve(props);
    expect(settings.sasl).toEqual({ mechanism: 'OAUTHBEARER', extensions: {},
      token: { kind: 'client-credentials', url: 'https://idp.example/token', clientId: 'perf', clientSecret: SECRET, scope: 'kafka', urlencodeHeader: true } });
    expect(secretValues(settings)).toContain(SECRET);
    expect(JSON.stringify(redactProps(new Map(Object.entries(props))))).not.toContain(SECRET);
  });

  it("Kafka 4.1's client-credentials settings, before the JAAS options; the secret redacted from the echo", () => {
    const props = oauth('clientId="old" clientSecret="old-secret" scope="old"', {
      'sasl.oauthbearer.token.endpoint.url': 'https://idp.example/token', 'sasl.oauthbearer.client.credentials.client.id': 'perf',
      'sasl.oauthbearer.client.credentials.client.secret': SECRET, 'sasl.oauthbearer.scope': 'kafka',
    });
    const { settings, warnings } = resolve(props);
    expect(settings.sasl).toMatchObject({ token: { kind: 'client-credentials', clientId: 'perf', clientSecret: SECRET, scope: 'kafka' } });
    expect(warnings).toEqual([]);
    expect(JSON.stringify(redactProps(new Map(Object.entries(props))))).not.toContain(SECRET);
  });

  it('still warns about the OAuth settings it does not apply', () => {
    const { warnings } = resolve(oauth('unsecuredLoginStringClaim_sub="a"', { 'sasl.oauthbearer.jwks.endpoint.url': 'https://x', 'sasl.login.callback.handler.class': 'com.example.Custom' }));
    expect(warnings).toEqual([
      "The configuration 'sasl.oauthbearer.jwks.endpoint.url' is a Java client setting perf-test does not apply; it is ignored.",
      "The configuration 'sasl.login.callback.handler.class' is a Java client setting perf-test does not apply; it is ignored.",
    ]);
  });

  it.each([
    [oauth('unsecuredLoginStringClaim_user="bob"'), 'sasl.jaas.config (value not shown) does not make an unsecured OAUTHBEARER token: no principal name: set unsecuredLoginStringClaim_sub'],
    [oauth(`unsecuredLoginStringClaim_sub="a" unsecuredLoginNumberClaim_n="${SECRET}"`), 'sasl.jaas.config (value not shown) does not make an unsecured OAUTHBEARER token: unsecuredLoginNumberClaim_n is not a number'],
    [oauth('unsecuredLoginStringClaim_sub="a" unsecuredLoginExtension_auth="x"'), "sasl.jaas.config (value not shown) does not make an unsecured OAUTHBEARER token: unsecuredLoginExtension_auth: the extension name 'auth' is invalid"],
    [{ ...oauth(''), 'sasl.jaas.config': `org.apache.kafka.common.security.plain.PlainLoginModule required username="u" password="${SECRET}";` },
      "sasl.jaas.config: login module 'org.apache.kafka.common.security.plain.PlainLoginModule' does not log in with OAUTHBEARER"],
    [{ ...oauth(''), 'sasl.mechanism': 'PLAIN' }, `sasl.jaas.config: login module '${MODULE}' is for sasl.mechanism=OAUTHBEARER, not PLAIN`],
    [oauth(`clientSecret="${SECRET}"`, { 'sasl.oauthbearer.token.endpoint.url': 'https://idp/token' }), 'the token endpoint needs a client id: sasl.oauthbearer.client.credentials.client.id, or the clientId option'],
    [oauth('clientId="perf"', { 'sasl.oauthbearer.token.endpoint.url': 'https://idp/token' }), 'the token endpoint needs a client secret: sasl.oauthbearer.client.credentials.client.secret, or the clientSecret option'],
    [oauth('', { 'sasl.oauthbearer.token.endpoint.url': 'ftp://idp/token' }), "sasl.oauthbearer.token.endpoint.url: 'ftp://idp/token' is not a file:, http: or https: URL"],
    [oauth(`clientId="p" clientSecret="${SECRET}"`, { 'sasl.oauthbearer.token.endpoint.url': 'https://idp/t', 'sasl.oauthbearer.header.urlencode': 'yes' }), "sasl.oauthbearer.header.urlencode: 'yes' is not true or false"],
    [oauth('', { 'sasl.oauthbearer.token.endpoint.url': 'file:/nonexistent/t.jwt' }), "sasl.oauthbearer.token.endpoint.url: 'file:/nonexistent/t.jwt' names a file that does not exist"],
  ])('%j', (props, message) => {
    const text = usage(props);
    expect(text.startsWith(message), text).toBe(true);
    expect(text).not.toContain(SECRET);
  });

  it('a token file whose token is expired, or not a JWT, is refused without showing it', () => {
    const path = join(dir, 'old.jwt');
    const token = jwt({ sub: 'alice', exp: 1_700_000_000 });
    writeFileSync(path, token);
    const text = usage(oauth('', { 'sasl.oauthbearer.token.endpoint.url': `file://${path}` }));
    expect(text).toBe(`sasl.oauthbearer.token.endpoint.url: 'file://${path}' holds no usable token (not shown): it expired at 2023-11-14T22:13:20.000Z`);
    expect(text).not.toContain(token);
  });

  it('jwtProblem: what Java\'s login validator would refuse', () => {
    const now = 1_800_000_000_000;
    expect(jwtProblem(jwt({ sub: 'a', exp: 1_900_000_000 }), 'sub', now)).toBeUndefined();
    expect(jwtProblem('abc', 'sub', now)).toBe("a JWT has 3 parts separated by '.', this has 1");
    expect(jwtProblem('a.!!!.c', 'sub', now)).toBe('its payload is not base64url-encoded JSON');
    expect(jwtProblem(jwt({ sub: 'a' }), 'sub', now)).toBe("it has no numeric 'exp' claim");
    expect(jwtProblem(jwt({ user: 'a', exp: 1_900_000_000 }), 'sub', now)).toBe("it has no 'sub' claim (sasl.oauthbearer.sub.claim.name)");
    expect(jwtProblem(jwt({ user: 'a', exp: 1_900_000_000 }), 'user', now)).toBeUndefined();
  });
});
