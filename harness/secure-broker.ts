// A real broker with secured listeners, for the security tests and benchmarks/secure: one KRaft JVM whose
// PLAINTEXT listener (inter-broker, controller, test setup) sits beside SASL_PLAINTEXT, SSL (mutual TLS),
// SASL_SSL and BADHOST (SSL with a certificate for another host name) listeners.
import { execFile, spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, openSync, closeSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fetchKafka } from './fetch.js';
import { JVM_PERFORMANCE_OPTS, SHARED_MACHINE_JVM_OPTS, classDataOptions, heapFlags } from './java.js';
import { loggingConfig, loggingJvmFlag } from './logging.js';
import { canConnect, reservePorts } from './ports.js';
import { HOST, newClusterId, serverProperties } from './properties.js';
import { resolveKafkaVersion } from './version.js';
import type { TestCertificates } from './certificates.js';

export const SCRAM_MODULE = 'org.apache.kafka.common.security.scram.ScramLoginModule';
export const PLAIN_MODULE = 'org.apache.kafka.common.security.plain.PlainLoginModule';
export const OAUTH_MODULE = 'org.apache.kafka.common.security.oauthbearer.OAuthBearerLoginModule';

/** A JAAS string literal: quoted, with `"` and `\` escaped as Java's StreamTokenizer reads them. */
export function jaasQuote(value: string): string {
  return `"${value.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`;
}

const LISTENERS = ['SASL_PLAINTEXT', 'SSL', 'SASL_SSL', 'BADHOST'] as const;

/** A SASL user known to the broker: PLAIN users in its JAAS config, SCRAM users created at format time. */
export interface SaslUser {
  readonly name: string;
  readonly password: string;
  /** Also a SCRAM user (kafka-storage's --add-scram cannot take every character; PLAIN users can). */
  readonly scram: boolean;
}

/** The running broker's addresses, by listener. */
export interface SecureBroker {
  /** PLAINTEXT, for test setup and checks. */
  readonly plaintext: string;
  /** SASL_PLAINTEXT with PLAIN, SCRAM-SHA-256, SCRAM-SHA-512 and OAUTHBEARER (Kafka's unsecured JWS validator). */
  readonly saslPlaintext: string;
  /** SSL requiring a client certificate signed by the test CA. */
  readonly ssl: string;
  /** SASL_SSL with PLAIN, SCRAM-SHA-512 and OAUTHBEARER (no SCRAM-SHA-256), no client certificate. */
  readonly saslSsl: string;
  /** SSL whose certificate names wrong-host.example only. */
  readonly badHost: string;
  /** SIGTERM, SIGKILL after 20 s, then remove the broker's dir. Safe to call twice. */
  stop(): Promise<void>;
}

