import { describe, expect, it } from '@jest/globals';
import nock from 'nock';
import { ApiError } from '../../../shared/errors.js';
import {
  messages,
  serviceNowClient,
  type ServiceNowConnection,
} from '../../../shared/vendors/servicenow/connection.js';
import {
  getExportContent,
  getExportStatus,
  requestExport,
  type ExportRequest,
} from '../../../shared/vendors/servicenow/cdm-exports.js';
import { fakeRuntime } from '../../support/fakes.js';
import { useNock } from '../../support/nock.js';
import { rejection } from '../../support/rejection.js';

const BASE = 'https://acme.service-now.com';
const EXPORTS = '/api/sn_cdm/applications/deployables/exports';

function setup(apiVersion?: string) {
  const connection: ServiceNowConnection = {
    instanceUrl: BASE,
    credentials: { kind: 'basic', username: 'admin', password: 'pw-secret' },
    apiVersion,
  };
  const runtime = fakeRuntime();
  return { connection, runtime, client: serviceNowClient(connection, runtime) };
}

const REQUEST: ExportRequest = {
  appName: 'shop',
  deployableName: 'Prod',
  exporterName: 'json-exporter',
  dataFormat: 'json',
  restrictExport: false,
};

useNock();

describe('requestExport', () => {
  it('sends the documented query parameters with basic auth and returns the export id', async () => {
    const { client, connection } = setup();
    let query: Record<string, unknown> = {};
    const scope = nock(BASE)
      .post(EXPORTS)
      .query((actual) => {
        query = actual;
        return true;
      })
      .basicAuth({ user: 'admin', pass: 'pw-secret' })
      .reply(200, { result: { export_id: 'exp-123' } });
    const id = await requestExport(client, connection, {
      ...REQUEST,
      snapshotName: 'Prod-v12.dpl',
      additionalDeployables: [{ app_name: 'common', deployable_name: 'Prod' }],
      args: { maskSecrets: true, depth: 2 },
      restrictExport: true,
    });
    expect(id).toBe('exp-123');
    expect(scope.isDone()).toBe(true);
    expect(query).toEqual({
      appName: 'shop',
      deployableName: 'Prod',
      exporterName: 'json-exporter',
      dataFormat: 'json',
      snapshotName: 'Prod-v12.dpl',
      additionalDeployables: '[{"app_name":"common","deployable_name":"Prod"}]',
      args: '{"maskSecrets":true,"depth":2}',
      restrictExport: 'true',
    });
  });

  it('leaves out the optional parameters when not given and sends restrictExport=false', async () => {
    const { client, connection } = setup();
    let query: Record<string, unknown> = {};
    nock(BASE)
      .post(EXPORTS)
      .query((actual) => {
        query = actual;
        return true;
      })
      .reply(200, { result: { export_id: 'exp-9' } });
    await requestExport(client, connection, { ...REQUEST, additionalDeployables: [] });
    expect(query).toEqual({
      appName: 'shop',
      deployableName: 'Prod',
      exporterName: 'json-exporter',
      dataFormat: 'json',
      restrictExport: 'false',
    });
  });

  it('uses the versioned path when api-version is set', async () => {
    const { client, connection } = setup('v1');
    const scope = nock(BASE)
      .post('/api/sn_cdm/v1/applications/deployables/exports')
      .query(true)
      .reply(200, { result: { export_id: 'exp-v1' } });
    await expect(requestExport(client, connection, REQUEST)).resolves.toBe('exp-v1');
    expect(scope.isDone()).toBe(true);
  });

  it.each([
    ['no export_id', { result: { state: 'new' } }, 'result.export_id is missing'],
    ['an empty export_id', { result: { export_id: '' } }, 'result.export_id is missing'],
    ['no result object', { status: 'success' }, 'the answer has no result object'],
  ])('an answer with %s is an ApiError naming the endpoint', async (_case, body, what) => {
    const { client, connection } = setup();
    nock(BASE).post(EXPORTS).query(true).reply(200, body);
    const error = await rejection(requestExport(client, connection, REQUEST));
    expect(error).toBeInstanceOf(ApiError);
    expect((error as ApiError).status).toBe(200);
    expect((error as ApiError).url).toMatch(new RegExp(`^${BASE}${EXPORTS}\\?appName=shop&`));
    expect(error.message).toContain(`POST ${BASE}${EXPORTS}`);
    expect(error.message).toContain(`unexpected answer: ${what}`);
    expect(error.message).not.toContain('pw-secret');
  });

  it("reports ServiceNow's own message on an error status", async () => {
    const { client, connection } = setup();
    nock(BASE)
      .post(EXPORTS)
      .query(true)
      .reply(400, { error: { message: 'Invalid app', detail: 'shop does not exist' }, status: 'failure' });
    const error = await rejection(requestExport(client, connection, REQUEST));
    expect(error).toBeInstanceOf(ApiError);
    expect((error as ApiError).status).toBe(400);
    expect(error.message).toContain('Invalid app: shop does not exist');
  });
});

