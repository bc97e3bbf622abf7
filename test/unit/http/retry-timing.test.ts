/** How long the client waits between attempts, and when it stops waiting: server asks, backoff, deadline, cancel. */
import { describe, expect, it } from '@jest/globals';
import nock from 'nock';
import { CancelledError } from '../../../shared/errors.js';
import { ApiClient } from '../../../shared/http/client.js';
import { Deadline, systemClock, type Runtime } from '../../../shared/runtime.js';
import { MemoryLogger } from '../../support/fakes.js';
import { apiError, BASE, makeClient } from './helpers.js';
import { useNock } from '../../support/nock.js';

useNock();

const list = { method: 'GET', path: '/api/items', what: 'list the items' } as const;

describe('waiting as the server asks', () => {
  it('Retry-After in seconds', async () => {
    nock(BASE).get('/api/items').reply(429, {}, { 'Retry-After': '7' }).get('/api/items').reply(200, {});
    const { client, runtime } = makeClient();

    await client.json(list);

    expect(runtime.clock.sleeps).toEqual([7000]);
    expect(runtime.logger.messages('info')).toEqual([
      `GET ${BASE}/api/items answered 429; retrying in 7s (attempt 2 of 6).`,
    ]);
  });

  it('tells the caller of each 429 or 503 and the wait before the request goes again, not of other retries', async () => {
    nock(BASE)
      .post('/api/uploads')
      .reply(429, {}, { 'Retry-After': '3' })
      .post('/api/uploads')
      .reply(503, {}, { 'Retry-After': '1' })
      .post('/api/uploads')
      .reply(200, {});
    nock(BASE).get('/api/items').reply(502, {}).get('/api/items').reply(200, {});
    const { client, runtime } = makeClient();
    const throttled: number[] = [];
    const onThrottled = (waitMs: number) => throttled.push(waitMs);

    await client.json({ method: 'POST', path: '/api/uploads', what: 'start the upload', onThrottled });
    await client.json({ ...list, onThrottled });

    expect(throttled).toEqual([3000, 1000]);
    expect(runtime.clock.sleeps.slice(0, 2)).toEqual([3000, 1000]);
  });

  it('Retry-After as an HTTP date', async () => {
    const { client, runtime } = makeClient();
    const at = new Date(runtime.clock.now() + 42_000).toUTCString();
    nock(BASE).get('/api/items').reply(503, {}, { 'Retry-After': at }).get('/api/items').reply(200, {});

    await client.json(list);

    expect(runtime.clock.sleeps).toEqual([42_000]);
  });

  it('X-RateLimit-Reset as Unix seconds', async () => {
    const { client, runtime } = makeClient();
    const reset = String(Math.round(runtime.clock.now() / 1000) + 15);
    nock(BASE).get('/api/items').reply(429, {}, { 'X-RateLimit-Reset': reset }).get('/api/items').reply(200, {});

    await client.json(list);

    expect(runtime.clock.sleeps).toEqual([15_000]);
  });

  it('Retry-After wins over X-RateLimit-Reset', async () => {
    const { client, runtime } = makeClient();
    const reset = String(Math.round(runtime.clock.now() / 1000) + 60);
    nock(BASE)
      .get('/api/items')
      .reply(429, {}, { 'Retry-After': '2', 'X-RateLimit-Reset': reset })
      .get('/api/items')
      .reply(200, {});

    await client.json(list);

    expect(runtime.clock.sleeps).toEqual([2000]);
  });
});

