/** The per-request timeout, against a real loopback server that accepts the request and never answers (no nock). */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { ApiClient } from '../../../shared/http/client.js';
import { fakeRuntime } from '../../support/fakes.js';
import { apiError, rawServer, type RawServer } from './helpers.js';

let silent: RawServer;
beforeAll(async () => {
  silent = await rawServer(() => {
    // Holds every request: no status line, no headers, ever.
  });
});
afterAll(() => silent.close());

describe('a server that never answers', () => {
  it('a GET is abandoned after timeoutMs, retried, then fails saying no answer came', async () => {
    const runtime = fakeRuntime({ isDebug: true });
    const client = new ApiClient({ baseUrl: silent.url, runtime, maxAttempts: 2 });
    const before = silent.requests.length;
    const started = performance.now();

    const error = await apiError(
      client.json({ method: 'GET', path: '/api/items', what: 'list the items', timeoutMs: 200 }),
    );

    const elapsed = performance.now() - started;
    expect(error.status).toBeUndefined();
    expect(error.message).toBe(
      `GET ${silent.url}/api/items failed (no answer): could not list the items: no data for 0.2s while waiting for the answer (REQUEST_TIMEOUT)`,
    );
    expect(silent.requests.length - before).toBe(2);
    expect(runtime.clock.sleeps).toHaveLength(1);
    expect(runtime.logger.messages('debug')).toEqual([
      expect.stringContaining('network error REQUEST_TIMEOUT'),
      expect.stringContaining('network error REQUEST_TIMEOUT'),
    ]);
    expect(elapsed).toBeGreaterThanOrEqual(380);
    expect(elapsed).toBeLessThan(2000);
  });

  it('a POST that starts a job is not repeated after a timeout: it may have been acted on', async () => {
    const runtime = fakeRuntime();
    const client = new ApiClient({ baseUrl: silent.url, runtime, timeoutMs: 200 });
    const before = silent.requests.length;

    const error = await apiError(
      client.json({ method: 'POST', path: '/api/jobs', json: {}, what: 'start the export' }),
    );

    expect(error.message).toContain(
      'could not start the export: no data for 0.2s while waiting for the answer (REQUEST_TIMEOUT)',
    );
    expect(error.message).toContain('The server may have acted on the request');
    expect(silent.requests.length - before).toBe(1);
    expect(runtime.clock.sleeps).toEqual([]);
  });
});

describe('a server that goes quiet mid-answer', () => {
  it('is reported as no data for the idle limit while reading the answer, not as a reset', async () => {
    const quiet = await rawServer((_req, res) => {
      res.writeHead(200, { 'Content-Type': 'application/json', 'Content-Length': '100' });
      res.write('{"items": [');
    });
    try {
      const client = new ApiClient({ baseUrl: quiet.url, runtime: fakeRuntime(), maxAttempts: 1 });

      const error = await apiError(
        client.json({ method: 'GET', path: '/api/items', what: 'list the items', timeoutMs: 200 }),
      );

      expect(error.message).toBe(
        `GET ${quiet.url}/api/items failed (no answer): could not list the items: no data for 0.2s while reading the answer (REQUEST_TIMEOUT)`,
      );
    } finally {
      await quiet.close();
    }
  });
});
