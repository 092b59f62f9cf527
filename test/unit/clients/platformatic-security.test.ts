import { readFileSync, readdirSync } from 'node:fs';
import { createServer, type Server } from 'node:tls';
import { AuthenticationError, MultipleErrors, NetworkError, ResponseError, UserError } from '@platformatic/kafka';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { baseOptions } from '../../../src/clients/platformatic/options.js';
import { OAuthTokenRejected, checkOAuthAnswer, platformaticConnectError, platformaticSecurity } from '../../../src/clients/platformatic/security.js';
import type { ConnectionSpec } from '../../../src/clients/port.js';
import { probeTls } from '../../../src/clients/security/tls-probe.js';
import { PLAINTEXT_SECURITY, type SecuritySettings, type TlsSettings } from '../../../src/config/security.js';
import { AuthError, ExitCode, SetupError } from '../../../src/errors.js';
import { makeTestCertificates, type TestCertificates } from '../../../harness/index.js';

const TLS: TlsSettings = { trustedCertificatesPem: 'CA PEM', identity: undefined, verifyHostname: true, minVersion: undefined, maxVersion: undefined };
const SASL_SSL: SecuritySettings = { protocol: 'SASL_SSL', tls: TLS, sasl: { mechanism: 'SCRAM-SHA-512', username: 'alice', password: 'pw-s3cret' } };
const SSL: SecuritySettings = { protocol: 'SSL', tls: TLS, sasl: undefined };
const OAUTH: SecuritySettings = {
  protocol: 'SASL_PLAINTEXT', tls: undefined,
  sasl: { mechanism: 'OAUTHBEARER', token: { kind: 'unsecured', options: [['unsecuredLoginStringClaim_sub', 'alice']] }, extensions: { traceId: 'abc' } },
};
const SERVER = '127.0.0.1:9093';
const spec = (security: SecuritySettings, bootstrapServers = [SERVER]): ConnectionSpec => ({
  clientId: 'perf-test', bootstrapServers, connectionTimeoutMs: 1000, requestTimeoutMs: 1000, props: {}, security,
} as unknown as ConnectionSpec);

// The error chains @platformatic/kafka 1.35 gives its connect() callers, as observed against the test broker.
const connectFailure = (cause: Error) => new MultipleErrors('Cannot connect to any broker.', [new NetworkError(`Connection to ${SERVER} failed.`, { cause })]);
const protocolFailure = (api: number, errorCode: number, wrapper: string) =>
  connectFailure(new AuthenticationError(wrapper, { cause: new ResponseError(api, 1, { '/': [errorCode, 'server says no'] }, {}) }));
const nodeError = (code: string, message: string) => Object.assign(new Error(message), { code });
const line = (e: { message: string; hint?: string | undefined }) => `${e.message} (${e.hint})`;

describe('platformaticSecurity: the settings as @platformatic/kafka options', () => {
  it('plaintext: no tls, no sasl; baseOptions carries them for every client', () => {
    expect(platformaticSecurity(PLAINTEXT_SECURITY, [SERVER])).toEqual({});
    expect(baseOptions(spec(SASL_SSL))).toMatchObject({ tls: { rejectUnauthorized: true, ca: 'CA PEM' }, sasl: { mechanism: 'SCRAM-SHA-512', username: 'alice', password: 'pw-s3cret' } });
  });

  it('names the broker for SNI when the bootstrap servers are host names, not IP addresses', () => {
    expect(platformaticSecurity(SSL, ['kafka-1.example:9093', 'kafka-2.example:9093'])).toEqual({ tls: { rejectUnauthorized: true, ca: 'CA PEM' }, tlsServerName: true });
    expect(platformaticSecurity(SSL, ['kafka-1.example:9093', '10.0.0.2:9093'])).toEqual({ tls: { rejectUnauthorized: true, ca: 'CA PEM' } });
    expect(platformaticSecurity(SSL, ['[::1]:9093'])).not.toHaveProperty('tlsServerName');
  });

  it('passes every password mechanism by its Kafka name', () => {
    for (const mechanism of ['PLAIN', 'SCRAM-SHA-256', 'SCRAM-SHA-512'] as const) {
      expect(platformaticSecurity({ ...SASL_SSL, sasl: { mechanism, username: 'u', password: 'p' } }, [SERVER]).sasl).toEqual({ mechanism, username: 'u', password: 'p' });
    }
  });

  it('OAUTHBEARER: a token provider (a fresh unsecured token each login), the extensions, and a check of the answer', async () => {
    const sasl = platformaticSecurity(OAUTH, [SERVER]).sasl!;
    expect(sasl).toMatchObject({ mechanism: 'OAUTHBEARER', oauthBearerExtensions: { traceId: 'abc' }, authBytesValidator: checkOAuthAnswer });
    const token = await (sasl.token as () => Promise<string>)();
    expect(token).toMatch(/^eyJhbGciOiJub25lIn0\.[\w-]+\.$/);
    expect(JSON.parse(Buffer.from(token.split('.')[1]!, 'base64url').toString())).toMatchObject({ sub: 'alice' });
    const noExtensions = { ...OAUTH, sasl: { ...OAUTH.sasl!, extensions: {} } } as SecuritySettings;
    expect(platformaticSecurity(noExtensions, [SERVER]).sasl).not.toHaveProperty('oauthBearerExtensions');
  });

  it("checkOAuthAnswer: an empty answer is a login; the broker's invalid_token answer is not", () => {
    const results: unknown[][] = [];
    checkOAuthAnswer(Buffer.alloc(0), ((...args: unknown[]) => results.push(args)) as never);
    checkOAuthAnswer(Buffer.from('{"status":"invalid_token"}'), ((...args: unknown[]) => results.push(args)) as never);
    checkOAuthAnswer(Buffer.from('{"status":"<script>"}'), ((...args: unknown[]) => results.push(args)) as never);
    expect(results[0]![0]).toBeNull();
    expect(results[1]![0]).toBeInstanceOf(OAuthTokenRejected);
    expect((results[1]![0] as OAuthTokenRejected).status).toBe('invalid_token');
    expect((results[2]![0] as OAuthTokenRejected).status).toBe('unknown status');
  });
});

