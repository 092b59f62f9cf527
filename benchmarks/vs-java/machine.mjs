// @ts-check
/** The machine and software versions a result was measured on. */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/** @param {string} root @param {string} name */
function packageVersion(root, name) {
  try {
    return JSON.parse(fs.readFileSync(path.join(root, 'node_modules', name, 'package.json'), 'utf8')).version;
  } catch {
    return 'not installed';
  }
}

function javaVersion() {
  // `java -version` writes to stderr.
  const r = spawnSync('java', ['-version'], { encoding: 'utf8' });
  return `${r.stderr ?? ''}${r.stdout ?? ''}`.split('\n').find((l) => /version/.test(l))?.trim() ?? 'unknown';
}

/**
 * @param {string} root the repository
 * @param {string} kafkaVersion
 */
export function describeMachine(root, kafkaVersion) {
  const cpus = os.cpus();
  return {
    cores: cpus.length,
    cpu: cpus[0]?.model.trim() ?? 'unknown',
    memoryGiB: Math.round(os.totalmem() / 2 ** 30),
    os: `${os.type()} ${os.release()}`,
    node: process.version,
    java: javaVersion(),
    kafka: kafkaVersion,
    kafkajs: packageVersion(root, 'kafkajs'),
    platformaticKafka: packageVersion(root, '@platformatic/kafka'),
  };
}
