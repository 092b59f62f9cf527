import { X509Certificate, createPrivateKey, type KeyObject } from 'node:crypto';
import { readFileSync, statSync } from 'node:fs';
import { basename } from 'node:path';
import { createSecureContext, type SecureVersion } from 'node:tls';
import { UsageError, badValue } from '../errors.js';
import { Pkcs12Error, readPkcs12Certificates } from './pkcs12.js';
import type { ClientIdentity, TlsSettings } from './security.js';

/**
 * Java's TLS client settings, read into PEM text and PKCS#12 bytes Node's TLS takes: a truststore (the CAs to
 * trust) and a keystore (the client's identity for mutual TLS), each as PEM or PKCS12, from a file
 * (`*.location`) or inline (`ssl.truststore.certificates`, `ssl.keystore.key` + `ssl.keystore.certificate.chain`).
 * JKS stores are refused with the command that converts them.
 */

type StoreKind = 'truststore' | 'keystore';
type StoreType = 'PEM' | 'PKCS12' | 'JKS' | 'JCEKS';
const STORE_TYPES: readonly StoreType[] = ['PEM', 'PKCS12', 'JKS', 'JCEKS'];
const TLS_VERSIONS: readonly SecureVersion[] = ['TLSv1', 'TLSv1.1', 'TLSv1.2', 'TLSv1.3'];
const PEM_BLOCK = /-----BEGIN ([A-Z0-9 ]+)-----[\s\S]*?-----END \1-----/g;
const KEY_LABELS = new Set(['PRIVATE KEY', 'ENCRYPTED PRIVATE KEY', 'RSA PRIVATE KEY', 'EC PRIVATE KEY']);

/** Resolves the TLS settings of security.protocol SSL or SASL_SSL. */
export function resolveTls(props: ReadonlyMap<string, string>, warn: (line: string) => void): TlsSettings {
  return Object.freeze({
    trustedCertificatesPem: resolveTruststore(props, warn),
    identity: resolveKeystore(props, warn),
    verifyHostname: resolveHostnameCheck(props.get('ssl.endpoint.identification.algorithm')),
    ...resolveVersions(props),
  });
}

function resolveTruststore(props: ReadonlyMap<string, string>, warn: (line: string) => void): string | undefined {
  const type = storeType(props, 'truststore');
  const location = props.get('ssl.truststore.location');
  const inline = props.get('ssl.truststore.certificates');
  const password = props.get('ssl.truststore.password');
  if (inline !== undefined) {
    if (location !== undefined) throw new UsageError('ssl.truststore.certificates and ssl.truststore.location cannot be used together; give one');
    requirePemType(type, 'truststore', 'ssl.truststore.certificates');
    return certificatesPem(inline, 'ssl.truststore.certificates');
  }
  if (location === undefined) return undefined;
  const bytes = readStore('ssl.truststore.location', location);
  const format = checkFormat(bytes, type, 'truststore', location);
  if (format === 'PEM') {
    if (password !== undefined) warn("The configuration 'ssl.truststore.password' is ignored: a PEM truststore has no password.");
    return certificatesPem(bytes.toString('utf8'), `ssl.truststore.location '${location}'`);
  }
  try {
    const certificates = readPkcs12Certificates(bytes, password);
    if (certificates.length === 0) throw badValue('ssl.truststore.location', location, 'holds no certificate');
    return certificates.join('');
  } catch (e) {
    if (e instanceof Pkcs12Error) throw pkcs12Error(e, 'truststore', location);
    throw e;
  }
}

function resolveKeystore(props: ReadonlyMap<string, string>, warn: (line: string) => void): ClientIdentity | undefined {
  const type = storeType(props, 'keystore');
  const location = props.get('ssl.keystore.location');
  const key = props.get('ssl.keystore.key');
  const chain = props.get('ssl.keystore.certificate.chain');
  const storePassword = props.get('ssl.keystore.password');
  const keyPassword = props.get('ssl.key.password');
  if (key !== undefined || chain !== undefined) {
    if (key === undefined || chain === undefined) throw new UsageError('ssl.keystore.key and ssl.keystore.certificate.chain go together; give both');
    if (location !== undefined) throw new UsageError('ssl.keystore.key and ssl.keystore.location cannot be used together; give one');
    requirePemType(type, 'keystore', 'ssl.keystore.key');
    return pemIdentity(key, certificatesPem(chain, 'ssl.keystore.certificate.chain'), keyPassword, 'ssl.keystore.key');
  }
  if (location === undefined) return undefined;
  const bytes = readStore('ssl.keystore.location', location);
  if (checkFormat(bytes, type, 'keystore', location) === 'PEM') {
    if (storePassword !== undefined) warn("The configuration 'ssl.keystore.password' is ignored: a PEM keystore has no store password (ssl.key.password decrypts its key).");
    const text = bytes.toString('utf8');
    const keys = [...text.matchAll(PEM_BLOCK)].filter((m) => KEY_LABELS.has(m[1]!)).map((m) => m[0]);
    const where = `ssl.keystore.location '${location}'`;
    if (keys.length !== 1) throw new UsageError(`${where} must hold one private key and its certificate chain in PEM; it holds ${keys.length} private keys`);
    return pemIdentity(keys[0]!, certificatesPem(text, where), keyPassword, where);
  }
  try {
    createSecureContext({ pfx: bytes, passphrase: storePassword });
  } catch (e) {
    throw pfxError(e, location, keyPassword !== undefined && keyPassword !== storePassword);
  }
  return Object.freeze({ kind: 'pkcs12', pkcs12: new Uint8Array(bytes), password: storePassword });
}

