/**
 * The error `fn` throws, which must be a `type` (to check its message, hint or exit code exactly). Fails the
 * test when `fn` throws nothing; an error of another kind is rethrown as it is, stack and all.
 */
export function thrown<E extends Error>(type: new (...args: never[]) => E, fn: () => unknown): E {
  try {
    fn();
  } catch (e) {
    if (e instanceof type) return e;
    throw e;
  }
  throw new Error(`expected a ${type.name}, but nothing was thrown`);
}
