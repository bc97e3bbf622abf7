/** Which requests the client repeats, per method and per answer (docs/architecture.md, "One way to do each thing"). */
import { describe, expect, it } from '@jest/globals';
import nock from 'nock';
import { ApiClient } from '../../../shared/http/client.js';
import { fakeRuntime } from '../../support/fakes.js';
import { apiError, BASE, closedPort, makeClient } from './helpers.js';
import { connectionReset, useNock } from '../../support/nock.js';

useNock();

const list = { method: 'GET', path: '/api/items', what: 'list the items' } as const;
const start = { method: 'POST', path: '/api/jobs', json: { name: 'export' }, what: 'start the export' } as const;

describe('a GET (a read) is repeated', () => {
  it.each([408, 429, 500, 502, 503, 504])('after HTTP %i, and its second answer is returned', async (status) => {
    const scope = nock(BASE).get('/api/items').reply(status, { message: 'busy' }).get('/api/items').reply(200, [1, 2]);
    const { client, runtime } = makeClient();

    await expect(client.json(list)).resolves.toEqual([1, 2]);

    expect(scope.isDone()).toBe(true);
    expect(runtime.clock.sleeps).toHaveLength(1);
    expect(runtime.logger.messages('info')).toEqual([
      expect.stringMatching(
        new RegExp(`^GET ${BASE}/api/items answered ${status}; retrying in .+ \\(attempt 2 of 6\\)\\.$`),
      ),
    ]);
  });

  it('after the connection was reset', async () => {
    const scope = nock(BASE)
      .get('/api/items')
      .replyWithError(connectionReset())
      .get('/api/items')
      .reply(200, { ok: true });
    const { client, runtime } = makeClient();

    await expect(client.json(list)).resolves.toEqual({ ok: true });

    expect(scope.isDone()).toBe(true);
    expect(runtime.clock.sleeps).toHaveLength(1);
    expect(runtime.logger.messages('info')[0]).toContain('failed (ECONNRESET); retrying in');
  });

  it('at most maxAttempts times, then fails with the last answer', async () => {
    const scope = nock(BASE)
      .get('/api/items')
      .times(3)
      .reply(503, { message: 'maintenance' })
      .get('/api/items')
      .reply(200, {});
    const { client, runtime } = makeClient({ maxAttempts: 3 });

    const error = await apiError(client.json(list));

    expect(error.status).toBe(503);
    expect(error.message).toBe(
      `GET ${BASE}/api/items failed (HTTP 503): maintenance. ` +
        'The server failed: try again later, and ask its administrators if it persists',
    );
    expect(scope.pendingMocks()).toHaveLength(1); // the fourth answer was never asked for
    expect(runtime.clock.sleeps).toHaveLength(2);
  });
});

describe('a GET is not repeated', () => {
  it.each([
    [400, undefined],
    [401, 'The server did not accept the request without credentials: check the credentials'],
    [403, 'The user is authenticated but not allowed to do this: check its roles'],
    [404, undefined],
  ])('after HTTP %i', async (status, hint) => {
    const scope = nock(BASE).get('/api/items').reply(status, { message: 'no' }).get('/api/items').reply(200, {});
    const { client, runtime } = makeClient();

    const error = await apiError(client.json(list));

    expect(error.status).toBe(status);
    expect(error.hint).toBe(hint);
    expect(error.message).toContain(`failed (HTTP ${status}): no`);
    expect(scope.pendingMocks()).toHaveLength(1);
    expect(runtime.clock.sleeps).toEqual([]);
    expect(runtime.logger.messages('info')).toEqual([]);
  });
});

