import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { kafkaCachePaths, mavenPom } from '../../../harness/fetch.js';

describe('mavenPom', () => {
  it('adds the logging backend Kafka does not depend on', () => {
    const artifact = (name: string, version: string) => `<artifactId>${name}</artifactId><version>${version}</version>`;
    expect(mavenPom({ version: '4.1.1' })).toContain(artifact('log4j-slf4j-impl', '2.24.3'));
    expect(mavenPom({ version: '4.2.0' })).toContain(artifact('log4j-core', '2.25.3'));
    expect(mavenPom({ version: '3.9.1' })).toContain(artifact('slf4j-reload4j', '1.7.36'));
    expect(mavenPom({ version: '3.9.1' })).not.toContain('log4j-core');
  });

  it("takes Kafka's tools without Kafka Connect", () => {
    expect(mavenPom({ version: '4.1.1' })).toMatch(
      /<artifactId>kafka-tools<\/artifactId><version>4\.1\.1<\/version><exclusions>.*connect-runtime/,
    );
  });
});

describe('kafkaCachePaths', () => {
  it('caches per version under KAFKA_CACHE_DIR, else XDG_CACHE_HOME/perf-test, else ~/.cache/perf-test', () => {
    expect(kafkaCachePaths('4.1.1', { KAFKA_CACHE_DIR: '/c' }).libDir).toBe('/c/kafka-4.1.1/lib');
    expect(kafkaCachePaths('3.9.1', { XDG_CACHE_HOME: '/x' }).libDir).toBe('/x/perf-test/kafka-3.9.1/lib');
    expect(kafkaCachePaths('4.1.1', {}).versionDir).toBe(path.join(os.homedir(), '.cache/perf-test/kafka-4.1.1'));
  });
});
