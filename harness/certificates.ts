// Certificates for the security tests and benchmarks/secure, made fresh in a temp dir with openssl and keytool: nothing is committed.
import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** Where each file is, and the passwords that open them (all random per run). */
export interface TestCertificates {
  readonly dir: string;
  /** The CA that signed the broker's and the client's certificates (PEM). */
  readonly caPem: string;
  /** A CA that signed nothing the broker has: trusting only it must fail. */
  readonly otherCaPem: string;
  /** The broker's PKCS12 keystore: a certificate for localhost and 127.0.0.1. */
  readonly brokerP12: string;
  /** A broker keystore whose certificate names only wrong-host.example. */
  readonly badHostP12: string;
  /** The password of both broker keystores. */
  readonly brokerPassword: string;
  /** Java's PEM keystore: the client's encrypted PKCS#8 key, then its certificate and the CA. */
  readonly clientKeystorePem: string;
  /** The client's certificate alone, and its key alone (encrypted with clientKeyPassword). */
  readonly clientCertPem: string;
  readonly clientKeyPem: string;
  readonly clientKeyPassword: string;
  /** The client's PKCS12 keystore, opened by clientStorePassword. */
  readonly clientP12: string;
  readonly clientStorePassword: string;
  /** keytool truststores holding the CA: PKCS12 (opened by truststorePassword) and JKS. */
  readonly truststoreP12: string;
  readonly truststoreJks: string;
  readonly truststorePassword: string;
  /** A client certificate and key (unencrypted) signed by the other CA, which the broker does not trust. */
  readonly rogueKeystorePem: string;
  remove(): void;
}

const secret = (name: string) => `${name}-${randomBytes(6).toString('hex')}`;

/** Makes a CA, the broker's and the client's certificates and stores. Takes about two seconds (keytool). */
export function makeTestCertificates(): TestCertificates {
  const dir = mkdtempSync(join(tmpdir(), 'perf-test-certs-'));
  const f = (name: string) => join(dir, name);
  const openssl = (...args: string[]) => execFileSync('openssl', args, { cwd: dir, stdio: ['ignore', 'pipe', 'pipe'] });
  const newKey = (name: string) => openssl('genpkey', '-algorithm', 'EC', '-pkeyopt', 'ec_paramgen_curve:P-256', '-out', f(name));
  const ca = (name: string, cn: string) => {
    newKey(`${name}.key`);
    openssl('req', '-x509', '-new', '-key', f(`${name}.key`), '-out', f(`${name}.pem`), '-days', '2', '-subj', `/CN=${cn}`,
      '-addext', 'basicConstraints=critical,CA:TRUE', '-addext', 'keyUsage=critical,keyCertSign,cRLSign');
  };
  const leaf = (name: string, cn: string, san: string | undefined, caName: string) => {
    newKey(`${name}.key`);
    openssl('req', '-new', '-key', f(`${name}.key`), '-out', f(`${name}.csr`), '-subj', `/CN=${cn}`);
    writeFileSync(f(`${name}.ext`), [san ? `subjectAltName=${san}` : '', 'basicConstraints=CA:FALSE', 'extendedKeyUsage=serverAuth,clientAuth', ''].join('\n'));
    openssl('x509', '-req', '-in', f(`${name}.csr`), '-CA', f(`${caName}.pem`), '-CAkey', f(`${caName}.key`), '-CAcreateserial',
      '-out', f(`${name}.pem`), '-days', '2', '-extfile', f(`${name}.ext`));
  };
  const p12 = (name: string, out: string, password: string) =>
    openssl('pkcs12', '-export', '-in', f(`${name}.pem`), '-inkey', f(`${name}.key`), '-certfile', f('ca.pem'), '-name', name,
      '-out', f(out), '-passout', `pass:${password}`);

  ca('ca', 'perf-test test CA');
  ca('other-ca', 'perf-test untrusted CA');
  const brokerPassword = secret('broker-store');
  leaf('broker', 'localhost', 'DNS:localhost,IP:127.0.0.1', 'ca');
  p12('broker', 'broker.p12', brokerPassword);
  leaf('badhost', 'wrong-host.example', 'DNS:wrong-host.example', 'ca');
  p12('badhost', 'badhost.p12', brokerPassword);

  const clientKeyPassword = secret('client-key');
  const clientStorePassword = secret('client-store');
  leaf('client', 'perf-test-client', undefined, 'ca');
  openssl('pkcs8', '-topk8', '-in', f('client.key'), '-out', f('client-enc.key'), '-v2', 'aes-256-cbc', '-passout', `pass:${clientKeyPassword}`);
  writeFileSync(f('client-keystore.pem'), readFileSync(f('client-enc.key'), 'utf8') + readFileSync(f('client.pem'), 'utf8') + readFileSync(f('ca.pem'), 'utf8'));
  p12('client', 'client.p12', clientStorePassword);
  leaf('rogue', 'rogue-client', undefined, 'other-ca');
  writeFileSync(f('rogue-keystore.pem'), readFileSync(f('rogue.key'), 'utf8') + readFileSync(f('rogue.pem'), 'utf8'));

  const truststorePassword = secret('truststore');
  for (const [file, type] of [['truststore.p12', 'PKCS12'], ['truststore.jks', 'JKS']] as const) {
    execFileSync('keytool', ['-importcert', '-noprompt', '-alias', 'ca', '-file', f('ca.pem'), '-keystore', f(file),
      '-storetype', type, '-storepass', truststorePassword], { stdio: ['ignore', 'pipe', 'pipe'] });
  }
  return {
    dir,
    caPem: f('ca.pem'),
    otherCaPem: f('other-ca.pem'),
    brokerP12: f('broker.p12'),
    badHostP12: f('badhost.p12'),
    brokerPassword,
    clientKeystorePem: f('client-keystore.pem'),
    clientCertPem: f('client.pem'),
    clientKeyPem: f('client-enc.key'),
    clientKeyPassword,
    clientP12: f('client.p12'),
    clientStorePassword,
    truststoreP12: f('truststore.p12'),
    truststoreJks: f('truststore.jks'),
    truststorePassword,
    rogueKeystorePem: f('rogue-keystore.pem'),
    remove: () => rmSync(dir, { recursive: true, force: true }),
  };
}
