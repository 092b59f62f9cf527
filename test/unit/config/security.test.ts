import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isSecretProperty, redactProps } from '../../../src/config/producer-config.js';
import { resolveSecurity } from '../../../src/config/resolve-security.js';
import { PLAINTEXT_SECURITY, secretValues, type SecuritySettings } from '../../../src/config/security.js';
import { ExitCode, UsageError } from '../../../src/errors.js';
import { makeTestCertificates, type TestCertificates } from '../../../harness/index.js';
import { thrown } from '../../support/thrown.js';

const SCRAM = 'org.apache.kafka.common.security.scram.ScramLoginModule';
const PLAIN = 'org.apache.kafka.common.security.plain.PlainLoginModule';
const SECRET = 'pw-s3cret';

let certs: TestCertificates;
beforeAll(() => {
  certs = makeTestCertificates();
}, 60_000);
afterAll(() => certs?.remove());

function resolve(props: Record<string, string>): { settings: SecuritySettings; warnings: string[] } {
  const warnings: string[] = [];
  const settings = resolveSecurity(new Map(Object.entries(props)), (w) => warnings.push(w));
  return { settings, warnings };
}

/** The usage error of resolving `props`, as the user sees it (message and hint). */
function usageError(props: Record<string, string>): string {
  const e = thrown(UsageError, () => resolve(props));
  expect(e.exitCode).toBe(ExitCode.Usage);
  return `${e.message}${e.hint ? ` (${e.hint})` : ''}`;
}

const sasl = (mechanism = 'SCRAM-SHA-512', jaas = `${SCRAM} required username="alice" password="${SECRET}";`) =>
  ({ 'security.protocol': 'SASL_PLAINTEXT', 'sasl.mechanism': mechanism, 'sasl.jaas.config': jaas });
const ssl = (props: Record<string, string> = {}) => ({ 'security.protocol': 'SSL', ...props });

