/** Credentials: sent to the server, never printed (errors, info and debug lines); 401 renews a login once. */
import { describe, expect, it } from '@jest/globals';
import nock from 'nock';
import { basicAuth, bearerAuth, type AuthProvider } from '../../../shared/auth/index.js';
import { ApiClient } from '../../../shared/http/client.js';
import { readServiceNowMessage } from '../../../shared/vendors/servicenow/connection.js';
import { fakeRuntime, type FakeRuntime } from '../../support/fakes.js';
import { apiError, BASE } from './helpers.js';
import { connectionReset, useNock } from '../../support/nock.js';

useNock();

const PASSWORD = 'Sup3r$ecret pw!';
const BASIC = Buffer.from(`admin:${PASSWORD}`).toString('base64');
const TOKEN = 'tok_9fK2mQx7LzR4vW8nB1cD6eH3jT5yU0aS';
const list = { method: 'GET', path: '/api/items', what: 'list the items' } as const;

/** Everything the run printed or will print, exactly as the code handed it over (before the logger's redaction). */
function everythingShown(runtime: FakeRuntime, error: Error): string {
  return [...runtime.logger.lines.map((line) => `${line.title ?? ''} ${line.raw}`), error.message].join('\n');
}

function expectNoSecret(shown: string): void {
  for (const secret of [PASSWORD, encodeURIComponent(PASSWORD), BASIC, TOKEN]) expect(shown).not.toContain(secret);
}

describe('secrets never appear in errors or debug logs', () => {
  it('basic auth: the header is sent, and neither the password nor the Basic value is printed', async () => {
    const runtime = fakeRuntime({ isDebug: true });
    const auth = basicAuth('admin', PASSWORD, runtime.logger);
    const echo = { error: { message: `Rejected Basic ${BASIC}`, detail: `password ${PASSWORD} is expired` } };
    const scope = nock(BASE).matchHeader('authorization', `Basic ${BASIC}`).get('/api/items').times(2).reply(500, echo);
    const client = new ApiClient({
      baseUrl: BASE,
      runtime,
      auth,
      readVendorMessage: readServiceNowMessage,
      maxAttempts: 2,
    });

    const error = await apiError(client.json(list));

    expect(scope.isDone()).toBe(true); // the real credentials did reach the server, twice
    expect(runtime.logger.masked).toEqual(expect.arrayContaining([PASSWORD, BASIC]));
    expect(runtime.logger.messages('debug')).toHaveLength(2);
    expect(runtime.logger.messages('info')).toHaveLength(1);
    expect(error.message).toContain('failed (HTTP 500): Rejected Basic ***: password *** is expired');
    expectNoSecret(everythingShown(runtime, error));
  });

  it('bearer token echoed in a JSON error body, a query string and a network error', async () => {
    const runtime = fakeRuntime({ isDebug: true });
    const auth = bearerAuth(TOKEN, runtime.logger);
    nock(BASE)
      .matchHeader('authorization', `Bearer ${TOKEN}`)
      .get('/api/items')
      .query(true)
      .replyWithError(connectionReset(`socket hang up after sending ${TOKEN}`))
      .get('/api/items')
      .query(true)
      .reply(400, { message: `token ${TOKEN} lacks scope` });
    const client = new ApiClient({ baseUrl: BASE, runtime, auth });

    const error = await apiError(client.json({ ...list, query: { access_token: TOKEN } }));

    expect(error.message).toContain('failed (HTTP 400): token *** lacks scope');
    expect(error.url).toBe(`${BASE}/api/items?access_token=***`);
    expect(runtime.logger.messages('debug')).toEqual([
      expect.stringContaining('network error ECONNRESET'),
      expect.stringContaining('→ 400'),
    ]);
    expectNoSecret(everythingShown(runtime, error));
  });

  it('a token echoed in an HTML error page title', async () => {
    const runtime = fakeRuntime({ isDebug: true });
    const client = new ApiClient({ baseUrl: BASE, runtime, auth: bearerAuth(TOKEN, runtime.logger) });
    nock(BASE)
      .get('/api/items')
      .reply(401, `<html><head><title>Invalid token ${TOKEN}</title></head></html>`, { 'Content-Type': 'text/html' });

    const error = await apiError(client.json(list));

    expect(error.message).toContain("an HTML page titled 'Invalid token ***'");
    expectNoSecret(everythingShown(runtime, error));
  });

  it('a token echoed in a 200 answer that is not JSON (an HTML page or plain text)', async () => {
    const runtime = fakeRuntime({ isDebug: true });
    const client = new ApiClient({ baseUrl: BASE, runtime, auth: bearerAuth(TOKEN, runtime.logger) });
    nock(BASE)
      .get('/api/items')
      .reply(200, `authorised as ${TOKEN}; welcome`, { 'Content-Type': 'text/plain' })
      .get('/api/items')
      .reply(200, `<html><title>Session ${TOKEN}</title></html>`, { 'Content-Type': 'text/html' });

    const plain = await apiError(client.json(list));
    const html = await apiError(client.json(list));

    expect(plain.message).toContain('not valid JSON (text/plain): authorised as ***; welcome');
    expect(html.message).toContain("an HTML page titled 'Session ***'");
    expectNoSecret(everythingShown(runtime, plain));
    expectNoSecret(html.message);
  });

  it('no part of a token is shown when the excerpt of a long body would cut through it', async () => {
    const runtime = fakeRuntime();
    const client = new ApiClient({ baseUrl: BASE, runtime, auth: bearerAuth(TOKEN, runtime.logger) });
    // The excerpt keeps 300 characters; the token starts 10 characters before the cut.
    const body = `${'a'.repeat(290)}${TOKEN} end`;
    nock(BASE).get('/api/items').reply(400, body, { 'Content-Type': 'text/plain' });

    const error = await apiError(client.json(list));

    expect(error.message).not.toContain(TOKEN.slice(0, 10));
    expect(error.vendorMessage).toBe(`text/plain body: ${'a'.repeat(290)}*** end`);
  });
});

