import { describe, expect, it } from 'vitest';
import { expandFlagPrefixes } from '../../../src/cli/abbrev.js';
import { UsageError } from '../../../src/errors.js';

const FLAGS = ['--topic', '--num-records', '--record-size', '--producer-props', '--producer.config', '--producers',
  '--throughput', '--transactional-id', '--transaction-duration-ms', '--print-metrics', '--payload-file', '--payload-delimiter'];

describe('expandFlagPrefixes', () => {
  it('expands a unique prefix to the full flag, as argparse4j does', () => {
    expect(expandFlagPrefixes(['--num-record', '100', '--rec', '10', '--top', 't'], FLAGS))
      .toEqual(['--num-records', '100', '--record-size', '10', '--topic', 't']);
  });

  it('expands the name of a --flag=value argument and keeps the value', () => {
    expect(expandFlagPrefixes(['--num=5', '--thr=-1'], FLAGS)).toEqual(['--num-records=5', '--throughput=-1']);
  });

  it('keeps an exact name even when it is also the prefix of other flags', () => {
    expect(expandFlagPrefixes(['--producers', '2'], FLAGS)).toEqual(['--producers', '2']);
  });

  it('rejects an ambiguous prefix, listing the candidates', () => {
    expect(() => expandFlagPrefixes(['--producer', 'x'], FLAGS)).toThrow(UsageError);
    expect(() => expandFlagPrefixes(['--producer', 'x'], FLAGS))
      .toThrow('--producer: ambiguous option, could match --producer-props, --producer.config, --producers');
    expect(() => expandFlagPrefixes(['--t=x'], FLAGS))
      .toThrow('--t: ambiguous option, could match --topic, --throughput, --transactional-id, --transaction-duration-ms');
    expect(() => expandFlagPrefixes(['--pay', 'x'], FLAGS)).toThrow(/could match --payload-file, --payload-delimiter$/);
  });

  it('leaves values, short flags and unknown flags alone', () => {
    expect(expandFlagPrefixes(['--topic', 'my-topic', '-h', '-1', '--unknown', 'acks=1'], FLAGS))
      .toEqual(['--topic', 'my-topic', '-h', '-1', '--unknown', 'acks=1']);
  });

  it('leaves everything after a bare -- alone', () => {
    expect(expandFlagPrefixes(['--num', '1', '--', '--num', '--producer'], FLAGS))
      .toEqual(['--num-records', '1', '--', '--num', '--producer']);
  });

  it('returns a new array and leaves its input alone', () => {
    const argv = ['--num', '1'];
    const out = expandFlagPrefixes(argv, FLAGS);
    expect(argv).toEqual(['--num', '1']);
    expect(out).not.toBe(argv);
  });
});
