import { parentPort } from 'node:worker_threads';
import { serveWorker } from './serve-worker.js';

/** A worker thread's entry: one task, served over the thread's port (see serve-worker.ts). */
if (!parentPort) throw new Error('worker/entry must run in a worker thread');
serveWorker(parentPort);