describe('getExportStatus', () => {
  const STATUS = `${EXPORTS}/exp-123/status`;

  it('reads the state and the exporter result', async () => {
    const { client, connection } = setup();
    nock(BASE)
      .get(STATUS)
      .reply(200, {
        result: {
          state: 'completed',
          errors: [],
          exporter_result: { state: 'failure', execution_id: 'ex-7', errors: 'Exporter timed out', extra: 1 },
          unknown_field: true,
        },
      });
    await expect(getExportStatus(client, connection, 'exp-123')).resolves.toEqual({
      state: 'completed',
      errors: [],
      exporterResult: { state: 'failure', executionId: 'ex-7', errors: ['Exporter timed out'] },
    });
  });

  it.each([
    ['a string', 'Deployable not found', ['Deployable not found']],
    ['an array', ['first', 'second'], ['first', 'second']],
    ['an array of objects', [{ code: 7 }, 'text'], ['{"code":7}', 'text']],
    ['an empty string', '', []],
    ['null', null, []],
  ])('normalises errors given as %s', async (_case, errors, expected) => {
    const { client, connection } = setup();
    nock(BASE)
      .get(STATUS)
      .reply(200, { result: { state: 'error', errors } });
    const status = await getExportStatus(client, connection, 'exp-123');
    expect(status.errors).toEqual(expected);
    expect(status.exporterResult).toBeUndefined();
  });

  it('encodes the export id in a versioned path', async () => {
    const { client, connection } = setup('v2');
    const scope = nock(BASE)
      .get('/api/sn_cdm/v2/applications/deployables/exports/a%2Fb%20c/status')
      .reply(200, { result: { state: 'in_progress' } });
    await expect(getExportStatus(client, connection, 'a/b c')).resolves.toMatchObject({ state: 'in_progress' });
    expect(scope.isDone()).toBe(true);
  });

  it('a missing state is an ApiError naming the endpoint', async () => {
    const { client, connection } = setup();
    nock(BASE)
      .get(STATUS)
      .reply(200, { result: { errors: [] } });
    const error = await rejection(getExportStatus(client, connection, 'exp-123'));
    expect(error).toBeInstanceOf(ApiError);
    expect(error.message).toContain(`GET ${BASE}${STATUS}`);
    expect(error.message).toContain('result.state is missing');
  });
});

describe('getExportContent', () => {
  const CONTENT = `${EXPORTS}/exp-123/content`;

  it('returns a JSON object exporter result as an object', async () => {
    const { client, connection } = setup();
    nock(BASE)
      .get(CONTENT)
      .reply(200, { result: { state: 'completed', exporter_result: { db: { host: 'db1', port: 5432 } } } });
    await expect(getExportContent(client, connection, 'exp-123')).resolves.toEqual({
      state: 'completed',
      errors: [],
      exporterResult: { db: { host: 'db1', port: 5432 } },
    });
  });

  it('returns a string exporter result as it came', async () => {
    const { client, connection } = setup();
    nock(BASE)
      .get(CONTENT)
      .reply(200, { result: { exporter_result: 'db.host=db1\ndb.port=5432\n' } });
    await expect(getExportContent(client, connection, 'exp-123')).resolves.toEqual({
      state: undefined,
      errors: [],
      exporterResult: 'db.host=db1\ndb.port=5432\n',
    });
  });

  it('accepts an error answer without content and keeps its errors', async () => {
    const { client, connection } = setup();
    nock(BASE)
      .get(CONTENT)
      .reply(200, { result: { state: 'error', errors: 'Export exp-123 failed' } });
    await expect(getExportContent(client, connection, 'exp-123')).resolves.toEqual({
      state: 'error',
      errors: ['Export exp-123 failed'],
      exporterResult: undefined,
    });
  });

  it.each([{ state: 'completed' }, { state: 'completed', exporter_result: null }])(
    'a missing exporter_result is an ApiError naming the endpoint (%j)',
    async (result) => {
      const { client, connection } = setup();
      nock(BASE).get(CONTENT).reply(200, { result });
      const error = await rejection(getExportContent(client, connection, 'exp-123'));
      expect(error).toBeInstanceOf(ApiError);
      expect(error.message).toContain(`GET ${BASE}${CONTENT}`);
      expect(error.message).toContain('result.exporter_result is missing');
    },
  );

  it('uses the versioned path when api-version is set', async () => {
    const { client, connection } = setup('v1');
    const scope = nock(BASE)
      .get('/api/sn_cdm/v1/applications/deployables/exports/exp-123/content')
      .reply(200, { result: { exporter_result: '' } });
    await expect(getExportContent(client, connection, 'exp-123')).resolves.toMatchObject({ exporterResult: '' });
    expect(scope.isDone()).toBe(true);
  });
});

describe('messages', () => {
  it('turns any errors value into a list of strings', () => {
    expect(messages(undefined)).toEqual([]);
    expect(messages('one')).toEqual(['one']);
    expect(messages(['a', '', 'b'])).toEqual(['a', 'b']);
    expect(messages([{ message: 'x' }])).toEqual(['{"message":"x"}']);
  });
});