/** The properties that add the secured listeners to the standard single-node config. */
export function secureProperties(ports: Record<(typeof LISTENERS)[number] | 'PLAINTEXT' | 'CONTROLLER', number>, certs: TestCertificates, users: readonly SaslUser[]): string {
  const all = ['PLAINTEXT', ...LISTENERS] as const;
  const plainUsers = users.map((u) => `user_${u.name}=${jaasQuote(u.password)}`).join(' ');
  // The JAAS text goes through the properties file's own escapes first: its backslashes are doubled.
  const jaas = (listener: string, mechanism: string, module: string, options = '') =>
    `listener.name.${listener}.${mechanism}.sasl.jaas.config=${module} required${options ? ` ${options}` : ''};`.replace(/\\/g, '\\\\');
  const keystore = (prefix: string, file: string) => [
    `${prefix}ssl.keystore.type=PKCS12`, `${prefix}ssl.keystore.location=${file}`,
    `${prefix}ssl.keystore.password=${certs.brokerPassword}`, `${prefix}ssl.key.password=${certs.brokerPassword}`,
  ];
  return [
    '# Secured listeners (test/integration/security-broker.ts); these keys override the ones above.',
    `listeners=${all.map((l) => `${l}://${HOST}:${ports[l]}`).join(',')},CONTROLLER://${HOST}:${ports.CONTROLLER}`,
    `advertised.listeners=${all.map((l) => `${l}://${HOST}:${ports[l]}`).join(',')}`,
    'listener.security.protocol.map=CONTROLLER:PLAINTEXT,PLAINTEXT:PLAINTEXT,SASL_PLAINTEXT:SASL_PLAINTEXT,SSL:SSL,SASL_SSL:SASL_SSL,BADHOST:SSL',
    'sasl.enabled.mechanisms=PLAIN,SCRAM-SHA-256,SCRAM-SHA-512,OAUTHBEARER',
    'listener.name.sasl_ssl.sasl.enabled.mechanisms=PLAIN,SCRAM-SHA-512,OAUTHBEARER',
    jaas('sasl_plaintext', 'plain', PLAIN_MODULE, plainUsers),
    jaas('sasl_plaintext', 'scram-sha-256', SCRAM_MODULE),
    jaas('sasl_plaintext', 'scram-sha-512', SCRAM_MODULE),
    jaas('sasl_ssl', 'plain', PLAIN_MODULE, plainUsers),
    jaas('sasl_ssl', 'scram-sha-512', SCRAM_MODULE),
    // No validator class: the broker checks tokens with Kafka's default, OAuthBearerUnsecuredValidatorCallbackHandler
    // (alg none, an unexpired exp, a sub claim). The broker's own login token is never used (inter-broker is PLAINTEXT).
    jaas('sasl_plaintext', 'oauthbearer', OAUTH_MODULE, 'unsecuredLoginStringClaim_sub="broker"'),
    jaas('sasl_ssl', 'oauthbearer', OAUTH_MODULE, 'unsecuredLoginStringClaim_sub="broker"'),
    ...keystore('', certs.brokerP12),
    'ssl.truststore.type=PEM',
    `ssl.truststore.location=${certs.caPem}`,
    'listener.name.ssl.ssl.client.auth=required',
    ...keystore('listener.name.badhost.', certs.badHostP12),
    '',
  ].join('\n');
}

/**
 * Starts the broker and resolves once every listener accepts connections. With `sharedMachine` (the tests), its JVM
 * runs as a cluster node does (SHARED_MACHINE_JVM_OPTS in java.ts); otherwise with Kafka's own settings (the bench).
 */
export async function startSecureBroker(
  certs: TestCertificates,
  users: readonly SaslUser[],
  options: { readonly sharedMachine?: boolean } = {},
): Promise<SecureBroker> {
  // Its six ports are picked free, then let go until the JVM binds them: another process may take one meanwhile
  // (the tests start many brokers at once). That broker exits at start; a new set of ports is tried, twice at most.
  for (let attempt = 1; ; attempt++) {
    try {
      return await launchSecureBroker(certs, users, options);
    } catch (e) {
      if (!(e instanceof PortTaken) || attempt === 3) throw e;
    }
  }
}

/** The broker exited at start because one of its ports had been taken. */
class PortTaken extends Error {}

