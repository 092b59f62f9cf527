import { setFlagsFromString } from 'node:v8';
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
  /**
   * For a worker that reported its task done and waits for another (a set-up job's: see serve-worker.ts): its
   * thread serves the launcher's next launch instead of ending. A launcher that keeps no threads terminates it.
   */
  release(): Promise<void>;
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
  useHeapGrowing();
  const resourceLimits: ResourceLimits | undefined = limits && { maxYoungGenerationSizeMb: limits.youngGenerationMb };
  const idle = new IdleThreads();
  return { launch: (events) => launchThread(idle.take() ?? new Worker(entry, { resourceLimits }), events, idle) };
}

/**
 * Threads released by their last worker, for the next launch: the run's first producer or consumer takes over the
 * thread of its set-up job, which has the client library loaded, instead of starting a thread and loading the
 * library again (about 0.1 of the 0.5 CPU-s of a run of 10 records, by hand). An idle thread does not keep the
 * process alive, and one that exits leaves the list.
 */
class IdleThreads {
  private readonly threads: Worker[] = [];

  take(): Worker | undefined {
    const worker = this.threads.pop();
    worker?.ref();
    return worker;
  }

  keep(worker: Worker): void {
    worker.unref();
    this.threads.push(worker);
    worker.once('exit', () => {
      const at = this.threads.indexOf(worker);
      if (at >= 0) this.threads.splice(at, 1);
    });
  }
}

/**
 * How far V8 lets a heap's old generation grow past what its last full collection kept, before the next: 50% (V8's
 * own factor, up to 4x, is its default). A producer's requests wait some 200 ms for their acks at full rate, so what
 * they hold outlives the young generation and is promoted, and with V8's factor the old generation fills with tens
 * of MiB of it between full collections, which take a few ms each. Ten million records of 100 B (3 partitions,
 * acks=1, batches reused, by hand): peak RSS 133-134 MiB with V8's default, 114-119 with 50%, with the same CPU
 * and records/s. One flag for the process, so it is set before the first thread starts.
 */
const HEAP_GROWING_FLAG = '--heap-growing-percent=50';
let heapGrowingSet = false;

function useHeapGrowing(): void {
  if (heapGrowingSet) return;
  setFlagsFromString(HEAP_GROWING_FLAG);
  heapGrowingSet = true;
}

function launchThread(worker: Worker, events: WorkerEvents, idle: IdleThreads): LaunchedWorker {
  const message = (m: FromWorker) => events.message(m);
  const error = (e: Error) => events.crashed(e);
  const exit = (code: number) => events.exited(code);
  worker.on('message', message);
  worker.on('error', error);
  worker.on('exit', exit);
  return {
    send: (m) => worker.postMessage(m),
    terminate: async () => void (await worker.terminate()),
    release: async () => {
      worker.off('message', message);
      worker.off('error', error);
      worker.off('exit', exit);
      idle.keep(worker);
    },
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
    const terminate = async () => {
      await served.terminate();
      main.close();
    };
    return { send: (m) => main.postMessage(m), terminate, release: terminate };
  },
};
