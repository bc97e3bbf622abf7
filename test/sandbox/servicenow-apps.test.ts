import { afterEach, beforeEach, describe, expect, it } from '@jest/globals';
import { ServiceNowCdmSandbox } from './servicenow-cdm.js';
import {
  FREE_MODEL,
  FREE_SERVICE,
  FREE_TECHNICAL_SERVICE,
  MANUFACTURER,
  MODEL_OWNER,
  PAYMENT_APP_ID,
  PAYMENT_MODEL_ID,
  SHARED_LIB_ID,
  USER_GROUP,
} from './servicenow-apps.js';

const APPS = '/api/sn_devops_config/devops_config/application';
const APPS_V1 = '/api/sn_devops_config/v1/devops_config/application';
const NOT_AUTHORIZED = {
  error: { message: 'User Not Authorized', detail: 'Failed API level ACL Validation' },
  status: 'failure',
};
const NO_VALID = { result: { status: 400, message: 'No valid Application', data: { error: 'No valid Application' } } };

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Json = any;

describe('ServiceNowCdmSandbox DevOps Config applications', () => {
  let clock: number;
  let sandbox: ServiceNowCdmSandbox;

  beforeEach(async () => {
    clock = Date.UTC(2024, 0, 2, 3, 4, 5);
    sandbox = new ServiceNowCdmSandbox({ now: () => clock });
    await sandbox.listen();
  });
  afterEach(() => sandbox.close());

  const call = async (method: string, path: string, body?: unknown, auth = sandbox.basicAuthorization) => {
    const res = await fetch(`${sandbox.url}${path}`, {
      method,
      headers: { authorization: auth, accept: 'application/json', 'content-type': 'application/json' },
      body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
    });
    expect(res.headers.get('content-type')).toMatch(/^application\/json/);
    return { status: res.status, body: (await res.json()) as Json };
  };
  const create = async (body: Record<string, unknown>, prefix = APPS) => {
    const res = await call('POST', prefix, body);
    expect(res.status).toBe(201);
    expect(res.body.result.data).toMatch(/^[0-9a-f]{32}$/);
    return res.body.result.data as string;
  };

  it('serves the seeded PaymentApp and SharedLib', async () => {
    expect(await call('GET', `${APPS}/${PAYMENT_APP_ID}`)).toEqual({
      status: 200,
      body: {
        result: {
          status: 200,
          message: 'Success',
          data: {
            appName: 'PaymentApp',
            appId: PAYMENT_APP_ID,
            appDescription: 'Payment processing application',
            sdlcType: 'application',
            appModelId: PAYMENT_MODEL_ID,
            appModelName: 'PaymentApp',
            appManufacturerId: MANUFACTURER.sysId,
            appManufacturerName: 'Acme Corp',
            appModelOwnerId: MODEL_OWNER.sysId,
            appModelOwnerName: 'System Administrator',
            appManagedByGroups: [USER_GROUP.sysId],
          },
        },
      },
    });
    const lib = await call('GET', `${APPS_V1}/${SHARED_LIB_ID}`, undefined, sandbox.bearerAuthorization);
    expect(lib.body.result.data).toMatchObject({ appName: 'SharedLib', sdlcType: 'shared_library' });
  });

  it('round-trips create, get, update and delete on both URLs and records each mutation', async () => {
    const id = await create({
      type: 'application',
      appName: 'Demo Application 1234',
      appDescription: 'Created from REST API',
      appManufacturerId: MANUFACTURER.sysId,
      appModelOwnerId: MODEL_OWNER.sysId,
    });
    expect((await call('POST', APPS, { type: 'application', appName: 'Other' })).body).toEqual({
      result: { message: 'Application with name Other created successfully.', data: expect.any(String) },
    });
    const got = await call('GET', `${APPS_V1}/${id}`);
    expect(got.body.result.data).toMatchObject({
      appName: 'Demo Application 1234',
      appId: id,
      appDescription: 'Created from REST API',
      sdlcType: 'application',
      appModelName: 'Demo Application 1234',
      appModelOwnerName: 'System Administrator',
      appManagedByGroups: [],
    });

    const patch = { appDescription: 'Updated', appManagedByGroups: USER_GROUP.sysId, appManufacturerId: 'x' };
    expect(await call('PATCH', `${APPS_V1}/${id}`, patch, sandbox.bearerAuthorization)).toEqual({
      status: 200,
      body: { result: { message: 'Application with name Demo Application 1234 updated successfully.', data: id } },
    });
    const updated = (await call('GET', `${APPS}/${id}`)).body.result.data;
    expect(updated).toMatchObject({ appDescription: 'Updated', appManufacturerId: 'x', appManufacturerName: '' });
    expect(updated.appManagedByGroups).toEqual([USER_GROUP.sysId]);

    expect(await call('DELETE', `${APPS}/${id}`)).toEqual({
      status: 200,
      body: {
        result: { errors: [], success: ['CDM Application Demo Application 1234 has been deleted successfully.'] },
      },
    });
    expect(await call('GET', `${APPS}/${id}`)).toEqual({ status: 200, body: NO_VALID });
    expect(sandbox.appsApi.events.map((e) => [e.entity, e.action, e.name, e.apiVersion])).toEqual([
      ['application', 'create', 'Demo Application 1234', undefined],
      ['application', 'create', 'Other', undefined],
      ['application', 'update', 'Demo Application 1234', 'v1'],
      ['application', 'delete', 'Demo Application 1234', undefined],
    ]);
    expect(sandbox.appsApi.events[2]).toMatchObject({
      sysId: id,
      at: clock,
      details: { appDescription: 'Updated', appManagedByGroups: [USER_GROUP.sysId], appManufacturerId: 'x' },
    });
  });

  it('creates applications from existing models, services and dynamic CI groups', async () => {
    const cases: Array<[Record<string, unknown>, string]> = [
      [{ type: 'application', appModelId: FREE_MODEL.sysId }, 'Payments Model'],
      [{ type: 'application', appServiceName: FREE_SERVICE.name }, 'Payments Service'],
      [{ type: 'infrastructure', technicalServiceId: FREE_TECHNICAL_SERVICE.sysId }, 'Payments Infra Group'],
    ];
    for (const [body, name] of cases) {
      const res = await call('POST', APPS_V1, body);
      expect(res).toEqual({
        status: 201,
        body: { result: { message: `Application with name ${name} created successfully.`, data: expect.any(String) } },
      });
      const data = (await call('GET', `${APPS}/${res.body.result.data}`)).body.result.data;
      expect(data).toMatchObject({ appName: name, sdlcType: body.type });
    }
    const again = await call('POST', APPS, { type: 'application', appServiceId: FREE_SERVICE.sysId });
    expect(again.status).toBe(404);
    expect(again.body.result.message).toBe('Application with name Payments Service already exists.');
  });

  it('answers 404 with result.message when an application is not created', async () => {
    const refusals: Array<[Record<string, unknown>, RegExp]> = [
      [{ appName: 'NoType' }, /^Invalid type ''/],
      [{ type: 'shared_library', appName: 'X' }, /^Invalid type 'shared_library'/],
      [{ type: 'application' }, /^Provide exactly one of appName, appModelId/],
      [{ type: 'application', appName: 'X', appModelName: FREE_MODEL.name }, /\(got appName, appModelName\)$/],
      [{ type: 'infrastructure', appServiceId: FREE_SERVICE.sysId }, /only with type application/],
      [{ type: 'application', technicalServiceId: FREE_TECHNICAL_SERVICE.sysId }, /only with type infrastructure/],
      [{ type: 'application', appModelName: 'Nope Model' }, /^No application model with appModelName Nope Model/],
      [{ type: 'application', appServiceId: 'f'.repeat(32) }, /^No service with appServiceId/],
      [{ type: 'application', appName: 'PaymentApp' }, /^Application with name PaymentApp already exists\.$/],
      [{ type: 'application', appModelId: PAYMENT_MODEL_ID }, /already exists|already used/],
      [{ type: 'application', appName: 'X', appManagedByGroups: 'abc' }, /not a member of group\(s\) abc/],
      [{ type: 'application', appName: 'X', appDescription: 7 }, /appDescription/],
    ];
    for (const [body, message] of refusals) {
      const res = await call('POST', APPS, body);
      expect({ body, status: res.status }).toEqual({ body, status: 404 });
      expect(res.body.result.message).toMatch(message);
    }
    expect((await call('POST', APPS, '{not json')).status).toBe(400);
    expect(sandbox.appsApi.events).toEqual([]);
    expect(sandbox.appsApi.applications.size).toBe(3);
  });

  it('answers unknown application ids as the spec documents', async () => {
    const unknown = '18a17de3283d15107256686277777777';
    expect(await call('GET', `${APPS}/${unknown}`)).toEqual({ status: 200, body: NO_VALID });
    const patch = await call('PATCH', `${APPS_V1}/${unknown}`, { appDescription: 'x' });
    expect(patch).toEqual({ status: 404, body: { result: { message: 'No valid Application' } } });
    const del = await call('DELETE', `${APPS}/${unknown}`);
    expect(del).toEqual({ status: 200, body: { result: { errors: ['No valid Application'], success: [] } } });
    const lib = await call('DELETE', `${APPS}/${SHARED_LIB_ID}`);
    expect(lib.body.result.errors).toEqual([
      'Shared library SharedLib is used by applications: PaymentApp, SharedServices',
    ]);
    expect(sandbox.appsApi.events).toEqual([]);
  });

  it('answers 403 to mutations of a viewer-only user and 401 without credentials', async () => {
    sandbox.appsApi.setUnauthorized(true);
    for (const [method, path] of [
      ['POST', APPS],
      ['PATCH', `${APPS}/${PAYMENT_APP_ID}`],
      ['DELETE', `${APPS_V1}/${PAYMENT_APP_ID}`],
      ['POST', '/api/sn_cdm/applications/deployables?appName=PaymentApp&name=D&envType=Test'],
      ['DELETE', '/api/sn_cdm/v1/applications/shared_components?appName=PaymentApp'],
    ]) {
      expect(await call(method, path, { type: 'application', appName: 'X' })).toEqual({
        status: 403,
        body: NOT_AUTHORIZED,
      });
    }
    expect((await call('GET', `${APPS}/${PAYMENT_APP_ID}`)).body.result.status).toBe(200);
    sandbox.appsApi.setUnauthorized(false);
    await create({ type: 'application', appName: 'X' });
    expect((await call('GET', `${APPS}/${PAYMENT_APP_ID}`, undefined, 'Bearer nope')).status).toBe(401);

    const viewer = new ServiceNowCdmSandbox({ viewerOnly: true });
    await viewer.listen();
    const res = await fetch(`${viewer.url}${APPS}/${PAYMENT_APP_ID}`, {
      method: 'DELETE',
      headers: { authorization: viewer.basicAuthorization },
    });
    expect(res.status).toBe(403);
    await viewer.close();
  });

  it('lets uploads use created applications and forgets deleted ones, with their deployables', async () => {
    const id = await create({ type: 'application', appName: 'UploadTarget' });
    expect(sandbox.uploadApi.applications.has('UploadTarget')).toBe(true);
    const dep = await call('POST', '/api/sn_cdm/applications/deployables?appName=UploadTarget&name=D1&envType=Test');
    expect(dep.status).toBe(200);
    await call('DELETE', `${APPS}/${id}`);
    expect(sandbox.uploadApi.applications.has('UploadTarget')).toBe(false);
    expect(sandbox.appsApi.events.at(-1)?.details).toEqual({ deployables: ['D1'], sharedComponents: [] });
    expect([...sandbox.appsApi.store.deployables.values()].map((d) => d.name)).toEqual(['Development', 'Production']);
    sandbox.appsApi.reset();
    expect(sandbox.appsApi.events).toEqual([]);
  });
});
