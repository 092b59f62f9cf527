import { isIP } from 'node:net';
import type { BaseOptions, CallbackWithPromise, SASLOptions } from './library.js';
import type { SaslSettings, SecuritySettings } from '../../config/security.js';
import { PerfTestError, SetupError } from '../../errors.js';
import type { ConnectionSpec } from '../port.js';
import { connectionClosed, connectionHint, scrubSecrets, securityFailure } from '../security/failure.js';
import { oauthTokenProvider } from '../security/oauth-token.js';
import { probeTls } from '../security/tls-probe.js';
import { nodeTlsOptions } from '../security/tls-options.js';

/**
 * @platformatic/kafka's `tls`, `tlsServerName` and `sasl` options for the resolved settings. SNI names the broker
 * when the bootstrap servers are host names (Java sends it; Node refuses an IP address as a server name).
 */
export function platformaticSecurity(s: SecuritySettings, bootstrapServers: readonly string[]): Pick<BaseOptions, 'tls' | 'tlsServerName' | 'sasl'> {
  const byName = bootstrapServers.every((b) => isIP(hostOf(b)) === 0);
  return {
    ...(s.tls ? { tls: nodeTlsOptions(s.tls), ...(byName ? { tlsServerName: true } : {}) } : {}),
    ...(s.sasl ? { sasl: saslOptions(s.sasl) } : {}),
  };
}

function saslOptions(sasl: SaslSettings): SASLOptions {
  if (sasl.mechanism !== 'OAUTHBEARER') return { mechanism: sasl.mechanism, username: sasl.username, password: sasl.password };
  return {
    mechanism: 'OAUTHBEARER',
    token: oauthTokenProvider(sasl.token), // called at each login: unsecured tokens are made fresh, files read again
    ...(Object.keys(sasl.extensions).length > 0 ? { oauthBearerExtensions: { ...sasl.extensions } } : {}),
    authBytesValidator: checkOAuthAnswer,
  };
}

/** The broker refused an OAUTHBEARER token: the status of its error answer (RFC 7628 3.2.2). */
export class OAuthTokenRejected extends Error {
  constructor(readonly status: string) {
    super(`the broker rejected the OAUTHBEARER token (${status})`);
    this.name = 'OAuthTokenRejected';
  }
}

/**
 * A broker that refuses a token answers with `{"status":"invalid_token"...}` and no error code (it waits for the
 * client to end the exchange); the client would take that as a login and send requests the broker then refuses
 * (ILLEGAL_SASL_STATE). This makes it the login failure it is.
 */
export function checkOAuthAnswer(authBytes: Buffer, callback: CallbackWithPromise<Buffer>): void {
  let status: unknown;
  try {
    status = authBytes.length > 0 ? (JSON.parse(authBytes.toString('utf8')) as { status?: unknown }).status : undefined;
  } catch {
    status = 'an answer that is not JSON';
  }
  if (status === undefined) callback(null, authBytes);
  else callback(new OAuthTokenRejected(typeof status === 'string' && /^[\w -]{1,64}$/.test(status) ? status : 'unknown status'), authBytes);
}

/**
 * A connection failure as one line: an authentication or TLS failure gets its own message and exit code. A TLS
 * connection the broker closed is asked again (probeTls) for the alert that says why. The client's own text is
 * scrubbed of every secret.
 */
export async function platformaticConnectError(c: ConnectionSpec, e: unknown, detail: string): Promise<PerfTestError> {
  const servers = c.bootstrapServers.join(',');
  const failure = securityFailure(c.security, servers, e);
  if (failure) return failure;
  const first = c.bootstrapServers[0];
  if (c.security.tls && first !== undefined && connectionClosed(e)) {
    const alert = await probeTls(first, { ...nodeTlsOptions(c.security.tls), ...(isIP(hostOf(first)) === 0 ? { servername: hostOf(first) } : {}) });
    const probed = alert && securityFailure(c.security, first, alert);
    if (probed) return probed;
  }
  return new SetupError(`cannot connect to Kafka at ${servers}: ${scrubSecrets(detail, c.security)}`, connectionHint(c.security, e), { cause: e });
}

function hostOf(server: string): string {
  const colon = server.lastIndexOf(':');
  return (colon < 0 ? server : server.slice(0, colon)).replace(/^\[(.*)\]$/, '$1');
}
