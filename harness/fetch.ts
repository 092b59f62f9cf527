// Apache Kafka's jars, fetched once per version from Maven Central into a cache outside the work tree.
import fs from 'node:fs';
import fsp from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { JAVA_NEEDED, lastLines, requireOnPath, run } from './os.js';
import { parseKafkaVersion, resolveKafkaVersion } from './version.js';

/** Where one Kafka version's jars live. */
export interface KafkaCachePaths {
  readonly versionDir: string;
  /** The jars: the classpath is `${libDir}/*`. */
  readonly libDir: string;
  /** Written last by a fetch: the lib dir is complete. */
  readonly marker: string;
}

/** The cache: $KAFKA_CACHE_DIR, else $XDG_CACHE_HOME/perf-test, else ~/.cache/perf-test; one dir per version. */
export function kafkaCachePaths(version: string, env: NodeJS.ProcessEnv = process.env): KafkaCachePaths {
  const cacheRoot =
    env.KAFKA_CACHE_DIR || path.join(env.XDG_CACHE_HOME || path.join(os.homedir(), '.cache'), 'perf-test');
  const versionDir = path.resolve(cacheRoot, `kafka-${version}`);
  return { versionDir, libDir: path.join(versionDir, 'lib'), marker: path.join(versionDir, 'fetched.json') };
}

/** A POM whose runtime dependencies are the broker, Kafka's tools and a logging backend (not in Kafka's POMs). */
export function mavenPom({ version }: { version: string }): string {
  const { major, minor } = parseKafkaVersion(version);
  const log4j2 = minor >= 2 ? '2.25.3' : '2.24.3';
  const logging: Array<[string, string, string]> =
    major >= 4
      ? [
          // Kafka still logs through slf4j 1.7, hence log4j-slf4j-impl rather than log4j-slf4j2-impl.
          ['org.apache.logging.log4j', 'log4j-api', log4j2],
          ['org.apache.logging.log4j', 'log4j-core', log4j2],
          ['org.apache.logging.log4j', 'log4j-slf4j-impl', log4j2],
        ]
      : [
          ['org.slf4j', 'slf4j-reload4j', '1.7.36'],
          ['ch.qos.reload4j', 'reload4j', '1.2.25'],
        ];
  const dependency = ([group, artifact, v]: [string, string, string], extra = '') =>
    `    <dependency><groupId>${group}</groupId><artifactId>${artifact}</artifactId><version>${v}</version>` +
    `${extra}</dependency>`;
  const withoutConnect =
    '<exclusions><exclusion><groupId>org.apache.kafka</groupId><artifactId>connect-runtime</artifactId>' +
    '</exclusion></exclusions>';
  return [
    '<project xmlns="http://maven.apache.org/POM/4.0.0">',
    '  <modelVersion>4.0.0</modelVersion>',
    `  <groupId>local.perf-test</groupId><artifactId>kafka-${version}</artifactId><version>1</version>`,
    '  <packaging>pom</packaging>',
    '  <dependencies>',
    dependency(['org.apache.kafka', 'kafka_2.13', version]),
    // The tools (ProducerPerformance, ...) without Kafka Connect, which they only need for a few commands.
    dependency(['org.apache.kafka', 'kafka-tools', version], withoutConnect),
    ...logging.map((gav) => dependency(gav)),
    '  </dependencies>',
    '</project>',
    '',
  ].join('\n');
}

/**
 * Fetches the jars of a Kafka version with Maven into the cache, once: a marker file written last says the
 * lib dir is complete.
 */
export async function fetchKafka({ version }: { version?: string } = {}): Promise<{ libDir: string }> {
  const kafkaVersion = resolveKafkaVersion(version);
  const { versionDir, libDir, marker } = kafkaCachePaths(kafkaVersion);
  if (fs.existsSync(marker)) return { libDir };
  requireOnPath('mvn', 'Apache Maven (e.g. `apt-get install maven`), needed once to fetch the Kafka jars');
  requireOnPath('java', JAVA_NEEDED);
  process.stderr.write(`Fetching Apache Kafka ${kafkaVersion} jars from Maven Central into ${libDir}\n`);
  await fsp.mkdir(versionDir, { recursive: true });
  // Fetch into a fresh dir and move it into place, so an interrupted fetch never looks complete.
  const work = await fsp.mkdtemp(path.join(versionDir, 'fetch-'));
  try {
    const pom = path.join(work, 'pom.xml');
    await fsp.writeFile(pom, mavenPom({ version: kafkaVersion }));
    const fetched = path.join(work, 'lib');
    const args = ['-q', '-B', '-f', pom, 'dependency:copy-dependencies', '-DincludeScope=runtime'];
    const result = await run('mvn', [...args, `-DoutputDirectory=${fetched}`]);
    if (result.code !== 0) {
      const output = lastLines(result.output, 30);
      throw new Error(`mvn failed to fetch Apache Kafka ${kafkaVersion} (exit ${result.code}):\n${output}`);
    }
    const jars = (await fsp.readdir(fetched)).filter((name) => name.endsWith('.jar'));
    if (!jars.includes(`kafka_2.13-${kafkaVersion}.jar`)) {
      throw new Error(`mvn did not fetch kafka_2.13-${kafkaVersion}.jar into ${fetched}`);
    }
    if (fs.existsSync(marker)) return { libDir }; // a concurrent fetch finished first; its jars may be in use
    await fsp.rm(libDir, { recursive: true, force: true });
    await fsp.rename(fetched, libDir);
    const record = { version: kafkaVersion, jars: jars.length, fetchedAt: new Date().toISOString() };
    await fsp.writeFile(marker, `${JSON.stringify(record)}\n`);
  } finally {
    await fsp.rm(work, { recursive: true, force: true });
  }
  return { libDir };
}
