#!/usr/bin/env node
// What class-data sharing saves a Kafka node's start: CPU seconds of the node's JVM from spawn until it serves, and
// the wall time, with and without the archive that `npm run kafka:fetch` records, three rounds in turn. Nodes of a
// cluster run on C1 alone (harness/java.ts), so both sides do here. Run: npm run build && node benchmarks/class-data/start.mjs
import fs from 'node:fs';
import os from 'node:os';
import { classDataOptions, recordClassData, resolveKafkaVersion, startCluster } from '../../dist/harness/index.js';

const version = resolveKafkaVersion();
if (!(await recordClassData({ version }))) throw new Error('this Java records no class-data archive');
const tick = 100; // USER_HZ on Linux

/** CPU seconds of a process so far, from /proc. */
function cpuSeconds(pid) {
  const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return (Number(fields[11]) + Number(fields[12])) / tick;
}

for (let round = 1; round <= 3; round++) {
  for (const [label, sharing] of [['without archive', []], ['with archive', classDataOptions(version)]]) {
    const started = Date.now();
    const node = await startCluster({ version, nodes: 1, jvmOptions: ['-XX:TieredStopAtLevel=1', ...sharing] });
    const wallS = (Date.now() - started) / 1000;
    const pid = node.nodes[0]?.pid;
    console.log(`round ${round} ${label.padEnd(16)} ready in ${wallS.toFixed(2)} s (formatting included), JVM CPU ${pid ? cpuSeconds(pid).toFixed(2) : '?'} s`);
    await node.stop();
  }
}
console.log(`${os.cpus().length} cores, ${os.cpus()[0]?.model}, Kafka ${version}, ${new Date().toISOString()}`);
