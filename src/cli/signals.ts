import { ExitCode } from '../errors.js';
import type { Streams } from './output.js';

/**
 * While `work` runs: the first SIGINT/SIGTERM calls `interrupt` (the work then ends early and reports what it
 * did); a second one quits at once.
 */
export async function whileInterruptible<T>(interrupt: () => void, work: Promise<T>, streams: Streams): Promise<T> {
  let count = 0;
  const onSignal = () => {
    if (++count === 1) interrupt();
    else {
      streams.err('Interrupted twice: exiting without a summary.');
      process.exit(ExitCode.Interrupted);
    }
  };
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
  try {
    return await work;
  } finally {
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
  }
}
