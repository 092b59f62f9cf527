// What unit tests of whole runs share: the fake client in workers of this thread, and hooks that keep what a run tells.
import type { RunEnvironment } from '../../src/run/environment.js';
import type { Progress } from '../../src/report/progress.js';
import { inProcessLauncher } from '../../src/worker/launchers.js';
import { FAKE_CLIENT_MODULE } from './fake-client.js';

/** A run's environment for unit tests: the fake client, workers in this thread. */
export const FAKE_ENV: RunEnvironment = { clientModule: FAKE_CLIENT_MODULE, launcher: inProcessLauncher };

/** The context config resolution takes: no environment variables, warnings kept. */
export function resolveContext(warnings: string[] = []) {
  return { env: {}, warn: (line: string) => void warnings.push(line) };
}

/** Hooks that keep every interval and notice a run tells, and can act on each interval. */
export function recordingHooks<I>(onEach?: (interval: I, count: number) => void) {
  const intervals: I[] = [];
  const progress: Progress[] = [];
  const notices: string[] = [];
  return {
    intervals, progress, notices,
    onInterval: (interval: I, ...rest: unknown[]) => {
      intervals.push(interval);
      const p = rest.find((r): r is Progress => typeof r === 'object' && r !== null && 'fraction' in r);
      if (p) progress.push(p);
      onEach?.(interval, intervals.length);
    },
    onNotice: (line: string) => void notices.push(line),
  };
}

/** Starts a run whose hooks interrupt it at its `n`-th interval; resolves with its result and what it told. */
export async function interruptedAt<I, R>(n: number, start: (hooks: ReturnType<typeof recordingHooks<I>>) => { result: Promise<R>; interrupt(): void }) {
  let interrupt = () => undefined as void;
  const hooks = recordingHooks<I>((_, count) => count === n && interrupt());
  const running = start(hooks);
  interrupt = running.interrupt;
  return { result: await running.result, hooks };
}
