/**
 * The preview-deployable workflow of cdm-application's README, step by step against the sandbox for the events a
 * pull request goes through, and `if-exists` / `if-missing` on their own: each way they skip, each failure they
 * must not hide, and the input errors.
 */
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { describe, expect, it } from '@jest/globals';
import { ServiceNowCdmSandbox } from '../sandbox/servicenow-cdm.js';
import { PAYMENT_APP_ID } from '../sandbox/servicenow-apps.js';
import { runInProcess } from '../support/run-in-process.js';
import { useSandbox } from '../support/use-sandbox.js';

const sandbox = useSandbox(new ServiceNowCdmSandbox(), () => {
  sandbox.appsApi.reset();
  sandbox.uploadApi.reset();
  sandbox.setUploadScenario('success');
});

const login = () => ({ 'instance-url': sandbox.url, username: sandbox.username, password: sandbox.password });
const app = (operation: string, inputs: Record<string, string>) =>
  runInProcess('cdm-application', { inputs: { ...login(), operation, ...inputs } });
const json = (text: string | undefined) => JSON.parse(text ?? 'null') as unknown;
const exists = (name: string) => sandbox.appsApi.store.deployable(PAYMENT_APP_ID, name) !== undefined;

/** The pull request's checkout: one configuration file under config/. */
function checkout(): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'preview-ws-'));
  mkdirSync(path.join(dir, 'config'));
  writeFileSync(path.join(dir, 'config', 'settings.json'), '{"host": "db.internal"}\n');
  return dir;
}

/**
 * One run of the README's workflow for `action`: the `preview` job (create with `if-exists: skip`, then upload)
 * for every event but `closed`, the `cleanup` job (delete with `if-missing: skip`) for `closed`. Each step's exit
 * code, in order; a failed step ends its job as on the runner.
 */
async function workflow(
  action: 'opened' | 'synchronize' | 'reopened' | 'closed',
  pr: number,
): Promise<(number | null)[]> {
  const deployable = { 'app-name': 'PaymentApp', 'deployable-name': `PR-${pr}` };
  if (action === 'closed') return [(await app('delete-deployable', { ...deployable, 'if-missing': 'skip' })).exitCode];
  const create = await app('create-deployable', { ...deployable, 'env-type': 'Test', 'if-exists': 'skip' });
  if (create.exitCode !== 0) return [create.exitCode];
  const upload = await runInProcess('cdm-upload', {
    inputs: { ...login(), ...deployable, target: 'deployable', files: 'config/**/*.json', 'files-root': 'config' },
    cwd: checkout(),
  });
  return [create.exitCode, upload.exitCode];
}

describe('the preview workflow from the README', () => {
  it('survives opened → synchronize → closed → reopened → closed', async () => {
    const seen: [string, (number | null)[], boolean][] = [];
    for (const action of ['opened', 'synchronize', 'synchronize', 'closed', 'closed', 'reopened', 'closed'] as const) {
      seen.push([action, await workflow(action, 7), exists('PR-7')]);
    }
    expect(seen).toEqual([
      ['opened', [0, 0], true],
      ['synchronize', [0, 0], true],
      ['synchronize', [0, 0], true],
      ['closed', [0], false],
      ['closed', [0], false], // a re-run of the close
      ['reopened', [0, 0], true], // a new deployable: the close deleted the old one
      ['closed', [0], false],
    ]);
    expect(sandbox.server.requestsTo('POST', /applications\/deployables$/)).toHaveLength(4);
    expect(sandbox.server.requestsTo('DELETE', /applications\/deployables$/)).toHaveLength(3);
    const uploadedTo = sandbox.server
      .requestsTo('POST', /\/uploads\/deployables/)
      .map((request) => request.query.get('deployableName'));
    expect(uploadedTo).toEqual(['PR-7', 'PR-7', 'PR-7', 'PR-7']);
  });
});

