/**
 * A host that does not resolve, refuses the first connection, or shows a certificate for another name is most
 * likely a typo in the URL input: tried at most twice more, and the error names the input to check.
 */
import { describe, expect, it } from '@jest/globals';
import nock from 'nock';
import { apiError, BASE, closedPort, makeClient } from './helpers.js';
import { useNock } from '../../support/nock.js';

useNock();

const read = { method: 'GET', path: '/api/items', what: 'list the items' } as const;
const networkError = (code: string) => Object.assign(new Error(`${code} instance.example.com`), { code });

describe('a URL input that is likely wrong', () => {
  it.each(['ENOTFOUND', 'EAI_AGAIN'])('%s: retried at most twice, naming the host and the input', async (code) => {
    const scope = nock(BASE).get('/api/items').times(6).replyWithError(networkError(code));
    const { client, runtime } = makeClient({ urlInput: 'instance-url' });
    const error = await apiError(client.json(read));
    expect(runtime.clock.sleeps).toHaveLength(2);
    expect(scope.pendingMocks()).toHaveLength(1); // 3 of the 6 answers used: the first try and two retries
    expect(error.verdict).toBe(
      `Could not list the items (${code}): The host instance.example.com does not resolve: check instance-url`,
    );
  });

  it('a refused connection on the first request names the input, with host and port', async () => {
    const port = await closedPort();
    const { client, runtime } = makeClient({ baseUrl: `http://127.0.0.1:${port}`, urlInput: 'control-plane-url' });
    const error = await apiError(client.json(read));
    expect(runtime.clock.sleeps).toHaveLength(2);
    expect(error.verdict).toBe(
      `Could not list the items (ECONNREFUSED): Nothing answers at 127.0.0.1:${port} (connection refused): check control-plane-url`,
    );
  });

  it('a refused connection after the server has answered is an outage: the usual retries, no input named', async () => {
    nock(BASE).get('/api/items').reply(200, []);
    nock(BASE).get('/api/items').times(6).replyWithError(networkError('ECONNREFUSED'));
    const { client, runtime } = makeClient({ urlInput: 'instance-url' });
    await client.json(read);
    const error = await apiError(client.json(read));
    expect(runtime.clock.sleeps).toHaveLength(5);
    expect(error.message).not.toContain('instance-url');
  });

  it('a certificate for another name is not retried and names the input', async () => {
    nock(BASE).get('/api/items').replyWithError(networkError('ERR_TLS_CERT_ALTNAME_INVALID'));
    const { client, runtime } = makeClient({ urlInput: 'source-url' });
    const error = await apiError(client.json(read));
    expect(runtime.clock.sleeps).toHaveLength(0);
    expect(error.message).toContain("The server's TLS certificate is not for instance.example.com: check source-url");
  });

  it('without a URL input, a name that does not resolve keeps the ordinary retries', async () => {
    nock(BASE).get('/api/items').times(6).replyWithError(networkError('ENOTFOUND'));
    const { client, runtime } = makeClient();
    await apiError(client.json(read));
    expect(runtime.clock.sleeps).toHaveLength(5);
  });
});
