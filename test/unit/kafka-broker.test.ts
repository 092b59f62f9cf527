// Pure helpers of scripts/kafka-broker.mjs: what the broker and Kafka's tools are started with.
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  heapFlags,
  kafkaCachePaths,
  loggingConfig,
  loggingJvmFlag,
  mavenPom,
  newClusterId,
  parseKafkaVersion,
  serverProperties,
} from '../../scripts/kafka-broker.mjs';

function parseProperties(text: string): Map<string, string> {
  const lines = text.split('\n').filter((line) => line && !line.startsWith('#'));
  return new Map(lines.map((line) => [line.slice(0, line.indexOf('=')), line.slice(line.indexOf('=') + 1)]));
}

describe('newClusterId', () => {
  it('is 16 bytes in base64url without padding', () => {
    for (let i = 0; i < 100; i++) expect(newClusterId()).toMatch(/^[A-Za-z0-9_][A-Za-z0-9_-]{21}$/);
  });

  it('never starts with "-", which Kafka would read as a flag', () => {
    const draws = [Buffer.alloc(16, 0xf8), Buffer.alloc(16, 0)]; // 0xf8... encodes as "-4-4..."
    expect(newClusterId(() => draws.shift() ?? Buffer.alloc(16, 1))).toBe('AAAAAAAAAAAAAAAAAAAAAA');
  });
});

describe('serverProperties', () => {
  const options = { port: 9092, controllerPort: 40001, dataDir: '/tmp/k/data' };

  it('configures one combined-mode KRaft node on 127.0.0.1', () => {
    const props = parseProperties(serverProperties({ ...options, version: '4.1.1' }));
    expect(props.get('process.roles')).toBe('broker,controller');
    expect(props.get('controller.quorum.voters')).toBe('1@127.0.0.1:40001');
    expect(props.get('listeners')).toBe('PLAINTEXT://127.0.0.1:9092,CONTROLLER://127.0.0.1:40001');
    expect(props.get('advertised.listeners')).toBe('PLAINTEXT://127.0.0.1:9092');
    expect(props.get('log.dirs')).toBe('/tmp/k/data');
    expect(props.get('offsets.topic.replication.factor')).toBe('1');
    expect(props.get('transaction.state.log.replication.factor')).toBe('1');
    expect(props.get('auto.create.topics.enable')).toBe('true');
    expect(props.get('num.partitions')).toBe('1');
  });

  it('sets the share coordinator topic to one replica on 4.x only', () => {
    const v4 = parseProperties(serverProperties({ ...options, version: '4.1.1' }));
    const v3 = parseProperties(serverProperties({ ...options, version: '3.9.1' }));
    expect(v4.get('share.coordinator.state.topic.replication.factor')).toBe('1');
    expect([...v3.keys()].filter((key) => key.startsWith('share.'))).toEqual([]);
  });
});

describe('logging', () => {
  it('uses log4j 2 on 4.x and reload4j on 3.x', () => {
    expect(loggingJvmFlag({ version: '4.1.1', configFile: '/c/log4j2.properties' })).toBe(
      '-Dlog4j2.configurationFile=/c/log4j2.properties',
    );
    expect(loggingJvmFlag({ version: '3.9.1', configFile: '/c/log4j.properties' })).toBe(
      '-Dlog4j.configuration=file:///c/log4j.properties',
    );
  });

  it("writes a broker's log to its file and a tool's warnings to stderr", () => {
    expect(loggingConfig({ version: '4.1.1', logFile: '/d/server.log' }).content).toContain(
      'appender.out.fileName = /d/server.log',
    );
    expect(loggingConfig({ version: '4.1.1' }).content).toContain('appender.out.target = SYSTEM_ERR');
    expect(loggingConfig({ version: '3.9.1', logFile: '/d/server.log' }).content).toContain(
      'log4j.appender.out.File=/d/server.log',
    );
    expect(loggingConfig({ version: '3.9.1' }).content).toContain('log4j.rootLogger=WARN, out');
  });
});

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

describe('parseKafkaVersion', () => {
  it('accepts 3.x and 4.x releases only', () => {
    expect(parseKafkaVersion('4.1.1')).toEqual({ major: 4, minor: 1 });
    expect(() => parseKafkaVersion('2.8.2')).toThrow('unsupported Kafka version "2.8.2"');
    expect(() => parseKafkaVersion('4.1.1</version>')).toThrow('unsupported Kafka version');
  });
});

describe('kafkaCachePaths', () => {
  it('caches per version under KAFKA_CACHE_DIR, else XDG_CACHE_HOME/perf-test, else ~/.cache/perf-test', () => {
    expect(kafkaCachePaths('4.1.1', { KAFKA_CACHE_DIR: '/c' }).libDir).toBe('/c/kafka-4.1.1/lib');
    expect(kafkaCachePaths('3.9.1', { XDG_CACHE_HOME: '/x' }).libDir).toBe('/x/perf-test/kafka-3.9.1/lib');
    expect(kafkaCachePaths('4.1.1', {}).versionDir).toBe(path.join(os.homedir(), '.cache/perf-test/kafka-4.1.1'));
  });
});

describe('heapFlags', () => {
  it('caps the initial heap at 256 MiB', () => {
    expect(heapFlags('512m')).toEqual(['-Xms256m', '-Xmx512m']);
    expect(heapFlags('128m')).toEqual(['-Xms128m', '-Xmx128m']);
    expect(heapFlags('2g')).toEqual(['-Xms256m', '-Xmx2g']);
    expect(() => heapFlags('lots')).toThrow('invalid heap size "lots"');
  });
});
