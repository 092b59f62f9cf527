import { MessageChannel, Worker, type ResourceLimits } from 'node:worker_threads';
import type { WorkerLimits } from '../config/worker-limits.js';
import type { FromWorker, ToWorker } from './protocol.js';
import { serveWorker } from './serve-worker.js';

/** What a launched worker tells the pool. */
export interface WorkerEvents {
  message(m: FromWorker): void;
  /** An uncaught error ended the worker. */
  crashed(e: Error): void;
  /** The worker ended (after its final report, or without one). */
  exited(code: number): void;
}

/** A launched worker, as the pool talks to it. */
export interface LaunchedWorker {
  send(m: ToWorker): void;
  terminate(): Promise<void>;
}

/**
 * Starts the workers of a run: threads in production, or workers in this thread, where unit tests can hand
 * them a client module written in TypeScript (OpenMessaging Benchmark's local and distributed workers likewise
 * stand behind one interface).
 */
export interface WorkerLauncher {
  launch(events: WorkerEvents): LaunchedWorker;
}

const ENTRY = new URL('./entry.js', import.meta.url);

/**
 * Each worker in its own thread, started at `entry` (the built dist/worker/entry.js: tests that run src/ name it),
 * with V8's heap limits of `limits` (V8's own without).
 */
export function workerThreads(entry: URL = ENTRY, limits?: WorkerLimits): WorkerLauncher {
  const resourceLimits: ResourceLimits | undefined = limits && { maxYoungGenerationSizeMb: limits.youngGenerationMb };
  return { launch: (events) => launchThread(entry, resourceLimits, events) };
}

function launchThread(entry: URL, resourceLimits: ResourceLimits | undefined, events: WorkerEvents): LaunchedWorker {
  const worker = new Worker(entry, { resourceLimits });
  worker.on('message', (m: FromWorker) => events.message(m));
  worker.on('error', (e) => events.crashed(e));
  worker.on('exit', (code) => events.exited(code));
  return {
    send: (m) => worker.postMessage(m),
    terminate: async () => void (await worker.terminate()),
  };
}

/**
 * Each worker in this thread, speaking the same protocol over a message channel (messages are cloned as
 * between threads). An error thrown out of a timer cannot be caught here as a thread's can: it is the test's.
 */
export const inProcessLauncher: WorkerLauncher = {
  launch(events) {
    const { port1: main, port2: worker } = new MessageChannel();
    let exited = false;
    const exit = () => {
      if (exited) return;
      exited = true;
      events.exited(0);
    };
    main.on('message', (m: FromWorker) => events.message(m));
    main.on('close', exit);
    const served = serveWorker(worker);
    return {
      send: (m) => main.postMessage(m),
      terminate: async () => {
        await served.terminate();
        main.close();
      },
    };
  },
};
