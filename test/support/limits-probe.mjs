// A worker thread's entry for tests of the launcher: it tells the heap limits the thread was started with, and its
// thread id, once it starts and again for every message it gets (a thread kept by the launcher is asked).
import { parentPort, resourceLimits, threadId } from 'node:worker_threads';

parentPort?.postMessage({ type: 'limits', resourceLimits, threadId });
parentPort?.on('message', () => parentPort?.postMessage({ type: 'limits', resourceLimits, threadId }));
