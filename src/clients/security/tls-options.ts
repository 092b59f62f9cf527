import type { ConnectionOptions } from 'node:tls';
import type { TlsSettings } from '../../config/security.js';

/** Node's TLS options for the resolved settings: what both adapters give their client's `tls.connect`. */
export function nodeTlsOptions(tls: TlsSettings): ConnectionOptions {
  const id = tls.identity;
  return {
    rejectUnauthorized: true,
    ...(tls.trustedCertificatesPem === undefined ? {} : { ca: tls.trustedCertificatesPem }),
    ...(id?.kind === 'pem' ? { cert: id.certificateChainPem, key: id.privateKeyPem, passphrase: id.keyPassword } : {}),
    // Worker threads receive the bytes as a Uint8Array (structured clone); Node's TLS wants a Buffer.
    ...(id?.kind === 'pkcs12' ? { pfx: Buffer.from(id.pkcs12), passphrase: id.password } : {}),
    // Java's ssl.endpoint.identification.algorithm= (empty): the certificate is still verified, the name is not.
    ...(tls.verifyHostname ? {} : { checkServerIdentity: () => undefined }),
    ...(tls.minVersion ? { minVersion: tls.minVersion } : {}),
    ...(tls.maxVersion ? { maxVersion: tls.maxVersion } : {}),
  };
}
