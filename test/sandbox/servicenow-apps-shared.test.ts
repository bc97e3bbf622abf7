import { afterEach, beforeEach, describe, expect, it } from '@jest/globals';
import { ServiceNowCdmSandbox } from './servicenow-cdm.js';
import { PAYMENT_APP_ID, SHARED_SERVICES_APP_ID, USER_GROUP } from './servicenow-apps.js';

const SHARED = '/api/sn_cdm/applications/shared_components';
const SHARED_V1 = '/api/sn_cdm/v1/applications/shared_components';
const USING = '/api/sn_cdm/applications/shared_libraries/components/applications';
const failure = (message: string) => ({ error: { message, detail: '' }, status: 'failure' });
const LOGGING = {
  name: 'LoggingConfig',
  description: 'Logging settings shared by payment services',
  sharedLibraryName: 'SharedLib',
};
const TLS = { name: 'TlsDefaults', description: 'TLS defaults', sharedLibraryName: 'SharedLib' };

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Json = any;

describe('ServiceNowCdmSandbox shared components', () => {
  let clock: number;
  let sandbox: ServiceNowCdmSandbox;

  beforeEach(async () => {
    clock = Date.UTC(2024, 0, 2, 3, 4, 5);
    sandbox = new ServiceNowCdmSandbox({ now: () => clock });
    await sandbox.listen();
  });
  afterEach(() => sandbox.close());

  const call = async (method: string, path: string, params: Record<string, string>) => {
    const res = await fetch(`${sandbox.url}${path}?${new URLSearchParams(params)}`, {
      method,
      headers: { authorization: sandbox.basicAuthorization, accept: 'application/json' },
    });
    expect(res.headers.get('content-type')).toMatch(/^application\/json/);
    return { status: res.status, body: (await res.json()) as Json };
  };
  const list = async (appName: string, extra: Record<string, string> = {}) => {
    const res = await call('GET', SHARED, { appName, ...extra });
    expect(res.status).toBe(200);
    return res.body.result as Json[];
  };
  const link = (table: string, id: string) => ({ value: id, link: `${sandbox.url}/api/now/table/${table}/${id}` });

  it('lists the shared components an application uses, optionally only those with an update', async () => {
    expect(await list('PaymentApp')).toEqual([
      {
        ...LOGGING,
        currentVersion: '1',
        currentVersionName: 'LoggingConfig-v1.shc',
        updateVersionName: 'LoggingConfig-v3.shc',
      },
      { ...TLS, currentVersion: '2', currentVersionName: 'TlsDefaults-v2.shc', updateVersionName: '' },
    ]);
    expect((await list('PaymentApp', { withUpdatesOnly: 'true' })).map((c) => c.name)).toEqual(['LoggingConfig']);
    expect((await list('PaymentApp', { updatesOnly: 'true' })).map((c) => c.name)).toEqual(['LoggingConfig']);
    expect(await list('SharedServices', { withUpdatesOnly: 'true' })).toEqual([]);
    expect((await call('GET', SHARED_V1, { appName: 'SharedServices' })).body.result).toHaveLength(1);
    expect(await call('GET', SHARED, { appName: 'Nope' })).toEqual({
      status: 400,
      body: failure("Could not find active application with name: 'Nope'"),
    });
    expect((await call('GET', SHARED, { appName: 'PaymentApp', withUpdatesOnly: 'yes' })).body).toEqual(
      failure('Invalid Boolean value (yes).'),
    );
  });

  it('maps a shared component to the applications using it', async () => {
    const params = { sharedLibraryName: 'SharedLib', sharedComponentName: 'LoggingConfig' };
    expect(await call('GET', USING, params)).toEqual({
      status: 200,
      body: {
        result: {
          LoggingConfig: [
            {
              name: 'PaymentApp',
              description: 'Payment processing application',
              managed_by_group: USER_GROUP.sysId,
              sys_id: PAYMENT_APP_ID,
            },
            {
              name: 'SharedServices',
              description: 'Shared services',
              managed_by_group: null,
              sys_id: SHARED_SERVICES_APP_ID,
            },
          ],
        },
      },
    });
    const draft = await call('GET', USING.replace('/api/sn_cdm/', '/api/sn_cdm/v2/'), {
      ...params,
      sharedComponentName: 'DraftConfig',
    });
    expect(draft.body).toEqual({ result: { DraftConfig: [] } });
    expect((await call('GET', USING, { ...params, sharedLibraryName: 'PaymentApp' })).body).toEqual(
      failure("Could not find active shared library with name: 'PaymentApp'"),
    );
    expect((await call('GET', USING, { ...params, sharedComponentName: 'Nope' })).body).toEqual(
      failure("Could not find shared component with name: 'Nope' in shared library: 'SharedLib'"),
    );
    expect((await call('GET', USING, { sharedLibraryName: 'SharedLib' })).status).toBe(400);
  });

  it('adds, updates and removes a shared component within open changesets', async () => {
    const changeset = sandbox.uploadApi.createChangeset('SharedServices');
    expect(changeset.number).toBe('Chset-1');
    const common = { appName: 'SharedServices', changesetNumber: 'Chset-1', sharedLibraryName: 'SharedLib' };
    const added = await call('POST', SHARED, { ...common, sharedComponentName: 'TlsDefaults' });
    expect(added.status).toBe(200);
    const usage = sandbox.appsApi.store.usage(SHARED_SERVICES_APP_ID, 'TlsDefaults');
    const v2 = sandbox.appsApi.store.component('SharedLib', 'TlsDefaults')?.versions[1];
    expect(added.body.result).toMatchObject({
      changeset_id: link('sn_cdm_changeset', changeset.sysId),
      type: 'sn_cdm_node_linked_shared_component',
      sys_class_name: 'sn_cdm_node',
      sys_id: usage?.nodeSysId,
      previous_version: null,
      linked_to_version: link('sn_cdm_snapshot', v2?.sysId ?? ''),
      node_classifier: '/application/components',
      name: 'TlsDefaults',
      status: 'new',
      sys_created_on: '2024-01-02 03:04:05',
      conflict: false,
    });
    expect(added.body.result.main_id).toMatch(/^\d+$/);
    expect((await list('SharedServices')).map((c) => [c.name, c.currentVersionName])).toEqual([
      ['LoggingConfig', 'LoggingConfig-v3.shc'],
      ['TlsDefaults', 'TlsDefaults-v2.shc'],
    ]);

    sandbox.uploadApi.createChangeset('PaymentApp');
    const update = { appName: 'PaymentApp', changesetNumber: 'Chset-2', sharedLibraryName: 'SharedLib' };
    const before = sandbox.appsApi.store.usage(PAYMENT_APP_ID, 'LoggingConfig')?.nodeSysId ?? '';
    const put = await call('PUT', SHARED_V1, {
      ...update,
      sharedComponentName: 'LoggingConfig',
      version: 'LoggingConfig-v2.shc',
    });
    expect(put.body.result).toMatchObject({ status: 'updated', previous_version: link('sn_cdm_node', before) });
    const put3 = await call('PUT', SHARED, {
      ...update,
      sharedComponentName: 'LoggingConfig',
      versionName: 'LoggingConfig-v3.shc',
      returnFields: 'name,status',
    });
    expect(put3.body).toEqual({ result: { name: 'LoggingConfig', status: 'updated' } });
    expect((await list('PaymentApp'))[0]).toMatchObject({ currentVersion: '3', updateVersionName: '' });
    expect(await list('PaymentApp', { withUpdatesOnly: 'true' })).toEqual([]);

    const removed = await call('DELETE', SHARED, { ...update, sharedComponentName: 'TlsDefaults' });
    expect(removed).toEqual({ status: 200, body: '' });
    expect((await list('PaymentApp')).map((c) => c.name)).toEqual(['LoggingConfig']);
    expect(sandbox.appsApi.events.map((e) => [e.action, e.appName, e.name, e.changesetNumber, e.details])).toEqual([
      [
        'create',
        'SharedServices',
        'TlsDefaults',
        'Chset-1',
        { sharedLibraryName: 'SharedLib', versionName: 'TlsDefaults-v2.shc' },
      ],
      [
        'update',
        'PaymentApp',
        'LoggingConfig',
        'Chset-2',
        {
          sharedLibraryName: 'SharedLib',
          previousVersionName: 'LoggingConfig-v1.shc',
          versionName: 'LoggingConfig-v2.shc',
        },
      ],
      [
        'update',
        'PaymentApp',
        'LoggingConfig',
        'Chset-2',
        {
          sharedLibraryName: 'SharedLib',
          previousVersionName: 'LoggingConfig-v2.shc',
          versionName: 'LoggingConfig-v3.shc',
        },
      ],
      [
        'delete',
        'PaymentApp',
        'TlsDefaults',
        'Chset-2',
        { sharedLibraryName: 'SharedLib', versionName: 'TlsDefaults-v2.shc' },
      ],
    ]);
    expect(sandbox.appsApi.events.map((e) => e.apiVersion)).toEqual([undefined, 'v1', undefined, undefined]);
  });

  it('refuses shared component changes without a usable changeset, component or version', async () => {
    sandbox.uploadApi.createChangeset('PaymentApp'); // Chset-1, open
    sandbox.uploadApi.createChangeset('PaymentApp', 'committed'); // Chset-2
    sandbox.uploadApi.createChangeset('SharedServices'); // Chset-3
    const base = { appName: 'PaymentApp', changesetNumber: 'Chset-1', sharedLibraryName: 'SharedLib' };
    const cases: Array<[string, Record<string, string>, string]> = [
      [
        'POST',
        { ...base, changesetNumber: 'Chset-9', sharedComponentName: 'DraftConfig' },
        "Changeset 'Chset-9' not found",
      ],
      [
        'POST',
        { ...base, changesetNumber: 'Chset-2', sharedComponentName: 'DraftConfig' },
        "Changeset 'Chset-2' is not in open state",
      ],
      [
        'PUT',
        { ...base, changesetNumber: 'Chset-3', sharedComponentName: 'TlsDefaults', version: 'TlsDefaults-v1.shc' },
        "Changeset 'Chset-3' does not belong to application 'PaymentApp'",
      ],
      [
        'POST',
        { ...base, sharedComponentName: 'DraftConfig' },
        "Shared component 'DraftConfig' has no published version",
      ],
      [
        'POST',
        { ...base, sharedComponentName: 'TlsDefaults' },
        "Shared component 'TlsDefaults' is already used by application 'PaymentApp'",
      ],
      [
        'POST',
        { ...base, sharedComponentName: 'Nope' },
        "Could not find shared component with name: 'Nope' in shared library: 'SharedLib'",
      ],
      [
        'POST',
        { ...base, appName: 'SharedLib', sharedComponentName: 'TlsDefaults' },
        "Could not find active application with name: 'SharedLib' of type application",
      ],
      [
        'POST',
        { appName: 'PaymentApp', sharedComponentName: 'TlsDefaults' },
        "Missing required param 'changesetNumber'",
      ],
      ['PUT', { ...base, sharedComponentName: 'TlsDefaults' }, "Missing required param 'version'"],
      [
        'PUT',
        { ...base, sharedComponentName: 'TlsDefaults', version: 'TlsDefaults-v9.shc' },
        "Could not find published version 'TlsDefaults-v9.shc' of shared component 'TlsDefaults'",
      ],
      [
        'PUT',
        { ...base, sharedComponentName: 'DraftConfig', version: 'x' },
        "Shared component 'DraftConfig' is not used by application 'PaymentApp'",
      ],
      [
        'DELETE',
        { ...base, sharedComponentName: 'DraftConfig' },
        "Shared component 'DraftConfig' is not used by application 'PaymentApp'",
      ],
      [
        'DELETE',
        { appName: 'PaymentApp', sharedComponentName: 'TlsDefaults' },
        "Missing required param 'changesetNumber'",
      ],
    ];
    for (const [method, params, message] of cases) {
      expect({ method, params, ...(await call(method, SHARED, params)) }).toEqual({
        method,
        params,
        status: 400,
        body: failure(message),
      });
    }
    expect(sandbox.appsApi.events).toEqual([]);
  });
});