describe('resolveSecurity: security.protocol and SASL', () => {
  it('defaults to PLAINTEXT, and takes the protocol in any case', () => {
    expect(resolve({}).settings).toEqual(PLAINTEXT_SECURITY);
    expect(resolve({ 'security.protocol': ' sasl_plaintext ', 'sasl.mechanism': 'plain', 'sasl.jaas.config': `${PLAIN} required username="u" password="p";` }).settings)
      .toEqual({ protocol: 'SASL_PLAINTEXT', tls: undefined, sasl: { mechanism: 'PLAIN', username: 'u', password: 'p' } });
  });

  it('reads the credentials of either login module for every mechanism', () => {
    for (const mechanism of ['PLAIN', 'SCRAM-SHA-256', 'SCRAM-SHA-512']) {
      expect(resolve(sasl(mechanism)).settings.sasl).toEqual({ mechanism, username: 'alice', password: SECRET });
    }
  });

  it.each([
    [{ 'security.protocol': 'TLS' }, "security.protocol: 'TLS' is not one of PLAINTEXT, SSL, SASL_PLAINTEXT, SASL_SSL"],
    [{ 'security.protocol': 'SASL_SSL' }, "security.protocol SASL_SSL needs sasl.mechanism: Java's default, GSSAPI (Kerberos), is not supported (set sasl.mechanism to one of PLAIN, SCRAM-SHA-256, SCRAM-SHA-512, OAUTHBEARER)"],
    [sasl('GSSAPI'), "sasl.mechanism: 'GSSAPI' is not supported (Kerberos): perf-test speaks PLAIN, SCRAM-SHA-256, SCRAM-SHA-512"],
    [sasl('AWS_MSK_IAM'), "sasl.mechanism: 'AWS_MSK_IAM' is not supported (AWS IAM): perf-test speaks PLAIN, SCRAM-SHA-256, SCRAM-SHA-512, OAUTHBEARER"],
    [sasl('OAUTHBEARER'), "sasl.jaas.config: login module 'org.apache.kafka.common.security.scram.ScramLoginModule' does not log in with OAUTHBEARER; use org.apache.kafka.common.security.oauthbearer.OAuthBearerLoginModule"],
    [sasl('DIGEST-MD5'), "sasl.mechanism: 'DIGEST-MD5' is not supported: perf-test speaks PLAIN, SCRAM-SHA-256, SCRAM-SHA-512"],
    [{ 'security.protocol': 'SASL_PLAINTEXT', 'sasl.mechanism': 'PLAIN' }, 'security.protocol SASL_PLAINTEXT needs sasl.jaas.config with the SASL username and password (e.g. sasl.jaas.config='],
    [sasl('PLAIN', `${PLAIN} required username="u" password="${SECRET}"`), 'sasl.jaas.config (value not shown) is not a valid JAAS entry: the entry does not end with a semicolon (;)'],
    [sasl('PLAIN', `com.sun.security.auth.module.Krb5LoginModule required password="${SECRET}";`), "sasl.jaas.config: login module 'com.sun.security.auth.module.Krb5LoginModule' is not supported (it is for GSSAPI (Kerberos)); use "],
    [sasl('PLAIN', `${SECRET} required;`), 'sasl.jaas.config: login module is not supported; use '],
    [sasl('PLAIN', `${PLAIN} required password="${SECRET}";`), 'sasl.jaas.config (value not shown) has no username option'],
    [sasl('PLAIN', `${PLAIN} required username="u";`), 'sasl.jaas.config (value not shown) has no password option'],
    [sasl('SCRAM-SHA-256', `${SCRAM} required username="u" password="${SECRET}" tokenauth=true;`), 'sasl.jaas.config: tokenauth=true (delegation tokens) is not supported'],
  ])('%j', (props, message) => {
    const text = usageError(props);
    expect(text.startsWith(message), text).toBe(true);
    expect(text).not.toContain(SECRET);
  });

  it('warns that SASL settings are ignored without a SASL protocol', () => {
    const { warnings } = resolve({ 'sasl.mechanism': 'PLAIN', 'sasl.jaas.config': 'x' });
    expect(warnings).toEqual(["The configurations 'sasl.mechanism' and 'sasl.jaas.config' are ignored: security.protocol is PLAINTEXT, not SASL_PLAINTEXT or SASL_SSL."]);
  });

  it("warns about security settings it does not apply, in the producer's wording, and not about TLS files of a plaintext run", () => {
    const { warnings } = resolve({ 'ssl.cipher.suites': 'x', 'sasl.login.refresh.window.factor': '0.8', 'ssl.foo': '1', 'ssl.truststore.location': '/nowhere' });
    expect(warnings).toEqual([
      "The configuration 'ssl.cipher.suites' is a Java client setting perf-test does not apply; it is ignored.",
      "The configuration 'sasl.login.refresh.window.factor' is a Java client setting perf-test does not apply; it is ignored.",
      "The configuration 'ssl.foo' was supplied but isn't a known config.",
    ]);
  });
});

