import { describe, expect, it } from 'vitest';
import { parseCommandLine } from '../../../src/cli/program.js';
import { UsageError } from '../../../src/errors.js';

describe('perf-test compare and report on the command line', () => {
  it('parses compare: repeatable --matrix, the compare flags, the shared workload and report options', () => {
    const parsed = parseCommandLine(['compare', '--matrix', 'acks=1,all', '--matrix', 'batch.size=16384,131072', '--num-records', '20000',
      '--repeat', '3', '--warmup', '500', '--baseline-scenario', '2', '--producer-props', 'linger.ms=5', '--producer.config', 'p.properties',
      '--json', '--html', 'out.html'], () => {});
    expect(parsed.kind).toBe('compare');
    if (parsed.kind !== 'compare') return;
    expect(parsed.options).toMatchObject({
      matrix: ['acks=1,all', 'batch.size=16384,131072'], numRecords: '20000', repeat: '3', warmup: '500', baselineScenario: '2',
      producerProps: ['linger.ms=5'], producerConfig: 'p.properties', json: true, html: 'out.html',
    });
  });

  it('parses report with its files, and --html on a single run', () => {
    expect(parseCommandLine(['report', 'a.json', 'b.json', '--html', 'r.html'], () => {}))
      .toMatchObject({ kind: 'report', files: ['a.json', 'b.json'], options: { html: 'r.html' } });
    expect(parseCommandLine(['--num-records', '10', '--html', 'run.html'], () => {}))
      .toMatchObject({ kind: 'produce', options: { html: 'run.html' } });
  });

  it('rejects a stray argument and a missing file list with a usage error', () => {
    expect(() => parseCommandLine(['compare', 'acks=1,all'], () => {})).toThrow(UsageError);
    expect(() => parseCommandLine(['report'], () => {})).toThrow(/missing required argument 'results'/);
  });

  it('documents compare in its help', () => {
    let help = '';
    expect(parseCommandLine(['compare', '--help'], (t) => (help += t))).toEqual({ kind: 'exit', exitCode: 0 });
    expect(help).toContain('--matrix <key=v1,v2...>');
    expect(help).toContain('perf-test compare --matrix acks=1,all --matrix batch.size=16384,131072');
  });
});
