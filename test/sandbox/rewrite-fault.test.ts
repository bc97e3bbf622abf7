import { afterEach, beforeEach, describe, expect, it } from '@jest/globals';
import { SandboxServer } from './server.js';

describe("SandboxServer's rewrite fault", () => {
  let server: SandboxServer;
  let url: string;
  let calls = 0;

  beforeEach(async () => {
    calls = 0;
    server = new SandboxServer({ auth: { bearer: 'tok' } });
    server.route('GET', /^\/job$/, () => ({ json: { state: 'running', call: ++calls } }));
    server.route('GET', /^\/file$/, () => ({ body: 'raw', contentType: 'application/octet-stream' }));
    url = await server.listen();
  });
  afterEach(() => server.close());

  const get = async (path: string, authorization = 'Bearer tok') => {
    const res = await fetch(`${url}${path}`, { headers: { authorization } });
    return { status: res.status, type: res.headers.get('content-type'), text: await res.text() };
  };

  it('changes the route’s JSON answer for as many requests as asked, after the route ran', async () => {
    server.inject({ match: { path: /^\/job$/ }, kind: 'rewrite', json: (b) => ({ ...b, state: 'PAUSED' }), times: 2 });
    expect(JSON.parse((await get('/job')).text)).toEqual({ state: 'PAUSED', call: 1 });
    expect(JSON.parse((await get('/job')).text)).toEqual({ state: 'PAUSED', call: 2 });
    expect(JSON.parse((await get('/job')).text)).toEqual({ state: 'running', call: 3 });
  });

  it('sends raw text instead, still as JSON, and leaves non-JSON answers and auth alone', async () => {
    server.inject({ kind: 'rewrite', text: (b: { call: number }) => `{"call":${b.call},"deep":[[[]]]}`, times: 3 });
    const rewritten = await get('/job');
    expect(rewritten.type).toMatch(/^application\/json/);
    expect(rewritten.text).toBe('{"call":1,"deep":[[[]]]}');
    expect((await get('/file')).text).toBe('raw');
    expect((await get('/job', 'Bearer wrong')).status).toBe(401);
  });
});
