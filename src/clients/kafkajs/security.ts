import type { ConnectionOptions } from 'node:tls';
import type { KafkaConfig, SASLOptions } from 'kafkajs';
import type { SecuritySettings } from '../../config/security.js';
import { secretValues } from '../../config/security.js';
import { AuthError } from '../../errors.js';

/** kafkajs' `ssl` and `sasl` options for the resolved security settings. */
export function kafkajsSecurity(s: SecuritySettings): Pick<KafkaConfig, 'ssl' | 'sasl'> {
  return { ssl: s.tls ? tlsOptions(s.tls) : undefined, sasl: s.sasl ? saslOptions(s.sasl) : undefined };
}

function tlsOptions(tls: NonNullable<SecuritySettings['tls']>): ConnectionOptions {
  const id = tls.identity;
  return {
    rejectUnauthorized: true,
    ...(tls.trustedCertificatesPem === undefined ? {} : { ca: tls.trustedCertificatesPem }),
    ...(id?.kind === 'pem' ? { cert: id.certificateChainPem, key: id.privateKeyPem, passphrase: id.keyPassword } : {}),
    // Worker threads receive the bytes as a Uint8Array (structured clone); Node's TLS wants a Buffer.
    ...(id?.kind === 'pkcs12' ? { pfx: Buffer.from(id.pkcs12), passphrase: id.password } : {}),
    // Java's ssl.endpoint.identification.algorithm= (empty): the certificate is still verified, the name is not.
    ...(tls.verifyHostname ? {} : { checkServerIdentity: () => undefined }),
    ...(tls.minVersion ? { minVersion: tls.minVersion } : {}),
    ...(tls.maxVersion ? { maxVersion: tls.maxVersion } : {}),
  };
}

function saslOptions(sasl: NonNullable<SecuritySettings['sasl']>): SASLOptions {
  const credentials = { username: sasl.username, password: sasl.password };
  switch (sasl.mechanism) {
    case 'PLAIN':
      return { mechanism: 'plain', ...credentials };
    case 'SCRAM-SHA-256':
      return { mechanism: 'scram-sha-256', ...credentials };
    case 'SCRAM-SHA-512':
      return { mechanism: 'scram-sha-512', ...credentials };
  }
}

/** What a kafkajs error chain says: its class names, Node's error codes, Kafka's error types, its messages. */
interface Clues {
  readonly names: Set<string>;
  readonly codes: Set<string>;
  readonly types: Set<string>;
  readonly messages: string[];
  readonly broker: string | undefined;
}

function cluesOf(e: unknown): Clues {
  const clues = { names: new Set<string>(), codes: new Set<string>(), types: new Set<string>(), messages: [] as string[], broker: undefined as string | undefined };
  const seen = new Set<unknown>();
  const visit = (cur: unknown, depth: number): void => {
    if (depth > 8 || !(cur instanceof Error) || seen.has(cur)) return;
    seen.add(cur);
    const x = cur as Error & { code?: unknown; type?: unknown; broker?: unknown; originalError?: unknown; errors?: unknown };
    clues.names.add(x.name);
    if (typeof x.code === 'string') clues.codes.add(x.code);
    if (typeof x.type === 'string') clues.types.add(x.type);
    if (typeof x.broker === 'string' && clues.broker === undefined) clues.broker = x.broker;
    clues.messages.push(x.message);
    for (const next of [x.cause, x.originalError, ...(Array.isArray(x.errors) ? x.errors : [])]) visit(next, depth + 1);
  };
  visit(e, 0);
  return clues;
}

const UNTRUSTED = new Set(['SELF_SIGNED_CERT_IN_CHAIN', 'DEPTH_ZERO_SELF_SIGNED_CERT', 'UNABLE_TO_VERIFY_LEAF_SIGNATURE',
  'UNABLE_TO_GET_ISSUER_CERT', 'UNABLE_TO_GET_ISSUER_CERT_LOCALLY', 'CERT_UNTRUSTED', 'CERT_SIGNATURE_FAILURE', 'CERT_REJECTED']);
const CLIENT_CERT_REFUSED = /^ERR_SSL_(TLSV13_ALERT_CERTIFICATE_REQUIRED|SSLV3_ALERT_BAD_CERTIFICATE|TLSV1_ALERT_UNKNOWN_CA|SSLV3_ALERT_CERTIFICATE_UNKNOWN|TLSV1_ALERT_ACCESS_DENIED|SSLV3_ALERT_HANDSHAKE_FAILURE)$/;
const NOT_TLS = new Set(['ERR_SSL_WRONG_VERSION_NUMBER', 'ERR_SSL_PACKET_LENGTH_TOO_LONG', 'ERR_SSL_HTTP_REQUEST', 'EPROTO']);

/**
 * A one-line error for an authentication or TLS failure (exit code 6), or undefined for any other failure.
 * Never quotes a secret: the messages are perf-test's own, with the broker's address and Node's error code.
 */
