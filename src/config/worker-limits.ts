import { parseInteger } from './values.js';

/**
 * V8's heap limits for each worker thread (Node's `resourceLimits`). A producer thread allocates fast and keeps little:
 * left to V8, its young generation grows to 3 x 16 MiB semi-spaces for nothing but a larger RSS.
 */
export interface WorkerLimits {
  /** The young generation's largest size, MiB (`maxYoungGenerationSizeMb`). */
  readonly youngGenerationMb: number;
}

/** The young generation of each worker, MiB, when --worker-young-generation-mb is not given. */
export const DEFAULT_WORKER_YOUNG_GENERATION_MB = 12;

/** Resolves `--worker-young-generation-mb` (1 to 1024 MiB). */
export function resolveWorkerLimits(youngGenerationMb: string | undefined): WorkerLimits {
  const mb = youngGenerationMb === undefined ? DEFAULT_WORKER_YOUNG_GENERATION_MB
    : parseInteger('--worker-young-generation-mb', youngGenerationMb, 1, 1024);
  return Object.freeze({ youngGenerationMb: mb });
}
