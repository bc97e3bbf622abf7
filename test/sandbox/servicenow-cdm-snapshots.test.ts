/** The snapshot simulator, driven through the vendor module the actions use. */
import { afterEach, beforeEach, describe, expect, it } from '@jest/globals';
import { ApiError } from '../../shared/errors.js';
import { getPolicyResults } from '../../shared/vendors/servicenow/cdm-policy-results.js';
import {
  findDeployables,
  getChangeset,
  getImpactedDeployables,
  type Deployable,
} from '../../shared/vendors/servicenow/cdm-changesets.js';
import {
  findChangesetSnapshot,
  findLatestSnapshot,
  getSnapshotValidation,
  publishSnapshot,
  validateSnapshot,
  type SnapshotOwner,
} from '../../shared/vendors/servicenow/cdm-snapshots.js';
import { serviceNowClient, type ServiceNowConnection } from '../../shared/vendors/servicenow/connection.js';
import { fakeRuntime } from '../support/fakes.js';
import { rejection } from '../support/rejection.js';
import { ServiceNowCdmSandbox } from './servicenow-cdm.js';
import { PRODUCTION_SERVICE } from './servicenow-apps.js';

const owner = (deployable: Deployable): SnapshotOwner => ({
  deployableSysId: deployable.sysId,
  appSysId: deployable.appSysId,
  appName: 'PaymentApp',
});

