import { createDecipheriv, createHash, createHmac, pbkdf2Sync, timingSafeEqual, X509Certificate } from 'node:crypto';
import { DerError, TAG, children, expectTag, integer, octets, oid, readOnly, type DerNode } from './der.js';

/**
 * Reads the certificates of a PKCS#12 file (RFC 7292), as a Java truststore holds them: keytool's (PBES2 with
 * AES, Java 8u301 and later), OpenSSL 3's, or unencrypted. The legacy RC2 encryption of old keytools is not in
 * Node's OpenSSL 3: such a file gets an error that says how to convert it.
 */

/** Why a PKCS#12 file could not be read. The message never holds the password. */
export class Pkcs12Error extends Error {
  constructor(
    readonly reason: 'password-required' | 'wrong-password' | 'unsupported' | 'malformed',
    message: string,
  ) {
    super(message);
  }
}

const OID = {
  data: '1.2.840.113549.1.7.1',
  encryptedData: '1.2.840.113549.1.7.6',
  certBag: '1.2.840.113549.1.12.10.1.3',
  safeContentsBag: '1.2.840.113549.1.12.10.1.6',
  x509Certificate: '1.2.840.113549.1.9.22.1',
  /** Oracle's attribute on the certificates of a Java truststore ("trusted for any purpose"). */
  javaTrustedKeyUsage: '2.16.840.1.113894.746875.1.1',
  pbes2: '1.2.840.113549.1.5.13',
  pbkdf2: '1.2.840.113549.1.5.12',
} as const;

/** Digests by OID: for HMAC-based PBKDF2 PRFs and for the MAC's digest. */
const PRF_DIGESTS: Readonly<Record<string, string>> = {
  '1.2.840.113549.2.7': 'sha1', '1.2.840.113549.2.8': 'sha224', '1.2.840.113549.2.9': 'sha256',
  '1.2.840.113549.2.10': 'sha384', '1.2.840.113549.2.11': 'sha512',
};
const DIGESTS: Readonly<Record<string, string>> = {
  '1.3.14.3.2.26': 'sha1', '2.16.840.1.101.3.4.2.4': 'sha224', '2.16.840.1.101.3.4.2.1': 'sha256',
  '2.16.840.1.101.3.4.2.2': 'sha384', '2.16.840.1.101.3.4.2.3': 'sha512',
};
const PBES2_CIPHERS: Readonly<Record<string, { name: string; keyBytes: number }>> = {
  '2.16.840.1.101.3.4.1.2': { name: 'aes-128-cbc', keyBytes: 16 },
  '2.16.840.1.101.3.4.1.22': { name: 'aes-192-cbc', keyBytes: 24 },
  '2.16.840.1.101.3.4.1.42': { name: 'aes-256-cbc', keyBytes: 32 },
  '1.2.840.113549.3.7': { name: 'des-ede3-cbc', keyBytes: 24 },
};
/** PKCS#12's own password-based schemes (RFC 7292 appendix C). */
const PKCS12_PBE: Readonly<Record<string, { name: string; keyBytes: number; ivBytes: number } | string>> = {
  '1.2.840.113549.1.12.1.3': { name: 'des-ede3-cbc', keyBytes: 24, ivBytes: 8 },
  '1.2.840.113549.1.12.1.4': { name: 'des-ede-cbc', keyBytes: 16, ivBytes: 8 },
  '1.2.840.113549.1.12.1.1': 'RC4', '1.2.840.113549.1.12.1.2': 'RC4',
  '1.2.840.113549.1.12.1.5': 'RC2', '1.2.840.113549.1.12.1.6': 'RC2',
};

/**
 * The PEM certificates of a PKCS#12 file. When some carry Java's "trusted" attribute (a keytool truststore),
 * those; else every certificate of the file. `password` undefined skips the integrity check, as Java does.
 */
export function readPkcs12Certificates(bytes: Uint8Array, password: string | undefined): string[] {
  try {
    return readCertificates(bytes, password);
  } catch (e) {
    if (e instanceof DerError) throw new Pkcs12Error('malformed', `is not a valid PKCS#12 file (${e.message})`);
    throw e;
  }
}

