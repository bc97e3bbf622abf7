import { afterEach, beforeEach, describe, expect, it } from '@jest/globals';
import { SnapLogicApimSandbox, type MigrationScenario } from './snaplogic-apim.js';

const MIGRATE = '/api/1/rest/public/apim_service/migrate_service_version';
const SOURCE = '/Acme/Dev/Payments/OrdersAPI/1.0';
const DEST = '/Acme/Prod/Payments/OrdersAPI';

interface Asset {
  snode_id: string;
  name: string;
  asset_type: string;
  message?: string;
  error?: string;
}
interface Answer {
  response_map: {
    status_token?: string;
    status_url?: string;
    error?: string;
    status?: string;
    src_path?: string;
    dest_path?: string;
    asset_types?: string[];
    create_time?: string;
    failed?: Asset[];
    successful?: Asset[];
  };
  http_status_code: number;
}

describe('SnapLogicApimSandbox', () => {
  let clock: number;
  let sandbox: SnapLogicApimSandbox;

  beforeEach(async () => {
    clock = 1_700_000_000_000;
    sandbox = new SnapLogicApimSandbox({ migrationDurationMs: 1000, now: () => clock });
    await sandbox.listen();
  });
  afterEach(() => sandbox.close());

  const call = async (method: string, path: string, body?: unknown, auth: string = sandbox.basicAuthorization) => {
    const headers: Record<string, string> = { 'content-type': 'application/json' };
    if (auth) headers.authorization = auth;
    const target = path.startsWith('http') ? path : `${sandbox.url}${path}`;
    const res = await fetch(target, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
    expect(res.headers.get('content-type')).toMatch(/^application\/json/);
    return { status: res.status, body: (await res.json()) as Answer };
  };
  const migrate = (body: unknown = { dest_path: DEST }, source = SOURCE, auth?: string) =>
    call('POST', `${MIGRATE}${source}`, body, auth);
  const start = async (body?: unknown, source?: string): Promise<string> => {
    const { status, body: answer } = await migrate(body, source);
    expect(status).toBe(200);
    expect(answer.http_status_code).toBe(200);
    return answer.response_map.status_token ?? '';
  };
  const status = async (token: string) => (await call('GET', `/api/1/rest/public/migrate/${token}`)).body.response_map;

  it('accepts basic and bearer auth and answers 401 in the SnapLogic shape', async () => {
    const basic = await migrate();
    expect(basic.body).toEqual({
      response_map: { status_token: expect.stringMatching(/^[0-9a-f-]{36}$/) },
      http_status_code: 200,
    });
    expect((await migrate(undefined, SOURCE, 'Bearer sandbox-jwt')).status).toBe(200);
    for (const auth of ['', 'Bearer wrong', `Basic ${Buffer.from('dev@example.com:nope').toString('base64')}`]) {
      const denied = await migrate(undefined, SOURCE, auth);
      expect(denied.status).toBe(401);
      expect(denied.body).toEqual({ response_map: { error: 'Unauthorized' }, http_status_code: 401 });
    }
    expect([...sandbox.migrations.values()].map((m) => m.auth)).toEqual(['basic', 'bearer']);
  });

  it('answers 403 to basic calls when basic auth is disabled, bearer still works', async () => {
    sandbox.basicAuthDisabled = true;
    const denied = await migrate();
    expect(denied.status).toBe(403);
    expect(denied.body.http_status_code).toBe(403);
    expect(denied.body.response_map.error).toMatch(/Basic authentication is disabled/);
    const token = (await migrate(undefined, SOURCE, sandbox.bearerAuthorization)).body.response_map.status_token;
    expect((await call('GET', `/api/1/rest/public/migrate/${token}`)).status).toBe(403);
    const polled = await call('GET', `/api/1/rest/public/migrate/${token}`, undefined, sandbox.bearerAuthorization);
    expect(polled.body.response_map.status).toBe('Started');
  });

  it('answers 404 for unknown sources, tokens and routes, 400 for bad bodies', async () => {
    for (const source of ['/Acme/Dev/Payments/OrdersAPI/9.9', '/Other/Dev/Payments/OrdersAPI/1.0']) {
      const res = await migrate(undefined, source);
      expect(res.status).toBe(404);
      expect(res.body).toEqual({ response_map: { error: 'Not Found' }, http_status_code: 404 });
    }
    const token = await call('GET', '/api/1/rest/public/migrate/nope');
    expect(token.status).toBe(404);
    expect(token.body.response_map.error).toContain("'nope'");
    expect((await call('GET', '/api/1/rest/public/elsewhere')).body.response_map.error).toBe('Not Found');
    expect((await migrate({})).body).toEqual({
      response_map: { error: 'dest_path is required' },
      http_status_code: 400,
    });
    expect((await migrate({ dest_path: DEST, asset_types: ['Snap'] })).status).toBe(400);
    expect((await migrate({ dest_path: `${DEST}/1.0` })).status).toBe(400);
    expect(sandbox.migrations.size).toBe(0);
  });

  it('answers 409 for an existing destination version only with duplicate_check true', async () => {
    const dup = await migrate({ dest_path: DEST, duplicate_check: true });
    expect(dup.status).toBe(409);
    expect(dup.body).toEqual({
      response_map: { error: 'Service version already exists at destination' },
      http_status_code: 409,
    });
    expect((await migrate({ dest_path: DEST, duplicate_check: false })).status).toBe(200);
    const v2 = { dest_path: 'Acme/Prod/Payments/OrdersAPI/', duplicate_check: true };
    await start(v2, '/Acme/Dev/Payments/OrdersAPI/2.0');
    expect((await migrate(v2, '/Acme/Dev/Payments/OrdersAPI/2.0')).status).toBe(200); // still Started
    clock += 1000;
    expect((await migrate(v2, '/Acme/Dev/Payments/OrdersAPI/2.0')).status).toBe(409); // created by the migration
  });

  it('reports Started, then Completed with every asset type by default', async () => {
    const token = await start();
    const started = await status(token);
    expect(started).toEqual({
      status: 'Started',
      src_path: SOURCE,
      dest_path: DEST,
      asset_types: ['Account', 'File', 'Job', 'Pipeline', 'Policy'],
      create_time: new Date(clock).toISOString(),
      failed: [],
      successful: [],
    });
    clock += 999;
    expect((await status(token)).status).toBe('Started');
    clock += 1;
    const done = await status(token);
    expect(done.status).toBe('Completed');
    expect(done.failed).toEqual([]);
    expect(new Set(done.successful?.map((a) => a.asset_type))).toEqual(
      new Set(['Account', 'File', 'Job', 'Pipeline', 'Policy']),
    );
    for (const asset of done.successful ?? []) expect(asset.snode_id).toMatch(/^[0-9a-f]{24}$/);
    expect(await status(token)).toEqual(done);
  });

  it('migrates only the requested asset types', async () => {
    const token = await start({ dest_path: DEST, asset_types: ['Pipeline', 'File'] });
    clock += 1000;
    const done = await status(token);
    expect(done.asset_types).toEqual(['Pipeline', 'File']);
    expect(new Set(done.successful?.map((a) => a.asset_type))).toEqual(new Set(['Pipeline', 'File']));
    expect(sandbox.migrations.get(token)?.assetTypes).toEqual(['Pipeline', 'File']);
  });

  it('plays each scenario, set in code or by a magic service name', async () => {
    const outcomes: Record<MigrationScenario, string> = {
      success: 'Completed',
      'partial-failure': 'Completed',
      failed: 'Failed',
      'never-completes': 'Started',
    };
    for (const scenario of Object.keys(outcomes) as MigrationScenario[]) {
      sandbox.setMigrationScenario(scenario);
      const token = await start();
      clock += 60_000;
      const answer = await status(token);
      expect(answer.status).toBe(outcomes[scenario]);
      expect(sandbox.migrations.get(token)?.scenario).toBe(scenario);
      if (scenario === 'partial-failure') {
        expect(answer.failed).toEqual([
          expect.objectContaining({
            asset_type: 'Account',
            name: 'prod-db',
            message: "Account 'prod-db' requires a trusted destination org",
            error: "Account 'prod-db' requires a trusted destination org",
          }),
        ]);
        expect(answer.successful).toHaveLength(8);
      }
      if (scenario === 'failed') {
        expect(answer.successful).toEqual([]);
        expect(answer.failed).toHaveLength(9);
        for (const f of answer.failed ?? []) expect(f.message).toMatch(/was not migrated/);
      }
    }
    sandbox.setMigrationScenario('success');
    const magic = { partial: 'Completed', failed: 'Failed', slow: 'Started' };
    for (const [name, expected] of Object.entries(magic)) {
      const token = await start(undefined, `/Acme/Dev/Payments/Orders-${name}/1.0`);
      clock += 60_000;
      const answer = await status(token);
      expect(answer.status).toBe(expected);
      expect(answer.failed?.length ?? 0).toBe(name === 'slow' ? 0 : name === 'partial' ? 1 : 9);
    }
  });

  it('includes a status_url only when asked, and serves it', async () => {
    const plain = await migrate();
    expect(plain.body.response_map).not.toHaveProperty('status_url');
    sandbox.statusUrl = true;
    const { response_map } = (await migrate()).body;
    expect(response_map.status_url).toBe(
      `${sandbox.url}/api/1/rest/public/migrate/${response_map.status_token}?via=status_url`,
    );
    const polled = await call('GET', response_map.status_url ?? '');
    expect(polled.body.response_map.status).toBe('Started');
    expect(sandbox.server.requests.at(-1)?.query.get('via')).toBe('status_url');
  });

  it('records exactly one migration with its params, body and auth', async () => {
    const body = { dest_path: DEST, asset_types: ['Account'], duplicate_check: false };
    const token = await start(body, '/Acme/Dev/Payments/OrdersAPI/2.0');
    expect(sandbox.server.requestsTo('POST', /migrate_service_version/)).toHaveLength(1);
    expect(sandbox.migrations.size).toBe(1);
    expect(sandbox.migrations.get(token)).toMatchObject({
      statusToken: token,
      params: { org: 'Acme', projectSpace: 'Dev', project: 'Payments', service: 'OrdersAPI', version: '2.0' },
      srcPath: '/Acme/Dev/Payments/OrdersAPI/2.0',
      destVersionPath: `${DEST}/2.0`,
      body,
      auth: 'basic',
      createdAt: clock,
    });
  });

  it('shapes fault answers like SnapLogic errors', async () => {
    sandbox.server.inject({ kind: 'status', status: 503, match: { method: 'POST' } });
    const res = await migrate();
    expect(res.status).toBe(503);
    expect(res.body).toEqual({ response_map: { error: 'Service Unavailable' }, http_status_code: 503 });
  });
});