describe('ServiceNowCdmSandbox snapshots and validation', () => {
  let clock: number;
  let sandbox: ServiceNowCdmSandbox;
  let client: ReturnType<typeof serviceNowClient>;
  let connection: ServiceNowConnection;

  beforeEach(async () => {
    clock = Date.UTC(2026, 10, 30, 12, 0, 0);
    sandbox = new ServiceNowCdmSandbox({
      uploadDurationMs: 1000,
      snapshotDelayMs: 500,
      validationDurationMs: 2000,
      now: () => clock,
    });
    await sandbox.listen();
    connection = {
      instanceUrl: sandbox.url,
      credentials: { kind: 'basic', username: sandbox.username, password: sandbox.password },
    };
    client = serviceNowClient(connection, fakeRuntime());
  });
  afterEach(() => sandbox.close());

  /** Uploads one committing file and returns the changeset number. */
  const commit = async (
    namePath = 'paymentSettings/db/settings',
    body = '{\n  "host": "db",\n  "port": 99999\n}\n',
  ) => {
    const query = new URLSearchParams({ appName: 'PaymentApp', dataFormat: 'json', namePath, autoCommit: 'true' });
    const res = await fetch(`${sandbox.url}/api/sn_cdm/applications/uploads/components?${query}`, {
      method: 'POST',
      headers: { authorization: sandbox.basicAuthorization, 'content-type': 'text/plain' },
      body,
    });
    expect(res.status).toBe(200);
    return [...sandbox.changesets.values()].at(-1)?.number ?? '';
  };

  it('generates one snapshot per impacted deployable some time after the commit', async () => {
    const number = await commit();
    clock += 1000; // committed now, snapshots not yet
    expect(await getChangeset(client, number)).toMatchObject({ number, state: 'committed', snapshotStatus: '' });
    clock += 500;
    const changeset = await getChangeset(client, number);
    expect(changeset?.snapshotStatus).toBe('created');
    const impacted = await getImpactedDeployables(client, connection, number);
    expect(impacted.map((d) => [d.name, d.state, d.serviceId])).toEqual([
      ['Development', 'active', ''],
      ['Production', 'active', PRODUCTION_SERVICE.sysId],
    ]);
    expect(changeset).toMatchObject({ appSysId: impacted[1].appSysId, appName: 'PaymentApp' });
    const snapshot = await findChangesetSnapshot(client, changeset?.sysId ?? '', owner(impacted[1]));
    expect(snapshot).toMatchObject({ name: 'Production-v1.dpl', validation: 'not_validated', published: false });
    expect(snapshot).toMatchObject({ appSysId: impacted[1].appSysId, appName: 'PaymentApp' });
    expect(await getChangeset(client, 'Chset-404')).toBeUndefined();
  });

  it('validates with the policies chosen by name and writes rows that point into the uploaded file', async () => {
    sandbox.snapshotApi.policies = [{ name: 'PortRange-failing' }, { name: 'Naming-warning', key: 'host' }];
    const number = await commit();
    clock += 1500;
    const changeset = await getChangeset(client, number);
    const [, production] = await getImpactedDeployables(client, connection, number);
    const snapshot = await findChangesetSnapshot(client, changeset?.sysId ?? '', owner(production));
    await validateSnapshot(client, connection, snapshot?.sysId ?? '');
    expect((await getSnapshotValidation(client, snapshot?.sysId ?? '')).validation).toBe('requested');
    clock += 1000;
    expect((await getSnapshotValidation(client, snapshot?.sysId ?? '')).validation).toBe('in_progress');
    clock += 1000;
    const done = await getSnapshotValidation(client, snapshot?.sysId ?? '');
    expect(done.validation).toBe('failed');
    expect(done.lastValidated).toBe('2026-11-30 12:00:03');
    const results = await getPolicyResults(client, snapshot?.sysId ?? '');
    expect(results.rows.map((r) => [r.policy, r.type, r.decision, r.nodePathUi])).toEqual([
      ['Naming-warning', 'warning', 'compliant', '/PaymentApp/components/paymentSettings/db/settings/host'],
      ['PortRange-failing', 'failure', 'non_compliant', '/PaymentApp/components/paymentSettings/db/settings/port'],
    ]);
  });

  it('keeps only the latest run as is_latest, and refuses to validate a published snapshot', async () => {
    sandbox.snapshotApi.policies = [{ name: 'Limits-exception' }];
    const seeded = sandbox.snapshotApi.seedSnapshot('PaymentApp', 'Production', { validated: true });
    const [production] = await findDeployables(client, 'PaymentApp', ['production']);
    expect(production.sysId).toBe(seeded.deployable.sysId);
    const latest = await findLatestSnapshot(client, owner(production));
    expect(latest).toMatchObject({ name: seeded.name, validation: 'passed_with_exception' });
    await validateSnapshot(client, connection, seeded.sysId);
    clock += 3000;
    const results = await getPolicyResults(client, seeded.sysId);
    expect(results.rows.map((r) => [r.type, r.decision])).toEqual([['failure', 'compliant_with_exception']]);
    await publishSnapshot(client, connection, seeded.sysId);
    expect((await getSnapshotValidation(client, seeded.sysId)).published).toBe(true);
    const refused = await rejection(validateSnapshot(client, connection, seeded.sysId));
    expect(refused).toBeInstanceOf(ApiError);
    expect((refused as ApiError).status).toBe(400);
    expect((refused as ApiError).vendorMessage).toContain('is published and cannot be validated');
  });

  it('refuses to publish a snapshot whose deployable is not connected to a service, or one already published', async () => {
    const development = sandbox.snapshotApi.seedSnapshot('PaymentApp', 'Development', { validated: true });
    const error = (await rejection(publishSnapshot(client, connection, development.sysId))) as ApiError;
    expect(error.vendorMessage).toContain("Deployable 'Development' is not connected to a service");
    const production = sandbox.snapshotApi.seedSnapshot('PaymentApp', 'Production', { published: true });
    const again = (await rejection(publishSnapshot(client, connection, production.sysId))) as ApiError;
    expect(again.vendorMessage).toContain('is already published');
  });

  it('ends the generation none or error when the name path asks for it', async () => {
    const none = await commit('settings/no-snapshot');
    const failed = await commit('settings/snapshot-error');
    clock += 1500;
    expect((await getChangeset(client, none))?.snapshotStatus).toBe('none');
    expect((await getChangeset(client, failed))?.snapshotStatus).toBe('error');
    sandbox.snapshotApi.omitSnapshotStatus = true;
    expect((await getChangeset(client, none))?.snapshotStatus).toBeUndefined();
  });
});
