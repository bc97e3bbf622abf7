/** One client, two protocols: an https instance whose answers point at an http URL (e.g. behind a TLS proxy). */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { ApiClient } from '../../../shared/http/client.js';
import { fakeRuntime } from '../../support/fakes.js';
import { apiError, closedPort, rawServer, type RawServer } from './helpers.js';

let plain: RawServer;
beforeAll(async () => {
  plain = await rawServer((req, res) => {
    res.writeHead(200, { 'Content-Type': 'application/json' });
    res.end(JSON.stringify({ path: req.url }));
  });
});
afterAll(() => plain.close());

describe('absolute URLs with another protocol than the base URL', () => {
  it('an http status URL works after requests to the https base URL', async () => {
    const port = await closedPort();
    const client = new ApiClient({ baseUrl: `https://127.0.0.1:${port}`, runtime: fakeRuntime(), maxAttempts: 1 });

    const first = await apiError(client.json({ method: 'GET', path: '/api/jobs/1', what: 'read the job' }));
    expect(first.message).toContain('(ECONNREFUSED)'); // the https request really went out

    await expect(
      client.json({ method: 'GET', path: `${plain.url}/api/jobs/1/status`, what: 'read the status' }),
    ).resolves.toEqual({ path: '/api/jobs/1/status' });
  });

  it('an https URL works after requests to the http base URL', async () => {
    const port = await closedPort();
    const client = new ApiClient({ baseUrl: plain.url, runtime: fakeRuntime(), maxAttempts: 1 });

    await expect(client.json({ method: 'GET', path: '/ping', what: 'ping' })).resolves.toEqual({ path: '/ping' });
    const error = await apiError(
      client.json({ method: 'GET', path: `https://127.0.0.1:${port}/status`, what: 'read the status' }),
    );
    expect(error.message).toContain('(ECONNREFUSED)'); // not ERR_INVALID_PROTOCOL: the right agent was used
  });
});
