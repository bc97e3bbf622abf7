/**
 * nock for the HTTP tests; loopback stays reachable for the raw servers of some tests. Test files import 'nock'
 * itself before the code under test: under jest's ESM support, the client's `node:http` was seen to be intercepted
 * only when nock had been loaded first.
 *
 * Known nock 14 limitation: real requests it passes through (to loopback servers) can break off mid-body, notably
 * after an earlier answer broke off, so the download tests run in files without nock. nock patches node:http, which
 * every test file of a jest worker shares: a file that loads nock must `nock.restore()` in afterAll, or the
 * interception reaches the files that run after it.
 */
import { afterAll, afterEach, beforeAll } from '@jest/globals';
import nock from 'nock';

/** nock for every host but loopback, where the raw servers of some tests listen. */
export function useNock(): void {
  beforeAll(() => {
    nock.disableNetConnect();
    nock.enableNetConnect(/^127\.0\.0\.1(:\d+)?$/);
  });
  afterEach(() => {
    nock.cleanAll();
  });
  afterAll(() => {
    nock.enableNetConnect();
    nock.restore();
  });
}

/**
 * What nock's `.replyWithError` should raise for a reset connection. nock 14 hands a plain `{ code, message }`
 * object to @mswjs/interceptors, which mistakes it for a Response and hangs; an Error carrying the code works.
 */
export function connectionReset(message = 'socket hang up'): Error {
  return Object.assign(new Error(message), { code: 'ECONNRESET' });
}
