import type { SecureVersion } from 'node:tls';

export const SECURITY_PROTOCOLS = ['PLAINTEXT', 'SSL', 'SASL_PLAINTEXT', 'SASL_SSL'] as const;
/** `security.protocol`: TLS or not, SASL or not. */
export type SecurityProtocol = (typeof SECURITY_PROTOCOLS)[number];
export const SASL_MECHANISMS = ['PLAIN', 'SCRAM-SHA-256', 'SCRAM-SHA-512', 'OAUTHBEARER'] as const;
/** The `sasl.mechanism`s perf-test speaks. */
export type SaslMechanism = (typeof SASL_MECHANISMS)[number];

/** SASL with a username and password, from `sasl.jaas.config`. The password is a secret: never print it. */
export interface PasswordSasl {
  readonly mechanism: Exclude<SaslMechanism, 'OAUTHBEARER'>;
  readonly username: string;
  readonly password: string;
}

/**
 * Where an OAUTHBEARER token comes from, as in Java's client: an unsecured JWS built from the JAAS options
 * (OAuthBearerUnsecuredLoginCallbackHandler, the default), a JWT read from a file, or the client-credentials
 * grant at an OAuth token endpoint (`sasl.oauthbearer.token.endpoint.url`).
 */
export type OAuthTokenSource =
  /** The JAAS options in the order given (`unsecuredLogin*`): a fresh token is built for each login. */
  | { readonly kind: 'unsecured'; readonly options: readonly (readonly [string, string])[] }
  /** A `file:` token endpoint: the file is read again at each login; `token` is what it held when resolved. A secret. */
  | { readonly kind: 'file'; readonly path: string; readonly token: string }
  /** An http(s) token endpoint: `clientSecret` is a secret. `urlencodeHeader` is `sasl.oauthbearer.header.urlencode`. */
  | {
    readonly kind: 'client-credentials'; readonly url: string; readonly clientId: string; readonly clientSecret: string;
    readonly scope: string | undefined; readonly urlencodeHeader: boolean;
  };

/** SASL OAUTHBEARER: the token's source, and the SASL extensions (`unsecuredLoginExtension_<name>`, or the JAAS options). */
export interface OAuthBearerSasl {
  readonly mechanism: 'OAUTHBEARER';
  readonly token: OAuthTokenSource;
  readonly extensions: Readonly<Record<string, string>>;
}

/** SASL settings, from `sasl.mechanism` and `sasl.jaas.config`. They hold secrets: never print them. */
export type SaslSettings = PasswordSasl | OAuthBearerSasl;

/** The client's certificate and private key, for mutual TLS. Keys and passwords are secrets. */
export type ClientIdentity =
  /** PEM text: a private key (possibly encrypted with `keyPassword`) and a certificate chain. */
  | { readonly kind: 'pem'; readonly certificateChainPem: string; readonly privateKeyPem: string; readonly keyPassword: string | undefined }
  /** A PKCS#12 file's bytes and its password. */
  | { readonly kind: 'pkcs12'; readonly pkcs12: Uint8Array; readonly password: string | undefined };

/** TLS settings with every file already read, so that they cross to worker threads as they are. */
export interface TlsSettings {
  /** CA certificates (PEM) to trust instead of the built-in ones; undefined trusts Node's built-in CAs. */
  readonly trustedCertificatesPem: string | undefined;
  /** The client certificate for mutual TLS, if any. */
  readonly identity: ClientIdentity | undefined;
  /** `ssl.endpoint.identification.algorithm=https` (the default): the broker's certificate must name its host. */
  readonly verifyHostname: boolean;
  /** From `ssl.enabled.protocols` (or `ssl.protocol`); undefined leaves Node's default. */
  readonly minVersion: SecureVersion | undefined;
  readonly maxVersion: SecureVersion | undefined;
}

/**
 * How clients connect: `security.protocol`, with TLS settings for SSL and SASL_SSL and SASL credentials for
 * SASL_PLAINTEXT and SASL_SSL. Plain data (strings and bytes): it is structured-cloned to worker threads.
 * Holds secrets: never print it (print `redactProps` of the properties instead).
 */
export interface SecuritySettings {
  readonly protocol: SecurityProtocol;
  readonly tls: TlsSettings | undefined;
  readonly sasl: SaslSettings | undefined;
}

/** No TLS, no SASL: Kafka's default. */
export const PLAINTEXT_SECURITY: SecuritySettings = Object.freeze({ protocol: 'PLAINTEXT', tls: undefined, sasl: undefined });

/** Properties of the security settings: `security.protocol`, `ssl.*` and `sasl.*`. */
export function isSecurityProperty(name: string): boolean {
  return name === 'security.protocol' || name.startsWith('ssl.') || name.startsWith('sasl.');
}

/** Every secret value in the settings, so that a client's error message can be scrubbed of them. */
export function secretValues(s: SecuritySettings): string[] {
  const sasl = s.sasl;
  const values = [sasl?.mechanism === 'OAUTHBEARER' ? undefined : sasl?.password];
  if (sasl?.mechanism === 'OAUTHBEARER' && sasl.token.kind === 'file') values.push(sasl.token.token);
  if (sasl?.mechanism === 'OAUTHBEARER' && sasl.token.kind === 'client-credentials') values.push(sasl.token.clientSecret);
  const id = s.tls?.identity;
  if (id?.kind === 'pem') values.push(id.keyPassword, id.privateKeyPem);
  if (id?.kind === 'pkcs12') values.push(id.password);
  return values.filter((v): v is string => v !== undefined && v.length > 0);
}
