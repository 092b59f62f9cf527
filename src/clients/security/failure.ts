import type { SecuritySettings } from '../../config/security.js';
import { secretValues } from '../../config/security.js';
import { AuthError } from '../../errors.js';

/**
 * Authentication and TLS failures of either client, as one line each (exit code 6). The clues are read from
 * the whole error chain: kafkajs' error names and types, @platformatic/kafka's Kafka error ids, Node's TLS codes.
 */

/** What an error chain says: class names, Node's error codes, Kafka's error types, messages, the broker. */
interface Clues {
  readonly names: Set<string>;
  readonly codes: Set<string>;
  readonly types: Set<string>;
  readonly messages: string[];
  readonly broker: string | undefined;
  /** An OAUTHBEARER token the broker refused: the status it gave (invalid_token...). */
  readonly tokenStatus: string | undefined;
  /** perf-test could not get an OAUTHBEARER token (src/clients/security/oauth-token.ts): its message. */
  readonly tokenError: string | undefined;
}

function cluesOf(e: unknown): Clues {
  const clues = { names: new Set<string>(), codes: new Set<string>(), types: new Set<string>(), messages: [] as string[], broker: undefined as string | undefined, tokenStatus: undefined as string | undefined, tokenError: undefined as string | undefined };
  const seen = new Set<unknown>();
  const visit = (cur: unknown, depth: number): void => {
    if (depth > 8 || !(cur instanceof Error) || seen.has(cur)) return;
    seen.add(cur);
    const x = cur as Error & { code?: unknown; type?: unknown; apiId?: unknown; broker?: unknown; status?: unknown; originalError?: unknown; errors?: unknown };
    clues.names.add(x.name);
    if (typeof x.code === 'string') clues.codes.add(x.code);
    if (typeof x.type === 'string') clues.types.add(x.type); // kafkajs
    if (typeof x.apiId === 'string') clues.types.add(x.apiId); // @platformatic/kafka
    if (x.name === 'OAuthTokenRejected' && typeof x.status === 'string') clues.tokenStatus ??= x.status;
    if (x.name === 'OAuthTokenError') clues.tokenError ??= x.message;
    // kafkajs names the broker; @platformatic/kafka says "Connection to host:port failed."
    const at = typeof x.broker === 'string' ? x.broker : /^Connection to (\S+:\d+) failed/.exec(x.message)?.[1];
    clues.broker ??= at;
    clues.messages.push(x.message);
    for (const next of [x.cause, x.originalError, ...(Array.isArray(x.errors) ? x.errors : [])]) visit(next, depth + 1);
  };
  visit(e, 0);
  return clues;
}

const UNTRUSTED = new Set(['SELF_SIGNED_CERT_IN_CHAIN', 'DEPTH_ZERO_SELF_SIGNED_CERT', 'UNABLE_TO_VERIFY_LEAF_SIGNATURE',
  'UNABLE_TO_GET_ISSUER_CERT', 'UNABLE_TO_GET_ISSUER_CERT_LOCALLY', 'CERT_UNTRUSTED', 'CERT_SIGNATURE_FAILURE', 'CERT_REJECTED']);
const CLIENT_CERT_REFUSED = /^ERR_SSL_(TLSV13_ALERT_CERTIFICATE_REQUIRED|SSLV3_ALERT_BAD_CERTIFICATE|TLSV1_ALERT_UNKNOWN_CA|SSLV3_ALERT_CERTIFICATE_UNKNOWN|TLSV1_ALERT_ACCESS_DENIED|SSLV3_ALERT_HANDSHAKE_FAILURE|TLSV1_ALERT_DECRYPT_ERROR)$/;
const NOT_TLS = new Set(['ERR_SSL_WRONG_VERSION_NUMBER', 'ERR_SSL_PACKET_LENGTH_TOO_LONG', 'ERR_SSL_HTTP_REQUEST', 'EPROTO']);

/**
 * A one-line error for an authentication or TLS failure (exit code 6), or undefined for any other failure.
 * Never quotes a secret: the messages are perf-test's own, with the broker's address and Node's error code.
 */
export function securityFailure(security: SecuritySettings, servers: string, e: unknown): AuthError | undefined {
  const c = cluesOf(e);
  const at = c.broker ?? servers;
  return saslFailure(security, at, c, e) ?? tlsFailure(security, at, c, e);
}

