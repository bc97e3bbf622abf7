/** The SMAX login answer is checked before it becomes the session cookie: an SSO page or junk is not a token. */
import { describe, expect, it } from '@jest/globals';
import nock from 'nock';
import { getExport, smaxClient } from '../../../shared/vendors/smax/dev2prod.js';
import { fakeRuntime } from '../../support/fakes.js';
import { useNock } from '../../support/nock.js';
import { apiError } from './helpers.js';

useNock();

const SMAX = 'https://smax.example.com';
const TENANT = { url: SMAX, tenantId: '1234', username: 'bob', password: 'Pa55-word!' };
const LOGIN = '/auth/authentication-endpoint/authenticate/token';
const LOGIN_URL = `${SMAX}${LOGIN}?TENANTID=1234`;

function login(status: number, body: string, contentType: string) {
  return nock(SMAX).post(LOGIN).query({ TENANTID: '1234' }).reply(status, body, { 'Content-Type': contentType });
}

describe('SMAX login', () => {
  it('an SSO page answered with 200: named as an HTML page with its status and title; no call is sent', async () => {
    login(
      200,
      '<!DOCTYPE html><html><head><title>Sign In - Okta</title></head><body><form>…</form></body></html>',
      'text/html; charset=utf-8',
    );
    const status = nock(SMAX).get(/.*/).reply(200, {});
    const client = smaxClient(TENANT, fakeRuntime());

    const error = await apiError(getExport(client, '1234', 'exp-1'));

    expect(error.kind).toBe('html');
    expect(error.message).toBe(
      `POST ${LOGIN_URL} failed (HTTP 200): the login answered an HTML page titled 'Sign In - Okta' instead of a ` +
        "token (a single sign-on login page or a proxy's error page answered, not the API). Check " +
        'source-url/target-url: they must be the SMAX server address, and the user must be able to log in to SMAX ' +
        'directly (not only through single sign-on)',
    );
    expect(status.isDone()).toBe(false);
  });

  it.each([
    ['JSON', '{"token": "abc.def"}', 'application/json'],
    ['text with spaces', 'Welcome bob, please wait', 'text/plain'],
    ['a token far too long', 'a'.repeat(20_000), 'text/plain'],
  ])('%s is an unexpected login answer, not quoted', async (_kind, body, contentType) => {
    login(200, body, contentType);
    const client = smaxClient(TENANT, fakeRuntime());

    const error = await apiError(getExport(client, '1234', 'exp-1'));

    expect(error.kind).toBe('unexpected');
    expect(error.message).toMatch(
      new RegExp(
        `^POST .* failed \\(HTTP 200\\): unexpected login answer: the body \\(${contentType}, \\d+ characters`,
      ),
    );
    expect(error.message).not.toContain(body.slice(0, 12));
  });

  it('a real token becomes the cookie of the calls', async () => {
    login(200, 'eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJib2IifQ.c2lnbmF0dXJl\n', 'text/plain');
    const status = nock(SMAX)
      .get('/rest/1234/dev2prod/export/exp-1')
      .matchHeader('Cookie', 'SMAX_AUTH_TOKEN=eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJib2IifQ.c2lnbmF0dXJl; TENANTID=1234')
      .reply(200, { Status: 'IN_PROGRESS' });
    const client = smaxClient(TENANT, fakeRuntime());

    await expect(getExport(client, '1234', 'exp-1')).resolves.toMatchObject({ status: 'IN_PROGRESS' });
    expect(status.isDone()).toBe(true);
  });
});
