/** What the error says when the answer is not the JSON the API documents: HTML pages, broken JSON, vendor errors. */
import { describe, expect, it } from '@jest/globals';
import nock from 'nock';
import { readServiceNowMessage } from '../../../shared/vendors/servicenow/connection.js';
import { apiError, BASE, makeClient } from './helpers.js';
import { useNock } from '../../support/nock.js';

useNock();

const get = { method: 'GET', path: '/api/now/cdm/apps', what: 'list the applications' } as const;
const URL_ = `${BASE}/api/now/cdm/apps`;

const SIGN_IN_PAGE =
  '<!DOCTYPE html>\n<html><head><meta charset="utf-8"><title>\n  Sign in  </title></head>' +
  '<body><form action="/login">…</form></body></html>';

describe('an HTML page where JSON was expected', () => {
  it('on an error status: named as an HTML page, with its title and the status', async () => {
    nock(BASE).get('/api/now/cdm/apps').reply(502, SIGN_IN_PAGE, { 'Content-Type': 'text/html; charset=utf-8' });
    const { client } = makeClient({ maxAttempts: 1 });

    const error = await apiError(client.json(get));

    expect(error.status).toBe(502);
    expect(error.message).toBe(
      `GET ${URL_} failed (HTTP 502): an HTML page titled 'Sign in' instead of JSON ` +
        "(a single sign-on login page or a proxy's error page answered, not the API). " +
        'The server failed: try again later, and ask its administrators if it persists',
    );
  });

  it('on 200 (an SSO login page answering for the API): still an error, naming the page', async () => {
    nock(BASE).get('/api/now/cdm/apps').reply(200, SIGN_IN_PAGE, { 'Content-Type': 'text/html' });
    const { client } = makeClient();

    const error = await apiError(client.json(get));

    expect(error.status).toBe(200);
    expect(error.message).toContain(`GET ${URL_} failed (HTTP 200): an HTML page titled 'Sign in' instead of JSON`);
  });

  it('recognised by its content even when labelled application/json', async () => {
    nock(BASE)
      .get('/api/now/cdm/apps')
      .reply(200, '  <html><body>Proxy error</body></html>', { 'Content-Type': 'application/json' });
    const { client } = makeClient();

    const error = await apiError(client.json(get));

    expect(error.vendorMessage).toMatch(/^an HTML page with no title instead of JSON/);
  });
});

describe('a body that is not what the API documents', () => {
  it('malformed JSON on 200: says it is not valid JSON, with the content type and an excerpt', async () => {
    nock(BASE)
      .get('/api/now/cdm/apps')
      .reply(200, '{"result": [{"name": "app1"', { 'Content-Type': 'application/json' });
    const { client } = makeClient();

    const error = await apiError(client.json(get));

    expect(error.message).toBe(
      `GET ${URL_} failed (HTTP 200): the answer was not valid JSON (application/json): {"result": [{"name": "app1"`,
    );
  });

  it('ServiceNow error body: the message and its detail, in ServiceNow’s words', async () => {
    nock(BASE)
      .get('/api/now/cdm/apps')
      .reply(
        400,
        { error: { message: 'Invalid application', detail: "No CDM application named 'payments'" }, status: 'failure' },
        { 'Content-Type': 'application/json' },
      );
    const { client } = makeClient({ readVendorMessage: readServiceNowMessage });

    const error = await apiError(client.json(get));

    expect(error.vendorMessage).toBe("Invalid application: No CDM application named 'payments'");
    expect(error.message).toBe(
      `GET ${URL_} failed (HTTP 400): Invalid application: No CDM application named 'payments'`,
    );
  });

  it('a JSON error body the vendor reader does not know: the common {message} shape is used', async () => {
    nock(BASE).get('/api/now/cdm/apps').reply(404, { message: 'No such endpoint' });
    const { client } = makeClient({ readVendorMessage: readServiceNowMessage });

    const error = await apiError(client.json(get));

    expect(error.vendorMessage).toBe('No such endpoint');
  });

  it('a plain-text error body: the content type and the text', async () => {
    nock(BASE)
      .get('/api/now/cdm/apps')
      .reply(400, 'Bad Request:\n  unknown parameter "sysparm_x"\n', { 'Content-Type': 'text/plain' });
    const { client } = makeClient();

    const error = await apiError(client.json(get));

    expect(error.vendorMessage).toBe('text/plain body: Bad Request: unknown parameter "sysparm_x"');
  });

  it('a long text body is cut to an excerpt', async () => {
    const text = `Error ${'x'.repeat(1000)}`;
    nock(BASE).get('/api/now/cdm/apps').reply(400, text, { 'Content-Type': 'text/plain' });
    const { client } = makeClient();

    const error = await apiError(client.json(get));

    expect(error.vendorMessage).toBe(`text/plain body: ${text.slice(0, 300)}…(${text.length - 300} more bytes)`);
  });

  it('an empty error body says so rather than printing nothing', async () => {
    nock(BASE).get('/api/now/cdm/apps').reply(404, '');
    const { client } = makeClient();

    const error = await apiError(client.json(get));

    expect(error.message).toBe(`GET ${URL_} failed (HTTP 404): the answer had an empty body`);
    expect(error.message).not.toContain('undefined');
  });

  it('a vendor hint replaces the default advice', async () => {
    nock(BASE)
      .get('/api/now/cdm/apps')
      .reply(403, { error: { message: 'User Not Authorized' } });
    const { client } = makeClient({
      readVendorMessage: readServiceNowMessage,
      hintFor: (status) => (status === 403 ? 'Give the user the sn_cdm.cdm_viewer role' : undefined),
    });

    const error = await apiError(client.json(get));

    expect(error.message).toBe(
      `GET ${URL_} failed (HTTP 403): User Not Authorized. Give the user the sn_cdm.cdm_viewer role`,
    );
  });
});
