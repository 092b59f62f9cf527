import { describe, expect, it } from 'vitest';
import { applyScenario, findScenario, parseMatrix, scenariosOf } from '../../../src/compare/matrix.js';
import { UsageError } from '../../../src/errors.js';
import { thrown } from '../../support/thrown.js';

describe('parseMatrix', () => {
  it('reads each --matrix as a setting and its values, properties and perf-test flags apart', () => {
    expect(parseMatrix(['acks=1,all', 'batch.size=16384, 131072', '--record-size=100,1024'])).toEqual([
      { key: 'acks', target: 'property', values: ['1', 'all'] },
      { key: 'batch.size', target: 'property', values: ['16384', '131072'] },
      { key: 'record-size', target: 'flag', values: ['100', '1024'] },
    ]);
    expect(parseMatrix(['producers=1,2', 'client=kafkajs', 'throughput=1000']).map((a) => a.target)).toEqual(['flag', 'flag', 'flag']);
  });

  it.each([
    [[], "--matrix: '' is missing"],
    [['acks'], "--matrix: 'acks' is not of the form key=value1,value2"],
    [['=1,2'], "--matrix: '=1,2' is not of the form"],
    [['acks=1,,all'], "--matrix: 'acks=1,,all' has an empty value"],
    [['acks='], "--matrix: 'acks=' has an empty value"],
    [['acks=1,1'], "--matrix: 'acks=1,1' gives the value '1' twice"],
    [['acks=1', 'acks=all'], "--matrix: 'acks=all' varies 'acks' a second time"],
    [['topic-name=a,b'], "--matrix: 'topic-name=a,b' names neither a producer property nor a perf-test setting"],
    [['bootstrap-server=a:1,b:2'], "--matrix: 'bootstrap-server=a:1,b:2' names neither"],
    [['a b=1'], "--matrix: 'a b=1' names neither"],
  ])('rejects %j naming --matrix and the value', (items, message) => {
    expect(thrown(UsageError, () => parseMatrix(items)).message).toContain(message);
  });

  it('refuses a matrix of more than 256 scenarios', () => {
    const items = ['a.a', 'b.b', 'c.c', 'd.d', 'e.e'].map((k) => `${k}=1,2,3`);
    expect(parseMatrix(items)).toHaveLength(5);
    expect(thrown(UsageError, () => parseMatrix([...items, 'f.f=1,2'])).message).toMatch(/makes 486 scenarios, more than 256$/);
  });
});

describe('scenariosOf', () => {
  it('is the cartesian product, the first axis varying slowest', () => {
    const scenarios = scenariosOf(parseMatrix(['acks=1,all', 'batch.size=16384,131072']));
    expect(scenarios.map((s) => s.name)).toEqual([
      'acks=1 batch.size=16384', 'acks=1 batch.size=131072', 'acks=all batch.size=16384', 'acks=all batch.size=131072',
    ]);
    expect(scenarios[2]).toEqual({ index: 2, name: 'acks=all batch.size=16384', settings: { 'acks': 'all', 'batch.size': '16384' } });
  });

  it('makes one scenario per value of a single axis', () => {
    expect(scenariosOf(parseMatrix(['compression.type=none,lz4,zstd'])).map((s) => s.settings)).toEqual([
      { 'compression.type': 'none' }, { 'compression.type': 'lz4' }, { 'compression.type': 'zstd' },
    ]);
  });
});

describe('applyScenario', () => {
  const axes = parseMatrix(['acks=1,all', 'record-size=100,1024', 'producers=1,2']);
  const scenario = scenariosOf(axes)[7]!;

  it('puts properties after those given, and flags in their options', () => {
    const o = applyScenario({ numRecords: '10', producerProps: ['acks=0', 'linger.ms=1'], recordSize: '5' }, axes, scenario);
    expect(o).toEqual({ numRecords: '10', producerProps: ['acks=0', 'linger.ms=1', 'acks=all'], recordSize: '1024', producers: '2' });
  });

  it('appends to --command-property when it is used, since it is read last', () => {
    const o = applyScenario({ producerProps: ['acks=0'], commandProperty: ['acks=1'] }, axes, scenario);
    expect(o.producerProps).toEqual(['acks=0']);
    expect(o.commandProperty).toEqual(['acks=1', 'acks=all']);
  });

  it('leaves the shared options untouched', () => {
    const base = { producerProps: ['linger.ms=1'] };
    applyScenario(base, axes, scenario);
    expect(base).toEqual({ producerProps: ['linger.ms=1'] });
  });
});

describe('findScenario', () => {
  const scenarios = scenariosOf(parseMatrix(['acks=1,all', 'batch.size=16384,131072']));

  it('finds a scenario by its 1-based number or by its settings, in any order and separator', () => {
    expect(findScenario(scenarios, '3').index).toBe(2);
    expect(findScenario(scenarios, 'batch.size=131072,acks=all').index).toBe(3);
    expect(findScenario(scenarios, 'acks=1 batch.size=131072').index).toBe(1);
  });

  it('names --baseline-scenario and the value when nothing or several match', () => {
    expect(thrown(UsageError, () => findScenario(scenarios, '5')).message).toBe("--baseline-scenario: '5' is not a scenario number (1 to 4)");
    expect(thrown(UsageError, () => findScenario(scenarios, '0')).message).toContain('is not a scenario number');
    expect(thrown(UsageError, () => findScenario(scenarios, 'acks=0')).message).toBe("--baseline-scenario: 'acks=0' matches no scenario");
    expect(thrown(UsageError, () => findScenario(scenarios, 'acks=all')).message).toBe("--baseline-scenario: 'acks=all' matches 2 scenarios; give more settings");
    expect(thrown(UsageError, () => findScenario(scenarios, 'first')).message).toContain('is neither a scenario number nor settings');
  });
});
