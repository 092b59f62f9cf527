// Class-data sharing for Kafka's JVMs: the classes a broker loads, parsed and verified once into an archive that
// later JVMs map instead (java.ts: classDataArchive, classDataOptions). `npm run kafka:fetch` and the tests' setup
// record it; without it every JVM starts as Kafka's scripts start it.
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import fsp from 'node:fs/promises';
import path from 'node:path';
import { startCluster } from './cluster.js';
import { kafkaCachePaths } from './fetch.js';
import { classDataArchive } from './java.js';
import { run } from './os.js';
import { resolveKafkaVersion } from './version.js';

/**
 * Records the archive for `version`'s jars and the Java on PATH, unless it exists: one node runs with
 * -XX:ArchiveClassesAtExit until it serves, and writes the archive (about 50 MB, 2 s) as it shuts down. A
 * recording is kept only if a JVM that must map it (-Xshare:on) starts: a truncated archive would crash every
 * JVM given it. Returns the archive's path, or undefined if this Java recorded none (nothing changes then).
 * Concurrent calls each record their own file, and the last one's rename wins.
 */
export async function recordClassData({ version }: { version?: string } = {}): Promise<string | undefined> {
  const kafkaVersion = resolveKafkaVersion(version);
  const archive = classDataArchive(kafkaVersion);
  if (archive === undefined || fs.existsSync(archive)) return archive;
  await fsp.mkdir(path.dirname(archive), { recursive: true });
  const recording = `${archive}.${randomBytes(6).toString('hex')}.recording`;
  try {
    const node = await startCluster({ version: kafkaVersion, nodes: 1, jvmOptions: ['-XX:TieredStopAtLevel=1', `-XX:ArchiveClassesAtExit=${recording}`] });
    await node.stop();
    if (!fs.existsSync(recording) || !(await maps(kafkaVersion, recording))) return undefined;
    await fsp.rename(recording, archive);
    return archive;
  } finally {
    await fsp.rm(recording, { force: true });
  }
}

/** Whether a JVM on `version`'s classpath starts with the archive mapped, as it is required to be. */
async function maps(version: string, archive: string): Promise<boolean> {
  const classpath = path.join(kafkaCachePaths(version).libDir, '*');
  const check = ['-Xshare:on', `-XX:SharedArchiveFile=${archive}`, '-cp', classpath, 'kafka.tools.StorageTool', 'random-uuid'];
  return run('java', check).then(({ code }) => code === 0, () => false);
}