describe('resolveSecurity: TLS trust', () => {
  const caText = () => readFileSync(certs.caPem, 'utf8');

  it("trusts Node's built-in CAs without a truststore, and checks host names by default", () => {
    expect(resolve(ssl()).settings.tls).toEqual({ trustedCertificatesPem: undefined, identity: undefined, verifyHostname: true, minVersion: undefined, maxVersion: undefined });
  });

  it('reads a PEM truststore file, inline PEM certificates, and a keytool PKCS12 truststore, to the same CA', () => {
    const fromPem = resolve(ssl({ 'ssl.truststore.type': 'PEM', 'ssl.truststore.location': certs.caPem })).settings.tls!.trustedCertificatesPem;
    expect(fromPem?.trim()).toBe(caText().trim());
    expect(resolve(ssl({ 'ssl.truststore.type': 'PEM', 'ssl.truststore.certificates': caText() })).settings.tls!.trustedCertificatesPem).toBe(fromPem);
    // Java's default type (JKS) reads a PKCS12 file too (keystore.type.compat), so the type may be left out.
    expect(resolve(ssl({ 'ssl.truststore.location': certs.truststoreP12, 'ssl.truststore.password': certs.truststorePassword })).settings.tls!.trustedCertificatesPem?.trim())
      .toBe(caText().trim());
  });

  it('warns that a PEM truststore ignores a password', () => {
    expect(resolve(ssl({ 'ssl.truststore.location': certs.caPem, 'ssl.truststore.password': 'x' })).warnings)
      .toEqual(["The configuration 'ssl.truststore.password' is ignored: a PEM truststore has no password."]);
  });

  it.each(([
    [() => ({ 'ssl.truststore.location': certs.truststoreJks }), "ssl.truststore.location: '<dir>/truststore.jks' is a JKS store, which Node's TLS cannot read (convert it: keytool -importkeystore -srckeystore <dir>/truststore.jks -destkeystore <dir>/truststore.p12 -deststoretype PKCS12, then set ssl.truststore.location=<dir>/truststore.p12 and ssl.truststore.type=PKCS12)"],
    [() => ({ 'ssl.truststore.location': join(certs.dir, 'missing.pem') }), "ssl.truststore.location: '<dir>/missing.pem' does not exist"],
    [() => ({ 'ssl.truststore.location': certs.dir }), "ssl.truststore.location: '<dir>' is a directory, not a file"],
    [() => ({ 'ssl.truststore.location': certs.truststoreP12 }), "ssl.truststore.location: '<dir>/truststore.p12' holds encrypted certificates: its password is needed: set ssl.truststore.password"],
    [() => ({ 'ssl.truststore.location': certs.truststoreP12, 'ssl.truststore.password': SECRET }), "ssl.truststore.password (not shown) does not open ssl.truststore.location '<dir>/truststore.p12': it failed its integrity check: the password is wrong"],
    [() => ({ 'ssl.truststore.type': 'PEM', 'ssl.truststore.location': certs.truststoreP12 }), "ssl.truststore.type: 'PEM' does not match ssl.truststore.location '<dir>/truststore.p12', a PKCS12 store; set ssl.truststore.type=PKCS12"],
    [() => ({ 'ssl.truststore.type': 'PKCS12', 'ssl.truststore.location': certs.caPem }), "ssl.truststore.type: 'PKCS12' does not match ssl.truststore.location '<dir>/ca.pem', a PEM file; set ssl.truststore.type=PEM"],
    [() => ({ 'ssl.truststore.type': 'BKS', 'ssl.truststore.location': certs.caPem }), "ssl.truststore.type: 'BKS' is not a store type perf-test reads (PEM or PKCS12; a JKS store must be converted)"],
    [() => ({ 'ssl.truststore.location': certs.caPem, 'ssl.truststore.certificates': 'x' }), 'ssl.truststore.certificates and ssl.truststore.location cannot be used together; give one'],
    [() => ({ 'ssl.truststore.type': 'PKCS12', 'ssl.truststore.certificates': 'x' }), "ssl.truststore.type: 'PKCS12' must be PEM with ssl.truststore.certificates"],
    [() => ({ 'ssl.truststore.certificates': 'not a certificate' }), 'ssl.truststore.certificates holds no PEM certificate (-----BEGIN CERTIFICATE-----)'],
    [() => ({ 'ssl.truststore.certificates': '-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----' }), 'ssl.truststore.certificates: certificate 1 is not a valid X.509 certificate'],
    [() => ({ 'ssl.truststore.location': fileWith('garbage.bin', 'garbage') }), "ssl.truststore.location: '<dir>/garbage.bin' is neither a PEM file nor a PKCS12 store"],
  ] as const).map(([props, message]) => ({ props, message })))('$message', ({ props, message }) => {
    expect(usageError(ssl(props())).replaceAll(certs.dir, '<dir>')).toBe(message);
  });
});

function fileWith(name: string, text: string): string {
  const file = join(certs.dir, name);
  writeFileSync(file, text);
  return file;
}