describe('if-exists and if-missing', () => {
  const production = { 'app-name': 'PaymentApp', 'deployable-name': 'Production' };

  it('create-deployable with if-exists: skip succeeds on an existing deployable and says it skipped', async () => {
    const run = await app('create-deployable', { ...production, 'env-type': 'Production', 'if-exists': 'skip' });
    expect(run.exitCode).toBe(0);
    expect(run.stdout).toContain(
      'Skipped create-deployable: deployable Production already exists in PaymentApp (if-exists: skip). ' +
        "ServiceNow said: Deployable with name: 'Production' already exists in application: 'PaymentApp'",
    );
    expect(run.summary).toMatch(/Skipped.*deployable Production already exists in PaymentApp/);
    expect(run.outputs['deployable-sys-id']).toBeUndefined();
    expect(json(run.outputs.result)).toEqual({
      skipped: 'deployable Production already exists in PaymentApp (if-exists: skip)',
    });
  });

  it('create-deployable with if-exists: skip creates one that is not there, with its sys_id', async () => {
    const run = await app('create-deployable', {
      'app-name': 'PaymentApp',
      'deployable-name': 'PR-8',
      'env-type': 'Test',
      'if-exists': 'skip',
    });
    expect(run.exitCode).toBe(0);
    expect(run.outputs['deployable-sys-id']).toBe(sandbox.appsApi.store.deployable(PAYMENT_APP_ID, 'PR-8')?.sysId);
    expect(run.stdout).not.toContain('Skipped');
  });

  it.each<Record<string, string>>([{}, { 'if-exists': 'fail' }])(
    'create-deployable fails on an existing deployable with %j',
    async (extra) => {
      const run = await app('create-deployable', { ...production, 'env-type': 'Production', ...extra });
      expect(run.exitCode).toBe(1);
      expect(run.stdout).toContain("Deployable with name: 'Production' already exists in application: 'PaymentApp'");
      expect(run.stdout).not.toContain('Skipped');
    },
  );

  it('if-exists: skip does not hide a missing application', async () => {
    const run = await app('create-deployable', {
      'app-name': 'NoSuchApp',
      'deployable-name': 'PR-9',
      'env-type': 'Test',
      'if-exists': 'skip',
    });
    expect(run.exitCode).toBe(1);
    expect(run.stdout).toContain("Could not find active application with name: 'NoSuchApp'");
  });

  it('delete-deployable with if-missing: skip succeeds on a missing deployable and says it skipped', async () => {
    const run = await app('delete-deployable', {
      'app-name': 'PaymentApp',
      'deployable-name': 'PR-404',
      'if-missing': 'skip',
    });
    expect(run.exitCode).toBe(0);
    expect(run.stdout).toContain(
      'Skipped delete-deployable: deployable PR-404 does not exist in PaymentApp (if-missing: skip). ' +
        "ServiceNow said: Could not find deployable with name: 'PR-404' in application: 'PaymentApp'",
    );
    expect(run.summary).toMatch(/Skipped.*deployable PR-404 does not exist in PaymentApp/);
  });

  it('delete-deployable with if-missing: skip deletes one that is there', async () => {
    const run = await app('delete-deployable', { ...production, 'if-missing': 'skip' });
    expect(run.exitCode).toBe(0);
    expect(exists('Production')).toBe(false);
    expect(run.stdout).not.toContain('Skipped');
  });

  it.each<Record<string, string>>([{}, { 'if-missing': 'fail' }])(
    'delete-deployable fails on a missing deployable with %j',
    async (extra) => {
      const run = await app('delete-deployable', { 'app-name': 'PaymentApp', 'deployable-name': 'PR-404', ...extra });
      expect(run.exitCode).toBe(1);
      expect(run.stdout).toContain("Could not find deployable with name: 'PR-404' in application: 'PaymentApp'");
    },
  );

  it('if-missing: skip does not hide a missing application', async () => {
    const run = await app('delete-deployable', {
      'app-name': 'NoSuchApp',
      'deployable-name': 'PR-9',
      'if-missing': 'skip',
    });
    expect(run.exitCode).toBe(1);
    expect(run.stdout).toContain("Could not find active application with name: 'NoSuchApp'");
  });

  it('takes fail or skip only, and each only with its operation, before any request', async () => {
    const bad = await app('create-deployable', { ...production, 'env-type': 'Test', 'if-exists': 'ignore' });
    expect(bad.exitCode).toBe(1);
    expect(bad.stdout).toContain("Input 'if-exists': must be one of fail, skip (got 'ignore')");

    const crossed = await app('delete-deployable', { ...production, 'if-exists': 'skip', 'if-missing': 'maybe' });
    expect(crossed.exitCode).toBe(1);
    expect(crossed.stdout).toContain("Input 'if-exists': is not used by delete-deployable");
    expect(crossed.stdout).toContain("Input 'if-missing': must be one of fail, skip (got 'maybe')");

    const other = await app('update-deployable', { ...production, 'new-description': 'x', 'if-missing': 'skip' });
    expect(other.exitCode).toBe(1);
    expect(other.stdout).toContain("Input 'if-missing': is not used by update-deployable");
    expect(sandbox.server.requests).toHaveLength(0);
  });
});
