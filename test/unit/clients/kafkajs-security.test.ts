import kafkajs from 'kafkajs';
import { describe, expect, it } from 'vitest';
import { kafkajsSecurity } from '../../../src/clients/kafkajs/security.js';
import { connectionHint, scrubSecrets, securityFailure } from '../../../src/clients/security/failure.js';
import { connectError } from '../../../src/clients/kafkajs/connect.js';
import type { ConnectionSpec } from '../../../src/clients/port.js';
import { PLAINTEXT_SECURITY, type SecuritySettings, type TlsSettings } from '../../../src/config/security.js';
import { AuthError, ExitCode, SetupError } from '../../../src/errors.js';

// kafkajs' own error classes, as it throws them (its typings leave some out or narrow their constructors).
type ErrorClass = new (...args: unknown[]) => Error;
const errorClass = (name: string): ErrorClass => (kafkajs as unknown as Record<string, ErrorClass>)[name]!;
const KafkaJSSASLAuthenticationError = errorClass('KafkaJSSASLAuthenticationError');
const KafkaJSConnectionError = errorClass('KafkaJSConnectionError');
const KafkaJSConnectionClosedError = errorClass('KafkaJSConnectionClosedError');
const KafkaJSNumberOfRetriesExceeded = errorClass('KafkaJSNumberOfRetriesExceeded');
const KafkaJSProtocolError = errorClass('KafkaJSProtocolError');

const TLS: TlsSettings = { trustedCertificatesPem: 'CA PEM', identity: undefined, verifyHostname: true, minVersion: undefined, maxVersion: undefined };
const SASL_SSL: SecuritySettings = { protocol: 'SASL_SSL', tls: TLS, sasl: { mechanism: 'SCRAM-SHA-512', username: 'alice', password: 'pw-s3cret' } };
const SSL: SecuritySettings = { protocol: 'SSL', tls: TLS, sasl: undefined };

/** A TLS error as kafkajs reports it after its retries: the connection error, with Node's code, as the cause. */
function tlsFailure(code: string, message = 'tls failed'): Error {
  const connection = new KafkaJSConnectionError(`Connection error: ${message}`, { broker: '127.0.0.1:9093', code });
  return new KafkaJSNumberOfRetriesExceeded(connection, { retryCount: 2, retryTime: 100 });
}

describe('kafkajsSecurity: the settings as kafkajs options', () => {
  it('plaintext: neither ssl nor sasl', () => {
    expect(kafkajsSecurity(PLAINTEXT_SECURITY)).toEqual({ ssl: undefined, sasl: undefined });
  });

  it('SASL mechanisms in kafkajs spelling, TLS verifying the chain and (by default) the host name', () => {
    const { ssl, sasl } = kafkajsSecurity(SASL_SSL);
    expect(sasl).toEqual({ mechanism: 'scram-sha-512', username: 'alice', password: 'pw-s3cret' });
    expect(ssl).toEqual({ rejectUnauthorized: true, ca: 'CA PEM' });
    for (const [mechanism, expected] of [['PLAIN', 'plain'], ['SCRAM-SHA-256', 'scram-sha-256']] as const) {
      expect(kafkajsSecurity({ ...SASL_SSL, sasl: { mechanism, username: 'u', password: 'p' } }).sasl?.mechanism).toBe(expected);
    }
  });

  it('without a host name check, the certificate is still verified; versions and identities pass through', () => {
    const ssl = kafkajsSecurity({ ...SSL, tls: { ...TLS, verifyHostname: false, minVersion: 'TLSv1.2', maxVersion: 'TLSv1.3',
      identity: { kind: 'pem', certificateChainPem: 'CHAIN', privateKeyPem: 'KEY', keyPassword: 'kp' } } }).ssl as Record<string, unknown>;
    expect(ssl).toMatchObject({ rejectUnauthorized: true, cert: 'CHAIN', key: 'KEY', passphrase: 'kp', minVersion: 'TLSv1.2', maxVersion: 'TLSv1.3' });
    expect((ssl['checkServerIdentity'] as () => unknown)()).toBeUndefined();
    const p12 = kafkajsSecurity({ ...SSL, tls: { ...TLS, identity: { kind: 'pkcs12', pkcs12: new Uint8Array([1, 2]), password: 'sp' } } }).ssl as Record<string, unknown>;
    expect(Buffer.isBuffer(p12['pfx'])).toBe(true);
    expect(p12).toMatchObject({ pfx: Buffer.from([1, 2]), passphrase: 'sp' });
  });
});

