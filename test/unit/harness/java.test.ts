import { describe, expect, it } from 'vitest';
import { brokerCommand, heapFlags, storageFormatCommand } from '../../../harness/java.js';

const NODE = { libDir: '/k/lib', loggingFlag: '-Dlog4j2.configurationFile=/n/log4j2.properties', serverProperties: '/n/server.properties' };

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
    const { command, args } = brokerCommand({ ...NODE, heap: '512m', clusterSize: 1 });
    expect(command).toBe('java');
    expect(args.slice(0, 3)).toEqual(['-Xms256m', '-Xmx512m', '-XX:+UseG1GC']);
    expect(args.slice(-4)).toEqual(['-cp', '/k/lib/*', 'kafka.Kafka', '/n/server.properties']);
    expect(args).toContain(NODE.loggingFlag);
  });

  it("keeps Kafka's JIT for a single node and compiles with C1 alone when nodes share the machine", () => {
    expect(brokerCommand({ ...NODE, heap: '512m', clusterSize: 1 }).args).not.toContain('-XX:TieredStopAtLevel=1');
    expect(brokerCommand({ ...NODE, heap: '512m', clusterSize: 3 }).args).toContain('-XX:TieredStopAtLevel=1');
  });
});

describe('storageFormatCommand', () => {
  it("formats the node's storage with the cluster's id", () => {
    const { args } = storageFormatCommand({ ...NODE, clusterId: 'AAAAAAAAAAAAAAAAAAAAAA' });
    expect(args.slice(-6)).toEqual(['kafka.tools.StorageTool', 'format', '-t', 'AAAAAAAAAAAAAAAAAAAAAA', '-c', '/n/server.properties']);
  });
});