describe('resolveSecurity: client identity for mutual TLS', () => {
  it("reads Java's PEM keystore: an encrypted PKCS#8 key and its chain, with ssl.key.password", () => {
    const id = resolve(ssl({ 'ssl.keystore.type': 'PEM', 'ssl.keystore.location': certs.clientKeystorePem, 'ssl.key.password': certs.clientKeyPassword })).settings.tls!.identity;
    expect(id?.kind).toBe('pem');
    if (id?.kind !== 'pem') return;
    expect(id.privateKeyPem).toMatch(/^-----BEGIN ENCRYPTED PRIVATE KEY-----/);
    expect(id.certificateChainPem.match(/BEGIN CERTIFICATE/g)).toHaveLength(2);
    expect(id.keyPassword).toBe(certs.clientKeyPassword);
  });

  it('reads an inline key and chain, and a PKCS12 keystore as bytes', () => {
    const inline = resolve(ssl({ 'ssl.keystore.key': readFileSync(certs.clientKeyPem, 'utf8'), 'ssl.keystore.certificate.chain': readFileSync(certs.clientCertPem, 'utf8'), 'ssl.key.password': certs.clientKeyPassword }));
    expect(inline.settings.tls!.identity?.kind).toBe('pem');
    const p12 = resolve(ssl({ 'ssl.keystore.type': 'PKCS12', 'ssl.keystore.location': certs.clientP12, 'ssl.keystore.password': certs.clientStorePassword })).settings.tls!.identity;
    expect(p12).toEqual({ kind: 'pkcs12', pkcs12: new Uint8Array(readFileSync(certs.clientP12)), password: certs.clientStorePassword });
  });

  it('warns that a PEM keystore ignores ssl.keystore.password', () => {
    const { warnings } = resolve(ssl({ 'ssl.keystore.location': certs.rogueKeystorePem, 'ssl.keystore.password': 'x' }));
    expect(warnings).toEqual(["The configuration 'ssl.keystore.password' is ignored: a PEM keystore has no store password (ssl.key.password decrypts its key)."]);
  });

  it.each(([
    [() => ({ 'ssl.keystore.location': certs.clientKeystorePem }), "ssl.keystore.location '<dir>/client-keystore.pem': the private key is encrypted: set ssl.key.password"],
    [() => ({ 'ssl.keystore.location': certs.clientKeystorePem, 'ssl.key.password': SECRET }), "ssl.key.password (not shown) does not decrypt the private key of ssl.keystore.location '<dir>/client-keystore.pem'"],
    [() => ({ 'ssl.keystore.key': readFileSync(certs.rogueKeystorePem, 'utf8').split('-----BEGIN CERTIFICATE')[0]!, 'ssl.keystore.certificate.chain': readFileSync(certs.clientCertPem, 'utf8') }), 'ssl.keystore.key: the private key does not belong to the certificate of CN=perf-test-client'],
    [() => ({ 'ssl.keystore.location': certs.caPem }), "ssl.keystore.location '<dir>/ca.pem' must hold one private key and its certificate chain in PEM; it holds 0 private keys"],
    [() => ({ 'ssl.keystore.key': 'x' }), 'ssl.keystore.key and ssl.keystore.certificate.chain go together; give both'],
    [() => ({ 'ssl.keystore.key': 'x', 'ssl.keystore.certificate.chain': 'y', 'ssl.keystore.location': certs.clientP12 }), 'ssl.keystore.key and ssl.keystore.location cannot be used together; give one'],
    [() => ({ 'ssl.keystore.location': certs.clientP12, 'ssl.keystore.password': SECRET }), "ssl.keystore.password (not shown) does not open ssl.keystore.location '<dir>/client.p12'"],
    [() => ({ 'ssl.keystore.location': certs.truststoreP12, 'ssl.keystore.password': certs.truststorePassword }), "ssl.keystore.location: '<dir>/truststore.p12' holds no private key: a keystore holds the client's key and certificate (a truststore goes in ssl.truststore.location)"],
    [() => ({ 'ssl.keystore.location': certs.truststoreJks }), "ssl.keystore.location: '<dir>/truststore.jks' is a JKS store, which Node's TLS cannot read (convert it: keytool -importkeystore -srckeystore <dir>/truststore.jks -destkeystore <dir>/truststore.p12 -deststoretype PKCS12, then set ssl.keystore.location=<dir>/truststore.p12 and ssl.keystore.type=PKCS12)"],
  ] as const).map(([props, message]) => ({ props, message })))('$message', ({ props, message }) => {
    const text = usageError(ssl(props()));
    expect(text.replaceAll(certs.dir, '<dir>')).toBe(message);
    expect(text).not.toContain(SECRET);
  });
});

