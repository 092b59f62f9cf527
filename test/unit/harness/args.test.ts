import { describe, expect, it } from 'vitest';
import { UsageError, parseHarnessArgs } from '../../../harness/args.js';

function usageError(argv: string[]): string {
  try {
    parseHarnessArgs(argv);
  } catch (error) {
    if (error instanceof UsageError) return error.message;
    throw error;
  }
  throw new Error(`no usage error for ${argv.join(' ')}`);
}

describe('parseHarnessArgs', () => {
  it('starts one node on the default port unless told otherwise', () => {
    expect(parseHarnessArgs(['start'])).toEqual({ command: 'start', nodes: 1, port: undefined });
    expect(parseHarnessArgs(['start', '--nodes', '3'])).toEqual({ command: 'start', nodes: 3, port: undefined });
    expect(parseHarnessArgs(['start', '--nodes=3', '--port', '19092'])).toEqual({ command: 'start', nodes: 3, port: 19092 });
  });

  it('takes stop, status and fetch without options', () => {
    for (const command of ['stop', 'status', 'fetch']) expect(parseHarnessArgs([command])).toEqual({ command });
  });

  it('shows the help for --help or -h, whatever else is there', () => {
    expect(parseHarnessArgs(['--help'])).toEqual({ command: 'help' });
    expect(parseHarnessArgs(['start', '-h'])).toEqual({ command: 'help' });
  });

  it('names the flag and the bad value', () => {
    expect(usageError(['start', '--nodes', '0'])).toBe('invalid --nodes "0": expected a whole number from 1 to 9');
    expect(usageError(['start', '--nodes', '3.5'])).toBe('invalid --nodes "3.5": expected a whole number from 1 to 9');
    expect(usageError(['start', '--nodes', '10'])).toBe('invalid --nodes "10": expected a whole number from 1 to 9');
    expect(usageError(['start', '--port', 'http'])).toBe('invalid --port "http": expected a whole number from 1 to 65535');
    expect(usageError(['start', '--nodes', '3', '--port', '65535'])).toBe(
      'invalid --port "65535": expected a whole number from 1 to 65533',
    );
    expect(usageError(['start', '--nodes'])).toBe('--nodes needs a value');
  });

  it('refuses unknown options, commands and extra words in one line', () => {
    expect(usageError(['start', '--brokers', '3'])).toBe('unknown option --brokers');
    expect(usageError(['restart'])).toBe('unknown command "restart": expected one of start, stop, status, fetch');
    expect(usageError([])).toBe('missing command: one of start, stop, status, fetch');
    expect(usageError(['start', 'now'])).toBe('unexpected argument "now" after start');
    expect(usageError(['stop', '--nodes', '3'])).toBe('--nodes applies to start only');
  });
});
