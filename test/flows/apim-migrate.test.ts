/**
 * apim-migrate from its TypeScript source, run in-process as the runner would run its bundle, against the SnapLogic
 * APIM sandbox: every outcome a migration can have, judged as the user needs it judged.
 */
import { describe, expect, it } from '@jest/globals';
import { SnapLogicApimSandbox } from '../sandbox/snaplogic-apim.js';
import { userVisibleText } from '../support/run-action.js';
import { lastLogLine, summaryOpening } from '../support/verdict.js';
import { runInProcess } from '../support/run-in-process.js';
import { useSandbox } from '../support/use-sandbox.js';

const sandbox = useSandbox(new SnapLogicApimSandbox({ migrationDurationMs: 400 }), () => {
  sandbox.migrations.clear();
  sandbox.setMigrationScenario('success');
  sandbox.statusUrl = false;
  sandbox.basicAuthDisabled = false;
  sandbox.migrationDurationMs = 400;
});

const SOURCE = '/Acme/Dev/Payments/OrdersAPI/2.0';
const DEST = '/Acme/Prod/Payments/OrdersAPI';
const basic = () => ({ 'control-plane-url': sandbox.url, username: sandbox.username, password: sandbox.password });
const migrate = (inputs: Record<string, string>) =>
  runInProcess('apim-migrate', { inputs: { ...basic(), 'source-path': SOURCE, 'dest-path': DEST, ...inputs } });
