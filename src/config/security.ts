import type { SecureVersion } from 'node:tls';

export const SECURITY_PROTOCOLS = ['PLAINTEXT', 'SSL', 'SASL_PLAINTEXT', 'SASL_SSL'] as const;
/** `security.protocol`: TLS or not, SASL or not. */
export type SecurityProtocol = (typeof SECURITY_PROTOCOLS)[number];
export const SASL_MECHANISMS = ['PLAIN', 'SCRAM-SHA-256', 'SCRAM-SHA-512'] as const;
/** The `sasl.mechanism`s perf-test speaks. */
export type SaslMechanism = (typeof SASL_MECHANISMS)[number];

/** SASL credentials, from `sasl.jaas.config`. The password is a secret: never print it. */
export interface SaslSettings {
  readonly mechanism: SaslMechanism;
  readonly username: string;
  readonly password: string;
}

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
  const values = [s.sasl?.password];
  const id = s.tls?.identity;
  if (id?.kind === 'pem') values.push(id.keyPassword, id.privateKeyPem);
  if (id?.kind === 'pkcs12') values.push(id.password);
  return values.filter((v): v is string => v !== undefined && v.length > 0);
}