async function launchSecureBroker(
  certs: TestCertificates,
  users: readonly SaslUser[],
  options: { readonly sharedMachine?: boolean },
): Promise<SecureBroker> {
  const version = resolveKafkaVersion();
  const { libDir } = await fetchKafka({ version });
  const dir = mkdtempSync(join(tmpdir(), 'perf-test-secure-kafka-'));
  const dataDir = join(dir, 'data');
  mkdirSync(dataDir);
  const [PLAINTEXT, CONTROLLER, SASL_PLAINTEXT, SSL, SASL_SSL, BADHOST] = await reservePorts([0, 0, 0, 0, 0, 0]);
  const ports = { PLAINTEXT: PLAINTEXT!, CONTROLLER: CONTROLLER!, SASL_PLAINTEXT: SASL_PLAINTEXT!, SSL: SSL!, SASL_SSL: SASL_SSL!, BADHOST: BADHOST! };
  const properties = join(dir, 'server.properties');
  writeFileSync(properties, serverProperties({ version, port: ports.PLAINTEXT, controllerPort: ports.CONTROLLER, dataDir }) + secureProperties(ports, certs, users));
  const logging = loggingConfig({ version, logFile: join(dir, 'server.log') });
  writeFileSync(join(dir, logging.fileName), logging.content);
  const loggingFlag = loggingJvmFlag({ version, configFile: join(dir, logging.fileName) });
  const classpath = join(libDir, '*');
  const classData = classDataOptions(version);
  const scram = users.filter((u) => u.scram).flatMap((u) => ['SCRAM-SHA-256', 'SCRAM-SHA-512'].flatMap((m) => ['--add-scram', `${m}=[name=${u.name},password=${u.password}]`]));
  await run('java', ['-Xmx256m', '-XX:TieredStopAtLevel=1', ...classData, loggingFlag, '-cp', classpath, 'kafka.tools.StorageTool', 'format',
    '-t', newClusterId(), '-c', properties, ...scram]);

  const out = openSync(join(dir, 'java.out'), 'a');
  const jvm = options.sharedMachine ? SHARED_MACHINE_JVM_OPTS : JVM_PERFORMANCE_OPTS;
  const child = spawn('java', [...heapFlags('512m'), ...jvm, ...classData, loggingFlag, '-cp', classpath, 'kafka.Kafka', properties], { cwd: dir, stdio: ['ignore', out, out] });
  closeSync(out);
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  let alive = true;
  let exitedHow = '';
  child.once('exit', (code, signal) => {
    alive = false;
    exitedHow = signal ? `killed by ${signal}` : `code ${code}`;
  });
  const killOnExit = () => child.kill('SIGKILL');
  process.once('exit', killOnExit);
  let stopping: Promise<void> | undefined;
  const stop = () => (stopping ??= (async () => {
    process.off('exit', killOnExit);
    if (alive) {
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 20_000);
      await exited;
      clearTimeout(timer);
    }
    rmSync(dir, { recursive: true, force: true });
  })());

  try {
    const deadline = Date.now() + 90_000;
    for (const port of Object.values(ports).filter((p) => p !== ports.CONTROLLER)) {
      while (!(await canConnect(port))) {
        if (!alive || Date.now() > deadline) {
          const logs = `${tail(join(dir, 'server.log'))}\n${tail(join(dir, 'java.out'))}`;
          if (!alive && /BindException|Address already in use/.test(logs)) throw new PortTaken(`a port of the secured broker was taken\n${logs}`);
          // The first line says why (CI prints only that): the broker's exit and its first error, or the time.
          const why = alive ? ' in 90 s' : `: it exited (${exitedHow}) with ${firstError(logs)}`;
          throw new Error(`the secured broker did not open port ${port}${why}\n${logs}`);
        }
        await new Promise((r) => setTimeout(r, 200));
      }
    }
  } catch (e) {
    await stop();
    throw e;
  }
  const at = (port: number) => `${HOST}:${port}`;
  return {
    plaintext: at(ports.PLAINTEXT), saslPlaintext: at(ports.SASL_PLAINTEXT), ssl: at(ports.SSL),
    saslSsl: at(ports.SASL_SSL), badHost: at(ports.BADHOST), stop,
  };
}

function run(command: string, args: string[]): Promise<void> {
  return new Promise((resolve, reject) => {
    execFile(command, args, { maxBuffer: 16 * 1024 * 1024 }, (error, stdout, stderr) => {
      if (error) reject(new Error(`${command} ${args.slice(-8).join(' ')} failed: ${error.message}\n${stdout}${stderr}`));
      else resolve();
    });
  });
}

function tail(file: string): string {
  try {
    return readFileSync(file, 'utf8').trimEnd().split('\n').slice(-30).join('\n');
  } catch {
    return '';
  }
}

/** The first ERROR or exception line of a log, or that there was none. */
function firstError(log: string): string {
  return log.split('\n').find((line) => /\bERROR\b|Exception|Error:/.test(line))?.trim().slice(0, 300) ?? 'no error logged';
}