describe('a POST that starts a job', () => {
  it.each([500, 502, 504])('is not repeated after HTTP %i, and says the job may have started', async (status) => {
    const scope = nock(BASE).post('/api/jobs').reply(status, { message: 'upstream' }).post('/api/jobs').reply(201, {});
    const { client, runtime } = makeClient();

    const error = await apiError(client.json(start));

    expect(error.status).toBe(status);
    expect(error.message).toContain(`POST ${BASE}/api/jobs failed (HTTP ${status}): upstream`);
    expect(error.message).toMatch(/may have acted on the request.*check whether it did/);
    expect(scope.pendingMocks()).toHaveLength(1);
    expect(runtime.clock.sleeps).toEqual([]);
  });

  it('is not repeated after a connection reset, and says the server may have acted', async () => {
    const scope = nock(BASE).post('/api/jobs').replyWithError(connectionReset()).post('/api/jobs').reply(201, {});
    const { client, runtime } = makeClient();

    const error = await apiError(client.json(start));

    expect(error.status).toBeUndefined();
    expect(error.message).toBe(
      `POST ${BASE}/api/jobs failed (no answer): could not start the export: socket hang up (ECONNRESET). ` +
        'The server may have acted on the request before the connection failed; check whether it did before running again',
    );
    expect(scope.pendingMocks()).toHaveLength(1);
    expect(runtime.clock.sleeps).toEqual([]);
  });

  it('is repeated after 429 (a refusal)', async () => {
    const scope = nock(BASE).post('/api/jobs').reply(429, {}).post('/api/jobs').reply(201, { id: 'job-1' });
    const { client, runtime } = makeClient();

    await expect(client.json(start)).resolves.toEqual({ id: 'job-1' });
    expect(scope.isDone()).toBe(true);
    expect(runtime.clock.sleeps).toHaveLength(1);
  });

  it('is repeated after 503 with Retry-After, waiting as asked', async () => {
    const bodies: unknown[] = [];
    const scope = nock(BASE)
      .post('/api/jobs', (body) => bodies.push(body) > 0)
      .reply(503, 'busy', { 'Retry-After': '3' })
      .post('/api/jobs', (body) => bodies.push(body) > 0)
      .reply(201, { id: 'job-1' });
    const { client, runtime } = makeClient();

    await expect(client.json(start)).resolves.toEqual({ id: 'job-1' });
    expect(scope.isDone()).toBe(true);
    expect(bodies).toEqual([{ name: 'export' }, { name: 'export' }]);
    expect(runtime.clock.sleeps).toEqual([3000]);
  });

  it('is not repeated after 503 without Retry-After', async () => {
    const scope = nock(BASE).post('/api/jobs').reply(503, {}).post('/api/jobs').reply(201, {});
    const { client } = makeClient();

    const error = await apiError(client.json(start));
    expect(error.status).toBe(503);
    expect(error.message).toContain('may have acted on the request');
    expect(scope.pendingMocks()).toHaveLength(1);
  });

  it('refused with 400 is not repeated, and does not claim the job may have started', async () => {
    const scope = nock(BASE).post('/api/jobs').reply(400, { message: 'bad name' }).post('/api/jobs').reply(201, {});
    const { client } = makeClient();

    const error = await apiError(client.json(start));
    expect(error.message).toBe(`POST ${BASE}/api/jobs failed (HTTP 400): bad name`);
    expect(scope.pendingMocks()).toHaveLength(1);
  });

  it('still refused with 503 + Retry-After after maxAttempts does not claim the job may have started', async () => {
    nock(BASE).post('/api/jobs').times(2).reply(503, { message: 'queue full' }, { 'Retry-After': '1' });
    const { client, runtime } = makeClient({ maxAttempts: 2 });

    const error = await apiError(client.json(start));
    expect(error.message).toContain('failed (HTTP 503): queue full');
    expect(error.message).not.toContain('may have acted');
    expect(runtime.clock.sleeps).toEqual([1000]);
  });

  it('is repeated when the connection was refused (nothing was sent), up to maxAttempts', async () => {
    const port = await closedPort();
    const runtime = fakeRuntime({ isDebug: true });
    const client = new ApiClient({ baseUrl: `http://127.0.0.1:${port}`, runtime, maxAttempts: 3 });

    const error = await apiError(client.json(start));

    expect(error.message).toMatch(
      new RegExp(
        `^POST http://127\\.0\\.0\\.1:${port}/api/jobs failed \\(no answer\\): could not start the export: .*\\(ECONNREFUSED\\)$`,
      ),
    );
    expect(error.message).not.toContain('may have acted');
    expect(runtime.clock.sleeps).toHaveLength(2);
    expect(runtime.logger.messages('debug')).toEqual([
      expect.stringMatching(/network error ECONNREFUSED .*attempt 1\)$/),
      expect.stringMatching(/network error ECONNREFUSED .*attempt 2\)$/),
      expect.stringMatching(/network error ECONNREFUSED .*attempt 3\)$/),
    ]);
  });

  it('marked startsJob: false is repeated like a read', async () => {
    const scope = nock(BASE).post('/api/search').reply(502, {}).post('/api/search').reply(200, { hits: 0 });
    const { client } = makeClient();

    await expect(
      client.json({ method: 'POST', path: '/api/search', json: {}, what: 'search', startsJob: false }),
    ).resolves.toEqual({ hits: 0 });
    expect(scope.isDone()).toBe(true);
  });
});