function readCertificates(bytes: Uint8Array, password: string | undefined): string[] {
  const [version, authSafe, macData] = children(readOnly(bytes, TAG.SEQUENCE, 'PFX'));
  if (integer(version, 'version') !== 3) throw new DerError('version is not 3');
  const authSafeContent = contentInfoData(authSafe!, 'authSafe');
  if (password !== undefined && macData !== undefined) verifyMac(macData, authSafeContent, password);
  const bags: { cert: Uint8Array; trusted: boolean }[] = [];
  for (const info of children(readOnly(authSafeContent, TAG.SEQUENCE, 'AuthenticatedSafe'))) {
    const [type, content] = children(expectTag(info, TAG.SEQUENCE, 'ContentInfo'));
    const contentType = oid(type, 'contentType');
    if (contentType === OID.data) collectBags(contentInfoData(info, 'SafeContents'), bags);
    else if (contentType === OID.encryptedData) collectBags(decryptData(expectTag(content, TAG.CONTEXT_0, 'content'), password), bags);
    else throw new Pkcs12Error('unsupported', `holds content of type ${contentType} (public-key encrypted), which perf-test cannot read`);
  }
  const trusted = bags.filter((b) => b.trusted);
  return (trusted.length > 0 ? trusted : bags).map((b) => new X509Certificate(b.cert).toString());
}

/** The OCTET STRING inside a ContentInfo of type data. */
function contentInfoData(node: DerNode, what: string): Uint8Array {
  const [type, content] = children(expectTag(node, TAG.SEQUENCE, what));
  if (oid(type, `${what} contentType`) !== OID.data) throw new DerError(`${what} is not of type data`);
  const [inner] = children(expectTag(content, TAG.CONTEXT_0, `${what} content`));
  return octets(inner, `${what} content`);
}

/** Collects the certificate bags of a SafeContents (DER bytes, or an already read SEQUENCE), nested ones too. */
function collectBags(safeContents: Uint8Array | DerNode, out: { cert: Uint8Array; trusted: boolean }[]): void {
  const node = safeContents instanceof Uint8Array ? readOnly(safeContents, TAG.SEQUENCE, 'SafeContents') : expectTag(safeContents, TAG.SEQUENCE, 'SafeContents');
  for (const bag of children(node)) {
    const [id, value, attributes] = children(expectTag(bag, TAG.SEQUENCE, 'SafeBag'));
    const bagId = oid(id, 'bagId');
    const [inner] = children(expectTag(value, TAG.CONTEXT_0, 'bagValue'));
    if (bagId === OID.safeContentsBag) {
      collectBags(inner!, out);
    } else if (bagId === OID.certBag) {
      const [certId, certValue] = children(expectTag(inner, TAG.SEQUENCE, 'CertBag'));
      if (oid(certId, 'certId') !== OID.x509Certificate) continue; // SDSI certificates: not for TLS
      const [der] = children(expectTag(certValue, TAG.CONTEXT_0, 'certValue'));
      out.push({ cert: octets(der, 'certValue'), trusted: hasAttribute(attributes, OID.javaTrustedKeyUsage) });
    }
  }
}

function hasAttribute(attributes: DerNode | undefined, wanted: string): boolean {
  if (attributes === undefined || attributes.tag !== TAG.SET) return false;
  return children(attributes).some((a) => a.tag === TAG.SEQUENCE && oid(children(a)[0], 'attribute type') === wanted);
}

function decryptData(content: DerNode, password: string | undefined): Uint8Array {
  const [, encryptedContentInfo] = children(expectTag(children(content)[0], TAG.SEQUENCE, 'EncryptedData'));
  const [, algorithm, encrypted] = children(expectTag(encryptedContentInfo, TAG.SEQUENCE, 'EncryptedContentInfo'));
  if (password === undefined) throw new Pkcs12Error('password-required', 'holds encrypted certificates: its password is needed');
  const ciphertext = octets(encrypted, 'encryptedContent');
  const { name, key, iv } = cipherOf(algorithm!, password);
  try {
    const decipher = createDecipheriv(name, key, iv);
    return Buffer.concat([decipher.update(ciphertext), decipher.final()]);
  } catch {
    throw new Pkcs12Error('wrong-password', 'could not be decrypted: the password is wrong');
  }
}

