/**
 * Kafka's unsecured OAUTHBEARER tokens, built as Java's client builds them by default
 * (OAuthBearerUnsecuredLoginCallbackHandler): a JWS with the header `{"alg":"none"}`, no signature, and claims
 * from the JAAS options `unsecuredLoginStringClaim_<name>`, `unsecuredLoginNumberClaim_<name>` and
 * `unsecuredLoginListClaim_<name>`, with `exp` and `iat` computed. The bytes are Java's for the same options and
 * clock, down to its number formatting (`1.764647456789E9`) and the order of its HashMap of options; the one
 * difference: a `"` in a value is escaped so that the JSON stays valid (Java's escaping breaks it).
 * Unit-tested against tokens that Kafka 4.1.1's handler produced.
 */

/** A JAAS option that does not make a valid token; the message names the option, never a value. */
export class UnsecuredTokenError extends Error {}

const STRING_CLAIM = 'unsecuredLoginStringClaim_';
const NUMBER_CLAIM = 'unsecuredLoginNumberClaim_';
const LIST_CLAIM = 'unsecuredLoginListClaim_';
const EXTENSION = 'unsecuredLoginExtension_';
const RESERVED_CLAIMS = new Set(['iat', 'exp']);

/** An unsecured JWS for the JAAS options (in the order given) at `nowMs`. */
export function unsecuredJws(options: readonly (readonly [string, string])[], nowMs: number): string {
  const get = (key: string) => options.find(([k]) => k === key)?.[1];
  const principalClaim = get('unsecuredLoginPrincipalClaimName')?.trim() || 'sub';
  const lifetimeText = get('unsecuredLoginLifetimeSeconds') ?? '3600';
  // Long.parseLong: an optional sign and digits, nothing else (no spaces).
  if (!/^[+-]?\d{1,18}$/.test(lifetimeText)) throw new UnsecuredTokenError('unsecuredLoginLifetimeSeconds is not a whole number of seconds');
  const nowSeconds = nowMs / 1000;
  let claims = `{${json('exp')}:${javaDouble(nowSeconds + Number(lifetimeText))},${json('iat')}:${javaDouble(nowSeconds)}`;
  const principal: { value: string | undefined; isString: boolean } = { value: undefined, isString: false };
  for (const [key, value] of javaHashMapOrder(options)) {
    const claim = claimOf(key);
    if (claim === undefined) continue;
    if (RESERVED_CLAIMS.has(claim.name)) throw new UnsecuredTokenError(`${key}: the '${claim.name}' claim cannot be set (it is computed)`);
    if (claim.name === principalClaim) Object.assign(principal, { value, isString: claim.kind === 'string' });
    if (claim.kind === 'string') claims += `,${json(claim.name)}:${json(value)}`;
    if (claim.kind === 'number') claims += `,${json(claim.name)}:${javaDouble(parseJavaDouble(value, key))}`;
    if (claim.kind === 'list') claims += `,${json(claim.name)}:${listJson(value, key)}`;
  }
  claims += '}';
  if (principal.value === undefined || (principal.isString && principal.value.trim() === '')) {
    throw new UnsecuredTokenError(`no principal name: set ${STRING_CLAIM}${principalClaim} (the principal claim, unsecuredLoginPrincipalClaimName, is '${principalClaim}')`);
  }
  if (!principal.isString) throw new UnsecuredTokenError(`the principal claim '${principalClaim}' must be a string claim (${STRING_CLAIM}${principalClaim})`);
  return `${base64Url('{"alg":"none"}')}.${base64Url(claims)}.`;
}

/** The SASL extensions of `unsecuredLoginExtension_<name>` options, checked as Kafka checks them. */
export function unsecuredExtensions(options: readonly (readonly [string, string])[]): Record<string, string> {
  const extensions: Record<string, string> = {};
  for (const [key, value] of options) {
    if (!key.startsWith(EXTENSION)) continue;
    const name = key.slice(EXTENSION.length);
    if (!/^[A-Za-z]+$/.test(name) || name === 'auth') throw new UnsecuredTokenError(`${key}: the extension name '${name}' is invalid (letters only, not 'auth')`);
    if (!/^[\x21-\x7E \t\r\n]+$/.test(value)) throw new UnsecuredTokenError(`${key}: the extension's value is invalid (printable ASCII)`);
    extensions[name] = value;
  }
  return extensions;
}

