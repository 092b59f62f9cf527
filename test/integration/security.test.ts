import { randomBytes } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { countRecords, runCli, uniqueTopic } from './helpers.js';
import { makeTestCertificates, startSecureBroker, type SaslUser, type SecureBroker, type TestCertificates } from '../../harness/index.js';
import { OAUTH_MODULE, PLAIN_MODULE, PropsFiles, SCRAM_MODULE, jaasConfig } from './security-props.js';

// One broker with PLAINTEXT, SASL_PLAINTEXT, SSL (mutual TLS), SASL_SSL and a mismatched-host SSL listener,
// certificates made by openssl and keytool for this run; perf-test produces (and consumes) over each, on the
// default client (@platformatic/kafka) unless a case says --client kafkajs.

const alice: SaslUser = { name: 'alice', password: `alice-${randomBytes(6).toString('hex')}`, scram: true };
/** A PLAIN user whose password needs JAAS escapes (a quote, a backslash, a space). */
const bob: SaslUser = { name: 'bob', password: `b"o\\b ${randomBytes(6).toString('hex')}`, scram: false };

let certs: TestCertificates;
let broker: SecureBroker;
const files = new PropsFiles();

beforeAll(async () => {
  certs = makeTestCertificates();
  broker = await startSecureBroker(certs, [alice, bob], { sharedMachine: true });
}, 180_000);

afterAll(async () => {
  await broker?.stop();
  certs?.remove();
  files.remove();
});

const scram = (mechanism: 'SCRAM-SHA-256' | 'SCRAM-SHA-512', password = alice.password) => ({
  'sasl.mechanism': mechanism, 'sasl.jaas.config': jaasConfig(SCRAM_MODULE, alice.name, password),
});
const pemTrust = () => ({ 'ssl.truststore.type': 'PEM', 'ssl.truststore.location': certs.caPem });
const p12Trust = () => ({ 'ssl.truststore.type': 'PKCS12', 'ssl.truststore.location': certs.truststoreP12, 'ssl.truststore.password': certs.truststorePassword });
const oauth = (options = 'unsecuredLoginStringClaim_sub="alice"') => ({ 'sasl.mechanism': 'OAUTHBEARER', 'sasl.jaas.config': `${OAUTH_MODULE} required ${options};` });
/** An unsecured JWS (alg none), as the broker's default validator takes them, made here rather than by perf-test. */
const jws = (claims: Record<string, unknown>) => `${Buffer.from('{"alg":"none"}').toString('base64url')}.${Buffer.from(JSON.stringify(claims)).toString('base64url')}.`;
const pemIdentity = () => ({ 'ssl.keystore.type': 'PEM', 'ssl.keystore.location': certs.clientKeystorePem, 'ssl.key.password': certs.clientKeyPassword });

/** Produces `records` records through perf-test with a --producer.config file of `props`. */
function produce(bootstrap: string, props: Record<string, string>, topic = uniqueTopic('sec'), extra: string[] = []) {
  return runCli(['--num-records', '300', '--record-size', '100', '--throughput', '-1', '--topic', topic,
    '--bootstrap-server', bootstrap, '--producer.config', files.write(props), '--reporting-interval', '60000', ...extra], { timeoutMs: 60_000 });
}

async function expectProduced(run: Awaited<ReturnType<typeof produce>>, topic: string): Promise<void> {
  expect(run.code, run.stderr).toBe(0);
  expect(run.stdout).toMatch(/^300 records sent, /m);
  expect(await countRecords(topic, broker.plaintext)).toBe(300);
}

/** Consumes the 300 records of `topic` with a --consumer.config file. */
async function expectConsumed(bootstrap: string, topic: string, config: string, extra: string[] = []): Promise<void> {
  const consumed = await runCli(['consume', '--bootstrap-server', bootstrap, '--topic', topic, '--messages', '300', '--consumer.config', config, '--format', 'kafka', ...extra]);
  expect(consumed.code, consumed.stderr).toBe(0);
  expect(consumed.stdout.trimEnd().split('\n')[1]).toMatch(/, 300, /);
}