describe('exponential backoff with full jitter', () => {
  it('waits random × base·2^(attempt-1): half of 1 s, 2 s, 4 s, 8 s with random() = 0.5', async () => {
    nock(BASE).get('/api/items').times(4).reply(500, {}).get('/api/items').reply(200, { done: true });
    const { client, runtime } = makeClient();
    runtime.clock.randomValue = 0.5;

    await expect(client.json(list)).resolves.toEqual({ done: true });

    expect(runtime.clock.sleeps).toEqual([500, 1000, 2000, 4000]);
  });

  it('never waits longer than the backoff maximum, and stops at maxAttempts', async () => {
    const scope = nock(BASE).get('/api/items').times(6).reply(502, {}).get('/api/items').reply(200, {});
    const { client, runtime } = makeClient({ maxAttempts: 6, backoff: { baseMs: 1000, maxMs: 5000 } });
    runtime.clock.randomValue = 0.999;

    const error = await apiError(client.json(list));

    expect(error.status).toBe(502);
    expect(runtime.clock.sleeps).toEqual([999, 1998, 3996, 4995, 4995]);
    expect(scope.pendingMocks()).toHaveLength(1);
    expect(runtime.logger.messages('info').at(-1)).toContain('(attempt 6 of 6)');
  });

  it('with random() = 0 retries at once', async () => {
    nock(BASE).get('/api/items').reply(500, {}).get('/api/items').reply(200, {});
    const { client, runtime } = makeClient();
    runtime.clock.randomValue = 0;

    await client.json(list);

    expect(runtime.clock.sleeps).toEqual([0]);
  });
});

describe("the action's deadline", () => {
  it('gives up at once when the server asks for a wait past the deadline', async () => {
    const scope = nock(BASE)
      .get('/api/items')
      .reply(503, { message: 'maintenance' }, { 'Retry-After': '60' })
      .get('/api/items')
      .reply(200, {});
    const { client, runtime } = makeClient({}, { timeoutMs: 10_000 });

    const error = await apiError(client.json(list));

    expect(error.status).toBe(503);
    expect(error.message).toBe(
      `GET ${BASE}/api/items failed (HTTP 503): maintenance. ` +
        "Gave up after 1 attempt(s): waiting 1m 00s more would pass the action's timeout",
    );
    expect(runtime.clock.sleeps).toEqual([]);
    expect(scope.pendingMocks()).toHaveLength(1);
  });

  it('gives up mid-backoff when the next wait would pass the deadline, having slept no further', async () => {
    nock(BASE).get('/api/items').times(10).reply(500, { message: 'down' });
    const { client, runtime } = makeClient({}, { timeoutMs: 5000 });
    runtime.clock.randomValue = 0.999;
    const startedAt = runtime.clock.now();

    const error = await apiError(client.json(list));

    // 999 + 1998 ms slept; the next wait (3996 ms) exceeds the 2003 ms left.
    expect(runtime.clock.sleeps).toEqual([999, 1998]);
    expect(runtime.clock.now() - startedAt).toBeLessThanOrEqual(5000);
    expect(error.message).toContain("Gave up after 3 attempt(s): waiting 4s more would pass the action's timeout");
    expect(error.message).toContain('failed (HTTP 500): down');
  });
});

describe('cancellation', () => {
  it('stops a long wait for Retry-After at once with CancelledError', async () => {
    nock(BASE).get('/api/items').reply(503, {}, { 'Retry-After': '30' }).get('/api/items').reply(200, {});
    const controller = new AbortController();
    const logger = new MemoryLogger();
    const runtime: Runtime = {
      clock: systemClock,
      logger,
      signal: controller.signal,
      deadline: new Deadline(systemClock, 600_000),
    };
    const client = new ApiClient({ baseUrl: BASE, runtime });
    const started = performance.now();
    const call = client.json(list);
    // Cancel once the client has announced its 30 s wait.
    const waiting = setInterval(() => {
      if (logger.messages('info').some((line) => line.includes('retrying in 30s'))) controller.abort();
    }, 10);

    try {
      await expect(call).rejects.toBeInstanceOf(CancelledError);
      await expect(call).rejects.toThrow(/^Cancelled while waiting to retry: GET .*\/api\/items failed \(HTTP 503\)/);
    } finally {
      clearInterval(waiting);
    }
    expect(performance.now() - started).toBeLessThan(500);
    expect(controller.signal.aborted).toBe(true);
  });

  it('sends nothing once the run is cancelled', async () => {
    const scope = nock(BASE).get('/api/items').reply(200, {});
    const { client, runtime } = makeClient();
    runtime.controller.abort();

    const call = client.json(list);
    await expect(call).rejects.toBeInstanceOf(CancelledError);
    await expect(call).rejects.toThrow(/^Cancelled while trying to /);
    expect(scope.isDone()).toBe(false);
  });
});
