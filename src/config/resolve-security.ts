import { UsageError, badValue } from '../errors.js';
import { JaasSyntaxError, parseJaasConfig } from './jaas.js';
import { OAUTH_LOGIN_HANDLERS, OAUTH_MODULE, UNSECURED_EXAMPLE, resolveOAuthBearer } from './resolve-oauth.js';
import {
  SASL_MECHANISMS, SECURITY_PROTOCOLS, isSecurityProperty, type SaslSettings, type SecurityProtocol, type SecuritySettings,
} from './security.js';
import { resolveTls } from './tls-stores.js';

const PLAIN_MODULE = 'org.apache.kafka.common.security.plain.PlainLoginModule';
const SCRAM_MODULE = 'org.apache.kafka.common.security.scram.ScramLoginModule';
const JAAS_EXAMPLE = `e.g. sasl.jaas.config=${SCRAM_MODULE} required username="alice" password="...";`;
const UNSUPPORTED_MECHANISMS: Readonly<Record<string, string>> = {
  GSSAPI: 'Kerberos', AWS_MSK_IAM: 'AWS IAM',
};
const UNSUPPORTED_MODULES: Readonly<Record<string, string>> = {
  'com.sun.security.auth.module.Krb5LoginModule': 'GSSAPI (Kerberos)',
  'software.amazon.msk.auth.iam.IAMLoginModule': 'AWS_MSK_IAM',
};

/**
 * Reads `security.protocol`, `sasl.*` and `ssl.*` from Java client properties, with every file read and every
 * key and certificate checked, so that a mistake is a usage error naming the property before any connection.
 * Errors and warnings never show a secret value.
 */
export function resolveSecurity(props: ReadonlyMap<string, string>, warn: (line: string) => void): SecuritySettings {
  const protocol = resolveProtocol(props.get('security.protocol'));
  const usesTls = protocol === 'SSL' || protocol === 'SASL_SSL';
  const usesSasl = protocol === 'SASL_PLAINTEXT' || protocol === 'SASL_SSL';
  const ignored = [...props.keys()].filter((k) => (k === 'sasl.mechanism' || k === 'sasl.jaas.config') && !usesSasl);
  if (ignored.length > 0) {
    warn(`The configuration${ignored.length > 1 ? 's' : ''} ${ignored.map((k) => `'${k}'`).join(' and ')} ${ignored.length > 1 ? 'are' : 'is'} ignored: security.protocol is ${protocol}, not SASL_PLAINTEXT or SASL_SSL.`);
  }
  warnUnapplied(props, warn);
  return Object.freeze({
    protocol,
    tls: usesTls ? resolveTls(props, warn) : undefined,
    sasl: usesSasl ? resolveSasl(props, protocol) : undefined,
  });
}

const APPLIED = new Set([
  'security.protocol', 'sasl.mechanism', 'sasl.jaas.config', 'ssl.truststore.type', 'ssl.truststore.location',
  'ssl.truststore.password', 'ssl.truststore.certificates', 'ssl.keystore.type', 'ssl.keystore.location',
  'ssl.keystore.password', 'ssl.keystore.key', 'ssl.keystore.certificate.chain', 'ssl.key.password',
  'ssl.endpoint.identification.algorithm', 'ssl.enabled.protocols', 'ssl.protocol',
  'sasl.oauthbearer.token.endpoint.url', 'sasl.oauthbearer.header.urlencode', 'sasl.oauthbearer.sub.claim.name',
  'sasl.oauthbearer.client.credentials.client.id', 'sasl.oauthbearer.client.credentials.client.secret', 'sasl.oauthbearer.scope',
]);
/** Java client security settings that exist but have no effect here (from Kafka 4.1's client configs). */
const KNOWN_NOT_APPLIED = new Set([
  'ssl.cipher.suites', 'ssl.provider', 'ssl.keymanager.algorithm', 'ssl.trustmanager.algorithm',
  'ssl.secure.random.implementation', 'ssl.engine.factory.class', 'sasl.client.callback.handler.class',
  'sasl.login.callback.handler.class', 'sasl.login.class',
]);
const KNOWN_NOT_APPLIED_PREFIXES = ['sasl.kerberos.', 'sasl.login.', 'sasl.oauthbearer.'];

