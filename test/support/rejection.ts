/** The error a promise rejects with; fails the test when it resolves, or rejects with another kind of error. */
export async function rejection<T extends Error = Error>(
  promise: Promise<unknown>,
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  kind?: new (...args: any[]) => T,
): Promise<T> {
  try {
    await promise;
  } catch (error) {
    if (!kind || error instanceof kind) return error as T;
    throw new Error(`expected a ${kind.name}, got ${String(error)}`, { cause: error });
  }
  throw new Error(`expected ${kind ? `a ${kind.name}` : 'a failure'}, but the promise resolved`);
}