describe('401 and renewable logins', () => {
  /** A login whose session token changes on every renewal, like the SMAX token. */
  function sessionAuth(): AuthProvider & { renewals: number } {
    let session = 'session-1';
    const auth = {
      renewals: 0,
      description: "a session for 'admin'",
      headers: async () => ({ Cookie: `SMAX_AUTH_TOKEN=${session}` }),
      renew: async () => {
        auth.renewals++;
        session = `session-${auth.renewals + 1}`;
        return true;
      },
    };
    return auth;
  }

  it('renews the login once and repeats the request with the new credentials', async () => {
    const runtime = fakeRuntime();
    const auth = sessionAuth();
    const cookies: (string | undefined)[] = [];
    const scope = nock(BASE)
      .post('/api/jobs')
      .reply(function () {
        cookies.push(this.req.headers.cookie as string | undefined);
        return [401, { message: 'session expired' }];
      })
      .post('/api/jobs')
      .reply(function () {
        cookies.push(this.req.headers.cookie as string | undefined);
        return [201, { id: 'job-7' }];
      });
    const client = new ApiClient({ baseUrl: BASE, runtime, auth });

    await expect(client.json({ method: 'POST', path: '/api/jobs', json: {}, what: 'start the job' })).resolves.toEqual({
      id: 'job-7',
    });

    expect(scope.isDone()).toBe(true);
    expect(auth.renewals).toBe(1);
    expect(cookies).toEqual(['SMAX_AUTH_TOKEN=session-1', 'SMAX_AUTH_TOKEN=session-2']);
    expect(runtime.clock.sleeps).toEqual([]);
  });

  it('a second 401 after renewing fails with the credentials hint', async () => {
    const runtime = fakeRuntime();
    const auth = sessionAuth();
    const scope = nock(BASE)
      .get('/api/items')
      .times(2)
      .reply(401, { message: 'Unauthorized' })
      .get('/api/items')
      .reply(200, {});
    const client = new ApiClient({ baseUrl: BASE, runtime, auth });

    const error = await apiError(client.json(list));

    expect(auth.renewals).toBe(1);
    expect(scope.pendingMocks()).toHaveLength(1);
    expect(error.status).toBe(401);
    expect(error.message).toBe(
      `GET ${BASE}/api/items failed (HTTP 401): Unauthorized. ` +
        "The server did not accept a session for 'admin': check the credentials",
    );
  });

  it('fixed credentials (no renew) fail on the first 401', async () => {
    const runtime = fakeRuntime();
    const scope = nock(BASE).get('/api/items').reply(401, {}).get('/api/items').reply(200, {});
    const client = new ApiClient({ baseUrl: BASE, runtime, auth: bearerAuth(TOKEN, runtime.logger) });

    const error = await apiError(client.json(list));

    expect(error.hint).toBe('The server did not accept a bearer token: check the credentials');
    expect(scope.pendingMocks()).toHaveLength(1);
  });
});
