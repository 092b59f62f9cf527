import { describe, expect, it } from 'vitest';
import { parseKafkaVersion, resolveKafkaVersion } from '../../../harness/version.js';

describe('parseKafkaVersion', () => {
  it('accepts 3.x and 4.x releases only', () => {
    expect(parseKafkaVersion('4.1.1')).toEqual({ major: 4, minor: 1 });
    expect(() => parseKafkaVersion('2.8.2')).toThrow('unsupported Kafka version "2.8.2"');
    expect(() => parseKafkaVersion('4.1.1</version>')).toThrow('unsupported Kafka version');
  });
});

describe('resolveKafkaVersion', () => {
  it('takes the argument, else $KAFKA_VERSION, else 4.1.1', () => {
    expect(resolveKafkaVersion('3.9.1', { KAFKA_VERSION: '4.0.1' })).toBe('3.9.1');
    expect(resolveKafkaVersion(undefined, { KAFKA_VERSION: '4.0.1' })).toBe('4.0.1');
    expect(resolveKafkaVersion(undefined, {})).toBe('4.1.1');
    expect(() => resolveKafkaVersion(undefined, { KAFKA_VERSION: 'latest' })).toThrow('unsupported Kafka version "latest"');
  });
});
