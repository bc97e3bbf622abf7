/**
 * patches/@actions+core+*.patch makes @actions/core load its HTTP client (and undici) only when an OIDC token is
 * asked for. No action asks for one today; this proves the patched path still gets a token, as unpatched core does.
 */
import { afterEach, beforeEach, expect, it, jest } from '@jest/globals';
import * as core from '@actions/core';
import { rawServer, type RawServer } from '../http/helpers.js';

let server: RawServer;
const saved = { url: process.env.ACTIONS_ID_TOKEN_REQUEST_URL, token: process.env.ACTIONS_ID_TOKEN_REQUEST_TOKEN };

beforeEach(async () => {
  server = await rawServer((_req, res) => {
    res.writeHead(200, { 'Content-Type': 'application/json' });
    res.end(JSON.stringify({ value: 'id-token-from-runner' }));
  });
  process.env.ACTIONS_ID_TOKEN_REQUEST_URL = `${server.url}/token?api-version=2.0`;
  process.env.ACTIONS_ID_TOKEN_REQUEST_TOKEN = 'runner-request-token';
  // getIDToken masks the token with a workflow command on stdout.
  jest.spyOn(process.stdout, 'write').mockImplementation(() => true);
});

afterEach(async () => {
  jest.restoreAllMocks();
  process.env.ACTIONS_ID_TOKEN_REQUEST_URL = saved.url;
  process.env.ACTIONS_ID_TOKEN_REQUEST_TOKEN = saved.token;
  if (saved.url === undefined) delete process.env.ACTIONS_ID_TOKEN_REQUEST_URL;
  if (saved.token === undefined) delete process.env.ACTIONS_ID_TOKEN_REQUEST_TOKEN;
  await server.close();
});

it('getIDToken asks the runner for a token for the audience, with the request token', async () => {
  await expect(core.getIDToken('api://vendor')).resolves.toBe('id-token-from-runner');

  expect(server.requests).toHaveLength(1);
  expect(server.requests[0].url).toBe('/token?api-version=2.0&audience=api%3A%2F%2Fvendor');
  expect(server.requests[0].headers.authorization).toBe('Bearer runner-request-token');
});
