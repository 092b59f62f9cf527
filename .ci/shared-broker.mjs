// One Kafka broker on free ports for .ci/run's other Node versions, which run their tests against it at the same
// time (every test makes its own topics and groups): `node .ci/shared-broker.mjs FILE` writes the bootstrap
// servers to FILE once the broker is up, and stops it on SIGTERM or SIGINT (or when this process dies: the JVM is
// in its process group).
import { writeFileSync, renameSync } from 'node:fs';
import { startBroker } from '../dist/harness/index.js';

const [file] = process.argv.slice(2);
if (!file) throw new Error('usage: node .ci/shared-broker.mjs FILE');
const broker = await startBroker({ port: 0, sharedMachine: true });
writeFileSync(`${file}.tmp`, `${broker.bootstrapServers}\n`);
renameSync(`${file}.tmp`, file);
const stop = () => broker.stop().finally(() => process.exit(0));
process.once('SIGTERM', stop);
process.once('SIGINT', stop);
setInterval(() => {}, 1 << 30); // stay up until told
