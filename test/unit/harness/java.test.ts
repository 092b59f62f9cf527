import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  brokerCommand, classDataArchive, classDataOptions, heapFlags, kafkaJavaCommand, storageFormatCommand,
} from '../../../harness/java.js';

const NODE = { libDir: '/k/lib', loggingFlag: '-Dlog4j2.configurationFile=/n/log4j2.properties', serverProperties: '/n/server.properties' };
const BROKER = { heap: '512m', sharedMachine: false, extraOptions: [] };

describe('heapFlags', () => {
  it('caps the initial heap at 256 MiB', () => {
    expect(heapFlags('512m')).toEqual(['-Xms256m', '-Xmx512m']);
    expect(heapFlags('128m')).toEqual(['-Xms128m', '-Xmx128m']);
    expect(heapFlags('2g')).toEqual(['-Xms256m', '-Xmx2g']);
    expect(() => heapFlags('lots')).toThrow('invalid heap size "lots"');
  });
});

describe('brokerCommand', () => {
  it("runs kafka.Kafka on the node's config with the jars on the classpath", () => {
    const { command, args } = brokerCommand({ ...NODE, ...BROKER });
    expect(command).toBe('java');
    expect(args.slice(0, 3)).toEqual(['-Xms256m', '-Xmx512m', '-XX:+UseG1GC']);
    expect(args.slice(-4)).toEqual(['-cp', '/k/lib/*', 'kafka.Kafka', '/n/server.properties']);
    expect(args).toContain(NODE.loggingFlag);
  });

  it('passes the extra options before the classpath', () => {
    const { args } = brokerCommand({ ...NODE, ...BROKER, extraOptions: ['-XX:+UseZGC'] });
    expect(args.indexOf('-XX:+UseZGC')).toBeGreaterThan(-1);
    expect(args.indexOf('-XX:+UseZGC')).toBeLessThan(args.indexOf('-cp'));
  });

  it("keeps Kafka's JIT and G1 by default; C1 alone and the serial collector for a broker that shares the machine", () => {
    const single = brokerCommand({ ...NODE, ...BROKER }).args;
    expect(single).toEqual(expect.arrayContaining(['-XX:+UseG1GC', '-XX:MaxGCPauseMillis=20']));
    expect(single).not.toContain('-XX:TieredStopAtLevel=1');
    expect(single).not.toContain('-XX:+UseSerialGC');
    const shared = brokerCommand({ ...NODE, ...BROKER, sharedMachine: true }).args;
    expect(shared).toEqual(expect.arrayContaining(['-XX:+UseSerialGC', '-XX:TieredStopAtLevel=1']));
    // One collector: G1's flags would conflict with (or be ignored by) the serial one.
    expect(shared.filter((a) => /G1|MaxGCPauseMillis|InitiatingHeapOccupancyPercent|ExplicitGCInvokesConcurrent/.test(a))).toEqual([]);
  });
});

describe('storageFormatCommand', () => {
  it("formats the node's storage with the cluster's id", () => {
    const { args } = storageFormatCommand({ ...NODE, clusterId: 'AAAAAAAAAAAAAAAAAAAAAA', version: '4.1.1' });
    expect(args.slice(-6)).toEqual(['kafka.tools.StorageTool', 'format', '-t', 'AAAAAAAAAAAAAAAAAAAAAA', '-c', '/n/server.properties']);
  });
});

describe('class-data sharing', () => {
  let dir: string;
  let java: string;
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'perf-test-class-data-'));
    fs.mkdirSync(path.join(dir, 'bin'));
    java = path.join(dir, 'bin', 'java');
    fs.writeFileSync(java, '#!/bin/sh\n', { mode: 0o755 });
    vi.stubEnv('PATH', path.join(dir, 'bin'));
    vi.stubEnv('KAFKA_CACHE_DIR', path.join(dir, 'cache'));
  });
  afterEach(() => {
    vi.unstubAllEnvs();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it("names the archive after the Kafka version and the Java runtime's file", () => {
    const archive = classDataArchive('4.1.1');
    expect(archive).toMatch(new RegExp(`^${path.join(dir, 'cache', 'kafka-4.1.1', 'class-data')}/java-[0-9a-f]{16}\\.jsa$`));
    expect(classDataArchive('4.1.1')).toBe(archive);
    fs.utimesSync(java, new Date(0), new Date(0));
    expect(classDataArchive('4.1.1')).not.toBe(archive);
    expect(path.basename(classDataArchive('3.9.1') ?? '')).toBe(path.basename(classDataArchive('4.1.1') ?? 'x'));
  });

  it('has no archive without a Java on PATH', () => {
    vi.stubEnv('PATH', path.join(dir, 'nowhere'));
    expect(classDataArchive('4.1.1')).toBeUndefined();
    expect(classDataOptions('4.1.1')).toEqual([]);
  });

  it('maps the archive once it is recorded, in the storage tool and in the tools that ask for it', () => {
    const archive = classDataArchive('4.1.1') ?? '';
    const tool = () => kafkaJavaCommand({ version: '4.1.1', mainClass: 'org.apache.kafka.tools.ProducerPerformance', classData: true }).args;
    fs.mkdirSync(path.dirname(archive), { recursive: true });
    fs.writeFileSync(path.join(dir, 'cache', 'kafka-4.1.1', 'fetched.json'), '{}');
    expect(classDataOptions('4.1.1')).toEqual([]);
    expect(tool().some((arg) => arg.startsWith('-XX:SharedArchiveFile'))).toBe(false);

    fs.writeFileSync(archive, '');
    const mapped = `-XX:SharedArchiveFile=${archive}`;
    expect(classDataOptions('4.1.1')).toEqual([mapped]);
    expect(storageFormatCommand({ ...NODE, clusterId: 'AAAAAAAAAAAAAAAAAAAAAA', version: '4.1.1' }).args).toContain(mapped);
    expect(tool()).toContain(mapped);
    // As Kafka's scripts run them, for the benchmarks.
    expect(kafkaJavaCommand({ version: '4.1.1', mainClass: 'org.apache.kafka.tools.ProducerPerformance' }).args).not.toContain(mapped);
  });
});
