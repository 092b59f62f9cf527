// A worker thread's entry for tests of the launcher: it tells the heap limits the thread was started with.
import { parentPort, resourceLimits } from 'node:worker_threads';

parentPort?.postMessage({ type: 'limits', resourceLimits });
