import { execFileSync } from 'node:child_process';
import { X509Certificate } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Pkcs12Error, readPkcs12Certificates } from '../../../src/config/pkcs12.js';
import { makeTestCertificates, type TestCertificates } from '../../../harness/index.js';
import { thrown } from '../../support/thrown.js';

// PKCS#12 files as keytool and OpenSSL write them, made at test time (openssl and keytool are on every
// machine that runs the broker tests).

let certs: TestCertificates;
let caFingerprint: string;
beforeAll(() => {
  certs = makeTestCertificates();
  caFingerprint = new X509Certificate(readFileSync(certs.caPem)).fingerprint256;
}, 60_000);
afterAll(() => certs?.remove());

/** Writes a PKCS#12 of the CA alone with openssl pkcs12 -export and the given options. */
function opensslTruststore(name: string, password: string, ...args: string[]): Buffer {
  const file = join(certs.dir, name);
  execFileSync('openssl', ['pkcs12', '-export', '-nokeys', '-in', certs.caPem, '-out', file, '-passout', `pass:${password}`, ...args], { stdio: 'pipe' });
  return readFileSync(file);
}

function fingerprints(pems: string[]): string[] {
  return pems.map((p) => new X509Certificate(p).fingerprint256);
}

function pkcs12Error(bytes: Buffer, password: string | undefined): Pkcs12Error {
  return thrown(Pkcs12Error, () => readPkcs12Certificates(bytes, password));
}

describe('readPkcs12Certificates', () => {
  it("reads a keytool truststore (PBES2, AES-256, HMAC-SHA256 integrity): the CA, marked trusted by Java's attribute", () => {
    expect(fingerprints(readPkcs12Certificates(readFileSync(certs.truststoreP12), certs.truststorePassword))).toEqual([caFingerprint]);
  });

  it("reads OpenSSL 3's default, its legacy 3DES with a SHA-1 integrity check, and an unencrypted one", () => {
    expect(fingerprints(readPkcs12Certificates(opensslTruststore('aes.p12', 'pw'), 'pw'))).toEqual([caFingerprint]);
    expect(fingerprints(readPkcs12Certificates(opensslTruststore('3des.p12', 'pw', '-certpbe', 'PBE-SHA1-3DES', '-macalg', 'sha1'), 'pw'))).toEqual([caFingerprint]);
    expect(fingerprints(readPkcs12Certificates(opensslTruststore('plain.p12', 'pw', '-certpbe', 'NONE'), undefined))).toEqual([caFingerprint]);
  });

  it('reads every certificate of a store without trusted marks (a key store: the leaf and its CA)', () => {
    const pems = readPkcs12Certificates(readFileSync(certs.clientP12), certs.clientStorePassword);
    expect(fingerprints(pems)).toContain(caFingerprint);
    expect(pems).toHaveLength(2);
  });

  it('passwords: a wrong one fails the integrity check; none cannot decrypt; none skips the check of an unencrypted store', () => {
    const e = pkcs12Error(readFileSync(certs.truststoreP12), 'wrong');
    expect([e.reason, e.message]).toEqual(['wrong-password', 'failed its integrity check: the password is wrong']);
    expect(pkcs12Error(readFileSync(certs.truststoreP12), undefined).reason).toBe('password-required');
    expect(readPkcs12Certificates(opensslTruststore('plain2.p12', 'pw', '-certpbe', 'NONE'), undefined)).toHaveLength(1);
  });

  it("refuses RC2 (old keytools, OpenSSL 1), which Node's OpenSSL 3 lacks, by name", () => {
    let bytes: Buffer;
    try {
      bytes = opensslTruststore('rc2.p12', 'pw', '-legacy');
    } catch {
      return; // this openssl has no legacy provider either
    }
    const e = pkcs12Error(bytes, 'pw');
    expect(e.reason).toBe('unsupported');
    expect(e.message).toContain('RC2');
  });

  it('calls a JKS store or garbage malformed', () => {
    expect(pkcs12Error(readFileSync(certs.truststoreJks), 'x').reason).toBe('malformed');
    expect(pkcs12Error(Buffer.from('not a store'), 'x').reason).toBe('malformed');
    expect(pkcs12Error(Buffer.alloc(0), 'x').reason).toBe('malformed');
  });
});