/** A PEM key and chain, checked: the key decrypts with `keyPassword` and belongs to the first certificate. */
function pemIdentity(keyPem: string, chainPem: string, keyPassword: string | undefined, where: string): ClientIdentity {
  const encrypted = /-----BEGIN ENCRYPTED PRIVATE KEY-----|Proc-Type: *4,ENCRYPTED/.test(keyPem);
  if (encrypted && keyPassword === undefined) throw new UsageError(`${where}: the private key is encrypted: set ssl.key.password`);
  let key: KeyObject;
  try {
    key = createPrivateKey({ key: keyPem, format: 'pem', passphrase: keyPassword });
  } catch (e) {
    const code = (e as { code?: string }).code;
    if (encrypted) {
      throw new UsageError(`ssl.key.password (not shown) does not decrypt the private key of ${where}`);
    }
    throw new UsageError(`${where}: the private key cannot be read${code ? ` (${code})` : ''}`);
  }
  const leaf = new X509Certificate(chainPem.match(PEM_BLOCK)![0]);
  if (!leaf.checkPrivateKey(key)) throw new UsageError(`${where}: the private key does not belong to the certificate of ${leaf.subject.replace(/\n/g, ', ')}`);
  return Object.freeze({ kind: 'pem', certificateChainPem: chainPem, privateKeyPem: keyPem, keyPassword });
}

/** The CERTIFICATE blocks of PEM text, each checked, joined; an error if there is none. */
function certificatesPem(text: string, where: string): string {
  const blocks = [...text.matchAll(PEM_BLOCK)].filter((m) => m[1] === 'CERTIFICATE').map((m) => m[0]);
  if (blocks.length === 0) throw new UsageError(`${where} holds no PEM certificate (-----BEGIN CERTIFICATE-----)`);
  blocks.forEach((b, i) => {
    try {
      new X509Certificate(b);
    } catch {
      throw new UsageError(`${where}: certificate ${i + 1} is not a valid X.509 certificate`);
    }
  });
  return `${blocks.join('\n')}\n`;
}

function storeType(props: ReadonlyMap<string, string>, kind: StoreKind): StoreType | undefined {
  const text = props.get(`ssl.${kind}.type`);
  if (text === undefined) return undefined;
  const type = STORE_TYPES.find((t) => t === text.trim().toUpperCase());
  if (type === undefined) throw badValue(`ssl.${kind}.type`, text, 'is not a store type perf-test reads (PEM or PKCS12; a JKS store must be converted)');
  return type;
}

function requirePemType(type: StoreType | undefined, kind: StoreKind, property: string): void {
  if (type !== undefined && type !== 'PEM') throw badValue(`ssl.${kind}.type`, type, `must be PEM with ${property}`);
}

/** What a store file holds, by its first bytes; checked against ssl.*.type, JKS refused. */
function checkFormat(bytes: Buffer, type: StoreType | undefined, kind: StoreKind, location: string): 'PEM' | 'PKCS12' {
  const magic = bytes.length >= 4 ? bytes.readUInt32BE(0) : 0;
  if (magic === 0xfeedfeed || magic === 0xcececece) {
    const p12 = location.replace(/\.(jks|jceks|keystore|truststore)$/i, '') + '.p12';
    throw new UsageError(`ssl.${kind}.location: '${location}' is a ${magic === 0xfeedfeed ? 'JKS' : 'JCEKS'} store, which Node's TLS cannot read`,
      `convert it: keytool -importkeystore -srckeystore ${location} -destkeystore ${p12} -deststoretype PKCS12, then set ssl.${kind}.location=${p12} and ssl.${kind}.type=PKCS12`);
  }
  // Like Java's keystore.type.compat, a JKS type reads a PKCS12 file; PEM is recognised whatever the type says.
  const format = bytes.includes('-----BEGIN ') ? 'PEM' : bytes[0] === 0x30 ? 'PKCS12' : undefined;
  if (format === undefined) throw badValue(`ssl.${kind}.location`, location, 'is neither a PEM file nor a PKCS12 store');
  if (type === 'PEM' && format !== 'PEM') throw badValue(`ssl.${kind}.type`, type, `does not match ssl.${kind}.location '${location}', a PKCS12 store; set ssl.${kind}.type=PKCS12`);
  if (type === 'PKCS12' && format !== 'PKCS12') throw badValue(`ssl.${kind}.type`, type, `does not match ssl.${kind}.location '${location}', a PEM file; set ssl.${kind}.type=PEM`);
  return format;
}