function saslFailure(security: SecuritySettings, at: string, c: Clues, e: unknown): AuthError | undefined {
  const sasl = security.sasl;
  if (!sasl) return undefined;
  const { mechanism } = sasl;
  if (c.types.has('UNSUPPORTED_SASL_MECHANISM') || c.messages.some((m) => /mechanism is not supported by the server/.test(m))) {
    return new AuthError(`the broker at ${at} does not enable SASL mechanism ${mechanism} on this listener`,
      'set sasl.mechanism to one the listener enables (the broker\'s sasl.enabled.mechanisms)', { cause: e });
  }
  if (c.tokenError !== undefined) {
    return new AuthError(c.tokenError, 'check sasl.oauthbearer.token.endpoint.url and the clientId, clientSecret and scope options of sasl.jaas.config', { cause: e });
  }
  const rejected = c.tokenStatus !== undefined || c.names.has('KafkaJSSASLAuthenticationError') || c.types.has('SASL_AUTHENTICATION_FAILED');
  if (rejected && sasl.mechanism === 'OAUTHBEARER') {
    return new AuthError(`authentication failed: the broker at ${at} rejected the OAUTHBEARER token${c.tokenStatus ? ` (${c.tokenStatus})` : ''}`,
      sasl.token.kind === 'unsecured'
        ? 'an unsecured token (no sasl.oauthbearer.token.endpoint.url) is accepted only by a broker with Kafka\'s unsecured validator; check unsecuredLoginStringClaim_sub and unsecuredLoginLifetimeSeconds'
        : 'check that the token is valid for this cluster and not expired', { cause: e });
  }
  if (rejected && sasl.mechanism !== 'OAUTHBEARER') {
    return new AuthError(`authentication failed: the broker at ${at} rejected SASL ${mechanism} credentials for user '${sasl.username}'`,
      'check the username and password in sasl.jaas.config, and sasl.mechanism', { cause: e });
  }
  if (c.types.has('ILLEGAL_SASL_STATE')) {
    return new AuthError(`the broker at ${at} does not expect SASL on this listener (ILLEGAL_SASL_STATE)`,
      `is it a PLAINTEXT or SSL listener? set security.protocol to match the listener (it is ${security.protocol})`, { cause: e });
  }
  return undefined;
}

function tlsFailure(security: SecuritySettings, at: string, c: Clues, e: unknown): AuthError | undefined {
  if (!security.tls) return undefined;
  if (c.messages.some((m) => /disconnected before secure TLS connection was established/.test(m))) {
    return new AuthError(`TLS: the broker at ${at} closed the connection during the TLS handshake`,
      'is it a PLAINTEXT or SASL_PLAINTEXT listener? set security.protocol to match the listener', { cause: e });
  }
  const code = [...c.codes].find((k) => k === 'ERR_TLS_CERT_ALTNAME_INVALID' || UNTRUSTED.has(k) || CLIENT_CERT_REFUSED.test(k)
    || NOT_TLS.has(k) || k === 'CERT_HAS_EXPIRED' || k === 'CERT_NOT_YET_VALID');
  if (code === undefined) return undefined;
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

/** The broker closed the connection (kafkajs' ConnectionClosedError, @platformatic/kafka's "Connection closed"). */
export function connectionClosed(e: unknown): boolean {
  const c = cluesOf(e);
  return c.names.has('KafkaJSConnectionClosedError') || c.messages.some((m) => /^Connection closed/.test(m));
}

/**
 * The hint of a connection failure that is not clearly a security one. A broker that closes the connection
 * at once often has a listener that wants TLS or SASL the client does not speak.
 */
export function connectionHint(security: SecuritySettings, e: unknown): string {
  const closed = connectionClosed(e);
  if (closed && security.protocol === 'PLAINTEXT') {
    return 'the broker closed the connection: if its listener uses TLS or SASL, set security.protocol (SSL, SASL_PLAINTEXT or SASL_SSL) and its settings';
  }
  if (closed && security.protocol === 'SASL_PLAINTEXT') return 'the broker closed the connection: if its listener uses TLS, set security.protocol=SASL_SSL';
  if (closed && security.protocol === 'SSL') return 'the broker closed the connection: if its listener uses SASL, set security.protocol=SASL_SSL and its settings';
  return 'check --bootstrap-server (or bootstrap.servers) and that the brokers are up';
}

/** The text with every secret of the settings replaced, for messages that quote a client library. */
export function scrubSecrets(text: string, security: SecuritySettings): string {
  return secretValues(security).reduce((t, secret) => t.split(secret).join('[redacted]'), text);
}
