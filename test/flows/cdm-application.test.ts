/**
 * cdm-application from its TypeScript source, run in-process as the runner would run its bundle, against the CDM
 * sandbox: every operation, the exclusion rules, and each error shape the documents give (including failures inside
 * HTTP 200 answers).
 */
import { describe, expect, it } from '@jest/globals';
import { ServiceNowCdmSandbox } from '../sandbox/servicenow-cdm.js';
import { FREE_SERVICE, PAYMENT_APP_ID } from '../sandbox/servicenow-apps.js';
import { lastLogLine, summaryOpening } from '../support/verdict.js';
import { runInProcess } from '../support/run-in-process.js';
import { useSandbox } from '../support/use-sandbox.js';

const sandbox = useSandbox(new ServiceNowCdmSandbox(), () => {
  sandbox.appsApi.reset();
  sandbox.appsApi.setUnauthorized(false);
});

const app = (operation: string, inputs: Record<string, string> = {}) =>
  runInProcess('cdm-application', {
    inputs: {
      'instance-url': sandbox.url,
      username: sandbox.username,
      password: sandbox.password,
      operation,
      ...inputs,
    },
  });
const json = (text: string | undefined) => JSON.parse(text ?? 'null') as unknown;

describe('cdm-application end to end: applications', () => {
  it('create → get → update → delete round-trips', async () => {
    const created = await app('create-app', {
      'app-type': 'application',
      'app-name': 'Onboarded',
      'app-description': 'first',
    });
    expect(created.exitCode).toBe(0);
    const id = created.outputs['app-id'];
    expect(id).toMatch(/^[0-9a-f]{32}$/);
    expect(created.outputs['app-name']).toBe('Onboarded');
    const [post] = sandbox.server.requestsTo('POST', /devops_config\/application$/);
    expect(JSON.parse(post.body.toString())).toEqual({
      type: 'application',
      appName: 'Onboarded',
      appDescription: 'first',
    });

    const got = await app('get-app', { 'app-id': id });
    expect(got.exitCode).toBe(0);
    expect(json(got.outputs.app)).toMatchObject({ appName: 'Onboarded', appDescription: 'first', appId: id });

    const updated = await app('update-app', { 'app-id': id, 'app-description': 'second' });
    expect(updated.exitCode).toBe(0);
    expect(JSON.parse(sandbox.server.requestsTo('PATCH', /application\//)[0].body.toString())).toEqual({
      appDescription: 'second',
    });
    expect(json((await app('get-app', { 'app-id': id })).outputs.app)).toMatchObject({ appDescription: 'second' });

    const deleted = await app('delete-app', { 'app-id': id });
    expect(deleted.exitCode).toBe(0);
    expect(deleted.summary).toContain('has been deleted successfully');
    // The verdict opens the summary and closes the log (before, the log ended on the last poll line).
    expect(summaryOpening(created)).toMatch(/^\*\*✅ create-app done on http:\/\/127\.0\.0\.1:\d+/);
    expect(lastLogLine(created)).toMatch(/^✅ create-app done on http:\/\/127\.0\.0\.1:\d+/);
    expect(lastLogLine(deleted)).toMatch(/^✅ delete-app done on .*has been deleted successfully/);
  });

  it('fails on "No valid Application" answered with HTTP 200 (result.status 400)', async () => {
    const run = await app('get-app', { 'app-id': '18a17de3283d15107256686277777777' });
    expect(run.exitCode).toBe(1);
    expect(run.stdout).toContain('No valid Application');
    // The refusal names nothing: the hint says which inputs identify the application and where to find them.
    expect(run.stdout).toContain("check app-id (the application's sys_id: open it in DevOps Config > Applications");
    expect(run.stdout).toContain('or app-name (the name exactly as that list shows it)');
  });

  it('fails on a delete whose result.errors is not empty', async () => {
    const run = await app('delete-app', { 'app-id': '18a17de3283d15107256686277777777' });
    expect(run.exitCode).toBe(1);
    expect(run.stdout).toContain('No valid Application');
    expect(run.stdout).toContain('ServiceNow found no application for the id or name given: check app-id');
    expect(sandbox.server.requestsTo('DELETE', /application\//)).toHaveLength(1);
  });

  it('fails on a 404 with result.message when the application is not created', async () => {
    const run = await app('create-app', { 'app-type': 'application', 'app-name': 'PaymentApp' });
    expect(run.exitCode).toBe(1);
    expect(run.stdout).toContain('HTTP 404');
    expect(run.stdout).toMatch(/PaymentApp/);
  });

  it('passes "User Not Authorized" through', async () => {
    sandbox.appsApi.setUnauthorized(true);
    const run = await app('update-app', { 'app-id': PAYMENT_APP_ID, 'app-description': 'x' });
    expect(run.exitCode).toBe(1);
    expect(run.stdout).toContain('User Not Authorized: Failed API level ACL Validation');
  });

  it.each([
    [
      { 'app-type': 'application' },
      "Input 'app-name': create-app: give app-name, app-model-id, app-model-name, app-service-id, app-service-name or technical-service-id",
    ],
    [
      { 'app-type': 'application', 'app-name': 'A', 'app-model-name': 'B' },
      "Input 'app-model-name': create-app: give only one of app-name, app-model-id, app-model-name, app-service-id, app-service-name and technical-service-id (got app-name, app-model-name)",
    ],
    [
      { 'app-type': 'infrastructure', 'app-service-name': 'S' },
      "Input 'app-service-name': only applies with app-type: application",
    ],
    [
      { 'app-type': 'application', 'technical-service-id': 'e1c9e00b53901110a1d3ddeeff7b12c2' },
      "Input 'technical-service-id': only applies with app-type: infrastructure",
    ],
    [{ 'app-type': 'web', 'app-name': 'A' }, "Input 'app-type': must be one of application, infrastructure"],
  ])('create-app exclusion rules: %j', async (inputs, message) => {
    const run = await app('create-app', inputs);
    expect(run.exitCode).toBe(1);
    expect(run.stdout).toContain(message);
    expect(sandbox.server.requests).toHaveLength(0);
  });

  it('creates from an existing application service', async () => {
    const run = await app('create-app', { 'app-type': 'application', 'app-service-id': FREE_SERVICE.sysId });
    expect(run.exitCode).toBe(0);
    expect(json(run.outputs.result)).toMatchObject({ data: run.outputs['app-id'] });
  });
});

describe('cdm-application end to end: deployables', () => {
  it('create → update → delete a deployable', async () => {
    const created = await app('create-deployable', {
      'app-name': 'PaymentApp',
      'deployable-name': 'PR-42',
      'env-type': 'Test',
    });
    expect(created.exitCode).toBe(0);
    expect(created.outputs['deployable-sys-id']).toMatch(/^[0-9a-f]{32}$/);
    expect(Object.fromEntries(sandbox.server.requestsTo('POST', /deployables$/)[0].query)).toEqual({
      appName: 'PaymentApp',
      name: 'PR-42',
      envType: 'Test',
    });

    const updated = await app('update-deployable', {
      'app-name': 'PaymentApp',
      'deployable-name': 'PR-42',
      'new-description': 'preview',
    });
    expect(updated.exitCode).toBe(0);
    expect(json(updated.outputs.result)).toMatchObject({ name: 'PR-42', description: 'preview' });

    const deleted = await app('delete-deployable', { 'app-name': 'PaymentApp', 'deployable-name': 'PR-42' });
    expect(deleted.exitCode).toBe(0);
    const again = await app('delete-deployable', { 'app-name': 'PaymentApp', 'deployable-name': 'PR-42' });
    expect(again.exitCode).toBe(1);
    expect(again.stdout).toContain("Could not find deployable with name: 'PR-42'");
  });

  it('creates several deployables', async () => {
    const run = await app('create-deployables', {
      'app-sys-id': PAYMENT_APP_ID,
      'env-type': 'Development',
      quantity: '3',
      'auto-connect': 'false',
    });
    expect(run.exitCode).toBe(0);
    expect(json(run.outputs['deployable-sys-ids'])).toHaveLength(3);
  });

  it('passes the create-deployables error answer through', async () => {
    const run = await app('create-deployables', {
      'app-sys-id': '5e118055b712011054c1e5a6ce11a9d1',
      'env-type': 'Test',
      quantity: '1',
      'auto-connect': 'true',
    });
    expect(run.exitCode).toBe(1);
    expect(run.stdout).toContain('CDM Application with SysID 5e118055b712011054c1e5a6ce11a9d1 was not found');
  });

  it('checks deployable names, env types, quantity and unused inputs before any request', async () => {
    const run = await app('create-deployable', {
      'app-name': 'PaymentApp',
      'deployable-name': 'bad/name',
      'env-type': 'test',
      'changeset-number': 'Chset-1',
      quantity: '2',
    });
    expect(run.exitCode).toBe(1);
    expect(run.stdout).toContain("Input 'deployable-name': must be at most 255 characters");
    expect(run.stdout).toContain("Input 'env-type': must be one of Development, Production, Test");
    expect(run.stdout).toContain("Input 'changeset-number': is not used by create-deployable");
    expect(run.stdout).toContain("Input 'quantity': is not used by create-deployable");
    expect(sandbox.server.requests).toHaveLength(0);
  });

  it('needs at least one change for update-deployable', async () => {
    const run = await app('update-deployable', { 'app-name': 'PaymentApp', 'deployable-name': 'Production' });
    expect(run.exitCode).toBe(1);
    expect(run.stdout).toContain(
      "Input 'new-name': update-deployable: give at least one of new-name, new-description, new-service-id or new-identifier",
    );
  });
});

describe('cdm-application end to end: shared components', () => {
  const changeset = () => sandbox.uploadApi.createChangeset('PaymentApp').number;

  it('lists shared components, with updates only', async () => {
    const all = await app('list-shared-components', { 'app-name': 'PaymentApp' });
    expect(all.exitCode).toBe(0);
    expect((json(all.outputs['shared-components']) as { name: string }[]).map((c) => c.name).sort()).toEqual([
      'LoggingConfig',
      'TlsDefaults',
    ]);
    const updates = await app('list-shared-components', { 'app-name': 'PaymentApp', 'with-updates-only': 'true' });
    expect(json(updates.outputs['shared-components'])).toEqual([
      expect.objectContaining({ name: 'LoggingConfig', updateVersionName: 'LoggingConfig-v3.shc' }),
    ]);
  });

  it('moves every outdated component to its newest version in one changeset', async () => {
    const number = changeset();
    const run = await app('update-shared-components', { 'app-name': 'PaymentApp', 'changeset-number': number });
    expect(run.exitCode).toBe(0);
    expect(json(run.outputs['shared-components'])).toEqual([
      expect.objectContaining({ name: 'LoggingConfig', movedTo: 'LoggingConfig-v3.shc' }),
    ]);
    expect(run.summary).toContain('LoggingConfig-v1.shc → LoggingConfig-v3.shc');
    const puts = sandbox.server.requestsTo('PUT', /shared_components$/);
    expect(puts).toHaveLength(1);
    expect(puts[0].query.get('changesetNumber')).toBe(number);
    const after = await app('list-shared-components', { 'app-name': 'PaymentApp', 'with-updates-only': 'true' });
    expect(json(after.outputs['shared-components'])).toEqual([]);
  });

  it('adds, updates and removes a shared component', async () => {
    const remove = await app('remove-shared-component', {
      'app-name': 'PaymentApp',
      'changeset-number': changeset(),
      'shared-component-name': 'TlsDefaults',
    });
    expect(remove.exitCode).toBe(0);
    const add = await app('add-shared-component', {
      'app-name': 'PaymentApp',
      'changeset-number': changeset(),
      'shared-component-name': 'TlsDefaults',
      'shared-library-name': 'SharedLib',
    });
    expect(add.exitCode).toBe(0);
    const update = await app('update-shared-component', {
      'app-name': 'PaymentApp',
      'changeset-number': changeset(),
      'shared-component-name': 'TlsDefaults',
      'shared-library-name': 'SharedLib',
      'version-name': 'TlsDefaults-v1.shc',
    });
    expect(update.exitCode).toBe(0);
    expect(json(update.outputs.result)).toMatchObject({ status: 'updated' });
  });

  it('fails with ServiceNow’s message for a changeset that is not open', async () => {
    const run = await app('add-shared-component', {
      'app-name': 'PaymentApp',
      'changeset-number': 'Chset-9999',
      'shared-component-name': 'TlsDefaults',
      'shared-library-name': 'SharedLib',
    });
    expect(run.exitCode).toBe(1);
    expect(run.stdout).toMatch(/HTTP 400.*Chset-9999/);
  });

  it('lists the applications that use a component', async () => {
    const run = await app('list-component-applications', {
      'shared-library-name': 'SharedLib',
      'shared-component-name': 'LoggingConfig',
    });
    expect(run.exitCode).toBe(0);
    expect((json(run.outputs.applications) as { name: string }[]).map((a) => a.name).sort()).toEqual([
      'PaymentApp',
      'SharedServices',
    ]);
  });

  it('says which operations exist', async () => {
    const run = await app('rename-app');
    expect(run.exitCode).toBe(1);
    expect(run.stdout).toContain("Input 'operation': must be one of create-app, get-app");
  });
});
