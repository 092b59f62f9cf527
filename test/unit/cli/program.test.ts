import { describe, expect, it } from 'vitest';
import { parseCommandLine, type ParsedCommand } from '../../../src/cli/program.js';
import type { ProduceOptions } from '../../../src/config/produce-options.js';
import { ExitCode, UsageError } from '../../../src/errors.js';
import { thrown } from '../../support/thrown.js';

function options(argv: string[]): ProduceOptions {
  const parsed: ParsedCommand = parseCommandLine(argv, () => {});
  if (parsed.kind !== 'produce') throw new Error(`expected a produce command, got ${JSON.stringify(parsed)}`);
  return parsed.options;
}

function usageError(argv: string[]): UsageError {
  return thrown(UsageError, () => parseCommandLine(argv, () => {}));
}

describe('parseCommandLine', () => {
  it('parses a Java command line as pasted: a prefix, a negative value, several --producer-props, then a flag', () => {
    const o = options(['--topic', 't', '--num-record', '100', '--record-size', '10', '--throughput', '-1',
      '--producer-props', 'acks=1', 'linger.ms=0', '--print-metrics']);
    expect(o.topic).toBe('t');
    expect(o.numRecords).toBe('100');
    expect(o.recordSize).toBe('10');
    expect(o.throughput).toBe('-1');
    expect(o.producerProps).toEqual(['acks=1', 'linger.ms=0']);
    expect(o.printMetrics).toBe(true);
    expect(o.producerConfig).toBeUndefined();
  });

  it('maps --producer.config to producerConfig', () => {
    const o = options(['--producer.config', '/etc/producer.properties', '--num-records', '5']);
    expect(o.producerConfig).toBe('/etc/producer.properties');
    expect(o.numRecords).toBe('5');
  });

  it('reads the Kafka 4.2 names and perf-test\'s own flags', () => {
    const o = options(['--bootstrap-server', 'b:9092', '--command-property', 'acks=0', '--command-config', 'c.properties',
      '--duration', '30s', '--producers', '2', '--json', '--warmup-records', '10', '--transactional-id', 'tx',
      '--transaction-duration-ms', '500', '--payload-monotonic', '--format', 'kafka', '--debug']);
    expect(o).toMatchObject({
      bootstrapServer: 'b:9092', commandProperty: ['acks=0'], commandConfig: 'c.properties', duration: '30s',
      producers: '2', json: true, warmupRecords: '10', transactionalId: 'tx', transactionDurationMs: '500',
      payloadMonotonic: true, format: 'kafka', debug: true,
    });
  });

  it('accepts --flag=value and prefixes of it', () => {
    const o = options(['--num-rec=7', '--throughput=-1', '--bootstrap=h:1']);
    expect(o.numRecords).toBe('7');
    expect(o.throughput).toBe('-1');
    expect(o.bootstrapServer).toBe('h:1');
  });

  it('leaves flags that were not given undefined (defaults are resolved later)', () => {
    const o = options([]);
    expect(o.topic).toBeUndefined();
    expect(o.numRecords).toBeUndefined();
    expect(o.printMetrics).toBeUndefined();
    expect(o.producerProps).toBeUndefined();
  });

  it('turns an unknown flag into a one-line UsageError with a "Did you mean" suggestion', () => {
    const e = usageError(['--num-recordz', '5']);
    expect(e.message).toBe("unknown option '--num-recordz' (Did you mean --num-records?)");
    expect(e.exitCode).toBe(ExitCode.Usage);
    expect(e.hint).toBe('see perf-test --help');
  });

  it('turns an ambiguous prefix into a UsageError', () => {
    expect(usageError(['--producer', 'x']).message).toBe('--producer: ambiguous option, could match --producer-props, --producer.config, --producers');
  });

  it('rejects a flag without its value and stray arguments', () => {
    expect(usageError(['--topic']).message).toBe("option '--topic <topic>' argument missing");
    expect(usageError(['--num-records', '5', 'extra']).message).toContain("'extra'");
  });

  it('--help writes the help and returns exit code 0', () => {
    let text = '';
    const parsed = parseCommandLine(['--help'], (t) => { text += t; });
    expect(parsed).toEqual({ kind: 'exit', exitCode: 0 });
    expect(text).toMatch(/^Usage: perf-test \[options\]/);
    for (const flag of ['--num-records <n>', '--producer-props <k=v...>', '--producer.config <file>', '--throughput <rec/s|profile>']) {
      expect(text).toContain(flag);
    }
    expect(text).toContain('Exit codes: 0 ok, 1 gate failed, 2 usage error');
  });

  it('capacity --help shows the search\'s flags and the workflow', () => {
    let text = '';
    expect(parseCommandLine(['capacity', '--help'], (t) => { text += t; })).toEqual({ kind: 'exit', exitCode: 0 });
    for (const flag of ['--slo <expr>', '--precision <pct>', '--step-duration <time>', '--step-warmup <time>', '--max-duration <time>', '--start-rate', '--max-rate', '--producer-props']) {
      expect(text).toContain(flag);
    }
    expect(text).toContain('sustained >= 50000 rec/s');
  });

  it('parses capacity with its options and the producer\'s', () => {
    const parsed = parseCommandLine(['capacity', '--slo', 'p99 < 50ms', '--slo', 'errors == 0', '--precision', '5%', '--producer.config', 'p.properties', '--record-size', '100'], () => {});
    expect(parsed).toMatchObject({ kind: 'capacity', options: { slo: ['p99 < 50ms', 'errors == 0'], precision: '5%', producerConfig: 'p.properties', recordSize: '100' } });
  });

  it('-h is --help', () => {
    let text = '';
    expect(parseCommandLine(['-h'], (t) => { text += t; })).toEqual({ kind: 'exit', exitCode: 0 });
    expect(text).toContain('Usage: perf-test');
  });
});