describe('resolveSecurity: host name check and TLS versions', () => {
  it.each([
    [{}, true], [{ 'ssl.endpoint.identification.algorithm': 'https' }, true], [{ 'ssl.endpoint.identification.algorithm': 'HTTPS' }, true],
    [{ 'ssl.endpoint.identification.algorithm': '' }, false], [{ 'ssl.endpoint.identification.algorithm': ' ' }, false],
  ])('%j checks host names: %s', (props, verify) => {
    expect(resolve(ssl(props)).settings.tls!.verifyHostname).toBe(verify);
  });

  it('maps ssl.enabled.protocols to a version range, and ssl.protocol=TLSv1.2 to a cap', () => {
    const versions = (props: Record<string, string>) => {
      const { minVersion, maxVersion } = resolve(ssl(props)).settings.tls!;
      return [minVersion, maxVersion];
    };
    expect(versions({ 'ssl.enabled.protocols': 'TLSv1.2,TLSv1.3' })).toEqual(['TLSv1.2', 'TLSv1.3']);
    expect(versions({ 'ssl.enabled.protocols': ' TLSv1.3 ' })).toEqual(['TLSv1.3', 'TLSv1.3']);
    expect(versions({ 'ssl.protocol': 'TLSv1.2' })).toEqual([undefined, 'TLSv1.2']);
    expect(versions({ 'ssl.protocol': 'TLSv1.3' })).toEqual([undefined, undefined]);
  });

  it.each([
    [{ 'ssl.endpoint.identification.algorithm': 'ldaps' }, "ssl.endpoint.identification.algorithm: 'ldaps' is not 'https' (check the broker's host name, the default) or empty (do not check)"],
    [{ 'ssl.enabled.protocols': 'TLSv1.3,SSLv3' }, "ssl.enabled.protocols: 'TLSv1.3,SSLv3' names 'SSLv3', not one of TLSv1, TLSv1.1, TLSv1.2, TLSv1.3"],
    [{ 'ssl.enabled.protocols': ' , ' }, "ssl.enabled.protocols: ' , ' names no protocol"],
    [{ 'ssl.protocol': 'SSLv3' }, "ssl.protocol: 'SSLv3' is not one of TLS, TLSv1, TLSv1.1, TLSv1.2, TLSv1.3"],
  ])('%j', (props, message) => {
    expect(usageError(ssl(props))).toBe(message);
  });
});

describe('security settings cross to workers and never print', () => {
  it('survive a structured clone (worker threads) whole', () => {
    const { settings } = resolve({ ...sasl(), 'security.protocol': 'SASL_SSL', 'ssl.truststore.location': certs.caPem,
      'ssl.keystore.location': certs.clientP12, 'ssl.keystore.password': certs.clientStorePassword });
    expect(structuredClone(settings)).toEqual(settings);
  });

  it('lists their secrets, to scrub messages of them', () => {
    const { settings } = resolve({ ...sasl(), 'security.protocol': 'SASL_SSL', 'ssl.keystore.location': certs.clientKeystorePem, 'ssl.key.password': certs.clientKeyPassword });
    const secrets = secretValues(settings);
    expect(secrets).toContain(SECRET);
    expect(secrets).toContain(certs.clientKeyPassword);
    expect(secrets.some((s) => s.includes('ENCRYPTED PRIVATE KEY'))).toBe(true);
  });

  it('redact every secret property: passwords, the JAAS config, keys, inline PEM (as Java hides them), with any prefix', () => {
    for (const name of ['sasl.jaas.config', 'listener.name.sasl_ssl.scram-sha-256.sasl.jaas.config', 'ssl.key.password', 'ssl.keystore.password',
      'ssl.truststore.password', 'SSL.KEYSTORE.PASSWORD', 'ssl.keystore.key', 'ssl.keystore.certificate.chain', 'ssl.truststore.certificates',
      'sasl.oauthbearer.client.credentials.client.secret', 'basic.auth.credentials', 'my.passphrase']) {
      expect(isSecretProperty(name), name).toBe(true);
    }
    for (const name of ['security.protocol', 'sasl.mechanism', 'ssl.truststore.location', 'ssl.keystore.location', 'ssl.truststore.type',
      'ssl.endpoint.identification.algorithm', 'acks', 'key.serializer', 'ssl.keystore.type']) {
      expect(isSecretProperty(name), name).toBe(false);
    }
    expect(redactProps(new Map([['sasl.jaas.config', `${SCRAM} required username="a" password="${SECRET}";`], ['ssl.truststore.location', '/t.p12']])))
      .toEqual({ 'sasl.jaas.config': '[redacted]', 'ssl.truststore.location': '/t.p12' });
  });
});