function claimOf(key: string): { kind: 'string' | 'number' | 'list'; name: string } | undefined {
  for (const [prefix, kind] of [[STRING_CLAIM, 'string'], [NUMBER_CLAIM, 'number'], [LIST_CLAIM, 'list']] as const) {
    if (key.startsWith(prefix) && key.length > prefix.length) return { kind, name: key.slice(prefix.length) };
  }
  return undefined;
}

/** A JSON string as Java's handler writes it: `"` and `\` escaped, nothing else. */
function json(text: string): string {
  return `"${text.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`;
}

/** A list claim: the value's first character is the delimiter (`|a|b` is ["a","b"]), with Java's split rules. */
function listJson(value: string, key: string): string {
  if (value.length <= 1) return '[]';
  const delimiter = value[0]!;
  const text = value.slice(1);
  const elements = text.split(delimiter);
  while (elements.length > 0 && elements[elements.length - 1] === '') elements.pop(); // String.split drops trailing empties
  const emptyAtEdge = text.startsWith(delimiter) || text.endsWith(delimiter) || text.includes(delimiter + delimiter);
  if (elements.length === 0) throw new UnsecuredTokenError(`${key}: the list holds only empty elements`);
  return `[${[...elements, ...(emptyAtEdge ? [''] : [])].map(json).join(',')}]`;
}

/** Double.valueOf of a decimal number, with the spaces around it that Java ignores. */
function parseJavaDouble(text: string, key: string): number {
  const t = text.trim();
  if (!/^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?[dDfF]?$/.test(t)) throw new UnsecuredTokenError(`${key} is not a number`);
  return Number(t.replace(/[dDfF]$/, ''));
}

/**
 * Java's Double.toString (JDK 19 and later; the same digits as JavaScript's, which are the shortest that
 * round-trip): plain notation with at least one decimal from 10^-3 up to 10^7, else `d.dddE<n>`.
 */
export function javaDouble(x: number): string {
  if (Number.isNaN(x)) return 'NaN';
  if (!Number.isFinite(x)) return x > 0 ? 'Infinity' : '-Infinity';
  if (x === 0) return Object.is(x, -0) ? '-0.0' : '0.0';
  const sign = x < 0 ? '-' : '';
  const [mantissa, exponentText] = Math.abs(x).toExponential().split('e') as [string, string];
  const digits = mantissa.replace('.', '');
  const exponent = Number(exponentText);
  if (Math.abs(x) >= 1e-3 && Math.abs(x) < 1e7) {
    if (exponent < 0) return `${sign}0.${'0'.repeat(-exponent - 1)}${digits}`;
    const whole = digits.slice(0, exponent + 1).padEnd(exponent + 1, '0');
    return `${sign}${whole}.${digits.slice(exponent + 1) || '0'}`;
  }
  return `${sign}${digits[0]}.${digits.slice(1) || '0'}E${exponent}`;
}

/**
 * The options in the order a java.util.HashMap of them iterates (Kafka's JaasConfig keeps its options in one,
 * filled in the order given): by bucket (String.hashCode, spread, masked by the table size), then insertion.
 */
function javaHashMapOrder(options: readonly (readonly [string, string])[]): [string, string][] {
  const entries = new Map<string, string>();
  for (const [k, v] of options) entries.set(k, v); // a repeated key keeps its place and takes the last value
  let capacity = 16;
  while (entries.size > capacity * 0.75) capacity *= 2;
  const bucket = (key: string) => {
    let h = 0;
    for (let i = 0; i < key.length; i++) h = (Math.imul(31, h) + key.charCodeAt(i)) | 0;
    return (h ^ (h >>> 16)) & (capacity - 1);
  };
  return [...entries].map((e, i) => ({ e, i, b: bucket(e[0]) })).sort((a, b) => a.b - b.b || a.i - b.i).map(({ e }) => e);
}

function base64Url(text: string): string {
  return Buffer.from(text, 'utf8').toString('base64url');
}
