/** Where the request goes: base URL joining, query encoding, absolute URLs, and the URL shown in messages. */
import { describe, expect, it } from '@jest/globals';
import nock from 'nock';
import { ApiClient } from '../../../shared/http/client.js';
import { fakeRuntime } from '../../support/fakes.js';
import { apiError, makeClient } from './helpers.js';
import { useNock } from '../../support/nock.js';

useNock();

const HOST = 'https://acme.service-now.com';

/** Answers 200 with the path (and query) the server received. */
function echoPath(host: string) {
  return nock(host)
    .get(() => true)
    .query(true)
    .reply(200, (uri) => ({ uri }));
}

describe('base URL joining', () => {
  it.each([
    [`${HOST}`, '/api/now/table/x'],
    [`${HOST}/`, '/api/now/table/x'],
    [`${HOST}//`, 'api/now/table/x'],
    [`${HOST}`, 'api/now/table/x'],
  ])('%s + %s is requested as /api/now/table/x', async (baseUrl, path) => {
    echoPath(HOST);
    const { client } = makeClient({ baseUrl });

    await expect(client.json({ method: 'GET', path, what: 'read' })).resolves.toEqual({ uri: '/api/now/table/x' });
  });

  it('keeps a base path, with or without its trailing slash', async () => {
    echoPath(HOST).persist();
    const withSlash = makeClient({ baseUrl: `${HOST}/sub/` }).client;
    const without = makeClient({ baseUrl: `${HOST}/sub` }).client;

    await expect(withSlash.json({ method: 'GET', path: '/api/x', what: 'read' })).resolves.toEqual({
      uri: '/sub/api/x',
    });
    await expect(without.json({ method: 'GET', path: 'api/x', what: 'read' })).resolves.toEqual({ uri: '/sub/api/x' });
    expect(without.baseUrl).toBe(`${HOST}/sub`);
  });

  it('uses an absolute URL (e.g. a status URL the vendor returned) as it is', async () => {
    echoPath('https://status.example.net');
    const { client } = makeClient({ baseUrl: `${HOST}/sub` });

    await expect(
      client.json({ method: 'GET', path: 'https://status.example.net/jobs/42?view=full', what: 'read the status' }),
    ).resolves.toEqual({ uri: '/jobs/42?view=full' });
  });
});

describe('query parameters', () => {
  it('are encoded, and the server reads back exactly the values given; undefined ones are left out', async () => {
    echoPath(HOST);
    const { client } = makeClient({ baseUrl: HOST });
    const query = { name: 'a b&c=d', filter: 'state=done^ORstate=failed', path: '/x/ü', empty: '', skip: undefined };

    const { uri } = (await client.json({ method: 'GET', path: '/api/items', query, what: 'read' })) as { uri: string };

    const received = new URL(uri, HOST).searchParams;
    expect(Object.fromEntries(received)).toEqual({
      name: 'a b&c=d',
      filter: 'state=done^ORstate=failed',
      path: '/x/ü',
      empty: '',
    });
    expect(uri).not.toMatch(/[ &]c=d|ü/); // nothing raw on the wire
  });

  it('are added to a query string the path already has', async () => {
    echoPath(HOST);
    const { client } = makeClient({ baseUrl: HOST });

    const { uri } = (await client.json({
      method: 'GET',
      path: '/api/items?sysparm_limit=10',
      query: { sysparm_offset: '20' },
      what: 'read',
    })) as { uri: string };

    expect(Object.fromEntries(new URL(uri, HOST).searchParams)).toEqual({ sysparm_limit: '10', sysparm_offset: '20' });
  });
});

describe('the URL shown in messages', () => {
  it('has no user name or password, though the base URL has them', () => {
    const runtime = fakeRuntime();
    const client = new ApiClient({ baseUrl: 'https://admin:hunter22@acme.service-now.com/', runtime });

    expect(client.displayUrl({ path: '/api/x', query: { a: '1' } })).toBe(`${HOST}/api/x?a=1`);
  });

  it('has registered secrets masked, in the query too', () => {
    const runtime = fakeRuntime();
    runtime.logger.mask('s3cr3t/+token');
    const client = new ApiClient({ baseUrl: HOST, runtime });

    const shown = client.displayUrl({ path: '/api/x', query: { access_token: 's3cr3t/+token' } });

    expect(shown).not.toMatch(/s3cr3t/);
    expect(shown).toMatch(/^https:\/\/acme\.service-now\.com\/api\/x\?access_token=/);
  });

  it('is the one errors name', async () => {
    nock(HOST).get('/api/x').reply(404, { message: 'nope' });
    const runtime = fakeRuntime();
    const client = new ApiClient({ baseUrl: `https://admin:hunter22@acme.service-now.com`, runtime });

    const error = await apiError(client.json({ method: 'GET', path: '/api/x', what: 'read' }));

    expect(error.url).toBe(`${HOST}/api/x`);
    expect(error.message).toBe(`GET ${HOST}/api/x failed (HTTP 404): nope`);
    expect(error.message).not.toContain('hunter22');
  });
});