export function securityFailure(security: SecuritySettings, servers: string, e: unknown): AuthError | undefined {
  const c = cluesOf(e);
  const at = c.broker ?? servers;
  const sasl = c.names.has('KafkaJSSASLAuthenticationError') || c.types.has('SASL_AUTHENTICATION_FAILED') || c.types.has('UNSUPPORTED_SASL_MECHANISM');
  if (sasl && security.sasl) {
    const { mechanism, username } = security.sasl;
    if (c.types.has('UNSUPPORTED_SASL_MECHANISM') || c.messages.some((m) => /mechanism is not supported by the server/.test(m))) {
      return new AuthError(`the broker at ${at} does not enable SASL mechanism ${mechanism} on this listener`,
        'set sasl.mechanism to one the listener enables (the broker\'s sasl.enabled.mechanisms)', { cause: e });
    }
    return new AuthError(`authentication failed: the broker at ${at} rejected SASL ${mechanism} credentials for user '${username}'`,
      'check the username and password in sasl.jaas.config, and sasl.mechanism', { cause: e });
  }
  if (c.types.has('ILLEGAL_SASL_STATE') && security.sasl) {
    return new AuthError(`the broker at ${at} does not expect SASL on this listener (ILLEGAL_SASL_STATE)`,
      `is it a PLAINTEXT or SSL listener? set security.protocol to match the listener (it is ${security.protocol})`, { cause: e });
  }
  if (security.tls && c.messages.some((m) => /disconnected before secure TLS connection was established/.test(m))) {
    return new AuthError(`TLS: the broker at ${at} closed the connection during the TLS handshake`,
      'is it a PLAINTEXT or SASL_PLAINTEXT listener? set security.protocol to match the listener', { cause: e });
  }
  const code = [...c.codes].find((k) => k === 'ERR_TLS_CERT_ALTNAME_INVALID' || UNTRUSTED.has(k) || CLIENT_CERT_REFUSED.test(k)
    || NOT_TLS.has(k) || k === 'CERT_HAS_EXPIRED' || k === 'CERT_NOT_YET_VALID');
  if (code === undefined || !security.tls) return undefined;
  if (code === 'ERR_TLS_CERT_ALTNAME_INVALID') {
    return new AuthError(`TLS: the certificate of the broker at ${at} does not match its host name (${code})`,
      'connect by a name the certificate holds, or set ssl.endpoint.identification.algorithm= (empty) to skip the host name check', { cause: e });
  }
  if (UNTRUSTED.has(code)) {
    return new AuthError(`TLS: the certificate of the broker at ${at} is not trusted (${code})`,
      'set ssl.truststore.location (or ssl.truststore.certificates) to the CA that signed the broker\'s certificate', { cause: e });
  }
  if (code === 'CERT_HAS_EXPIRED' || code === 'CERT_NOT_YET_VALID') {
    return new AuthError(`TLS: the certificate of the broker at ${at} is ${code === 'CERT_HAS_EXPIRED' ? 'expired' : 'not valid yet'} (${code})`, undefined, { cause: e });
  }
  if (NOT_TLS.has(code)) {
    return new AuthError(`TLS: the broker at ${at} did not answer in TLS (${code})`,
      'is it a PLAINTEXT or SASL_PLAINTEXT listener? set security.protocol to match the listener', { cause: e });
  }
  return new AuthError(`TLS: the broker at ${at} refused the handshake: it wants a client certificate it trusts (${code})`,
    security.tls.identity ? 'the broker does not trust the certificate of ssl.keystore.location (or ssl.keystore.certificate.chain)'
      : 'set ssl.keystore.location (or ssl.keystore.key and ssl.keystore.certificate.chain) for mutual TLS', { cause: e });
}

/**
 * The hint of a connection failure that is not clearly a security one. A broker that closes the connection
 * at once often has a listener that wants TLS or SASL the client does not speak.
 */
export function connectionHint(security: SecuritySettings, e: unknown): string {
  const closed = cluesOf(e).names.has('KafkaJSConnectionClosedError');
  if (closed && security.protocol === 'PLAINTEXT') {
    return 'the broker closed the connection: if its listener uses TLS or SASL, set security.protocol (SSL, SASL_PLAINTEXT or SASL_SSL) and its settings';
  }
  if (closed && security.protocol === 'SASL_PLAINTEXT') return 'the broker closed the connection: if its listener uses TLS, set security.protocol=SASL_SSL';
  return 'check --bootstrap-server (or bootstrap.servers) and that the brokers are up';
}

/** The text with every secret of the settings replaced, for messages that quote a client library. */
export function scrubSecrets(text: string, security: SecuritySettings): string {
  return secretValues(security).reduce((t, secret) => t.split(secret).join('[redacted]'), text);
}