async function expectE2e(bootstrap: string, config: string, extra: string[] = []): Promise<void> {
  const e2e = await runCli(['e2e', '--bootstrap-server', bootstrap, '--topic', uniqueTopic('e2e'), '--num-records', '200',
    '--record-size', '100', '--producer.config', config, '--reporting-interval', '60000', ...extra], { timeoutMs: 90_000 });
  expect(e2e.code, e2e.stderr).toBe(0);
}

/** A failure is one `Error:` line (the hint in parentheses on it), with no stack trace. */
function expectOneLineError(run: { code: number | null; stderr: string }, code: number, pattern: RegExp): void {
  expect(run.code, run.stderr).toBe(code);
  const lines = run.stderr.trimEnd().split('\n').filter((l) => !l.startsWith('WARN '));
  expect(lines, run.stderr).toHaveLength(1);
  expect(lines[0]).toMatch(/^Error: /);
  expect(lines[0]).toMatch(pattern);
}

describe('produce over every secured listener of a real broker', () => {
  it('SASL_PLAINTEXT with SCRAM-SHA-256, credentials from sasl.jaas.config in a --producer.config file', async () => {
    const topic = uniqueTopic('scram256');
    await expectProduced(await produce(broker.saslPlaintext, { 'security.protocol': 'SASL_PLAINTEXT', ...scram('SCRAM-SHA-256') }, topic), topic);
  });

  it('SASL_PLAINTEXT with SCRAM-SHA-512, given on the command line with --producer-props', async () => {
    const topic = uniqueTopic('scram512');
    const run = await runCli(['--num-records', '300', '--record-size', '100', '--topic', topic, '--bootstrap-server', broker.saslPlaintext,
      '--producer-props', 'security.protocol=SASL_PLAINTEXT', 'sasl.mechanism=SCRAM-SHA-512', `sasl.jaas.config=${jaasConfig(SCRAM_MODULE, alice.name, alice.password)}`]);
    await expectProduced(run, topic);
  });

  it('SASL_PLAINTEXT with PLAIN, a password that needs JAAS escapes', async () => {
    const topic = uniqueTopic('plain');
    const props = { 'security.protocol': 'SASL_PLAINTEXT', 'sasl.mechanism': 'PLAIN', 'sasl.jaas.config': jaasConfig(PLAIN_MODULE, bob.name, bob.password) };
    await expectProduced(await produce(broker.saslPlaintext, props, topic), topic);
  });

  it('SSL with mutual TLS from PEM files: a CA, and an encrypted PKCS#8 key with its chain (ssl.key.password)', async () => {
    const topic = uniqueTopic('ssl-pem');
    await expectProduced(await produce(broker.ssl, { 'security.protocol': 'SSL', ...pemTrust(), ...pemIdentity() }, topic), topic);
  });

  it('SSL with mutual TLS from PKCS12 stores made by keytool and openssl, with passwords', async () => {
    const topic = uniqueTopic('ssl-p12');
    const props = { 'security.protocol': 'SSL', ...p12Trust(), 'ssl.keystore.type': 'PKCS12', 'ssl.keystore.location': certs.clientP12, 'ssl.keystore.password': certs.clientStorePassword };
    await expectProduced(await produce(broker.ssl, props, topic), topic);
  });

  it('SASL_SSL with SCRAM-SHA-512 and a keytool PKCS12 truststore, from 2 producer workers', async () => {
    const topic = uniqueTopic('sasl-ssl');
    await expectProduced(await produce(broker.saslSsl, { 'security.protocol': 'SASL_SSL', ...scram('SCRAM-SHA-512'), ...p12Trust() }, topic, ['--producers', '2']), topic);
  });

  it('consume and e2e take the same settings (SASL_SSL)', async () => {
    const topic = uniqueTopic('sasl-ssl-consume');
    const config = files.write({ 'security.protocol': 'SASL_SSL', ...scram('SCRAM-SHA-512'), ...pemTrust() });
    await expectProduced(await produce(broker.saslSsl, { 'security.protocol': 'SASL_SSL', ...scram('SCRAM-SHA-512'), ...pemTrust() }, topic), topic);
    await expectConsumed(broker.saslSsl, topic, config);
    await expectE2e(broker.saslSsl, config);
  });

  it('consume and e2e over mutual TLS, from inline PEM (ssl.truststore.certificates, ssl.keystore.key, ssl.keystore.certificate.chain)', async () => {
    const topic = uniqueTopic('mtls-consume');
    const config = files.write({
      'security.protocol': 'SSL', 'ssl.truststore.type': 'PEM', 'ssl.truststore.certificates': readFileSync(certs.caPem, 'utf8'),
      'ssl.keystore.type': 'PEM', 'ssl.keystore.key': readFileSync(certs.clientKeyPem, 'utf8'),
      'ssl.keystore.certificate.chain': readFileSync(certs.clientCertPem, 'utf8'), 'ssl.key.password': certs.clientKeyPassword,
    });
    await expectProduced(await produce(broker.ssl, { 'security.protocol': 'SSL', ...pemTrust(), ...pemIdentity() }, topic), topic);
    await expectConsumed(broker.ssl, topic, config);
    await expectE2e(broker.ssl, config);
  });

  it('kafkajs stays a choice: SCRAM-SHA-512 over SASL_SSL and mutual TLS with --client kafkajs', async () => {
    const topic = uniqueTopic('kafkajs-sasl-ssl');
    await expectProduced(await produce(broker.saslSsl, { 'security.protocol': 'SASL_SSL', ...scram('SCRAM-SHA-512'), ...pemTrust() }, topic, ['--client', 'kafkajs']), topic);
    const mtls = uniqueTopic('kafkajs-mtls');
    await expectProduced(await produce(broker.ssl, { 'security.protocol': 'SSL', ...pemTrust(), ...pemIdentity() }, mtls, ['--client', 'kafkajs']), mtls);
    await expectConsumed(broker.ssl, mtls, files.write({ 'security.protocol': 'SSL', ...pemTrust(), ...pemIdentity() }), ['--client', 'kafkajs']);
  });

  it('checks the host name by default, and skips the check with ssl.endpoint.identification.algorithm= (empty)', async () => {
    const props = { 'security.protocol': 'SSL', ...pemTrust() };
    expectOneLineError(await produce(broker.badHost, props), 6,
      /^Error: TLS: the certificate of the broker at 127\.0\.0\.1:\d+ does not match its host name \(ERR_TLS_CERT_ALTNAME_INVALID\) \(connect by a name .*ssl\.endpoint\.identification\.algorithm= \(empty\)/);
    const topic = uniqueTopic('nohostcheck');
    await expectProduced(await produce(broker.badHost, { ...props, 'ssl.endpoint.identification.algorithm': '' }, topic), topic);
  });
});

describe('SASL OAUTHBEARER, with the token from Java\'s settings', () => {
  let tokenServer: Server | undefined;
  afterAll(() => tokenServer?.close());

  it('unsecured JWS tokens from the JAAS options, with a SASL extension, over SASL_PLAINTEXT and SASL_SSL', async () => {
    const topic = uniqueTopic('oauth-unsecured');
    const options = 'unsecuredLoginStringClaim_sub="alice" unsecuredLoginListClaim_scope="|produce|consume" unsecuredLoginLifetimeSeconds="600" unsecuredLoginExtension_traceId="perf1"';
    await expectProduced(await produce(broker.saslPlaintext, { 'security.protocol': 'SASL_PLAINTEXT', ...oauth(options) }, topic), topic);
    const overTls = uniqueTopic('oauth-sasl-ssl');
    const props = { 'security.protocol': 'SASL_SSL', ...oauth(), ...pemTrust() };
    await expectProduced(await produce(broker.saslSsl, props, overTls), overTls);
    await expectConsumed(broker.saslSsl, overTls, files.write(props));
  });

  it('a token file (sasl.oauthbearer.token.endpoint.url=file:...), read again at each login', async () => {
    const tokenFile = join(files.dir, 'token.jwt');
    writeFileSync(tokenFile, `${jws({ sub: 'alice', exp: Date.now() / 1000 + 600, iat: Date.now() / 1000 })}\n`);
    const topic = uniqueTopic('oauth-file');
    const props = { 'security.protocol': 'SASL_SSL', ...oauth(''), 'sasl.oauthbearer.token.endpoint.url': `file:${tokenFile}`,
      'sasl.login.callback.handler.class': 'org.apache.kafka.common.security.oauthbearer.OAuthBearerLoginCallbackHandler', ...pemTrust() };
    const run = await produce(broker.saslSsl, props, topic);
    await expectProduced(run, topic);
    expect(run.stderr).not.toMatch(/WARN/);
  });

  it('the client-credentials grant at a token endpoint, whose client secret is never shown', async () => {
    const secret = `cs-${randomBytes(6).toString('hex')}`;
    const requests: { authorization: string | undefined; body: string }[] = [];
    let answer = (): { status: number; body: Record<string, unknown> } => ({ status: 200, body: { access_token: jws({ sub: 'perf-client', exp: Date.now() / 1000 + 600 }), token_type: 'bearer', expires_in: 600 } });
    tokenServer = createServer((req, res) => {
      let body = '';
      req.on('data', (chunk: Buffer) => (body += chunk.toString()));
      req.on('end', () => {
        requests.push({ authorization: req.headers.authorization, body });
        const { status, body: json } = answer();
        res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(json));
      });
    });
    await new Promise<void>((resolve) => tokenServer!.listen(0, '127.0.0.1', resolve));
    const url = `http://127.0.0.1:${(tokenServer.address() as { port: number }).port}/oauth2/token`;
    const props = { 'security.protocol': 'SASL_PLAINTEXT', ...oauth(`clientId="perf-client" clientSecret="${secret}" scope="kafka"`), 'sasl.oauthbearer.token.endpoint.url': url };
    const topic = uniqueTopic('oauth-grant');
    const run = await produce(broker.saslPlaintext, props, topic);
    await expectProduced(run, topic);
    expect(requests[0]).toEqual({ authorization: `Basic ${Buffer.from(`perf-client:${secret}`).toString('base64')}`, body: 'grant_type=client_credentials&scope=kafka' });

    // The broker refuses an expired token; the endpoint refuses a client: each one line, exit 6, no secret.
    answer = () => ({ status: 200, body: { access_token: jws({ sub: 'perf-client', exp: Date.now() / 1000 - 60 }), token_type: 'bearer', expires_in: 600 } });
    const expired = await produce(broker.saslPlaintext, props);
    expectOneLineError(expired, 6, /^Error: authentication failed: the broker at 127\.0\.0\.1:\d+ rejected the OAUTHBEARER token \(invalid_token\)/);
    answer = () => ({ status: 401, body: { error: 'invalid_client', error_description: `bad secret ${secret}` } });
    const refused = await produce(broker.saslPlaintext, props);
    expectOneLineError(refused, 6, /^Error: the token endpoint http:\/\/127\.0\.0\.1:\d+\/oauth2\/token refused the client-credentials grant for client 'perf-client' \(HTTP 401: invalid_client\)/);
    for (const r of [run, expired, refused]) expect(r.stdout + r.stderr).not.toContain(secret);
    answer = () => ({ status: 200, body: { access_token: jws({ sub: 'perf-client', exp: Date.now() / 1000 - 60 }), token_type: 'bearer', expires_in: 600 } });
    // kafkajs takes the broker's refusal for a login and cannot say why the broker then hangs up: the hint does.
    const kafkajsExpired = await produce(broker.saslPlaintext, props, uniqueTopic('x'), ['--client', 'kafkajs']);
    expectOneLineError(kafkajsExpired, 3, /^Error: cannot connect to Kafka at 127\.0\.0\.1:\d+: .*\(kafkajs does not report a refused OAUTHBEARER token/);
  });

  it('kafkajs takes unsecured tokens too', async () => {
    const topic = uniqueTopic('oauth-kafkajs');
    await expectProduced(await produce(broker.saslPlaintext, { 'security.protocol': 'SASL_PLAINTEXT', ...oauth() }, topic, ['--client', 'kafkajs']), topic);
  });
});

describe('security failures are one line each, exit code 6', () => {
  it('a wrong SCRAM password', async () => {
    const run = await produce(broker.saslPlaintext, { 'security.protocol': 'SASL_PLAINTEXT', ...scram('SCRAM-SHA-256', 'not-the-password') });
    expectOneLineError(run, 6, /^Error: authentication failed: the broker at 127\.0\.0\.1:\d+ rejected SASL SCRAM-SHA-256 credentials for user 'alice' \(check the username and password in sasl\.jaas\.config/);
    expect(run.stderr + run.stdout).not.toContain('not-the-password');
  });

  it('a wrong SCRAM password when consuming', async () => {
    const config = files.write({ 'security.protocol': 'SASL_SSL', ...scram('SCRAM-SHA-512', 'not-the-consumer-password'), ...pemTrust() });
    const run = await runCli(['consume', '--bootstrap-server', broker.saslSsl, '--topic', uniqueTopic('no-consume'), '--messages', '10', '--consumer.config', config]);
    expectOneLineError(run, 6, /^Error: authentication failed: the broker at 127\.0\.0\.1:\d+ rejected SASL SCRAM-SHA-512 credentials for user 'alice'/);
    expect(run.stderr + run.stdout).not.toContain('not-the-consumer-password');
  });

  it('a wrong PLAIN password over TLS', async () => {
    const props = { 'security.protocol': 'SASL_SSL', 'sasl.mechanism': 'PLAIN', 'sasl.jaas.config': jaasConfig(PLAIN_MODULE, 'bob', 'wrong-plain-password'), ...pemTrust() };
    const run = await produce(broker.saslSsl, props);
    expectOneLineError(run, 6, /^Error: authentication failed: .* SASL PLAIN credentials for user 'bob'/);
    expect(run.stderr).not.toContain('wrong-plain-password');
  });

  it('a SASL mechanism the listener does not enable', async () => {
    const run = await produce(broker.saslSsl, { 'security.protocol': 'SASL_SSL', ...scram('SCRAM-SHA-256'), ...pemTrust() });
    expectOneLineError(run, 6, /^Error: the broker at 127\.0\.0\.1:\d+ does not enable SASL mechanism SCRAM-SHA-256 on this listener/);
  });

  it('a broker certificate signed by a CA that is not trusted', async () => {
    const run = await produce(broker.saslSsl, { 'security.protocol': 'SASL_SSL', ...scram('SCRAM-SHA-512'), 'ssl.truststore.type': 'PEM', 'ssl.truststore.location': certs.otherCaPem });
    expectOneLineError(run, 6, /^Error: TLS: the certificate of the broker at 127\.0\.0\.1:\d+ is not trusted \((SELF_SIGNED_CERT_IN_CHAIN|UNABLE_TO_VERIFY_LEAF_SIGNATURE|UNABLE_TO_GET_ISSUER_CERT_LOCALLY)\) \(set ssl\.truststore\.location/);
  });

  it('mutual TLS without a client certificate, and with one the broker does not trust', async () => {
    expectOneLineError(await produce(broker.ssl, { 'security.protocol': 'SSL', ...pemTrust() }), 6,
      /^Error: TLS: the broker at 127\.0\.0\.1:\d+ refused the handshake: it wants a client certificate it trusts \(ERR_SSL_\w+\) \(set ssl\.keystore\.location/);
    expectOneLineError(await produce(broker.ssl, { 'security.protocol': 'SSL', ...pemTrust(), 'ssl.keystore.location': certs.rogueKeystorePem }), 6,
      /^Error: TLS: the broker at 127\.0\.0\.1:\d+ refused the handshake: .* \(the broker does not trust the certificate of ssl\.keystore\.location/);
  });

  it('TLS to a listener that does not speak it, and SASL to one that does not expect it', async () => {
    expectOneLineError(await produce(broker.saslPlaintext, { 'security.protocol': 'SASL_SSL', ...scram('SCRAM-SHA-256'), ...pemTrust() }), 6,
      /^Error: TLS: the broker at 127\.0\.0\.1:\d+ (closed the connection during the TLS handshake|did not answer in TLS \(\w+\)) \(is it a PLAINTEXT or SASL_PLAINTEXT listener\?/);
    expectOneLineError(await produce(broker.plaintext, { 'security.protocol': 'SASL_PLAINTEXT', ...scram('SCRAM-SHA-256') }), 6,
      /^Error: the broker at 127\.0\.0\.1:\d+ does not expect SASL on this listener \(ILLEGAL_SASL_STATE\) \(is it a PLAINTEXT or SSL listener\?/);
  });

  it('a plaintext client at a TLS listener gets a setup error (exit 3) whose hint names security.protocol', async () => {
    expectOneLineError(await produce(broker.ssl, {}), 3,
      /^Error: cannot connect to Kafka at 127\.0\.0\.1:\d+: .*\(the broker closed the connection: if its listener uses TLS or SASL, set security\.protocol/);
  });
});

describe('bad security settings are usage errors before any connection (exit 2)', () => {
  const nowhere = '127.0.0.1:1';
  it.each([
    ['an unknown security.protocol', { 'security.protocol': 'TLS' }, /^Error: security\.protocol: 'TLS' is not one of PLAINTEXT, SSL, SASL_PLAINTEXT, SASL_SSL$/],
    ['GSSAPI', { 'security.protocol': 'SASL_SSL', 'sasl.mechanism': 'GSSAPI' }, /^Error: sasl\.mechanism: 'GSSAPI' is not supported \(Kerberos\): perf-test speaks PLAIN, SCRAM-SHA-256, SCRAM-SHA-512, OAUTHBEARER$/],
    ['OAUTHBEARER without a JAAS config', { 'security.protocol': 'SASL_SSL', 'sasl.mechanism': 'OAUTHBEARER' },
      /^Error: security\.protocol SASL_SSL needs sasl\.jaas\.config with the OAUTHBEARER login options \(e\.g\. sasl\.jaas\.config=org\.apache\.kafka\.common\.security\.oauthbearer\.OAuthBearerLoginModule required unsecuredLoginStringClaim_sub="alice";\)$/],
    ['an unsecured OAUTHBEARER token without a principal', { 'security.protocol': 'SASL_PLAINTEXT', ...oauth('unsecuredLoginStringClaim_user="secret-in-a-bad-config"') },
      /^Error: sasl\.jaas\.config \(value not shown\) does not make an unsecured OAUTHBEARER token: no principal name: set unsecuredLoginStringClaim_sub/],
    ['a token file that does not exist', { 'security.protocol': 'SASL_SSL', ...oauth(''), 'sasl.oauthbearer.token.endpoint.url': 'file:/nonexistent/token.jwt' },
      /^Error: sasl\.oauthbearer\.token\.endpoint\.url: 'file:\/nonexistent\/token\.jwt' names a file that does not exist$/],
    ['a malformed sasl.jaas.config', { 'security.protocol': 'SASL_PLAINTEXT', 'sasl.mechanism': 'PLAIN', 'sasl.jaas.config': `${PLAIN_MODULE} required username="u" password="secret-in-a-bad-config"` },
      /^Error: sasl\.jaas\.config \(value not shown\) is not a valid JAAS entry: the entry does not end with a semicolon \(;\) \(e\.g\. sasl\.jaas\.config=/],
    ['a missing truststore file', { 'security.protocol': 'SSL', 'ssl.truststore.location': '/nonexistent/ca.pem' }, /^Error: ssl\.truststore\.location: '\/nonexistent\/ca\.pem' does not exist$/],
  ])('%s', async (_name, props, pattern) => {
    const run = await runCli(['--num-records', '10', '--bootstrap-server', nowhere, '--producer.config', files.write(props)]);
    expectOneLineError(run, 2, pattern);
    expect(run.stderr).not.toContain('secret-in-a-bad-config');
  });

  it('a JKS truststore, with the keytool command that converts it', async () => {
    const run = await runCli(['--num-records', '10', '--bootstrap-server', nowhere, '--producer-props', 'security.protocol=SSL',
      `ssl.truststore.location=${certs.truststoreJks}`, `ssl.truststore.password=${certs.truststorePassword}`]);
    expectOneLineError(run, 2, /^Error: ssl\.truststore\.location: '.*truststore\.jks' is a JKS store, which Node's TLS cannot read \(convert it: keytool -importkeystore -srckeystore .*truststore\.jks -destkeystore .*truststore\.p12 -deststoretype PKCS12, then set ssl\.truststore\.location=.*truststore\.p12 and ssl\.truststore\.type=PKCS12\)$/);
    expect(run.stderr).not.toContain(certs.truststorePassword);
  });

  it('a wrong truststore or key password, naming the property but never the value', async () => {
    const wrongStore = await runCli(['--num-records', '10', '--bootstrap-server', nowhere, '--producer-props', 'security.protocol=SSL',
      `ssl.truststore.location=${certs.truststoreP12}`, 'ssl.truststore.password=wrong-store-password']);
    expectOneLineError(wrongStore, 2, /^Error: ssl\.truststore\.password \(not shown\) does not open ssl\.truststore\.location '.*truststore\.p12'/);
    const wrongKey = await runCli(['--num-records', '10', '--bootstrap-server', nowhere, '--producer-props', 'security.protocol=SSL',
      `ssl.keystore.location=${certs.clientKeystorePem}`, 'ssl.key.password=wrong-key-password']);
    expectOneLineError(wrongKey, 2, /^Error: ssl\.key\.password \(not shown\) does not decrypt the private key of ssl\.keystore\.location/);
    expect(wrongStore.stderr + wrongKey.stderr).not.toMatch(/wrong-(store|key)-password/);
  });
});

describe('secrets never leak', () => {
  it('no output, result file or report of a run, successful or failed, holds a password or a key', async () => {
    const out = mkdtempSync(join(tmpdir(), 'perf-test-leak-'));
    try {
      const saslSsl = files.write({ 'security.protocol': 'SASL_SSL', ...scram('SCRAM-SHA-512'), ...p12Trust() });
      const mtls = files.write({ 'security.protocol': 'SSL', ...pemTrust(), 'ssl.keystore.type': 'PKCS12', 'ssl.keystore.location': certs.clientP12, 'ssl.keystore.password': certs.clientStorePassword });
      const mtlsPem = files.write({ 'security.protocol': 'SSL', ...pemTrust(), ...pemIdentity() });
      const tokenFile = join(out, 'token.jwt');
      const token = jws({ sub: 'alice', exp: Date.now() / 1000 + 600, jti: randomBytes(8).toString('hex') });
      writeFileSync(tokenFile, token);
      const oauthFile = files.write({ 'security.protocol': 'SASL_SSL', ...oauth(''), 'sasl.oauthbearer.token.endpoint.url': `file:${tokenFile}`, ...pemTrust() });
      const topic = uniqueTopic('leak');
      const common = ['--num-records', '300', '--record-size', '100', '--topic', topic, '--reporting-interval', '200', '--debug'];
      const runs = [
        () => runCli([...common, '--bootstrap-server', broker.saslSsl, '--producer.config', saslSsl, '--json', '--print-metrics',
          '--html', join(out, 'report.html'), '--hdr-log', join(out, 'latency.hlog')]),
        () => runCli([...common, '--bootstrap-server', broker.saslSsl, '--producer.config', saslSsl, '--markdown']),
        () => runCli([...common, '--bootstrap-server', broker.ssl, '--producer.config', mtls, '--print-metrics']),
        () => runCli([...common, '--bootstrap-server', broker.ssl, '--producer.config', mtlsPem, '--format', 'kafka']),
        () => runCli(['consume', '--bootstrap-server', broker.saslSsl, '--topic', topic, '--messages', '300', '--consumer.config', saslSsl, '--json', '--debug']),
        () => runCli(['e2e', '--bootstrap-server', broker.ssl, '--num-records', '200', '--producer.config', mtlsPem, '--json', '--debug', '--html', join(out, 'e2e.html')]),
        () => runCli([...common, '--bootstrap-server', broker.saslSsl, '--producer.config', oauthFile, '--json', '--print-metrics']),
        // Failures, with --debug's stack traces.
        () => runCli([...common, '--bootstrap-server', broker.saslSsl, '--producer.config', files.write({ 'security.protocol': 'SASL_SSL', ...scram('SCRAM-SHA-512', `${alice.password}-wrong`), ...p12Trust() })]),
        () => runCli([...common, '--bootstrap-server', broker.ssl, '--producer-props', 'security.protocol=SSL', `ssl.truststore.location=${certs.truststoreP12}`, `ssl.truststore.password=${certs.truststorePassword}x`]),
        () => runCli([...common, '--bootstrap-server', broker.ssl, '--producer-props', 'security.protocol=SSL', `ssl.truststore.location=${certs.truststoreJks}`, `ssl.truststore.password=${certs.truststorePassword}`]),
        () => runCli([...common, '--bootstrap-server', broker.saslSsl, '--producer-props', 'security.protocol=SASL_SSL', 'sasl.mechanism=PLAIN', `sasl.jaas.config=${PLAIN_MODULE} required password="${alice.password}" username=`]),
      ];
      const results = [];
      for (const run of runs) results.push(await run()); // one at a time: they share the broker and 2 cores
      results.slice(0, 7).forEach((r) => expect(r.code, r.stderr).toBe(0));
      expect(results.slice(7).map((r) => r.code)).toEqual([6, 2, 2, 2]);
      const json = JSON.parse(results[0]!.stdout);
      writeFileSync(join(out, 'result.json'), results[0]!.stdout);
      expect(json.config.producerProps).toMatchObject({ 'sasl.jaas.config': '[redacted]', 'ssl.truststore.password': '[redacted]', 'sasl.mechanism': 'SCRAM-SHA-512' });

      const outputs = [
        ...results.flatMap((r, i) => [[`run ${i} stdout`, r.stdout], [`run ${i} stderr`, r.stderr]]),
        ...readdirSync(out).filter((name) => name !== 'token.jwt').map((name) => [name, readFileSync(join(out, name), 'latin1')]),
      ] as [string, string][];
      expect(outputs.map(([name]) => name)).toEqual(expect.arrayContaining(['report.html', 'latency.hlog', 'result.json', 'e2e.html']));
      const keyLine = readFileSync(certs.clientKeyPem, 'utf8').split('\n')[2]!;
      const secrets = [alice.password, certs.truststorePassword, certs.clientStorePassword, certs.clientKeyPassword, keyLine, token];
      // The detector works: the inputs hold every secret.
      const inputs = [saslSsl, mtls, mtlsPem, certs.clientKeyPem, tokenFile].map((f) => readFileSync(f, 'utf8')).join('\n');
      for (const s of secrets) expect(inputs).toContain(s);
      const leaks = outputs.flatMap(([name, text]) => secrets.filter((s) => text.includes(s)).map((s) => `${name} holds ${s.slice(0, 4)}...`));
      expect(leaks).toEqual([]);
    } finally {
      rmSync(out, { recursive: true, force: true });
    }
  }, 240_000);
});
