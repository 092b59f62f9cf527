import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { UsageError, badValue } from '../errors.js';
import { UnsecuredTokenError, unsecuredExtensions, unsecuredJws } from './oauth-unsecured.js';
import type { OAuthBearerSasl, OAuthTokenSource } from './security.js';

/**
 * SASL OAUTHBEARER from Java's client settings. Without `sasl.oauthbearer.token.endpoint.url`, Java's default
 * login handler makes unsecured tokens from the JAAS options; with a `file:` URL the file holds a ready JWT; with
 * an http(s) URL the client-credentials grant runs with sasl.oauthbearer.client.credentials.client.id/.client.secret
 * and sasl.oauthbearer.scope (Kafka 4.1), or the JAAS options clientId, clientSecret and scope.
 * (Java also wants sasl.login.callback.handler.class=...OAuthBearerLoginCallbackHandler for a URL; perf-test
 * takes the URL alone.) Every problem is a usage error before any connection; none shows a token or a secret.
 */

export const OAUTH_MODULE = 'org.apache.kafka.common.security.oauthbearer.OAuthBearerLoginModule';
/** Java's login handlers for a token endpoint (the second is its pre-3.4 name). */
export const OAUTH_LOGIN_HANDLERS: readonly string[] = [
  'org.apache.kafka.common.security.oauthbearer.OAuthBearerLoginCallbackHandler',
  'org.apache.kafka.common.security.oauthbearer.secured.OAuthBearerLoginCallbackHandler',
];
export const UNSECURED_EXAMPLE = `e.g. sasl.jaas.config=${OAUTH_MODULE} required unsecuredLoginStringClaim_sub="alice";`;
const CLIENT_EXAMPLE = `e.g. sasl.jaas.config=${OAUTH_MODULE} required clientId="perf-test" clientSecret="..." scope="kafka";`;

/** The OAUTHBEARER settings for the JAAS options of an OAuthBearerLoginModule entry. */
export function resolveOAuthBearer(props: ReadonlyMap<string, string>, options: ReadonlyMap<string, string>, nowMs = Date.now()): OAuthBearerSasl {
  const url = props.get('sasl.oauthbearer.token.endpoint.url')?.trim();
  if (url === undefined || url === '') return unsecured([...options], nowMs);
  const token = /^file:/i.test(url) ? fileToken(url, props, nowMs) : clientCredentials(url, props, options);
  return Object.freeze({ mechanism: 'OAUTHBEARER', token, extensions: endpointExtensions(options) });
}

function unsecured(options: [string, string][], nowMs: number): OAuthBearerSasl {
  try {
    unsecuredJws(options, nowMs); // each login builds its own; this one only checks the options
    return Object.freeze({ mechanism: 'OAUTHBEARER', token: Object.freeze({ kind: 'unsecured', options }), extensions: unsecuredExtensions(options) });
  } catch (e) {
    if (e instanceof UnsecuredTokenError) {
      throw new UsageError(`sasl.jaas.config (value not shown) does not make an unsecured OAUTHBEARER token: ${e.message}`,
        `${UNSECURED_EXAMPLE} (or set sasl.oauthbearer.token.endpoint.url for a real token)`);
    }
    throw e;
  }
}

function fileToken(url: string, props: ReadonlyMap<string, string>, nowMs: number): OAuthTokenSource {
  let path: string;
  try {
    path = fileURLToPath(url);
  } catch {
    throw badValue('sasl.oauthbearer.token.endpoint.url', url, 'is not a valid file: URL (e.g. file:/etc/kafka/token.jwt)');
  }
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    throw badValue('sasl.oauthbearer.token.endpoint.url', url, code === 'ENOENT' ? 'names a file that does not exist' : `names a file that cannot be read (${code ?? 'error'})`);
  }
  const token = text.trim();
  const why = jwtProblem(token, props.get('sasl.oauthbearer.sub.claim.name')?.trim() || 'sub', nowMs);
  if (why) throw badValue('sasl.oauthbearer.token.endpoint.url', url, `holds no usable token (not shown): ${why}`);
  return Object.freeze({ kind: 'file', path, token });
}

/** What is wrong with a JWT from a file, as Java's LoginAccessTokenValidator sees it; undefined if nothing. */
export function jwtProblem(token: string, subClaim: string, nowMs: number): string | undefined {
  const parts = token.split('.');
  if (parts.length !== 3) return `a JWT has 3 parts separated by '.', this has ${parts.length}`;
  let claims: unknown;
  try {
    claims = JSON.parse(Buffer.from(parts[1]!, 'base64url').toString('utf8'));
  } catch {
    return 'its payload is not base64url-encoded JSON';
  }
  if (typeof claims !== 'object' || claims === null) return 'its payload is not a JSON object';
  const { exp } = claims as Record<string, unknown>;
  if (typeof exp !== 'number') return "it has no numeric 'exp' claim";
  if (exp * 1000 <= nowMs) return `it expired at ${new Date(exp * 1000).toISOString()}`;
  const sub = (claims as Record<string, unknown>)[subClaim];
  if (typeof sub !== 'string' || sub.trim() === '') return `it has no '${subClaim}' claim (sasl.oauthbearer.sub.claim.name)`;
  return undefined;
}

function clientCredentials(url: string, props: ReadonlyMap<string, string>, options: ReadonlyMap<string, string>): OAuthTokenSource {
  if (!/^https?:\/\/[^/]/i.test(url)) throw badValue('sasl.oauthbearer.token.endpoint.url', url, 'is not a file:, http: or https: URL');
  // Kafka 4.1's own settings come first; the JAAS options are the older (still accepted) place.
  const clientId = props.get('sasl.oauthbearer.client.credentials.client.id') || options.get('clientId');
  const clientSecret = props.get('sasl.oauthbearer.client.credentials.client.secret') || options.get('clientSecret');
  const scope = props.get('sasl.oauthbearer.scope') || options.get('scope') || undefined;
  if (!clientId) throw new UsageError('the token endpoint needs a client id: sasl.oauthbearer.client.credentials.client.id, or the clientId option of sasl.jaas.config (value not shown)', CLIENT_EXAMPLE);
  if (!clientSecret) throw new UsageError('the token endpoint needs a client secret: sasl.oauthbearer.client.credentials.client.secret, or the clientSecret option of sasl.jaas.config (value not shown)', CLIENT_EXAMPLE);
  const header = props.get('sasl.oauthbearer.header.urlencode')?.trim().toLowerCase();
  if (header !== undefined && header !== 'true' && header !== 'false') throw badValue('sasl.oauthbearer.header.urlencode', header, 'is not true or false');
  return Object.freeze({ kind: 'client-credentials', url, clientId, clientSecret, scope, urlencodeHeader: header === 'true' });
}

/** Java's secured login handler takes SASL extensions from `extension_<name>` JAAS options. */
function endpointExtensions(options: ReadonlyMap<string, string>): Record<string, string> {
  const renamed = [...options].filter(([k]) => k.startsWith('extension_')).map(([k, v]) => [`unsecuredLoginExtension_${k.slice('extension_'.length)}`, v] as [string, string]);
  try {
    return unsecuredExtensions(renamed);
  } catch (e) {
    if (e instanceof UnsecuredTokenError) throw new UsageError(`sasl.jaas.config (value not shown): ${e.message.replace('unsecuredLoginExtension_', 'extension_')}`);
    throw e;
  }
}
