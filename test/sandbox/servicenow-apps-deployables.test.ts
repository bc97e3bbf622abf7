import { afterEach, beforeEach, describe, expect, it } from '@jest/globals';
import { ServiceNowCdmSandbox } from './servicenow-cdm.js';
import { FREE_SERVICE, FREE_TECHNICAL_SERVICE, PAYMENT_APP_ID, PRODUCTION_DEPLOYABLE_ID } from './servicenow-apps.js';

const DEPLOYABLES = '/api/sn_cdm/applications/deployables';
const DEPLOYABLES_V1 = '/api/sn_cdm/v1/applications/deployables';
const failure = (message: string) => ({ error: { message, detail: '' }, status: 'failure' });

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Json = any;

describe('ServiceNowCdmSandbox deployables', () => {
  let clock: number;
  let sandbox: ServiceNowCdmSandbox;

  beforeEach(async () => {
    clock = Date.UTC(2024, 0, 2, 3, 4, 5);
    sandbox = new ServiceNowCdmSandbox({ now: () => clock });
    await sandbox.listen();
  });
  afterEach(() => sandbox.close());

  const call = async (method: string, path: string, params: Record<string, string>, auth?: string) => {
    const res = await fetch(`${sandbox.url}${path}?${new URLSearchParams(params)}`, {
      method,
      headers: { authorization: auth ?? sandbox.basicAuthorization, accept: 'application/json' },
    });
    expect(res.headers.get('content-type')).toMatch(/^application\/json/);
    const text = await res.text();
    return { status: res.status, text, body: (text ? JSON.parse(text) : undefined) as Json };
  };
  const link = (table: string, id: string) => ({ value: id, link: `${sandbox.url}/api/now/table/${table}/${id}` });
  const names = () => [...sandbox.appsApi.store.deployables.values()].map((d) => d.name);

  it('creates a deployable with the documented record, limited by returnFields', async () => {
    const res = await call('POST', DEPLOYABLES, { appName: 'PaymentApp', name: 'Dep-1', envType: 'Test' });
    expect(res.status).toBe(200);
    expect(res.body.result).toHaveLength(1);
    const record = res.body.result[0];
    const stored = sandbox.appsApi.store.deployable(PAYMENT_APP_ID, 'Dep-1');
    expect(record).toEqual({
      identifier: null,
      cmdb_ci: link('cmdb_ci_service_auto', stored?.serviceId ?? ''),
      cdi_count: '0',
      snapshot_version_counter: '0',
      description: null,
      sys_updated_on: '2024-01-02 03:04:05',
      environment_type: 'Test',
      node: link('sn_cdm_node', stored?.nodeSysId ?? ''),
      sys_id: stored?.sysId,
      sys_updated_by: 'admin',
      cdm_app: link('sn_cdm_application', PAYMENT_APP_ID),
      sys_created_on: '2024-01-02 03:04:05',
      cdi_usage: '0',
      name: 'Dep-1',
      state: 'active',
      sys_created_by: 'admin',
    });
    expect(sandbox.appsApi.store.services.get(stored?.serviceId ?? '')).toBe('PaymentApp Dep-1');

    const params = { appName: 'PaymentApp', name: 'Dep 2_-.%$:#', envType: 'Production' };
    const limited = await call('POST', DEPLOYABLES_V1, { ...params, returnFields: 'name,sys_id,state' });
    expect(limited.body.result).toEqual([{ name: 'Dep 2_-.%$:#', sys_id: expect.any(String), state: 'active' }]);
    expect(sandbox.appsApi.events.map((e) => [e.entity, e.action, e.appName, e.name, e.apiVersion])).toEqual([
      ['deployable', 'create', 'PaymentApp', 'Dep-1', undefined],
      ['deployable', 'create', 'PaymentApp', 'Dep 2_-.%$:#', 'v1'],
    ]);
  });

  it('refuses bad deployables with 400 in the ServiceNow error shape', async () => {
    const base = { appName: 'PaymentApp', name: 'Dep-1', envType: 'Test' };
    const cases: Array<[Record<string, string>, string]> = [
      [
        { ...base, envType: 'test' },
        "Invalid envType 'test'. Valid values (case-sensitive): Development, Production, Test",
      ],
      [{ appName: 'PaymentApp', name: 'D' }, "Missing required param 'envType'"],
      [{ ...base, name: 'x'.repeat(256) }, 'Deployable name is longer than 255 characters'],
      [
        { ...base, name: 'a/b' },
        "Invalid deployable name 'a/b'. Allowed characters: 0-9, A-Z, a-z, _, -, ., %, $, whitespace, :, and #",
      ],
      [{ ...base, appName: 'testApp' }, "Could not find active application with name: 'testApp' of type application"],
      [
        { ...base, appName: 'SharedLib' },
        "Could not find active application with name: 'SharedLib' of type application",
      ],
      [
        { ...base, name: 'Production' },
        "Deployable with name: 'Production' already exists in application: 'PaymentApp'",
      ],
    ];
    for (const [params, message] of cases) {
      expect(await call('POST', DEPLOYABLES, params)).toMatchObject({ status: 400, body: failure(message) });
    }
    expect((await call('POST', DEPLOYABLES, { ...base, name: 'x'.repeat(255) })).status).toBe(200);
    expect(sandbox.appsApi.events).toHaveLength(1);
  });

  it('creates numbered deployables that never reuse a number', async () => {
    const create = (params: Record<string, string>, path = `${DEPLOYABLES}/create`) =>
      call('POST', path, { appSysId: PAYMENT_APP_ID, envType: 'Test', quantity: '3', autoConnect: 'true', ...params });
    const first = await create({});
    expect(first.status).toBe(200);
    expect(first.body.result).toHaveLength(3);
    expect(first.body.result.every((id: string) => /^[0-9a-f]{32}$/.test(id))).toBe(true);
    const second = await create({ quantity: '1', autoConnect: 'false' }, `${DEPLOYABLES_V1}/create`);
    expect(names()).toEqual(['Development', 'Production', 'Test_1', 'Test_2', 'Test_3', 'Test_4']);
    const test4 = sandbox.appsApi.store.deployables.get(second.body.result[0]);
    expect(test4).toMatchObject({ name: 'Test_4', serviceId: '', environmentType: 'Test' });
    expect(sandbox.appsApi.store.deployable(PAYMENT_APP_ID, 'Test_1')?.serviceId).toMatch(/^[0-9a-f]{32}$/);
    await call('DELETE', DEPLOYABLES, { appName: 'PaymentApp', name: 'Test_4' });
    await create({ quantity: '1', envType: 'Production' });
    await create({ quantity: '1' });
    expect(names().slice(-2)).toEqual(['Production_1', 'Test_5']);
    expect(sandbox.appsApi.events.at(-1)).toMatchObject({ action: 'create', details: { autoConnect: true } });

    const missing = '5e118055b712011054c1e5a6ce11a9d1';
    expect(await create({ appSysId: missing })).toMatchObject({
      status: 500,
      body: failure(
        `Error: CDM Application with SysID ${missing} was not found. ` +
          '(sys_script_include.8cf0fbf453626010a1d3ddeeff7b12fe.script; line 211)',
      ),
    });
    expect((await create({ quantity: '0' })).body.error.message).toBe(
      'Error: Invalid quantity (0). Expected 1 to 100.',
    );
    expect((await create({ autoConnect: 'yes' })).body.error.message).toBe('Error: Invalid Boolean value (yes).');
    expect((await create({ envType: 'Prod' })).status).toBe(500);
  });

  it('updates a deployable and answers the record as an object', async () => {
    const res = await call('PUT', DEPLOYABLES_V1, {
      appName: 'PaymentApp',
      name: 'Production',
      newName: 'Prod-EU',
      newDescription: 'EU production',
      newIdentifier: 'prod-eu',
      newServiceId: FREE_TECHNICAL_SERVICE.sysId,
    });
    expect(res.status).toBe(200);
    expect(res.body.result).toMatchObject({
      sys_id: PRODUCTION_DEPLOYABLE_ID,
      name: 'Prod-EU',
      description: 'EU production',
      identifier: 'prod-eu',
      environment_type: 'Production',
      cmdb_ci: link('cmdb_ci_query_based_service', FREE_TECHNICAL_SERVICE.sysId),
      cdm_app: link('sn_cdm_application', PAYMENT_APP_ID),
    });
    expect(sandbox.appsApi.events).toEqual([
      {
        at: clock,
        entity: 'deployable',
        action: 'update',
        appName: 'PaymentApp',
        name: 'Production',
        sysId: PRODUCTION_DEPLOYABLE_ID,
        apiVersion: 'v1',
        details: {
          name: 'Prod-EU',
          description: 'EU production',
          identifier: 'prod-eu',
          serviceId: FREE_TECHNICAL_SERVICE.sysId,
        },
      },
    ]);
    clock += 60_000;
    const disconnect = {
      appName: 'PaymentApp',
      name: 'Prod-EU',
      newServiceId: '',
      returnFields: 'cmdb_ci,sys_updated_on',
    };
    expect((await call('PUT', DEPLOYABLES, disconnect)).body).toEqual({
      result: { cmdb_ci: '', sys_updated_on: '2024-01-02 03:05:05' },
    });
    const connect = await call('PUT', DEPLOYABLES, {
      appName: 'PaymentApp',
      name: 'Prod-EU',
      newServiceId: FREE_SERVICE.sysId,
    });
    expect(connect.body.result.cmdb_ci).toEqual(link('cmdb_ci_service_auto', FREE_SERVICE.sysId));

    const refusals: Array<[Record<string, string>, string]> = [
      [{ name: 'Production' }, "Could not find deployable with name: 'Production' in application: 'PaymentApp'"],
      [
        { name: 'Prod-EU', newName: 'Development' },
        "Deployable with name: 'Development' already exists in application: 'PaymentApp'",
      ],
      [
        { name: 'Prod-EU', newName: 'bad/name' },
        "Invalid deployable name 'bad/name'. Allowed characters: 0-9, A-Z, a-z, _, -, ., %, $, whitespace, :, and #",
      ],
      [
        { name: 'Prod-EU', newServiceId: 'f'.repeat(32) },
        `Could not find application service or dynamic CI group with sys_id: '${'f'.repeat(32)}'`,
      ],
    ];
    for (const [params, message] of refusals) {
      expect(await call('PUT', DEPLOYABLES, { appName: 'PaymentApp', ...params })).toMatchObject({
        status: 400,
        body: failure(message),
      });
    }
    expect(sandbox.appsApi.events).toHaveLength(3);
  });

  it('deletes a deployable with an empty 200 answer, then no longer knows it', async () => {
    const res = await call(
      'DELETE',
      DEPLOYABLES,
      { appName: 'PaymentApp', name: 'Development' },
      sandbox.bearerAuthorization,
    );
    expect(res).toEqual({ status: 200, text: '', body: undefined });
    expect(names()).toEqual(['Production']);
    expect(sandbox.appsApi.events).toEqual([
      expect.objectContaining({
        entity: 'deployable',
        action: 'delete',
        name: 'Development',
        details: { environmentType: 'Development' },
      }),
    ]);
    const again = await call('DELETE', DEPLOYABLES_V1, { appName: 'PaymentApp', name: 'Development' });
    expect(again).toMatchObject({
      status: 400,
      body: failure("Could not find deployable with name: 'Development' in application: 'PaymentApp'"),
    });
    expect((await call('DELETE', DEPLOYABLES, { appName: 'PaymentApp' })).body).toEqual(
      failure("Missing required param 'name'"),
    );
    expect((await call('DELETE', DEPLOYABLES, { appName: 'Nope', name: 'Production' })).status).toBe(400);
    const recreated = await call('POST', DEPLOYABLES, {
      appName: 'PaymentApp',
      name: 'Development',
      envType: 'Development',
    });
    expect(recreated.status).toBe(200);
  });
});
