import { describe, expect, it } from 'vitest';
import { newClusterId, quorumVoters, replicationFor, serverProperties } from '../../../harness/properties.js';

function parseProperties(text: string): Map<string, string> {
  const lines = text.split('\n').filter((line) => line && !line.startsWith('#'));
  return new Map(lines.map((line) => [line.slice(0, line.indexOf('=')), line.slice(line.indexOf('=') + 1)]));
}

const THREE = [
  { id: 1, port: 9092, controllerPort: 40001 },
  { id: 2, port: 9093, controllerPort: 40002 },
  { id: 3, port: 9094, controllerPort: 40003 },
];

describe('newClusterId', () => {
  it('is 16 bytes in base64url without padding', () => {
    for (let i = 0; i < 100; i++) expect(newClusterId()).toMatch(/^[A-Za-z0-9_][A-Za-z0-9_-]{21}$/);
  });

  it('never starts with "-", which Kafka would read as a flag', () => {
    const draws = [Buffer.alloc(16, 0xf8), Buffer.alloc(16, 0)]; // 0xf8... encodes as "-4-4..."
    expect(newClusterId(() => draws.shift() ?? Buffer.alloc(16, 1))).toBe('AAAAAAAAAAAAAAAAAAAAAA');
  });
});

describe('quorumVoters', () => {
  it('lists every node by id at its controller port', () => {
    expect(quorumVoters(THREE)).toBe('1@127.0.0.1:40001,2@127.0.0.1:40002,3@127.0.0.1:40003');
    expect(quorumVoters(THREE.slice(0, 1))).toBe('1@127.0.0.1:40001');
  });
});

describe('replicationFor', () => {
  it('replicates 3 times with 2 in sync on 3 or more nodes, and as much as fits below', () => {
    expect(replicationFor(1)).toEqual({ replicationFactor: 1, minInsyncReplicas: 1 });
    expect(replicationFor(2)).toEqual({ replicationFactor: 2, minInsyncReplicas: 1 });
    expect(replicationFor(3)).toEqual({ replicationFactor: 3, minInsyncReplicas: 2 });
    expect(replicationFor(5)).toEqual({ replicationFactor: 3, minInsyncReplicas: 2 });
  });
});

describe('serverProperties of a single node', () => {
  const options = { port: 9092, controllerPort: 40001, dataDir: '/tmp/k/data' };

  it('configures one combined-mode KRaft node on 127.0.0.1', () => {
    expect(Object.fromEntries(parseProperties(serverProperties({ ...options, version: '4.1.1' })))).toMatchObject({
      'process.roles': 'broker,controller',
      'node.id': '1',
      'controller.quorum.voters': '1@127.0.0.1:40001',
      listeners: 'PLAINTEXT://127.0.0.1:9092,CONTROLLER://127.0.0.1:40001',
      'advertised.listeners': 'PLAINTEXT://127.0.0.1:9092',
      'log.dirs': '/tmp/k/data',
      'default.replication.factor': '1',
      'min.insync.replicas': '1',
      'offsets.topic.replication.factor': '1',
      'transaction.state.log.replication.factor': '1',
      'transaction.state.log.min.isr': '1',
      'auto.create.topics.enable': 'true',
      'num.partitions': '1',
    });
  });

  it("keeps Kafka's thread counts, which the benchmarks measure", () => {
    const props = parseProperties(serverProperties({ ...options, version: '4.1.1' }));
    expect([...props.keys()].filter((key) => key.includes('threads'))).toEqual([]);
  });

  it('sets the share coordinator topic to one replica on 4.x only', () => {
    const v4 = parseProperties(serverProperties({ ...options, version: '4.1.1' }));
    const v3 = parseProperties(serverProperties({ ...options, version: '3.9.1' }));
    expect(v4.get('share.coordinator.state.topic.replication.factor')).toBe('1');
    expect([...v3.keys()].filter((key) => key.startsWith('share.'))).toEqual([]);
  });

  it("escapes the data dir's backslashes, as .properties files read them", () => {
    const props = parseProperties(serverProperties({ ...options, dataDir: 'C:\\k\\data', version: '4.1.1' }));
    expect(props.get('log.dirs')).toBe('C:\\\\k\\\\data');
  });
});

describe('serverProperties of a node of three', () => {
  const node2 = (version = '4.1.1') =>
    parseProperties(serverProperties({ version, port: 9093, controllerPort: 40002, nodeId: 2, voters: THREE, dataDir: '/c/node-2/data' }));

  it('gives each node its own id, ports and data, and all of them the same voters', () => {
    expect(Object.fromEntries(node2())).toMatchObject({
      'node.id': '2',
      listeners: 'PLAINTEXT://127.0.0.1:9093,CONTROLLER://127.0.0.1:40002',
      'advertised.listeners': 'PLAINTEXT://127.0.0.1:9093',
      'log.dirs': '/c/node-2/data',
      'controller.quorum.voters': '1@127.0.0.1:40001,2@127.0.0.1:40002,3@127.0.0.1:40003',
    });
  });

  it('replicates topics and internal topics 3 times, with 2 in sync', () => {
    const props = node2();
    for (const key of ['default.replication.factor', 'offsets.topic.replication.factor', 'transaction.state.log.replication.factor', 'share.coordinator.state.topic.replication.factor']) {
      expect(props.get(key), key).toBe('3');
    }
    for (const key of ['min.insync.replicas', 'transaction.state.log.min.isr', 'share.coordinator.state.topic.min.isr']) {
      expect(props.get(key), key).toBe('2');
    }
    expect([...node2('3.9.1').keys()].filter((key) => key.startsWith('share.'))).toEqual([]);
  });

  it('runs few threads, as several nodes share the machine', () => {
    expect(Object.fromEntries(node2())).toMatchObject({ 'num.io.threads': '2', 'num.network.threads': '2', 'background.threads': '2' });
  });
});