const posts = () => sandbox.server.requestsTo('POST', /migrate_service_version/);
const statusChecks = () => sandbox.server.requestsTo('GET', /\/public\/migrate\//);

describe('apim-migrate end to end', () => {
  it('migrates, follows the status to Completed and reports the assets, starting exactly one migration', async () => {
    const run = await migrate({ 'asset-types': 'pipeline, JOB\nFile' });
    expect(run.exitCode).toBe(0);
    expect(posts()).toHaveLength(1);
    const [post] = posts();
    expect(post.path).toBe(`/api/1/rest/public/apim_service/migrate_service_version${SOURCE}`);
    expect(JSON.parse(post.body.toString())).toEqual({
      dest_path: DEST,
      asset_types: ['Pipeline', 'Job', 'File'],
      duplicate_check: false,
    });
    const token = [...sandbox.migrations.keys()][0];
    expect(run.outputs['status-token']).toBe(token);
    expect(run.outputs.status).toBe('Completed');
    const successful = JSON.parse(run.outputs.successful) as { asset_type: string }[];
    expect(successful.length).toBeGreaterThan(0);
    expect(new Set(successful.map((a) => a.asset_type))).toEqual(new Set(['Pipeline', 'Job', 'File']));
    expect(JSON.parse(run.outputs.failed)).toEqual([]);
    expect(JSON.parse(run.outputs.result)).toMatchObject({ status: 'Completed', dest_path: DEST });
    expect(statusChecks().every((r) => r.path === `/api/1/rest/public/migrate/${token}`)).toBe(true);
    expect(run.summary).toContain(`<details><summary>Migrated: ${successful.length} asset(s)</summary>`);
    expect(run.summary).toContain(token);
    const verdict = `✅ Migration ${token} completed: ${successful.length} asset(s) migrated from ${SOURCE} to ${DEST}.`;
    expect(summaryOpening(run)).toBe(`**${verdict}**`);
    expect(lastLogLine(run)).toBe(verdict);
  });

  it('fails on a partial failure, annotating each failed asset with every field', async () => {
    const run = await migrate({
      'source-path': '/Acme/Dev/Payments/partial-api/1.0',
      'dest-path': '/Acme/Prod/Payments/partial-api',
    });
    expect(run.exitCode).toBe(1);
    expect(run.outputs.status).toBe('Completed');
    const failed = JSON.parse(run.outputs.failed) as { name: string }[];
    expect(failed.length).toBeGreaterThan(0);
    expect(run.stdout).toMatch(
      /asset\(s\) failed to migrate: prod-db \(Account\): Account 'prod-db' requires a trusted destination org \[snode_id: [0-9a-f]+\]/,
    );
    expect(run.summary).toContain('### Failed assets');
  });

  it('fails when the migration ends Failed', async () => {
    const run = await migrate({
      'source-path': '/Acme/Dev/Payments/failed-api/1.0',
      'dest-path': '/Acme/Prod/Payments/failed-api',
    });
    expect(run.exitCode).toBe(1);
    expect(run.outputs.status).toBe('Failed');
    expect(run.stdout).toMatch(/Migration [\w-]+ failed: /);
    // Every asset failed for the same missing Service: said once, counted, with the fix that fits.
    const failed = JSON.parse(run.outputs.failed) as unknown[];
    expect(failed.length).toBeGreaterThan(1);
    const reason = "Destination Service '/Acme/Prod/Payments/failed-api' was not found in the target environment";
    const errorLine = lastLogLine(run);
    // The vendor's reason is the detail line; the verdict keeps what to do.
    expect(run.stdout).toContain(`failed: ${reason} (×${failed.length}).`);
    expect(errorLine).toContain(
      'create the Service at dest-path (/Acme/Prod/Payments/failed-api) in SnapLogic, then run again',
    );
    expect(errorLine).not.toContain('Fix the failed assets in the source');
    expect(summaryOpening(run)).toMatch(/^\*\*❌ Failed: Migration [\w-]+ failed… The destination Service does not/);
    expect(run.summary).toContain(`- ${reason} (×${failed.length})\n`);
    expect(run.summary).toContain(`<details><summary>All ${failed.length} failed asset(s)</summary>`);
  });

  it('passes 409 through with the documented resolution', async () => {
    const run = await migrate({ 'source-path': '/Acme/Dev/Payments/OrdersAPI/1.0', 'duplicate-check': 'true' });
    expect(run.exitCode).toBe(1);
    expect(run.stdout).toContain('HTTP 409');
    expect(run.stdout).toContain('Service version already exists at destination');
    expect(run.stdout).toContain('set duplicate-check: false to overwrite, or use a different dest-path');
  });

  it('passes 404 for an unknown source through with the documented resolution', async () => {
    const run = await migrate({ 'source-path': '/Acme/Dev/Payments/NoSuchAPI/1.0' });
    expect(run.exitCode).toBe(1);
    expect(run.stdout).toContain('Not Found');
    expect(run.stdout).toContain('Verify the source Org and Service version path are correct and exist');
  });

  it('explains 401 and 403 (basic auth disabled), and a token still works', async () => {
    const wrong = await migrate({ password: 'not-the-password' });
    expect(wrong.exitCode).toBe(1);
    expect(wrong.stdout).toContain('HTTP 401');
    expect(userVisibleText(wrong)).not.toContain('not-the-password');
    sandbox.basicAuthDisabled = true;
    const disabled = await migrate({});
    expect(disabled.exitCode).toBe(1);
    expect(disabled.stdout).toContain('HTTP 403');
    expect(disabled.stdout).toContain('use token (a JWT');
    const jwt = await migrate({ username: '', password: '', token: sandbox.token });
    expect(jwt.exitCode).toBe(0);
    expect(userVisibleText(jwt)).not.toContain(sandbox.token);
  });

  it('returns right after the migration is accepted with wait: false', async () => {
    const run = await migrate({ wait: 'false' });
    expect(run.exitCode).toBe(0);
    expect(run.outputs.status).toBe('Started');
    expect(run.outputs['status-token']).toBe([...sandbox.migrations.keys()][0]);
    expect(statusChecks()).toHaveLength(0);
  });

  it('polls the status_url the answer gives', async () => {
    sandbox.statusUrl = true;
    const run = await migrate({});
    expect(run.exitCode).toBe(0);
    expect(statusChecks().length).toBeGreaterThan(0);
    expect(statusChecks().every((r) => r.query.get('via') === 'status_url')).toBe(true);
  });

  it('rides out 5xx and 429 while polling without starting a second migration', async () => {
    sandbox.server.inject({
      match: { method: 'GET', path: /\/public\/migrate\// },
      kind: 'status',
      status: 502,
      times: 2,
    });
    sandbox.server.inject({
      match: { method: 'GET', path: /\/public\/migrate\// },
      kind: 'status',
      status: 429,
      retryAfter: '1',
    });
    const run = await migrate({});
    expect(run.exitCode).toBe(0);
    expect(posts()).toHaveLength(1);
    expect(run.stdout).toMatch(/answered 502; retrying/);
    expect(run.stdout).toMatch(/answered 429; retrying in 1s/);
  });

  it('warns before starting when accounts or policies cross orgs', async () => {
    const run = await migrate({ 'dest-path': '/OtherOrg/Prod/Payments/OrdersAPI', 'asset-types': 'Account,Pipeline' });
    const warning = run.stdout.indexOf('::warning title=Accounts and policies across orgs::');
    expect(warning).toBeGreaterThanOrEqual(0);
    expect(warning).toBeLessThan(run.stdout.indexOf('Migration of'));
  });

  it('reports bad paths and asset types with the expected shapes, before any request', async () => {
    const run = await migrate({
      'source-path': 'Acme/Dev/Payments/OrdersAPI',
      'dest-path': '/Acme/Prod/Payments/OrdersAPI/2.0',
      'asset-types': 'Pipeline, Snaps',
    });
    expect(run.exitCode).toBe(1);
    expect(run.stdout).toContain(
      "Input 'source-path': must be /{org}/{project_space}/{project}/{service}/{version} (got 'Acme/Dev/Payments/OrdersAPI')",
    );
    expect(run.stdout).toContain("Input 'dest-path': has a fifth segment ('2.0'): give the Service without a version");
    expect(run.stdout).toContain("'Snaps' is not an asset type");
    expect(sandbox.server.requests).toHaveLength(0);
  });

  it('accepts a source path without its leading slash', async () => {
    const run = await migrate({ 'source-path': SOURCE.slice(1), wait: 'false' });
    expect(run.exitCode).toBe(0);
    expect(posts()[0].path).toBe(`/api/1/rest/public/apim_service/migrate_service_version${SOURCE}`);
  });
});

describe('apim-migrate status-token: following a migration started earlier', () => {
  const follow = (inputs: Record<string, string>) =>
    runInProcess('apim-migrate', { inputs: { ...basic(), ...inputs } });

  it('times out naming the input to resume with; a second run with it follows the same migration to its end', async () => {
    sandbox.migrationDurationMs = 2500;
    const first = await migrate({ timeout: '1s' });
    expect(first.exitCode).toBe(1);
    const token = [...sandbox.migrations.keys()][0];
    expect(first.outputs['status-token']).toBe(token);
    expect(lastLogLine(first)).toContain(`run again with status-token: ${token}`);
    expect(summaryOpening(first)).toContain(`run again with status-token: ${token}`);

    const second = await follow({ 'status-token': token });
    expect(second.exitCode).toBe(0);
    expect(posts()).toHaveLength(1); // nothing started again
    expect(second.outputs['status-token']).toBe(token);
    expect(second.outputs.status).toBe('Completed');
    const successful = JSON.parse(second.outputs.successful) as unknown[];
    expect(successful.length).toBeGreaterThan(0);
    expect(JSON.parse(second.outputs.failed)).toEqual([]);
    expect(second.stdout).toContain(`Following migration ${token}, started earlier`);
    // Judged and reported as if this run had started it: the paths come from the migration's own status.
    expect(lastLogLine(second)).toBe(
      `✅ Migration ${token} completed: ${successful.length} asset(s) migrated from ${SOURCE} to ${DEST}.`,
    );
    expect(second.summary).toContain(`${token} (started earlier)`);
  });

  it('follows a migration started with wait: false and judges a partial failure the same way', async () => {
    const started = await migrate({
      'source-path': '/Acme/Dev/Payments/partial-api/1.0',
      'dest-path': '/Acme/Prod/Payments/partial-api',
      wait: 'false',
    });
    expect(started.exitCode).toBe(0);
    const run = await follow({ 'status-token': started.outputs['status-token'] });
    expect(run.exitCode).toBe(1);
    expect(posts()).toHaveLength(1);
    expect(run.outputs.status).toBe('Completed');
    expect(JSON.parse(run.outputs.failed)).toHaveLength(1);
    expect(run.stdout).toMatch(/asset\(s\) failed to migrate: prod-db \(Account\)/);
  });

  it('re-running the same step with status-token added works; paths that are not the migration’s own fail', async () => {
    const started = await migrate({ wait: 'false' });
    const token = started.outputs['status-token'];
    const same = await migrate({ 'status-token': token });
    expect(same.exitCode).toBe(0);
    expect(posts()).toHaveLength(1);

    const other = await migrate({ 'status-token': token, 'dest-path': '/Acme/Prod/Payments/OtherAPI' });
    expect(other.exitCode).toBe(1);
    expect(other.stdout).toContain(`Migration ${token} is not the migration this step describes`);
    expect(other.stdout).toContain(
      `dest-path is /Acme/Prod/Payments/OtherAPI, but migration ${token} goes to /Acme/Prod/Payments/OrdersAPI`,
    );
    expect(other.outputs.status).toBeUndefined();
    expect(posts()).toHaveLength(1);
  });

  it('an unknown token fails with SnapLogic’s message; a malformed one, or wait: false, is an input error', async () => {
    const unknown = await follow({ 'status-token': '17ed9720-05b2-4e22-9955-04c4534451ae' });
    expect(unknown.exitCode).toBe(1);
    expect(unknown.stdout).toContain("No migration found for status token '17ed9720-05b2-4e22-9955-04c4534451ae'");

    const bad = await follow({ 'status-token': '../x', wait: 'false' });
    expect(bad.exitCode).toBe(1);
    expect(bad.stdout).toContain("Input 'status-token': must be a migration's status token");
    expect(bad.stdout).toContain("Input 'wait': must be true with status-token");
    expect(bad.stdout).not.toContain("Input 'source-path'");
    const none = await follow({});
    expect(none.stdout).toContain("Input 'source-path': is required");
    expect(posts()).toHaveLength(0);
  });
});