function readStore(property: string, path: string): Buffer {
  try {
    if (statSync(path).isDirectory()) throw badValue(property, path, 'is a directory, not a file');
    return readFileSync(path);
  } catch (e) {
    if (e instanceof UsageError) throw e;
    const code = (e as NodeJS.ErrnoException).code;
    throw badValue(property, path, code === 'ENOENT' ? 'does not exist' : code === 'EACCES' ? 'cannot be read (permission denied)' : `cannot be read (${code ?? 'error'})`);
  }
}

const REENCRYPT_HINT = (kind: StoreKind, location: string) =>
  `re-encrypt it with a current keytool (Java 17+): keytool -importkeystore -srckeystore ${location} -destkeystore new-${basename(location)} -deststoretype PKCS12, then set ssl.${kind}.location to the new file`;

function pkcs12Error(e: Pkcs12Error, kind: StoreKind, location: string): UsageError {
  switch (e.reason) {
    case 'password-required':
      return new UsageError(`ssl.${kind}.location: '${location}' ${e.message}: set ssl.${kind}.password`);
    case 'wrong-password':
      return new UsageError(`ssl.${kind}.password (not shown) does not open ssl.${kind}.location '${location}': it ${e.message}`);
    case 'unsupported':
      return new UsageError(`ssl.${kind}.location: '${location}' ${e.message}`, REENCRYPT_HINT(kind, location));
    case 'malformed':
      return badValue(`ssl.${kind}.location`, location, e.message);
  }
}

/** Node's reasons for refusing a PKCS#12 client identity, as usage errors (OpenSSL's text has no secret). */
function pfxError(e: unknown, location: string, keyPasswordDiffers: boolean): UsageError {
  const text = e instanceof Error ? e.message : String(e);
  if (/mac verify failure|invalid password|bad decrypt/i.test(text)) {
    return new UsageError(`ssl.keystore.password (not shown) does not open ssl.keystore.location '${location}'`,
      keyPasswordDiffers ? 'Node opens a PKCS12 keystore with one password: ssl.key.password must equal ssl.keystore.password' : undefined);
  }
  if (/unsupported/i.test(text)) return new UsageError(`ssl.keystore.location: '${location}' uses an encryption Node's OpenSSL 3 does not have (RC2, from an old keytool or OpenSSL 1)`, REENCRYPT_HINT('keystore', location));
  if (/private key/i.test(text)) return badValue('ssl.keystore.location', location, 'holds no private key: a keystore holds the client\'s key and certificate (a truststore goes in ssl.truststore.location)');
  return badValue('ssl.keystore.location', location, `cannot be used as a TLS client certificate (${text})`);
}

function resolveHostnameCheck(text: string | undefined): boolean {
  if (text === undefined || text.trim().toLowerCase() === 'https') return true;
  if (text.trim() === '') return false;
  throw badValue('ssl.endpoint.identification.algorithm', text, "is not 'https' (check the broker's host name, the default) or empty (do not check)");
}

function resolveVersions(props: ReadonlyMap<string, string>): { minVersion: SecureVersion | undefined; maxVersion: SecureVersion | undefined } {
  const enabled = props.get('ssl.enabled.protocols');
  const protocol = props.get('ssl.protocol');
  if (protocol !== undefined && !['TLS', ...TLS_VERSIONS].includes(protocol.trim())) {
    throw badValue('ssl.protocol', protocol, `is not one of TLS, ${TLS_VERSIONS.join(', ')}`);
  }
  if (enabled === undefined) {
    // Java's TLSv1.2 SSLContext cannot negotiate 1.3, whatever ssl.enabled.protocols says.
    return { minVersion: undefined, maxVersion: protocol?.trim() === 'TLSv1.2' ? 'TLSv1.2' : undefined };
  }
  const indexes = enabled.split(',').map((v) => v.trim()).filter((v) => v.length > 0).map((v) => {
    const i = TLS_VERSIONS.indexOf(v as SecureVersion);
    if (i < 0) throw badValue('ssl.enabled.protocols', enabled, `names '${v}', not one of ${TLS_VERSIONS.join(', ')}`);
    return i;
  });
  if (indexes.length === 0) throw badValue('ssl.enabled.protocols', enabled, 'names no protocol');
  return { minVersion: TLS_VERSIONS[Math.min(...indexes)], maxVersion: TLS_VERSIONS[Math.max(...indexes)] };
}
