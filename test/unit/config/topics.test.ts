import { describe, expect, it } from 'vitest';
import { resolveTopicNames, scenarioTopics } from '../../../src/config/topics.js';
import { resolveProduceConfig } from '../../../src/config/resolve-produce.js';
import { resolveEndToEndConfig } from '../../../src/config/resolve-e2e.js';
import { UsageError } from '../../../src/errors.js';
import { thrown } from '../../support/thrown.js';
import { resolveContext } from '../../support/runs.js';

describe('the topics of a run', () => {
  it('is one topic by default, or the names --topic lists', () => {
    expect(resolveTopicNames({}, 'perf-test')).toEqual(['perf-test']);
    expect(resolveTopicNames({ topic: 'orders' }, 'perf-test')).toEqual(['orders']);
    expect(resolveTopicNames({ topic: 'a, b.v1,c_2' }, 'perf-test')).toEqual(['a', 'b.v1', 'c_2']);
  });

  it('numbers --topics N from 0 with the prefix, perf-test by default', () => {
    expect(resolveTopicNames({ topics: '3' }, 'perf-test')).toEqual(['perf-test-0', 'perf-test-1', 'perf-test-2']);
    expect(resolveTopicNames({ topics: '2', topicPrefix: 'load' }, 'perf-test')).toEqual(['load-0', 'load-1']);
  });

  it.each([
    [{ topic: 'a,,b' }, "--topic: '' is not a valid topic name"],
    [{ topic: 'a,b,a' }, "--topic: 'a,b,a' names topic 'a' twice"],
    [{ topic: 'a', topics: '2' }, '--topic and --topics cannot be used together'],
    [{ topicPrefix: 'x' }, '--topic-prefix needs --topics N'],
    [{ topics: '0' }, "--topics: '0' must be at least 1"],
    [{ topics: 'many' }, "--topics: 'many' is not a whole number"],
    [{ topics: '2', topicPrefix: 'bad prefix' }, "--topic-prefix: 'bad prefix' makes invalid topic names such as 'bad prefix-1'"],
    [{ topics: '10', topicPrefix: 'x'.repeat(248) }, `--topic-prefix: '${'x'.repeat(248)}' makes invalid topic names`],
  ])('rejects %j, naming the flag', (options, message) => {
    const e = thrown(UsageError, () => resolveTopicNames(options, 'perf-test'));
    expect(e.exitCode).toBe(2);
    expect(e.message).toContain(message);
  });

  it('creates every topic alike, and the first stays the run\'s topic', () => {
    const c = resolveProduceConfig({ numRecords: '10', topic: 'a,b', partitions: '3', replicationFactor: '1' }, resolveContext());
    expect(c.topics).toEqual([
      { name: 'a', partitions: 3, replicationFactor: 1 },
      { name: 'b', partitions: 3, replicationFactor: 1 },
    ]);
    expect(c.topic).toBe(c.topics[0]);
    expect(Object.isFrozen(c.topics)).toBe(true);
  });

  it('e2e: consumers subscribe to exactly the run\'s topics', () => {
    const one = resolveEndToEndConfig({ numRecords: '10' }, resolveContext());
    expect([one.produce.topics.map((t) => t.name), one.consume.topic, one.consume.include]).toEqual([['perf-test-e2e'], 'perf-test-e2e', undefined]);
    const many = resolveEndToEndConfig({ numRecords: '10', topics: '2' }, resolveContext());
    expect(many.produce.topics.map((t) => t.name)).toEqual(['perf-test-e2e-0', 'perf-test-e2e-1']);
    expect(many.consume.topic).toBeUndefined();
    const include = new RegExp(many.consume.include!);
    expect(['perf-test-e2e-0', 'perf-test-e2e-1'].map((t) => include.test(t))).toEqual([true, true]);
    expect(['perf-test-e2e-10', 'perf-test-e2e', 'perf-test-e2eX0'].map((t) => include.test(t))).toEqual([false, false, false]);
  });

  it('compare and capacity scenarios get fresh topics, or --topics numbered from a fresh prefix', () => {
    expect(scenarioTopics({}, 'cmp-1')).toEqual({ topic: 'cmp-1' });
    expect(scenarioTopics({ topic: 'shared' }, 'cmp-1')).toEqual({ topic: 'shared' });
    expect(scenarioTopics({ topics: '3' }, 'cmp-1')).toEqual({ topics: '3', topicPrefix: 'cmp-1' });
    expect(scenarioTopics({ topics: '3', topicPrefix: 'p' }, 'cmp-1')).toEqual({ topics: '3', topicPrefix: 'p' });
  });
});
