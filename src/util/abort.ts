/**
 * `work`'s outcome, or `reason()` as a rejection once `signal` aborts first. The listener on the signal goes as
 * soon as either happens, so a long-lived signal collects no reaction per call.
 */
export function unlessAborted<T>(work: Promise<T>, signal: AbortSignal, reason: () => Error): Promise<T> {
  if (signal.aborted) return Promise.reject(reason());
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(reason());
    signal.addEventListener('abort', onAbort, { once: true });
    work.then(resolve, reject).finally(() => signal.removeEventListener('abort', onAbort));
  });
}