function cipherOf(algorithm: DerNode, password: string): { name: string; key: Uint8Array; iv: Uint8Array } {
  const [idNode, params] = children(expectTag(algorithm, TAG.SEQUENCE, 'AlgorithmIdentifier'));
  const id = oid(idNode, 'algorithm');
  if (id === OID.pbes2) {
    const [kdf, scheme] = children(expectTag(params, TAG.SEQUENCE, 'PBES2 parameters'));
    const [kdfId, kdfParams] = children(expectTag(kdf, TAG.SEQUENCE, 'keyDerivationFunc'));
    if (oid(kdfId, 'keyDerivationFunc') !== OID.pbkdf2) throw new Pkcs12Error('unsupported', 'uses a key derivation other than PBKDF2');
    const [salt, iterations, ...rest] = children(expectTag(kdfParams, TAG.SEQUENCE, 'PBKDF2 parameters'));
    const prf = rest.find((n) => n.tag === TAG.SEQUENCE);
    const digest = prf === undefined ? 'sha1' : PRF_DIGESTS[oid(children(prf)[0], 'prf')];
    const [schemeId, iv] = children(expectTag(scheme, TAG.SEQUENCE, 'encryptionScheme'));
    const cipher = PBES2_CIPHERS[oid(schemeId, 'encryptionScheme')];
    if (digest === undefined || cipher === undefined) throw new Pkcs12Error('unsupported', 'uses an encryption perf-test does not know');
    const key = pbkdf2Sync(Buffer.from(password, 'utf8'), octets(salt, 'salt'), integer(iterations, 'iterations'), cipher.keyBytes, digest);
    return { name: cipher.name, key, iv: octets(iv, 'iv') };
  }
  const legacy = PKCS12_PBE[id];
  if (typeof legacy === 'string') {
    throw new Pkcs12Error('unsupported', `uses the legacy ${legacy} encryption of old keytools and OpenSSL 1, which Node's OpenSSL 3 does not have`);
  }
  if (legacy === undefined) throw new Pkcs12Error('unsupported', `uses an encryption perf-test does not know (${id})`);
  const [salt, iterations] = children(expectTag(params, TAG.SEQUENCE, 'PBE parameters'));
  const s = octets(salt, 'salt');
  const n = integer(iterations, 'iterations');
  return {
    name: legacy.name,
    key: pkcs12Kdf('sha1', password, s, n, 1, legacy.keyBytes),
    iv: pkcs12Kdf('sha1', password, s, n, 2, legacy.ivBytes),
  };
}

function verifyMac(macData: DerNode, content: Uint8Array, password: string): void {
  const [digestInfo, salt, iterations] = children(expectTag(macData, TAG.SEQUENCE, 'MacData'));
  const [algorithm, digest] = children(expectTag(digestInfo, TAG.SEQUENCE, 'DigestInfo'));
  const algorithmOid = oid(children(expectTag(algorithm, TAG.SEQUENCE, 'digestAlgorithm'))[0], 'digestAlgorithm');
  const hash = DIGESTS[algorithmOid];
  if (hash === undefined) throw new Pkcs12Error('unsupported', `has an integrity check perf-test does not know (${algorithmOid})`);
  const expected = octets(digest, 'digest');
  const size = createHash(hash).digest().length;
  const key = pkcs12Kdf(hash, password, octets(salt, 'macSalt'), iterations === undefined ? 1 : integer(iterations, 'iterations'), 3, size);
  const actual = createHmac(hash, key).update(content).digest();
  if (actual.length !== expected.length || !timingSafeEqual(actual, expected)) {
    throw new Pkcs12Error('wrong-password', 'failed its integrity check: the password is wrong');
  }
}

/** RFC 7292 appendix B.2: the PKCS#12 key derivation (id 1 key, 2 IV, 3 MAC key), password as BMPString. */
export function pkcs12Kdf(hash: string, password: string, salt: Uint8Array, iterations: number, id: number, size: number): Uint8Array {
  const u = createHash(hash).digest().length;
  const v = hash === 'sha384' || hash === 'sha512' ? 128 : 64;
  const pwd = Buffer.alloc(password.length * 2 + 2);
  for (let k = 0; k < password.length; k++) pwd.writeUInt16BE(password.charCodeAt(k), k * 2);
  const fill = (src: Uint8Array): Buffer => {
    const out = Buffer.alloc(src.length === 0 ? 0 : v * Math.ceil(src.length / v));
    for (let k = 0; k < out.length; k++) out[k] = src[k % src.length]!;
    return out;
  };
  const D = Buffer.alloc(v, id);
  const I = Buffer.concat([fill(salt), fill(pwd)]);
  const result: Buffer[] = [];
  for (let produced = 0; produced < size; produced += u) {
    let A = createHash(hash).update(D).update(I).digest();
    for (let r = 1; r < iterations; r++) A = createHash(hash).update(A).digest();
    result.push(A);
    const B = fill(A);
    for (let j = 0; j < I.length; j += v) {
      let carry = 1;
      for (let k = v - 1; k >= 0; k--) {
        const sum = I[j + k]! + B[k]! + carry;
        I[j + k] = sum & 0xff;
        carry = sum >> 8;
      }
    }
  }
  return Buffer.concat(result).subarray(0, size);
}
