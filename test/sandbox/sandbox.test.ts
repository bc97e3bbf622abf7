import { afterEach, beforeEach, describe, expect, it } from '@jest/globals';
import { parse as parseYaml } from 'yaml';
import { SandboxServer } from './server.js';
import { ServiceNowCdmSandbox, type ExportScenario } from './servicenow-cdm.js';

const EXPORTS = '/api/sn_cdm/applications/deployables/exports';

interface ExportResult {
  result: {
    state?: string;
    export_id?: string;
    request_id?: string;
    errors?: unknown;
    exporter_result?: unknown;
  };
}

describe('SandboxServer', () => {
  let server: SandboxServer;
  let url: string;
  const auth = `Basic ${Buffer.from('u:p').toString('base64')}`;

  beforeEach(async () => {
    server = new SandboxServer({ auth: { basic: { username: 'u', password: 'p' }, bearer: 'tok' } });
    server.route('GET', /^\/things\/(?<id>[^/]+)$/, (req) => ({ json: { id: req.params.id, q: req.query.get('q') } }));
    server.route('POST', /^\/echo$/, (req) => ({ status: 201, json: { got: req.json<{ a: number }>().a } }));
    server.route('GET', /^\/boom$/, () => {
      throw new Error('kaput');
    });
    url = await server.listen();
  });
  afterEach(() => server.close());

  const get = (path: string, headers: Record<string, string> = { authorization: auth }): Promise<Response> =>
    fetch(`${url}${path}`, { headers });

  it('listens on loopback and routes with decoded params', async () => {
    expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    const res = await get('/things/a%20b?q=1');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^application\/json/);
    expect(await res.json()).toEqual({ id: 'a b', q: '1' });
    const bearer = await get('/things/x', { authorization: 'Bearer tok' });
    expect(bearer.status).toBe(200);
  });

  it('answers 401, 404 and 500 in the ServiceNow error shape', async () => {
    const attempts: Array<Record<string, string>> = [
      {},
      { authorization: 'Bearer nope' },
      { authorization: 'Basic dTp3cm9uZw==' },
      { authorization: 'Bearer' },
    ];
    for (const headers of attempts) {
      const res = await get('/things/1', headers);
      expect(res.status).toBe(401);
      expect(await res.json()).toEqual({
        error: { message: 'User Not Authenticated', detail: 'Required to provide Auth information' },
        status: 'failure',
      });
    }
    const missing = await get('/nothing');
    expect(missing.status).toBe(404);
    expect(await missing.json()).toEqual({
      error: { message: 'Requested URI does not represent any resource', detail: null },
      status: 'failure',
    });
    const crash = await get('/boom');
    expect(crash.status).toBe(500);
    expect(await crash.json()).toMatchObject({ error: { message: 'kaput' }, status: 'failure' });
  });

  it('records every request, including unauthorised and faulted ones', async () => {
    server.inject({ kind: 'status', status: 503 });
    await fetch(`${url}/echo?x=1`, { method: 'POST', headers: { authorization: auth }, body: '{"a":1}' });
    await fetch(`${url}/echo`, { method: 'POST', body: '{"a":2}' });
    const res = await fetch(`${url}/echo`, { method: 'POST', headers: { authorization: auth }, body: '{"a":3}' });
    expect(res.status).toBe(201);
    expect(await res.json()).toEqual({ got: 3 });
    const posts = server.requestsTo('post', /^\/echo$/);
    expect(posts.map((r) => r.body.toString())).toEqual(['{"a":1}', '{"a":2}', '{"a":3}']);
    expect(posts[0].query.get('x')).toBe('1');
    expect(posts[0].headers.authorization).toBe(auth);
    expect(posts[1].headers.authorization).toBeUndefined();
    expect(posts[0].at).toBeLessThanOrEqual(Date.now());
    expect(server.requestsTo('GET', /echo/)).toHaveLength(0);
  });

  it('injects status faults with rate-limit headers, matching and counting', async () => {
    server.inject({
      kind: 'status',
      status: 429,
      retryAfter: '2',
      rateLimitReset: '1700000000',
      times: 2,
      match: { method: 'GET', path: /^\/things\// },
    });
    expect((await get('/nothing')).status).toBe(404); // does not match: fault untouched
    for (let i = 0; i < 2; i += 1) {
      const res = await get('/things/1');
      expect(res.status).toBe(429);
      expect(res.headers.get('retry-after')).toBe('2');
      expect(res.headers.get('x-ratelimit-reset')).toBe('1700000000');
      expect(await res.json()).toMatchObject({ error: { message: 'Too Many Requests' }, status: 'failure' });
    }
    expect((await get('/things/1')).status).toBe(200);

    server.inject({ kind: 'status', status: 500, body: 'oops', contentType: 'text/plain', times: Infinity });
    const custom = await get('/things/1', {}); // faults apply before the auth check
    expect(custom.status).toBe(500);
    expect(custom.headers.get('content-type')).toBe('text/plain');
    expect(await custom.text()).toBe('oops');
    expect((await get('/things/1')).status).toBe(500);
    server.clearFaults();
    expect((await get('/things/1')).status).toBe(200);
  });

  it('injects html pages, malformed JSON, connection resets and delays', async () => {
    server.inject({ kind: 'html', status: 502, title: 'Bad <Gateway>' });
    const html = await get('/things/1');
    expect(html.status).toBe(502);
    expect(html.headers.get('content-type')).toMatch(/^text\/html/);
    expect(await html.text()).toMatch(
      /^<html><head><title>Bad &lt;Gateway&gt;<\/title><\/head><body>.*<\/body><\/html>$/,
    );

    server.inject({ kind: 'malformed-json' });
    const malformed = await get('/things/1');
    expect(malformed.status).toBe(200);
    expect(malformed.headers.get('content-type')).toMatch(/^application\/json/);
    await expect(malformed.json()).rejects.toThrow();

    server.inject({ kind: 'reset' });
    await expect(get('/things/1')).rejects.toThrow();

    server.inject({ kind: 'delay', ms: 60 });
    const started = Date.now();
    const delayed = await get('/things/2');
    expect(Date.now() - started).toBeGreaterThanOrEqual(50);
    expect(await delayed.json()).toEqual({ id: '2', q: null });
    expect(server.requestsTo('GET', /^\/things\//)).toHaveLength(4);
  });

  it('closes with a pending delay and keep-alive connections', async () => {
    server.inject({ kind: 'delay', ms: 10_000 });
    const pending = get('/things/1').then(
      () => 'answered',
      () => 'failed',
    );
    await new Promise((r) => setTimeout(r, 20));
    await server.close();
    expect(await pending).toBe('failed');
    await expect(server.listen()).resolves.toMatch(/^http:/); // can listen again; afterEach closes it
  });
});

describe('ServiceNowCdmSandbox', () => {
  let clock: number;
  let sandbox: ServiceNowCdmSandbox;

  beforeEach(async () => {
    clock = 1_700_000_000_000;
    sandbox = new ServiceNowCdmSandbox({ exportDurationMs: 1000, now: () => clock });
    await sandbox.listen();
  });
  afterEach(() => sandbox.close());

  const call = async (method: string, path: string, auth = sandbox.basicAuthorization) => {
    const res = await fetch(`${sandbox.url}${path}`, {
      method,
      headers: { authorization: auth, accept: 'application/json' },
    });
    expect(res.headers.get('content-type')).toMatch(/^application\/json/);
    return { status: res.status, body: (await res.json()) as ExportResult };
  };
  const startExport = async (params: Record<string, string> = {}, prefix = EXPORTS): Promise<string> => {
    const query = new URLSearchParams({
      appName: 'PaymentApp',
      deployableName: 'Production',
      exporterName: 'json-exporter',
      ...params,
    });
    const { status, body } = await call('POST', `${prefix}?${query}`);
    expect(status).toBe(200);
    expect(body.result.export_id).toMatch(/^[0-9a-f]{32}$/);
    return body.result.export_id ?? '';
  };
  const status = (id: string) => call('GET', `${EXPORTS}/${id}/status`);
  const content = (id: string) => call('GET', `${EXPORTS}/${id}/content`);

  it('requires authentication and accepts the bearer token', async () => {
    const res = await fetch(
      `${sandbox.url}${EXPORTS}?appName=PaymentApp&deployableName=Production&exporterName=json-exporter`,
      { method: 'POST' },
    );
    expect(res.status).toBe(401);
    expect(await res.json()).toEqual({
      error: { message: 'User Not Authenticated', detail: 'Required to provide Auth information' },
      status: 'failure',
    });
    const { status: code } = await call(
      'POST',
      `${EXPORTS}?appName=PaymentApp&deployableName=Production&exporterName=json-exporter`,
      'Bearer sandbox-token',
    );
    expect(code).toBe(200);
    expect(sandbox.server.requestsTo('POST', /exports$/)).toHaveLength(2);
  });

  it('runs an export through new, in_progress and completed on the versioned URL', async () => {
    const id = await startExport({ dataFormat: 'properties' }, '/api/sn_cdm/v2/applications/deployables/exports');
    const versioned = (what: string) => call('GET', `/api/sn_cdm/v1/applications/deployables/exports/${id}/${what}`);
    expect((await versioned('status')).body).toEqual({ result: { state: 'new', export_id: id } });
    clock += 100;
    expect((await status(id)).body.result.state).toBe('in_progress');
    const early = await versioned('content');
    expect(early.status).toBe(400);
    expect(early.body).toMatchObject({ error: { message: 'Export request is not yet complete' }, status: 'failure' });
    clock += 900;
    expect((await versioned('status')).body).toEqual({ result: { state: 'completed', export_id: id } });
    const done = await versioned('content');
    expect(done.status).toBe(200);
    expect(done.body.result.export_id).toBe(id);
    expect(done.body.result.exporter_result).toContain('Production.COMP.cdi_1=cdi-1-value');
    expect(sandbox.exports.get(id)).toMatchObject({
      apiVersion: 'v2',
      dataFormat: 'properties',
      appName: 'PaymentApp',
    });
  });

  it('completes with real time', async () => {
    const real = new ServiceNowCdmSandbox({ exportDurationMs: 100 });
    await real.listen();
    try {
      const post = await fetch(
        `${real.url}${EXPORTS}?appName=PaymentApp&deployableName=Production&exporterName=json-exporter`,
        {
          method: 'POST',
          headers: { authorization: real.bearerAuthorization },
        },
      );
      const id = ((await post.json()) as ExportResult).result.export_id ?? '';
      const seen: string[] = [];
      for (let waited = 0; waited < 400 && seen.at(-1) !== 'completed'; waited += 20) {
        const res = await fetch(`${real.url}${EXPORTS}/${id}/status`, {
          headers: { authorization: real.bearerAuthorization },
        });
        seen.push(((await res.json()) as ExportResult).result.state ?? '');
        await new Promise((r) => setTimeout(r, 20));
      }
      const order = ['new', 'in_progress', 'completed'];
      expect(seen.at(-1)).toBe('completed');
      expect(seen).toContain('in_progress');
      expect(seen.map((s) => order.indexOf(s))).toEqual([...seen.map((s) => order.indexOf(s))].sort());
    } finally {
      await real.close();
    }
  });

  it('validates the export parameters', async () => {
    const cases: Array<[string, string]> = [
      ['deployableName=D&exporterName=E', "Missing required param 'appName'"],
      ['appName=A&exporterName=E', "Missing required param 'deployableName'"],
      ['appName=A&deployableName=D', "Missing required param 'exporterName'"],
      [
        'appName=PaymentApp&deployableName=Production&exporterName=json-exporter&dataFormat=JSON',
        "Invalid dataFormat 'JSON'",
      ],
      [
        'appName=PaymentApp&deployableName=Production&exporterName=json-exporter&restrictExport=yes',
        'Invalid Boolean value (yes).',
      ],
      [
        'appName=PaymentApp&deployableName=Production&exporterName=json-exporter&additionalDeployables=%7B%7D',
        'Invalid additionalDeployables value ({}).',
      ],
      [
        'appName=PaymentApp&deployableName=Production&exporterName=json-exporter&args=%5B1%5D',
        'Invalid args value ([1]).',
      ],
    ];
    for (const [query, message] of cases) {
      const { status: code, body } = await call('POST', `${EXPORTS}?${query}`);
      expect(code).toBe(400);
      expect(body).toMatchObject({ error: { message }, status: 'failure' });
    }
    expect(sandbox.exports.size).toBe(0);
  });

  it('reports unknown export ids with HTTP 200 and state error', async () => {
    for (const res of [await status('abc'), await content('abc')]) {
      expect(res.status).toBe(200);
      expect(res.body).toEqual({
        result: { request_id: 'abc', state: 'error', errors: "Invalid requestId 'abc'", export_id: 'abc' },
      });
    }
  });

  it('exports json with additional deployables and args, and the other formats as strings', async () => {
    const additional = JSON.stringify([{ app_name: 'PaymentApp', deployable_name: 'Development' }]);
    const id = await startExport({
      additionalDeployables: additional,
      args: '{"region":"eu"}',
      restrictExport: 'true',
    });
    expect(sandbox.exports.get(id)).toMatchObject({
      additionalDeployables: [{ app_name: 'PaymentApp', deployable_name: 'Development' }],
      args: { region: 'eu' },
      restrictExport: true,
      dataFormat: 'json',
    });
    clock += 1000;
    const json = (await content(id)).body.result.exporter_result;
    expect(json).toMatchObject({
      Production: { COMP: { cdi_1: 'cdi-1-value' }, args: { region: 'eu' } },
      Development: { COMP: { cdi_1: 'cdi-1-value' }, vars: { app_name: 'PaymentApp' } },
    });

    const rendered: Record<string, unknown> = {};
    for (const dataFormat of ['yaml', 'ini', 'xml', 'raw']) {
      const formatId = await startExport({ dataFormat });
      clock += 1000;
      rendered[dataFormat] = (await content(formatId)).body.result.exporter_result;
      expect(typeof rendered[dataFormat]).toBe('string');
    }
    expect(parseYaml(String(rendered.yaml))).toMatchObject({ Production: { COMP: { cdi_1: 'cdi-1-value' } } });
    expect(rendered.ini).toContain('[Production.COMP]\ncdi_1=cdi-1-value');
    expect(rendered.xml).toContain('<cdi name="cdi_1">cdi-1-value</cdi>');
    expect(JSON.parse(String(rendered.raw))).toMatchObject({ Production: { COMP: { cdi_2: 'cdi-2-value' } } });
  });

  it('pads the content to contentBytes', async () => {
    sandbox.contentBytes = 2_000_000;
    const id = await startExport();
    clock += 1000;
    const res = await fetch(`${sandbox.url}${EXPORTS}/${id}/content`, {
      headers: { authorization: sandbox.basicAuthorization },
    });
    const text = await res.text();
    expect(text.length).toBeGreaterThanOrEqual(2_000_000);
    expect(text.length).toBeLessThan(2_100_000);
  });

  const failing: Array<[ExportScenario, string]> = [
    ['exporter-failure', 'my-exporter-failure-dep'],
    ['error-state', 'error-state'],
    ['content-error', 'x-content-error'],
  ];
  it.each(failing)('scenario %s (set in code and by magic deployable name)', async (scenario, magicName) => {
    sandbox.setExportScenario(scenario);
    const fromCode = await startExport();
    sandbox.setExportScenario('success');
    const fromName = await startExport({ deployableName: magicName });
    const plain = await startExport();
    clock += 1000;
    for (const id of [fromCode, fromName]) {
      const s = (await status(id)).body.result;
      const c = await content(id);
      expect(c.status).toBe(200);
      expect(c.body.result).toMatchObject({ state: 'error', export_id: id, errors: expect.any(String) });
      if (scenario === 'exporter-failure') {
        expect(s).toMatchObject({ state: 'completed', exporter_result: { state: 'failure' } });
        expect(s.exporter_result).toMatchObject({ execution_id: expect.stringMatching(/^[0-9a-f]{32}$/) });
        expect(JSON.stringify(s)).toContain("Snapshot 'SNA-001-published-non_compliant' has not passed validation");
      } else if (scenario === 'error-state') {
        expect(s.state).toBe('error');
        expect(s.errors).toMatch(/^Failed to find latest published snapshot for deployable '.+'$/);
      } else {
        expect(s).toEqual({ state: 'completed', export_id: id });
      }
    }
    expect((await status(plain)).body.result.state).toBe('completed');
    expect((await content(plain)).body.result.exporter_result).toHaveProperty('Production');
  });

  it('never completes for the slow magic name and the never-completes scenario', async () => {
    const bySlow = await startExport({ deployableName: 'slow-dep' });
    sandbox.setExportScenario('never-completes');
    expect(sandbox.exportScenario).toBe('never-completes');
    const byCode = await startExport();
    clock += 3_600_000;
    for (const id of [bySlow, byCode]) {
      expect((await status(id)).body.result.state).toBe('in_progress');
      expect((await content(id)).status).toBe(400);
    }
  });
});