describe('kafkajsSecurity: OAUTHBEARER', () => {
  const oauth = (extensions: Record<string, string> = {}): SecuritySettings => ({
    protocol: 'SASL_PLAINTEXT', tls: undefined,
    sasl: { mechanism: 'OAUTHBEARER', token: { kind: 'unsecured', options: [['unsecuredLoginStringClaim_sub', 'alice']] }, extensions },
  });

  it("gives kafkajs a provider of the token, in kafkajs' shape", async () => {
    const sasl = kafkajsSecurity(oauth()).sasl as { mechanism: string; oauthBearerProvider: () => Promise<{ value: string }> };
    expect(sasl.mechanism).toBe('oauthbearer');
    expect((await sasl.oauthBearerProvider()).value).toMatch(/^eyJhbGciOiJub25lIn0\./);
  });

  it('refuses SASL extensions, which kafkajs cannot send', () => {
    expect(() => kafkajsSecurity(oauth({ traceId: '1' }))).toThrow('--client kafkajs cannot send OAUTHBEARER SASL extensions');
  });
});

describe('securityFailure: one line and exit code 6 per kind of failure', () => {
  const message = (e: unknown, security = SASL_SSL) => {
    const failure = securityFailure(security, '127.0.0.1:9093', e);
    expect(failure).toBeInstanceOf(AuthError);
    expect(failure!.exitCode).toBe(ExitCode.Auth);
    return `${failure!.message} (${failure!.hint})`;
  };

  it('rejected credentials', () => {
    expect(message(new KafkaJSSASLAuthenticationError('SASL SCRAM SHA512 authentication failed: Invalid username or password')))
      .toBe("authentication failed: the broker at 127.0.0.1:9093 rejected SASL SCRAM-SHA-512 credentials for user 'alice' (check the username and password in sasl.jaas.config, and sasl.mechanism)");
    expect(message(new KafkaJSProtocolError({ type: 'SASL_AUTHENTICATION_FAILED', code: 58, retriable: false, message: 'x' }))).toMatch(/^authentication failed/);
  });

  it('a mechanism the listener does not enable, as kafkajs or the broker says it', () => {
    const expected = 'the broker at 127.0.0.1:9093 does not enable SASL mechanism SCRAM-SHA-512 on this listener';
    expect(message(new KafkaJSSASLAuthenticationError('SASL SCRAM-SHA-512 mechanism is not supported by the server'))).toMatch(expected);
    expect(message(new KafkaJSProtocolError({ type: 'UNSUPPORTED_SASL_MECHANISM', code: 33, retriable: false, message: 'x' }))).toMatch(expected);
  });

  it('SASL at a listener without SASL', () => {
    expect(message(new KafkaJSProtocolError({ type: 'ILLEGAL_SASL_STATE', code: 34, retriable: false, message: 'x' })))
      .toBe('the broker at 127.0.0.1:9093 does not expect SASL on this listener (ILLEGAL_SASL_STATE) (is it a PLAINTEXT or SSL listener? set security.protocol to match the listener (it is SASL_SSL))');
  });

  it('TLS: an untrusted chain, a host name mismatch, an expired certificate, a refused client certificate, no TLS at all', () => {
    expect(message(tlsFailure('SELF_SIGNED_CERT_IN_CHAIN'))).toBe("TLS: the certificate of the broker at 127.0.0.1:9093 is not trusted (SELF_SIGNED_CERT_IN_CHAIN) (set ssl.truststore.location (or ssl.truststore.certificates) to the CA that signed the broker's certificate)");
    expect(message(tlsFailure('UNABLE_TO_VERIFY_LEAF_SIGNATURE'))).toMatch(/is not trusted \(UNABLE_TO_VERIFY_LEAF_SIGNATURE\)/);
    expect(message(tlsFailure('ERR_TLS_CERT_ALTNAME_INVALID'))).toBe('TLS: the certificate of the broker at 127.0.0.1:9093 does not match its host name (ERR_TLS_CERT_ALTNAME_INVALID) (connect by a name the certificate holds, or set ssl.endpoint.identification.algorithm= (empty) to skip the host name check)');
    expect(message(tlsFailure('CERT_HAS_EXPIRED'))).toMatch(/^TLS: the certificate of the broker at 127\.0\.0\.1:9093 is expired/);
    expect(message(tlsFailure('ERR_SSL_TLSV13_ALERT_CERTIFICATE_REQUIRED'), SSL)).toBe('TLS: the broker at 127.0.0.1:9093 refused the handshake: it wants a client certificate it trusts (ERR_SSL_TLSV13_ALERT_CERTIFICATE_REQUIRED) (set ssl.keystore.location (or ssl.keystore.key and ssl.keystore.certificate.chain) for mutual TLS)');
    expect(message(tlsFailure('ERR_SSL_WRONG_VERSION_NUMBER'))).toMatch(/did not answer in TLS \(ERR_SSL_WRONG_VERSION_NUMBER\) \(is it a PLAINTEXT or SASL_PLAINTEXT listener\?/);
    expect(message(tlsFailure('ECONNRESET', 'Client network socket disconnected before secure TLS connection was established')))
      .toMatch(/^TLS: the broker at 127\.0\.0\.1:9093 closed the connection during the TLS handshake/);
  });

  it('finds the cause in nested errors (errors arrays, originalError)', () => {
    const nested = Object.assign(new Error('outer'), { errors: [new Error('first'), Object.assign(new Error('wrapped'), { originalError: tlsFailure('DEPTH_ZERO_SELF_SIGNED_CERT') })] });
    expect(message(nested)).toMatch(/is not trusted \(DEPTH_ZERO_SELF_SIGNED_CERT\)/);
  });

  it('leaves other failures alone, and TLS codes alone when TLS is off', () => {
    expect(securityFailure(SASL_SSL, 'h:1', new KafkaJSConnectionError('Connection error: connect ECONNREFUSED', { code: 'ECONNREFUSED' }))).toBeUndefined();
    expect(securityFailure(PLAINTEXT_SECURITY, 'h:1', tlsFailure('SELF_SIGNED_CERT_IN_CHAIN'))).toBeUndefined();
    expect(securityFailure(PLAINTEXT_SECURITY, 'h:1', new KafkaJSSASLAuthenticationError('x'))).toBeUndefined();
  });
});

describe('connectError and its hints', () => {
  const spec = (security: SecuritySettings): ConnectionSpec => ({
    bootstrapServers: ['127.0.0.1:9093'], clientId: 'c', connectionTimeoutMs: 1, requestTimeoutMs: 1, props: {}, security,
  });

  it('scrubs every secret from a client message it quotes', () => {
    const e = connectError(spec(SASL_SSL), new Error('something echoed pw-s3cret back'));
    expect(e).toBeInstanceOf(SetupError);
    expect(e.message).toBe('cannot connect to Kafka at 127.0.0.1:9093: something echoed [redacted] back');
    expect(scrubSecrets('a pw-s3cret b pw-s3cret', SASL_SSL)).toBe('a [redacted] b [redacted]');
  });

  it('says that kafkajs cannot tell a refused OAUTHBEARER token from a broker that hangs up', () => {
    const security: SecuritySettings = { protocol: 'SASL_PLAINTEXT', tls: undefined,
      sasl: { mechanism: 'OAUTHBEARER', token: { kind: 'unsecured', options: [['unsecuredLoginStringClaim_sub', 'a']] }, extensions: {} } };
    expect(connectError(spec(security), new Error('No brokers in the broker pool')).hint).toMatch(/^kafkajs does not report a refused OAUTHBEARER token/);
  });

  it('returns the security failure when there is one', () => {
    expect(connectError(spec(SASL_SSL), new KafkaJSSASLAuthenticationError('x')).exitCode).toBe(ExitCode.Auth);
  });

  it('suggests security.protocol when a broker closes the connection of a client without TLS', () => {
    const closed = new KafkaJSConnectionClosedError('Closed connection', { host: 'h', port: 1 });
    expect(connectionHint(PLAINTEXT_SECURITY, closed)).toBe('the broker closed the connection: if its listener uses TLS or SASL, set security.protocol (SSL, SASL_PLAINTEXT or SASL_SSL) and its settings');
    expect(connectionHint({ ...SASL_SSL, protocol: 'SASL_PLAINTEXT', tls: undefined }, closed)).toBe('the broker closed the connection: if its listener uses TLS, set security.protocol=SASL_SSL');
    expect(connectionHint(SSL, closed)).toBe('the broker closed the connection: if its listener uses SASL, set security.protocol=SASL_SSL and its settings');
    expect(connectionHint(PLAINTEXT_SECURITY, new Error('ECONNREFUSED'))).toBe('check --bootstrap-server (or bootstrap.servers) and that the brokers are up');
  });
});
