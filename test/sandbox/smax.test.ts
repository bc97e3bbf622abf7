import { afterEach, beforeEach, describe, expect, it } from '@jest/globals';
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { parseMultipart, type MultipartPart } from './smax-multipart.js';
import {
  AUTH_FAILED_BODY,
  COMPLETED_ERROR_MESSAGE,
  DEFAULT_EXPORT_STATISTICS,
  EXPORT_FAILURE_MESSAGE,
  LOGIN_PATH,
  SmaxSandbox,
  UPLOAD_FAILURE_MESSAGE,
  type ImportScenario,
} from './smax.js';

const SOURCE = '100000001';
const TARGET = '200000002';
const START = Date.UTC(2026, 10, 23, 4, 20, 5);

type Json = Record<string, unknown> & {
  Status?: string;
  FileId?: string;
  Id?: string;
  guid?: string;
  Results?: Array<{ PackageName: string; Statistics: Record<string, number>; Errors: string[]; Warnings: string[] }>;
  Totals?: Record<string, number>;
};

describe('SmaxSandbox', () => {
  let clock: number;
  let sandbox: SmaxSandbox;
  const cookies: Record<string, string> = {};

  beforeEach(async () => {
    clock = START;
    sandbox = new SmaxSandbox({ now: () => clock });
    await sandbox.listen();
    for (const tenant of [SOURCE, TARGET]) delete cookies[tenant];
  });
  afterEach(() => sandbox.close());

  const login = (tenant: string, body: unknown = { login: 'dev-admin', password: 'sandbox-password' }) =>
    fetch(`${sandbox.url}${LOGIN_PATH}?TENANTID=${tenant}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
  const cookieOf = async (tenant: string): Promise<string> => {
    if (!cookies[tenant]) cookies[tenant] = `SMAX_AUTH_TOKEN=${await (await login(tenant)).text()}; TENANTID=${tenant}`;
    return cookies[tenant];
  };
  const raw = async (method: string, path: string, tenant: string, init: RequestInit = {}, cookie?: string) =>
    fetch(`${sandbox.url}/rest/${tenant}${path}`, {
      method,
      ...init,
      headers: { cookie: cookie ?? (await cookieOf(tenant)), ...(init.headers as Record<string, string>) },
    });
  const call = async (method: string, path: string, tenant: string, body?: unknown, cookie?: string) => {
    const init =
      body === undefined ? {} : { body: JSON.stringify(body), headers: { 'content-type': 'application/json' } };
    const res = await raw(method, path, tenant, init, cookie);
    expect(res.headers.get('content-type')).toMatch(/^application\/json/);
    return { status: res.status, body: (await res.json()) as Json };
  };
  const exportPackage = async (pkg: string, tenant = SOURCE): Promise<string> => {
    const { status, body } = await call('POST', `/dev2prod/export/types/${pkg}`, tenant, {});
    expect(status).toBe(200);
    return body.Id as string;
  };
  const exportStatus = async (id: string, tenant = SOURCE) =>
    (await call('GET', `/dev2prod/export/${id}`, tenant)).body;
  const upload = async (tenant: string, data: Buffer, name = 'package.zip', extra?: (form: FormData) => void) => {
    const form = new FormData();
    extra?.(form);
    form.append('files[]', new Blob([new Uint8Array(data)], { type: 'application/zip' }), name);
    const res = await raw('POST', '/ces/attachment', tenant, {
      body: form,
      headers: { 'user-agent': 'Apache-HttpClient/4.4.1' },
    });
    return { status: res.status, body: (await res.json()) as Json };
  };
  const download = async (tenant: string, fileId: string) => raw('GET', `/ces/attachment/${fileId}`, tenant);
  /** Export on the source, download it, upload it to the target; returns the target's file id. */
  const promote = async (pkg: string): Promise<string> => {
    const id = await exportPackage(pkg);
    clock += sandbox.exportDurationMs;
    const { FileId } = await exportStatus(id);
    const bytes = Buffer.from(await (await download(SOURCE, FileId as string)).arrayBuffer());
    return (await upload(TARGET, bytes)).body.guid as string;
  };
  const runImport = async (fileId: string, dryRun: boolean, tenant = TARGET): Promise<Json> => {
    const started = await call('POST', `/dev2prod/import${dryRun ? '?dryRun=true' : ''}`, tenant, { FileId: fileId });
    expect(started.status).toBe(200);
    expect(started.body).toEqual({ Id: expect.stringMatching(/^[0-9a-f]{24}$/) });
    const path = `/dev2prod/import/${started.body.Id}`;
    expect((await call('GET', path, tenant)).body.Status).toBe('IN_PROGRESS');
    clock += sandbox.importDurationMs;
    return (await call('GET', path, tenant)).body;
  };

  it('logs in per tenant and checks the token cookie and TENANTID on every /rest call', async () => {
    const ok = await login(SOURCE);
    expect(ok.status).toBe(200);
    expect(ok.headers.get('content-type')).toMatch(/^text\/plain/);
    const token = await ok.text();
    expect(token).toMatch(/^[\w-]{40,}$/);
    const source = `SMAX_AUTH_TOKEN=${token}; TENANTID=${SOURCE}`;
    expect((await call('POST', '/dev2prod/export/types/54321', SOURCE, {}, source)).status).toBe(200);
    // A source token is no good on the target, nor without the TENANTID cookie.
    const denied = await call(
      'GET',
      '/dev2prod/import/x',
      TARGET,
      undefined,
      `SMAX_AUTH_TOKEN=${token}; TENANTID=${TARGET}`,
    );
    expect(denied).toEqual({ status: 401, body: AUTH_FAILED_BODY });
    expect((await call('GET', '/dev2prod/export/x', SOURCE, undefined, `SMAX_AUTH_TOKEN=${token}`)).status).toBe(401);
    expect((await call('GET', '/dev2prod/export/x', TARGET)).status).toBe(404); // target login works

    for (const [tenant, body] of [
      [SOURCE, { login: 'dev-admin', password: 'nope' }],
      [SOURCE, { login: 'someone', password: 'sandbox-password' }],
      ['999', { login: 'dev-admin', password: 'sandbox-password' }],
      [SOURCE, 'not json'],
    ] as const) {
      const res = await login(tenant, body);
      expect(res.status).toBe(401);
      expect(await res.json()).toEqual(AUTH_FAILED_BODY);
    }
    expect(sandbox.loginCount(SOURCE)).toBe(1);
    expect(sandbox.loginCount(TARGET)).toBe(1);
    expect(sandbox.logins.filter((l) => !l.ok)).toHaveLength(4);
  });

  it('answers 401 without a cookie, with an unknown token and once the token expired', async () => {
    expect((await call('GET', '/dev2prod/export/x', SOURCE, undefined, '')).status).toBe(401);
    const unknown = `SMAX_AUTH_TOKEN=forged; TENANTID=${SOURCE}`;
    expect((await call('GET', '/dev2prod/export/x', SOURCE, undefined, unknown)).body).toEqual(AUTH_FAILED_BODY);
    expect((await call('GET', '/dev2prod/export/x', SOURCE)).status).toBe(404);
    clock += 3_600_000;
    expect((await call('GET', '/dev2prod/export/x', SOURCE)).status).toBe(401);
    delete cookies[SOURCE];
    expect((await call('GET', '/dev2prod/export/x', SOURCE)).status).toBe(404);
    sandbox.expireTokens();
    expect((await call('GET', '/dev2prod/export/x', SOURCE)).status).toBe(401);
    expect(sandbox.loginCount(SOURCE)).toBe(2);
  });

  it('runs an export: IN_PROGRESS, then COMPLETED with the bundle name, file id and statistics', async () => {
    const id = await exportPackage('54321');
    expect(id).toMatch(/^[0-9a-f]{24}$/);
    const running = await exportStatus(id);
    expect(running).toMatchObject({ id, Status: 'IN_PROGRESS', StartTime: START, OperationType: 'Export' });
    expect(running.FileId).toBeUndefined();
    clock += 1200;
    expect(await exportStatus(id)).toEqual({
      id,
      PackageBundleName: 'Package-54321-100000001-2026-11-23 04-20',
      Status: 'COMPLETED',
      FileId: expect.stringMatching(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/),
      StartTime: START,
      LastUpdateTime: START + 1200,
      ItemCount: 352,
      Statistics: DEFAULT_EXPORT_STATISTICS,
      OperationType: 'Export',
    });
    sandbox.exportStatistics = [{ PackageName: 'workflow', ItemCount: 5 }];
    const custom = await exportPackage('54321');
    clock += 1200;
    expect(await exportStatus(custom)).toMatchObject({ ItemCount: 5, Statistics: [{ PackageName: 'workflow' }] });

    const failing = await exportPackage('40003');
    clock += 1200;
    const failed = await exportStatus(failing);
    expect(failed).toMatchObject({ Status: 'FAILED', ErrorMessage: EXPORT_FAILURE_MESSAGE });
    expect(failed.FileId).toBeUndefined();
  });

  it('downloads exactly the generated package, from its tenant only', async () => {
    const id = await exportPackage('40001');
    clock += 1200;
    const fileId = (await exportStatus(id)).FileId as string;
    const res = await download(SOURCE, fileId);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/octet-stream');
    expect(res.headers.get('content-length')).toBe(String(64 * 1024));
    const bytes = Buffer.from(await res.arrayBuffer());
    expect(bytes.equals(readFileSync(sandbox.fileRepository.get(SOURCE, fileId)?.path as string))).toBe(true);
    expect(bytes.subarray(0, 2).toString()).toBe('PK');
    expect(bytes.subarray(0, 64).toString('latin1')).toContain('\nSANDBOX-PACKAGE:40001\n');
    expect((await download(TARGET, fileId)).status).toBe(404);
    expect((await call('GET', `/ces/attachment/${fileId.replace(/^./, 'f')}0`, SOURCE)).status).toBe(404);
  });

  it('streams a multipart upload to disk and answers with guid', async () => {
    const data = randomBytes(5 * 1024 * 1024 + 7);
    const { status, body } = await upload(TARGET, data, 'Package 1.zip', (form) => form.append('note', 'hi'));
    expect(status).toBe(200);
    expect(body).toEqual({
      guid: expect.stringMatching(/^[0-9a-f-]{36}$/),
      name: 'Package 1.zip',
      contentLength: data.length,
      contentType: 'application/zip',
      success: true,
    });
    const stored = sandbox.fileRepository.get(TARGET, body.guid as string);
    expect(readFileSync(stored?.path as string).equals(data)).toBe(true);
    expect(sandbox.uploads).toEqual([
      expect.objectContaining({ tenant: TARGET, bytes: data.length, userAgent: 'Apache-HttpClient/4.4.1' }),
    ]);
    expect(sandbox.uploads[0].parts).toEqual(['note', 'files[]']);
    expect(sandbox.server.requestsTo('POST', /ces\/attachment$/)[0].body).toHaveLength(0); // not buffered

    const none = await raw('POST', '/ces/attachment', TARGET, { body: new FormData() });
    expect(none.status).toBe(400);
    expect(await none.json()).toMatchObject({ success: false, message: expect.stringContaining('files[]') });
    const plain = await raw('POST', '/ces/attachment', TARGET, {
      body: 'x',
      headers: { 'content-type': 'text/plain' },
    });
    expect(plain.status).toBe(400);
  });

  it('fails or omits guid on the next upload when told to', async () => {
    sandbox.failNextUpload();
    const failed = await upload(TARGET, Buffer.from('abc'));
    expect(failed).toEqual({ status: 200, body: { success: false, message: UPLOAD_FAILURE_MESSAGE } });
    sandbox.omitGuidNextUpload();
    const slip = await upload(TARGET, Buffer.from('abc'));
    expect(slip.body).toEqual({ Id: expect.stringMatching(/^[0-9a-f-]{36}$/) });
    expect((await runImport(slip.body.Id as string, true)).Status).toBe('COMPLETED'); // the Id is the file's id
    expect((await upload(TARGET, Buffer.from('abc'))).body.guid).toBeDefined();
    expect(sandbox.uploads.map((u) => u.answer)).toEqual(['failure', 'Id', 'guid']);
    expect(sandbox.files.size).toBe(2);
  });

  it('truncates or empties the next download when told to', async () => {
    const fileId = (await upload(SOURCE, randomBytes(200_000))).body.guid as string;
    sandbox.truncateNextDownload();
    const truncated = await download(SOURCE, fileId);
    expect(truncated.headers.get('content-length')).toBe('200000');
    await expect(truncated.arrayBuffer()).rejects.toThrow();
    sandbox.emptyNextDownload();
    const empty = await download(SOURCE, fileId);
    expect(empty.status).toBe(200);
    expect(empty.headers.get('content-length')).toBe('0');
    expect((await empty.arrayBuffer()).byteLength).toBe(0);
    expect((await (await download(SOURCE, fileId)).arrayBuffer()).byteLength).toBe(200_000);
    expect(sandbox.downloads.map((d) => [d.outcome, d.sentBytes])).toEqual([
      ['truncated', 100_000],
      ['empty', 0],
      ['complete', 200_000],
    ]);
  });

  it('records dry runs apart from real imports', async () => {
    const fileId = await promote('54321');
    const dry = await runImport(fileId, true);
    expect(dry).toMatchObject({ Status: 'COMPLETED', DryRun: true, FileId: fileId, OperationType: 'Import' });
    expect(dry.Totals).toEqual({ Added: 0, Modified: 326, Removed: 0, Failed: 0, Skipped: 0 });
    expect(sandbox.realImports()).toHaveLength(0);
    expect((await runImport(fileId, false)).DryRun).toBe(false);
    expect([...sandbox.imports.values()].map((i) => [i.tenant, i.dryRun, i.packageId])).toEqual([
      [TARGET, true, '54321'],
      [TARGET, false, '54321'],
    ]);
  });

  it.each([
    ['40001', 'COMPLETED', 2, 2],
    ['40002', 'COMPLETED', 0, 2],
    ['40004', 'FAILED', 0, 1],
  ])('applies the scenario of package %s through the re-uploaded file', async (pkg, status, failed, notes) => {
    const result = await runImport(await promote(pkg), true);
    expect(result.Status).toBe(status);
    expect(result.Totals?.Failed).toBe(failed);
    const messages = result.Results?.flatMap((r) => (pkg === '40002' ? r.Warnings : r.Errors)) ?? [];
    expect(messages).toHaveLength(notes);
    if (pkg === '40001') expect(messages[0]).toMatch(/Form layout 'Incident.Default' references field 'ImpactScore'/);
    if (pkg === '40002') expect(messages[0]).toBe("Business rule 'AutoAssign' was disabled in the target");
  });

  it('imports unmarked files cleanly and lets setImportScenario override the marker', async () => {
    const plain = (await upload(TARGET, randomBytes(1000))).body.guid as string;
    expect((await runImport(plain, true)).Totals?.Failed).toBe(0);
    const marked = await promote('40001');
    const expected: Array<[ImportScenario, string, number]> = [
      ['clean', 'COMPLETED', 0],
      ['failures', 'COMPLETED', 2],
      ['warnings', 'COMPLETED', 0],
      ['failed-status', 'FAILED', 0],
      ['cancelling-counts', 'COMPLETED', 0],
      ['negative-total', 'COMPLETED', -1],
      ['completed-with-error', 'COMPLETED', 0],
    ];
    for (const [scenario, status, failed] of expected) {
      sandbox.setImportScenario(scenario);
      const result = await runImport(scenario === 'failures' ? plain : marked, false);
      expect([result.Status, result.Totals?.Failed]).toEqual([status, failed]);
      if (scenario === 'cancelling-counts') expect(result.Results?.map((r) => r.Statistics.Failed)).toEqual([2, -2]);
      if (scenario === 'completed-with-error') expect(result.ErrorMessage).toBe(COMPLETED_ERROR_MESSAGE);
    }
    sandbox.setImportScenario(undefined);
    expect((await runImport(marked, true)).Totals?.Failed).toBe(2);
  });

  it('answers 404 and 400 for unknown packages, jobs, files and routes', async () => {
    const unknownPackage = await call('POST', '/dev2prod/export/types/99999', SOURCE, {});
    expect(unknownPackage).toEqual({ status: 404, body: { code: 404, message: expect.stringContaining('99999') } });
    expect((await call('GET', '/dev2prod/export/0123456789abcdef01234567', SOURCE)).status).toBe(404);
    expect((await call('GET', '/dev2prod/import/0123456789abcdef01234567', TARGET)).status).toBe(404);
    const exported = await exportPackage('54321');
    expect((await call('GET', `/dev2prod/export/${exported}`, TARGET)).status).toBe(404);
    clock += 1200;
    const sourceFile = (await exportStatus(exported)).FileId;
    expect((await call('POST', '/dev2prod/import', TARGET, { FileId: sourceFile })).status).toBe(404);
    expect((await call('POST', '/dev2prod/import', TARGET, {})).status).toBe(400);
    expect((await call('GET', '/dev2prod/nothing/here', SOURCE)).status).toBe(404);
    expect((await fetch(`${sandbox.url}/elsewhere`)).status).toBe(404);
    expect(sandbox.imports.size).toBe(0);
  });

  it('applies generic faults to these routes, including the streamed upload', async () => {
    const id = await exportPackage('54321');
    sandbox.server.inject({ kind: 'status', status: 503, times: 2, match: { path: /\/dev2prod\/export\// } });
    expect((await call('GET', `/dev2prod/export/${id}`, SOURCE)).status).toBe(503);
    expect((await call('GET', `/dev2prod/export/${id}`, SOURCE)).status).toBe(503);
    expect((await exportStatus(id)).Status).toBe('IN_PROGRESS');
    sandbox.server.inject({ kind: 'status', status: 503, match: { method: 'POST', path: /ces\/attachment$/ } });
    expect((await upload(TARGET, randomBytes(300_000))).status).toBe(503);
    expect((await upload(TARGET, randomBytes(300_000), 'x.zip', undefined)).status).toBe(200);
    const anonymous = await fetch(`${sandbox.url}/rest/${TARGET}/ces/attachment`, {
      method: 'POST',
      body: new FormData(),
    });
    expect(anonymous.status).toBe(401);
  });
});

describe('parseMultipart', () => {
  it('finds parts whose boundaries span chunks of one byte', async () => {
    const body = Buffer.from(
      'preamble\r\n--XyZ\r\nContent-Disposition: form-data; name="a"\r\n\r\n1\r\n--XyZ\r\n' +
        'Content-Disposition: form-data; name="files[]"; filename="p.zip"\r\nContent-Type: application/zip\r\n\r\n' +
        'data\r\n--Xy\r\n--XyZ--\r\nepilogue',
    );
    async function* bytes() {
      for (let i = 0; i < body.length; i++) yield body.subarray(i, i + 1);
    }
    const parts: Array<MultipartPart & { data: string }> = [];
    await parseMultipart(bytes(), 'XyZ', (part) => {
      const entry = { ...part, data: '' };
      parts.push(entry);
      return { write: (chunk) => void (entry.data += chunk.toString()), end: () => undefined };
    });
    expect(parts.map((p) => [p.name, p.filename, p.contentType, p.data])).toEqual([
      ['a', undefined, 'text/plain', '1'],
      ['files[]', 'p.zip', 'application/zip', 'data\r\n--Xy'],
    ]);
    await expect(
      parseMultipart(bytes(), 'Other', () => ({ write: () => undefined, end: () => undefined })),
    ).rejects.toThrow(/closing boundary/);
  });
});
