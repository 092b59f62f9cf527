import { describe, expect, it } from 'vitest';
import { nodeAddresses, wantedPorts } from '../../../harness/cluster.js';

describe('wantedPorts', () => {
  it('asks for consecutive client ports from a given first one, and free controller ports', () => {
    expect(wantedPorts(3, 9092)).toEqual([9092, 9093, 9094, 0, 0, 0]);
    expect(wantedPorts(1, 9092)).toEqual([9092, 0]);
  });

  it('asks for free ports only without a first port', () => {
    expect(wantedPorts(3, 0)).toEqual([0, 0, 0, 0, 0, 0]);
  });
});

describe('nodeAddresses', () => {
  it('numbers the nodes from 1, each with a client and a controller port', () => {
    expect(nodeAddresses([9092, 9093, 9094, 40001, 40002, 40003])).toEqual([
      { id: 1, port: 9092, controllerPort: 40001 },
      { id: 2, port: 9093, controllerPort: 40002 },
      { id: 3, port: 9094, controllerPort: 40003 },
    ]);
  });
});
