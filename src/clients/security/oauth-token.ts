import { readFile } from 'node:fs/promises';
import { unsecuredJws } from '../../config/oauth-unsecured.js';
import type { OAuthTokenSource } from '../../config/security.js';

/**
 * OAUTHBEARER tokens for each login, from the resolved source: an unsecured JWS built now, the token file read
 * again (a rotated token is picked up), or the client-credentials grant at the token endpoint (the token kept
 * until 80% of its lifetime, shared by every connection of the thread).
 */

/** A token could not be had. The message names the source, never a token or a secret. */
export class OAuthTokenError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'OAuthTokenError';
  }
}

/** What the providers use from the outside world; tests give their own. */
export interface TokenDeps {
  readonly now: () => number;
  readonly fetch: typeof fetch;
  /** How long the token endpoint may take to answer (Java's sasl.login.connect/read.timeout.ms default to 10 s). */
  readonly timeoutMs: number;
}

const DEFAULT_DEPS: TokenDeps = { now: () => Date.now(), fetch: (...args) => fetch(...args), timeoutMs: 10_000 };
/** Java's client refreshes a token at 80% of its lifetime (sasl.login.refresh.window.factor). */
const REFRESH_FACTOR = 0.8;

/** A provider of the token for each SASL login. */
export function oauthTokenProvider(source: OAuthTokenSource, deps: Partial<TokenDeps> = {}): () => Promise<string> {
  const d = { ...DEFAULT_DEPS, ...deps };
  switch (source.kind) {
    case 'unsecured':
      return () => Promise.resolve(unsecuredJws(source.options, d.now()));
    case 'file':
      return async () => {
        let text;
        try {
          text = await readFile(source.path, 'utf8');
        } catch (e) {
          throw new OAuthTokenError(`cannot read the OAUTHBEARER token file ${source.path} (${(e as NodeJS.ErrnoException).code ?? 'error'})`);
        }
        if (text.trim() === '') throw new OAuthTokenError(`the OAUTHBEARER token file ${source.path} is empty`);
        return text.trim();
      };
    case 'client-credentials':
      return cachedGrant(source, d);
  }
}

type ClientCredentials = Extract<OAuthTokenSource, { kind: 'client-credentials' }>;

function cachedGrant(source: ClientCredentials, d: TokenDeps): () => Promise<string> {
  let cached: { token: Promise<string>; refreshAtMs: number } | undefined;
  return () => {
    if (cached && d.now() < cached.refreshAtMs) return cached.token;
    const startedMs = d.now();
    const entry = { token: Promise.resolve(''), refreshAtMs: Infinity };
    entry.token = grant(source, d).then(({ token, lifetimeMs }) => {
      entry.refreshAtMs = startedMs + lifetimeMs * REFRESH_FACTOR;
      return token;
    }, (e: unknown) => {
      if (cached === entry) cached = undefined; // the next login asks again
      throw e;
    });
    cached = entry;
    return entry.token;
  };
}

/** One client-credentials grant (RFC 6749 4.4), as Java's HttpAccessTokenRetriever asks for it. */
async function grant(source: ClientCredentials, d: TokenDeps): Promise<{ token: string; lifetimeMs: number }> {
  const encode = (s: string) => (source.urlencodeHeader ? encodeURIComponent(s) : s);
  const body = `grant_type=client_credentials${source.scope === undefined ? '' : `&scope=${encodeURIComponent(source.scope)}`}`;
  let response: Response;
  try {
    response = await d.fetch(source.url, {
      method: 'POST',
      headers: {
        Authorization: `Basic ${Buffer.from(`${encode(source.clientId)}:${encode(source.clientSecret)}`).toString('base64')}`,
        'Content-Type': 'application/x-www-form-urlencoded',
        Accept: 'application/json',
        'Cache-Control': 'no-cache',
      },
      body,
      signal: AbortSignal.timeout(d.timeoutMs),
    });
  } catch (e) {
    const why = (e as Error).name === 'TimeoutError' ? `no answer in ${d.timeoutMs / 1000} s` : causeCode(e);
    throw new OAuthTokenError(`cannot get an OAUTHBEARER token from ${source.url}: ${why}`, { cause: e });
  }
  const text = await response.text().catch(() => '');
  const json = parseJson(text);
  if (!response.ok) {
    // The endpoint's error code (invalid_client...) is safe to show; its description or body could echo a secret.
    const error = typeof json?.error === 'string' && /^[\w.-]{1,64}$/.test(json.error) ? `: ${json.error}` : '';
    throw new OAuthTokenError(`the token endpoint ${source.url} refused the client-credentials grant for client '${source.clientId}' (HTTP ${response.status}${error})`);
  }
  const token = json?.access_token;
  if (typeof token !== 'string' || token === '') throw new OAuthTokenError(`the token endpoint ${source.url} answered without an access_token`);
  return { token, lifetimeMs: lifetimeMs(json ?? {}, token, d.now()) };
}

/** The token's lifetime from `expires_in`, or from its `exp` claim; an hour if it gives neither. */
function lifetimeMs(json: Record<string, unknown>, token: string, nowMs: number): number {
  if (typeof json.expires_in === 'number' && json.expires_in > 0) return json.expires_in * 1000;
  const claims = parseJson(Buffer.from(token.split('.')[1] ?? '', 'base64url').toString('utf8'));
  if (typeof claims?.exp === 'number' && claims.exp * 1000 > nowMs) return claims.exp * 1000 - nowMs;
  return 3_600_000;
}

function parseJson(text: string): Record<string, unknown> | undefined {
  try {
    const value: unknown = JSON.parse(text);
    return typeof value === 'object' && value !== null ? (value as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}

/** Node's error code of a failed fetch (ECONNREFUSED, ENOTFOUND...), found in its causes. */
function causeCode(e: unknown, depth = 0): string {
  if (depth > 4 || typeof e !== 'object' || e === null) return 'the request failed';
  const x = e as { code?: unknown; cause?: unknown; errors?: unknown; message?: unknown };
  if (depth > 0 && typeof x.code === 'string') return x.code;
  if (depth > 0 && x.cause === undefined && !Array.isArray(x.errors) && typeof x.message === 'string') return `the request failed (${x.message})`;
  const next = x.cause ?? (Array.isArray(x.errors) ? x.errors[0] : undefined);
  return causeCode(next, depth + 1);
}