describe("platformaticConnectError: the client's failures as one line, exit code 6", () => {
  const auth = async (security: SecuritySettings, e: Error) => {
    const failure = await platformaticConnectError(spec(security), e, 'detail');
    expect(failure).toBeInstanceOf(AuthError);
    expect(failure.exitCode).toBe(ExitCode.Auth);
    return line(failure);
  };

  it('a wrong password (SASL_AUTHENTICATION_FAILED), naming the broker from the client\'s message', async () => {
    expect(await auth(SASL_SSL, protocolFailure(36, 58, 'SASL authentication failed.')))
      .toBe("authentication failed: the broker at 127.0.0.1:9093 rejected SASL SCRAM-SHA-512 credentials for user 'alice' (check the username and password in sasl.jaas.config, and sasl.mechanism)");
  });

  it('a mechanism the listener does not enable (UNSUPPORTED_SASL_MECHANISM), SASL at a listener without it (ILLEGAL_SASL_STATE)', async () => {
    expect(await auth(SASL_SSL, protocolFailure(17, 33, 'Cannot find a suitable SASL mechanism.'))).toMatch(/^the broker at 127\.0\.0\.1:9093 does not enable SASL mechanism SCRAM-SHA-512 on this listener/);
    expect(await auth(SASL_SSL, protocolFailure(17, 34, 'Cannot find a suitable SASL mechanism.'))).toMatch(/^the broker at 127\.0\.0\.1:9093 does not expect SASL on this listener \(ILLEGAL_SASL_STATE\)/);
  });

  it('an OAUTHBEARER token the broker refused, and one perf-test could not get', async () => {
    expect(await auth(OAUTH, connectFailure(new AuthenticationError('SASL authentication failed.', { cause: new OAuthTokenRejected('invalid_token') }))))
      .toMatch(/^authentication failed: the broker at 127\.0\.0\.1:9093 rejected the OAUTHBEARER token \(invalid_token\) \(an unsecured token/);
    const { OAuthTokenError } = await import('../../../src/clients/security/oauth-token.js');
    const noToken = new AuthenticationError('The SASL/OAUTHBEARER token provider threw an error.', { cause: new OAuthTokenError('cannot read the OAUTHBEARER token file /t.jwt (ENOENT)') });
    expect(await auth(OAUTH, connectFailure(noToken))).toMatch(/^cannot read the OAUTHBEARER token file \/t\.jwt \(ENOENT\) \(check sasl\.oauthbearer\.token\.endpoint\.url/);
  });

  it("TLS: an untrusted certificate, a host name mismatch, a listener that is not TLS (Node's codes in the chain)", async () => {
    expect(await auth(SSL, connectFailure(nodeError('SELF_SIGNED_CERT_IN_CHAIN', 'self-signed certificate in certificate chain'))))
      .toMatch(/^TLS: the certificate of the broker at 127\.0\.0\.1:9093 is not trusted \(SELF_SIGNED_CERT_IN_CHAIN\)/);
    expect(await auth(SSL, connectFailure(nodeError('ERR_TLS_CERT_ALTNAME_INVALID', "Hostname/IP does not match certificate's altnames"))))
      .toMatch(/does not match its host name \(ERR_TLS_CERT_ALTNAME_INVALID\)/);
    const reset = new UserError('TLS handshake failed. Please verify the broker supports TLS.', { cause: nodeError('ECONNRESET', 'Client network socket disconnected before secure TLS connection was established') });
    expect(await auth(SSL, connectFailure(reset))).toMatch(/^TLS: the broker at 127\.0\.0\.1:9093 closed the connection during the TLS handshake \(is it a PLAINTEXT or SASL_PLAINTEXT listener\?/);
  });

  it('anything else is a setup error (exit 3) with a hint, its detail scrubbed of secrets', async () => {
    const failure = await platformaticConnectError(spec(SASL_SSL), new Error('ECONNREFUSED'), 'connect ECONNREFUSED with pw-s3cret');
    expect(failure).toBeInstanceOf(SetupError);
    expect(line(failure)).toBe('cannot connect to Kafka at 127.0.0.1:9093: connect ECONNREFUSED with [redacted] (check --bootstrap-server (or bootstrap.servers) and that the brokers are up)');
    const closed = await platformaticConnectError(spec(PLAINTEXT_SECURITY), new NetworkError('Connection closed'), 'Connection closed');
    expect(closed.hint).toMatch(/^the broker closed the connection: if its listener uses TLS or SASL, set security\.protocol/);
  });
});

describe('probeTls: why a TLS listener closed the connection', () => {
  let certs: TestCertificates;
  let server: Server;
  let port: number;
  beforeAll(async () => {
    certs = makeTestCertificates();
    // A listener that wants a client certificate signed by the test CA, as the broker's mutual TLS listener.
    server = createServer({ pfx: readFileSync(certs.brokerP12), passphrase: certs.brokerPassword, ca: readFileSync(certs.caPem), requestCert: true, rejectUnauthorized: true },
      (socket) => socket.on('data', () => socket.end(Buffer.from([0, 0, 0, 4, 0, 0, 0, 1]))));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    port = (server.address() as { port: number }).port;
  }, 60_000);
  afterAll(() => {
    server?.close();
    certs?.remove();
  });

  // (A certificate it does not trust: Node's server hangs up without an alert, unlike Java's; the broker test has it.)
  it("reads the listener's alert for a missing client certificate", async () => {
    const ca = readFileSync(certs.caPem, 'utf8');
    const missing = await probeTls(`127.0.0.1:${port}`, { ca });
    expect((missing as NodeJS.ErrnoException).code).toMatch(/^ERR_SSL_(TLSV13_ALERT_CERTIFICATE_REQUIRED|SSLV3_ALERT_HANDSHAKE_FAILURE)$/);
    // As the adapter reports it: the client said only "Connection closed".
    const failure = await platformaticConnectError(spec({ protocol: 'SSL', tls: { ...TLS, trustedCertificatesPem: ca }, sasl: undefined }, [`127.0.0.1:${port}`]),
      new NetworkError('Connection closed'), 'Connection closed');
    expect(line(failure)).toMatch(new RegExp(`^TLS: the broker at 127\\.0\\.0\\.1:${port} refused the handshake: it wants a client certificate it trusts \\(ERR_SSL_\\w+\\) \\(set ssl\\.keystore\\.location`));
  });

  it('undefined when the listener answers (TLS is fine: the closed connection was something else)', async () => {
    const key = readFileSync(certs.clientKeyPem, 'utf8');
    const answered = await probeTls(`127.0.0.1:${port}`, { ca: readFileSync(certs.caPem, 'utf8'), key, passphrase: certs.clientKeyPassword, cert: readFileSync(certs.clientCertPem, 'utf8') });
    expect(answered).toBeUndefined();
  });
});

describe('connectError is awaited', () => {
  it('by every caller in the adapter (a caller that forgets throws a Promise, not the error)', () => {
    const dir = new URL('../../../src/clients/platformatic/', import.meta.url);
    const unawaited = readdirSync(dir).filter((f) => f.endsWith('.ts'))
      .filter((f) => /(?<!await )connectError\(this/.test(readFileSync(new URL(f, dir), 'utf8')));
    expect(unawaited).toEqual([]);
  });
});
