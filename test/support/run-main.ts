import { main } from '../../src/cli/main.js';

/** What one in-process run of the CLI printed, and its exit code. */
export interface MainRun {
  readonly code: number;
  /** Lines written to stdout, each ending in a newline, as a terminal would show them. */
  readonly stdout: string;
  readonly stderr: string;
}

/** Runs `perf-test ARGV` in this process (no spawn, no build), collecting what it prints. */
export async function runMain(argv: readonly string[]): Promise<MainRun> {
  let stdout = '';
  let stderr = '';
  const code = await main(argv, { out: (text) => (stdout += `${text}\n`), err: (text) => (stderr += `${text}\n`) });
  return { code, stdout, stderr };
}