/** One warning per security property perf-test does not apply, in the wording of the producer's warnings. */
function warnUnapplied(props: ReadonlyMap<string, string>, warn: (line: string) => void): void {
  for (const name of props.keys()) {
    if (!isSecurityProperty(name) || APPLIED.has(name)) continue;
    if (name === 'sasl.login.callback.handler.class' && OAUTH_LOGIN_HANDLERS.includes(props.get(name)!.trim())) continue;
    if (KNOWN_NOT_APPLIED.has(name) || KNOWN_NOT_APPLIED_PREFIXES.some((p) => name.startsWith(p))) {
      warn(`The configuration '${name}' is a Java client setting perf-test does not apply; it is ignored.`);
    } else {
      warn(`The configuration '${name}' was supplied but isn't a known config.`);
    }
  }
}

function resolveProtocol(text: string | undefined): SecurityProtocol {
  if (text === undefined) return 'PLAINTEXT';
  const upper = text.trim().toUpperCase();
  const protocol = SECURITY_PROTOCOLS.find((p) => p === upper);
  if (protocol === undefined) throw badValue('security.protocol', text, `is not one of ${SECURITY_PROTOCOLS.join(', ')}`);
  return protocol;
}

function resolveSasl(props: ReadonlyMap<string, string>, protocol: SecurityProtocol): SaslSettings {
  const mechanismText = props.get('sasl.mechanism');
  if (mechanismText === undefined) {
    throw new UsageError(`security.protocol ${protocol} needs sasl.mechanism: Java's default, GSSAPI (Kerberos), is not supported`,
      `set sasl.mechanism to one of ${SASL_MECHANISMS.join(', ')}`);
  }
  const upper = mechanismText.trim().toUpperCase();
  const mechanism = SASL_MECHANISMS.find((m) => m === upper);
  if (mechanism === undefined) {
    const what = UNSUPPORTED_MECHANISMS[upper];
    throw badValue('sasl.mechanism', mechanismText, `is not supported${what ? ` (${what})` : ''}: perf-test speaks ${SASL_MECHANISMS.join(', ')}`);
  }
  const jaas = props.get('sasl.jaas.config');
  if (jaas === undefined || jaas.trim() === '') {
    if (mechanism === 'OAUTHBEARER') throw new UsageError(`security.protocol ${protocol} needs sasl.jaas.config with the OAUTHBEARER login options`, UNSECURED_EXAMPLE);
    throw new UsageError(`security.protocol ${protocol} needs sasl.jaas.config with the SASL username and password`, JAAS_EXAMPLE);
  }
  let entry;
  try {
    entry = parseJaasConfig(jaas);
  } catch (e) {
    if (e instanceof JaasSyntaxError) throw new UsageError(`sasl.jaas.config (value not shown) is not a valid JAAS entry: ${e.message}`, JAAS_EXAMPLE);
    throw e;
  }
  const named = /^[A-Za-z_$][\w$]*(\.[A-Za-z_$][\w$]*)+$/.test(entry.loginModule) ? ` '${entry.loginModule}'` : '';
  if (mechanism === 'OAUTHBEARER') {
    if (entry.loginModule !== OAUTH_MODULE) throw new UsageError(`sasl.jaas.config: login module${named} does not log in with OAUTHBEARER; use ${OAUTH_MODULE}`);
    return resolveOAuthBearer(props, entry.options);
  }
  if (entry.loginModule === OAUTH_MODULE) {
    throw new UsageError(`sasl.jaas.config: login module${named} is for sasl.mechanism=OAUTHBEARER, not ${mechanism}; use ${PLAIN_MODULE} or ${SCRAM_MODULE}`);
  }
  if (entry.loginModule !== PLAIN_MODULE && entry.loginModule !== SCRAM_MODULE) {
    const known = UNSUPPORTED_MODULES[entry.loginModule];
    throw new UsageError(`sasl.jaas.config: login module${named} is not supported${known ? ` (it is for ${known})` : ''}; use ${PLAIN_MODULE}, ${SCRAM_MODULE} or ${OAUTH_MODULE}`);
  }
  const username = entry.options.get('username');
  const password = entry.options.get('password');
  if (username === undefined || username === '') throw new UsageError('sasl.jaas.config (value not shown) has no username option', JAAS_EXAMPLE);
  if (password === undefined) throw new UsageError('sasl.jaas.config (value not shown) has no password option', JAAS_EXAMPLE);
  if (entry.options.get('tokenauth')?.toLowerCase() === 'true') {
    throw new UsageError('sasl.jaas.config: tokenauth=true (delegation tokens) is not supported');
  }
  return Object.freeze({ mechanism, username, password });
}
