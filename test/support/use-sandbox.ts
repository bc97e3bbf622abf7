/** One vendor sandbox per test file, started and cleaned the same way in every flow test. */
import { afterAll, beforeAll, beforeEach } from '@jest/globals';
import type { VendorSandbox } from '../sandbox/vendor-sandbox.js';

/**
 * Listens before the file's tests and closes after them; before each test, forgets the requests and faults of the
 * last one and runs `reset` (the file's own scenario defaults). Returns the sandbox; its `url` is set once listening.
 */
export function useSandbox<S extends VendorSandbox>(sandbox: S, reset?: () => void): S {
  beforeAll(() => sandbox.listen());
  afterAll(() => sandbox.close());
  beforeEach(() => {
    sandbox.server.clearRequests();
    sandbox.server.clearFaults();
    reset?.();
  });
  return sandbox;
}
