import { afterEach, beforeEach, describe, expect, it } from '@jest/globals';
import { ServiceNowCdmSandbox } from './servicenow-cdm.js';
import { COMMITTER_SYS_ID, UPLOAD_ERROR_OUTPUT, javaDouble, type UploadTarget } from './servicenow-cdm-uploads.js';

const BASE = '/api/sn_cdm/applications';
const FAILED = 'Error encountered during execution of request.\nError: ';

interface StatusResult {
  result: {
    type?: string;
    state?: string;
    output?: unknown;
    errors?: string;
    processing_state?: string;
    upload_id?: string;
  };
}

/** Required parameters (besides appName) of each upload endpoint. */
const ENDPOINTS: Array<[UploadTarget, Record<string, string>]> = [
  ['components', { dataFormat: 'json' }],
  ['components/file', {}],
  ['components/vars', { dataFormat: 'yaml' }],
  ['collections', { dataFormat: 'json', collectionName: 'release-1.0' }],
  ['collections/file', { collectionName: 'release-1.0' }],
  ['deployables', { dataFormat: 'properties', deployableName: 'TST-1' }],
  ['deployables/file', { deployableName: 'TST-1' }],
];

describe('ServiceNowCdmSandbox uploads', () => {
  let clock: number;
  let sandbox: ServiceNowCdmSandbox;

  beforeEach(async () => {
    clock = Date.UTC(2021, 8, 10, 20, 23, 37);
    sandbox = new ServiceNowCdmSandbox({ uploadDurationMs: 1000, now: () => clock });
    await sandbox.listen();
  });
  afterEach(() => sandbox.close());

  const post = async (
    target: string,
    params: Record<string, string> | string,
    body: string | Buffer = '{"dbPort":"8080"}',
    contentType = 'text/plain',
    base = BASE,
  ) => {
    const res = await fetch(`${sandbox.url}${base}/uploads/${target}?${new URLSearchParams(params)}`, {
      method: 'POST',
      headers: { authorization: sandbox.basicAuthorization, accept: 'application/json', 'content-type': contentType },
      body,
    });
    return { status: res.status, body: (await res.json()) as { result?: { upload_id: string }; error?: unknown } };
  };
  const upload = async (params: Record<string, string> = {}, target = 'components', body?: string | Buffer) => {
    const res = await post(target, { appName: 'PaymentApp', dataFormat: 'json', ...params }, body);
    expect(res.status).toBe(200);
    expect(res.body.result?.upload_id).toMatch(/^[0-9a-f]{32}$/);
    return res.body.result?.upload_id ?? '';
  };
  const status = async (id: string, base = BASE) => {
    const res = await fetch(`${sandbox.url}${base}/upload-status/${id}`, {
      headers: { authorization: sandbox.basicAuthorization },
    });
    expect(res.status).toBe(200);
    return ((await res.json()) as StatusResult).result;
  };

  it.each(ENDPOINTS)('accepts %s with its required parameters', async (target, required) => {
    const isFile = target.endsWith('/file');
    const params = { appName: 'SharedServices', ...required, ...(isFile ? { fileName: 'a.zip' } : {}) };
    const res = await post(target, params, 'PK\u0003\u0004', isFile ? 'application/zip' : 'text/plain');
    expect(res.status).toBe(200);
    const id = res.body.result?.upload_id ?? '';
    expect(res.body).toEqual({ result: { upload_id: id } });
    const record = sandbox.uploads.get(id);
    expect(record).toMatchObject({ target, sequence: 1, changesetNumber: 'Chset-1', query: params });
    expect(record?.contentType).toBe(isFile ? 'application/zip' : 'text/plain');
    expect(record?.params).toMatchObject({
      appName: 'SharedServices',
      autoCommit: false,
      deleteRedundantOverrides: true,
    });
    expect(await status(id)).toEqual({
      type: 'upload',
      state: 'new',
      processing_state: 'NOT_PROCESSED',
      upload_id: id,
    });
    clock += 100;
    expect((await status(id)).state).toBe('in_progress');
    clock += 900;
    const done = await status(id);
    expect(done).toMatchObject({ type: 'upload', state: 'completed', processing_state: 'PROCESSED', upload_id: id });
    expect(done.output).toMatchObject({ number: 'Chset-1', state: 'open', cdm_application: 'SharedServices' });
  });

  it('rejects missing and invalid parameters with HTTP 400', async () => {
    const app = 'appName=PaymentApp';
    const cases: Array<[string, string, string]> = [
      ['components', 'dataFormat=json', "Missing required param 'appName'"],
      ['components', app, "Missing required param 'dataFormat'"],
      ['collections', `${app}&dataFormat=json`, "Missing required param 'collectionName'"],
      ['collections/file', app, "Missing required param 'collectionName'"],
      ['deployables', `${app}&dataFormat=json`, "Missing required param 'deployableName'"],
      ['deployables/file', `${app}&deployableName=`, "Missing required param 'deployableName'"],
      ['components/vars', `${app}&dataFormat=csv`, "Invalid dataFormat 'csv'"],
      ['components', `${app}&dataFormat=JSON`, "Invalid dataFormat 'JSON'"],
      ['components', `${app}&dataFormat=json&autoCommit=yes`, 'Invalid Boolean value (yes).'],
      ['components/file', `${app}&autoValidate=TRUE`, 'Invalid Boolean value (TRUE).'],
      ['components', `${app}&dataFormat=json&publishOption=all`, "Invalid publishOption 'all'"],
      ['components', `${app}&dataFormat=json&identifierKeys=[1]`, 'Invalid identifierKeys value ([1]).'],
      [
        'components',
        `${app}&dataFormat=json&dataFormatAttributes={}`,
        "'dataFormatAttributes' is only supported with dataFormat csv",
      ],
      [
        'deployables',
        `${app}&dataFormat=csv&deployableName=D&dataFormatAttributes=[]`,
        'Invalid dataFormatAttributes value ([]).',
      ],
    ];
    for (const [target, params, message] of cases) {
      const res = await post(target, params);
      expect(res.status).toBe(400);
      expect(res.body).toEqual({ error: { message, detail: '' }, status: 'failure' });
    }
    expect(sandbox.uploads.size).toBe(0);
    expect(sandbox.changesets.size).toBe(0);
  });

  it('parses csv attributes, identifier keys in both forms and the flags', async () => {
    const csv = await upload({
      dataFormat: 'csv',
      dataFormatAttributes: '{"containsHeader":true,"delimeter":";"}',
      identifierKeys: '["name","city"]',
      autoDelete: 'true',
      deleteRedundantOverrides: 'false',
      ignoreAttributes: 'true',
      sharedLibraryName: 'Lib',
      namePath: '/Settings/dbSettings',
    });
    expect(sandbox.uploads.get(csv)?.params).toMatchObject({
      dataFormatAttributes: { containsHeader: true, delimeter: ';' },
      identifierKeys: ['name', 'city'],
      autoDelete: true,
      deleteRedundantOverrides: false,
      ignoreAttributes: true,
      sharedLibraryName: 'Lib',
      publishOption: 'publish_none',
    });
    const list = await upload({ identifierKeys: 'name, city' }, 'components/vars');
    expect(sandbox.uploads.get(list)?.params.identifierKeys).toEqual(['name', 'city']);
  });

  it('enforces the 2 MiB and 5 MiB size limits with the spec error body', async () => {
    const tooLarge = (size: number, limit: number) => ({
      status: 400,
      body: {
        error: {
          message: `Size of uploaded data:${size}.0(bytes) is greater than max allowed upload limit of ${limit}.0(bytes)`,
          detail: '',
        },
        status: 'failure',
      },
    });
    const big = Buffer.alloc(2 * 1024 * 1024 + 1, 'a');
    const rejected = await post('components', { appName: 'PaymentApp', dataFormat: 'raw' }, big);
    expect(rejected).toEqual(tooLarge(2097153, 2097152));
    await upload({ dataFormat: 'raw' }, 'components', big.subarray(1));
    await upload({ deployableName: 'D' }, 'deployables/file', big);
    const file = Buffer.alloc(5 * 1024 * 1024 + 1);
    const params = { appName: 'PaymentApp', deployableName: 'D' };
    expect(await post('deployables/file', params, file, 'application/zip')).toEqual(tooLarge(5242881, 5242880));
    expect(sandbox.uploads.size).toBe(2);
    expect([6853632, 10485760, 12000000].map(javaDouble)).toEqual(['6853632.0', '1.048576E7', '1.2E7']);
  });

  it('records the body byte-for-byte with its content type', async () => {
    const text = Buffer.from('\ufeffkey = "valué"\r\n\tother: [1, 2 ]  \r\n', 'utf8');
    const id = await upload({ dataFormat: 'yaml' }, 'components', text);
    expect(sandbox.uploads.get(id)?.body.equals(text)).toBe(true);
    const zip = Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x00, 0xff, 0xfe, 0x80, 0x0a, 0x0d]);
    const res = await post('collections/file', { appName: 'PaymentApp', collectionName: 'c' }, zip, 'application/zip');
    const record = sandbox.uploads.get(res.body.result?.upload_id ?? '');
    expect(record?.body.equals(zip)).toBe(true);
    expect(record?.contentType).toBe('application/zip');
  });

  it('creates a changeset, reuses it and commits it exactly once', async () => {
    const first = await upload({ namePath: 'a' });
    const changeset = sandbox.changesets.get('Chset-1');
    expect(changeset).toMatchObject({ state: 'open', commits: 0, uploads: [first], appName: 'PaymentApp' });
    const second = await upload({ changesetNumber: 'Chset-1', deployableName: 'D' }, 'deployables', 'x=1');
    clock += 1000;
    const last = await upload(
      { changesetNumber: 'Chset-1', autoCommit: 'true', autoValidate: 'true', publishOption: 'publish_valid' },
      'components/vars',
    );
    expect(sandbox.changesets.size).toBe(1);
    expect(changeset?.uploads).toEqual([first, second, last]);
    expect(changeset?.state).toBe('commit_in_progress');
    expect((await status(last)).type).toBe('upload_and_commit');
    expect((await upload({ changesetNumber: 'Chset-1' })).length).toBe(32); // accepted, but ends in error
    clock += 1000;
    expect(changeset).toMatchObject({ state: 'committed', commits: 1, autoValidate: true });
    const done = await status(last);
    expect(done).toEqual({
      type: 'upload_and_commit',
      state: 'completed',
      output: {
        sys_id: changeset?.sysId,
        number: 'Chset-1',
        title: 'admin2021-09-10 20:23:37',
        description: null,
        committed_at: '2021-09-10 20:23:39',
        committed_by: COMMITTER_SYS_ID,
        sys_created_by: 'admin',
        state: 'committed',
        publish_option: 'publish_valid',
        auto_validate: true,
        snapshot_name: null,
        snapshot_description: null,
        cdm_application: 'PaymentApp',
        last_conflict_detection_time: String(Date.UTC(2021, 8, 10, 20, 23, 39)),
      },
      processing_state: 'PROCESSED',
      upload_id: last,
    });
    expect((await status(first)).output).toMatchObject({ number: 'Chset-1', state: 'committed' });
    const late = [...sandbox.uploads.values()].at(-1);
    expect(await status(late?.id ?? '')).toMatchObject({
      type: 'upload',
      state: 'error',
      output: `${FAILED}Changeset 'Chset-1' is not in open state`,
    });
  });

  it('fails uploads into a missing, foreign or closed changeset', async () => {
    sandbox.uploadApi.createChangeset('PaymentApp', 'committed', 'Chset-9');
    sandbox.uploadApi.createChangeset('SharedServices');
    const ids = [
      await upload({ changesetNumber: 'Chset-9' }),
      await upload({ changesetNumber: 'Chset-404' }),
      await upload({ changesetNumber: 'Chset-1' }),
    ];
    clock += 1000;
    const outputs = await Promise.all(ids.map(async (id) => (await status(id)).output));
    expect(outputs).toEqual([
      `${FAILED}Changeset 'Chset-9' is not in open state`,
      `${FAILED}Changeset 'Chset-404' not found`,
      `${FAILED}Changeset 'Chset-1' does not belong to application 'PaymentApp'`,
    ]);
    expect(sandbox.changesets.get('Chset-9')?.uploads).toEqual([]);
  });

  it.each([
    ['commit-failed', 'commit_failed'],
    ['blocked', 'blocked'],
  ] as const)('ends a commit in %s (scenario and magic name path)', async (scenario, state) => {
    const byName = await upload({ namePath: `/x/${scenario}/y`, autoCommit: 'true' });
    sandbox.setUploadScenario(scenario);
    const byCode = await upload({ autoCommit: 'true' });
    const notCommitting = await upload();
    clock += 1000;
    for (const id of [byName, byCode]) {
      const result = await status(id);
      expect(result).toMatchObject({ type: 'upload_and_commit', state: 'completed', processing_state: 'PROCESSED' });
      expect(result.output).toMatchObject({ state, committed_at: null, committed_by: null });
      expect(sandbox.changesets.get(sandbox.uploads.get(id)?.changesetNumber ?? '')?.state).toBe(state);
    }
    expect((await status(notCommitting)).output).toMatchObject({ state: 'open' });
  });

  it('answers the error state with a string output, by scenario, magic name and upload number', async () => {
    sandbox.uploadApi.failUploadNumber = 2;
    const ids = [await upload(), await upload({ autoCommit: 'true' }), await upload({ namePath: 'upload-error' })];
    sandbox.setUploadScenario('upload-error');
    ids.push(await upload({ autoCommit: 'true' }));
    expect(sandbox.changesets.get('Chset-4')?.state).toBe('commit_in_progress');
    clock += 1000;
    const results = await Promise.all(ids.map((id) => status(id)));
    expect(results[0].state).toBe('completed');
    expect(results[1]).toEqual({
      type: 'upload_and_commit',
      state: 'error',
      output: UPLOAD_ERROR_OUTPUT,
      processing_state: 'PROCESSED',
      upload_id: ids[1],
    });
    expect(results[2]).toMatchObject({ type: 'upload', state: 'error', output: UPLOAD_ERROR_OUTPUT });
    expect(results[3]).toMatchObject({ state: 'error', output: UPLOAD_ERROR_OUTPUT });
    expect(sandbox.changesets.get('Chset-4')).toMatchObject({ state: 'open', commits: 1 });
    sandbox.uploadApi.reset();
    expect(sandbox.uploads.size).toBe(0);
    sandbox.setUploadScenario('success');
    await upload();
    const second = await upload();
    expect(sandbox.uploads.get(second)).toMatchObject({ sequence: 2, scenario: 'upload-error' });
  });

  it('never completes a slow upload', async () => {
    const slow = await upload({ namePath: 'slow/path', autoCommit: 'true' });
    sandbox.setUploadScenario('never-completes');
    const byCode = await upload();
    clock += 3_600_000;
    expect((await status(slow)).state).toBe('in_progress');
    expect((await status(byCode)).state).toBe('in_progress');
    expect(sandbox.changesets.get('Chset-1')?.state).toBe('commit_in_progress');
  });

  it('answers an unknown upload id with HTTP 200 and state error', async () => {
    expect(await status('abc')).toEqual({ state: 'error', errors: "Invalid requestId 'abc'", upload_id: 'abc' });
  });

  it('rejects an unknown application', async () => {
    const res = await post('deployables', { appName: 'Nope', dataFormat: 'json', deployableName: 'D' });
    expect(res.status).toBe(400);
    expect(res.body).toEqual({
      error: { message: "Could not find active application with name: 'Nope' of type application", detail: '' },
      status: 'failure',
    });
    sandbox.uploadApi.applications.add('Nope');
    expect((await post('deployables', { appName: 'Nope', dataFormat: 'json', deployableName: 'D' })).status).toBe(200);
  });

  it('serves the versioned URLs and requires authentication', async () => {
    const res = await post(
      'collections/file',
      { appName: 'PaymentApp', collectionName: 'c' },
      'x',
      'text/plain',
      '/api/sn_cdm/v1/applications',
    );
    const id = res.body.result?.upload_id ?? '';
    expect(sandbox.uploads.get(id)?.apiVersion).toBe('v1');
    expect((await status(id, '/api/sn_cdm/v2/applications')).upload_id).toBe(id);
    const anonymous = await fetch(`${sandbox.url}${BASE}/upload-status/${id}`);
    expect(anonymous.status).toBe(401);
  });
});
