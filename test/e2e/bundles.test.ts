/**
 * Each committed bundle (actions/<name>/dist/index.js) run exactly as the runner runs it, once to a green end and
 * once to a red one: proof that the bundle starts, reads its inputs, talks to the vendor and reports through the
 * runner's files. The flows themselves are tested from the source in test/flows.
 */
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { ServiceNowCdmSandbox } from '../sandbox/servicenow-cdm.js';
import { SmaxSandbox } from '../sandbox/smax.js';
import { SnapLogicApimSandbox } from '../sandbox/snaplogic-apim.js';
import { runAction, type ActionRun } from '../support/run-action.js';

let cdm: ServiceNowCdmSandbox;
let smax: SmaxSandbox;
let apim: SnapLogicApimSandbox;
const urls = { cdm: '', smax: '', apim: '' };

beforeAll(async () => {
  cdm = new ServiceNowCdmSandbox({
    exportDurationMs: 200,
    uploadDurationMs: 200,
    snapshotDelayMs: 200,
    validationDurationMs: 300,
  });
  smax = new SmaxSandbox({ exportDurationMs: 200, importDurationMs: 200 });
  apim = new SnapLogicApimSandbox({ migrationDurationMs: 200 });
  [urls.cdm, urls.smax, urls.apim] = await Promise.all([cdm.listen(), smax.listen(), apim.listen()]);
});
afterAll(() => Promise.all([cdm.close(), smax.close(), apim.close()]));

const cdmLogin = () => ({ 'instance-url': urls.cdm, username: cdm.username, password: cdm.password });

/** A workspace holding one JSON configuration file at config/db/settings.json. */
function configWorkspace(): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'bundle-ws-'));
  mkdirSync(path.join(dir, 'config', 'db'), { recursive: true });
  writeFileSync(path.join(dir, 'config', 'db', 'settings.json'), '{\n  "host": "db.internal",\n  "port": 5432\n}\n');
  return dir;
}

/** A failed run says so once as an error annotation and never with a raw stack trace. */
function expectReportedFailure(run: ActionRun): void {
  expect(run.exitCode).toBe(1);
  expect(run.stdout).toMatch(/^::error title=/m);
  expect(run.stderr).not.toMatch(/\n\s+at /);
}

describe('cdm-export bundle', () => {
  it('exports a deployable and reports the file', async () => {
    const run = await runAction('cdm-export', {
      inputs: {
        ...cdmLogin(),
        'app-name': 'PaymentApp',
        'deployable-name': 'Production',
        'exporter-name': 'json-exporter',
      },
    });
    expect(run.exitCode).toBe(0);
    expect(run.outputs.file).toBe(path.join(run.workspace, 'cdm-export', 'Production.json'));
    expect(run.summary).toContain(run.outputs['export-id']);
  });

  it('fails on an exporter failure hidden in a completed export', async () => {
    const run = await runAction('cdm-export', {
      inputs: {
        ...cdmLogin(),
        'app-name': 'PaymentApp',
        'deployable-name': 'DEP-exporter-failure',
        'exporter-name': 'json-exporter',
      },
    });
    expectReportedFailure(run);
    expect(run.outputs['export-id']).toMatch(/^[0-9a-f]{32}$/);
  });
});

describe('cdm-upload bundle', () => {
  it('uploads a folder into one committed changeset', async () => {
    const run = await runAction('cdm-upload', {
      cwd: configWorkspace(),
      inputs: { ...cdmLogin(), 'app-name': 'PaymentApp', 'name-path': 'settings', files: 'config/**/*.json' },
    });
    expect(run.exitCode).toBe(0);
    expect(run.outputs['changeset-state']).toBe('committed');
  });

  it('refuses inputs it cannot use before sending anything', async () => {
    cdm.server.clearRequests();
    const run = await runAction('cdm-upload', {
      cwd: configWorkspace(),
      inputs: { ...cdmLogin(), 'app-name': 'PaymentApp', files: 'config/**', content: '{}', 'poll-interval': '1ms' },
    });
    expectReportedFailure(run);
    expect(run.stdout).toContain('title=Invalid input');
    expect(cdm.server.requests).toHaveLength(0);
  });
});

describe('cdm-upload bundle, parsers loaded on demand', () => {
  it('reports a broken JSON file with its line and column, and a broken YAML file, before sending anything', async () => {
    const cwd = configWorkspace();
    writeFileSync(path.join(cwd, 'config', 'broken.json'), '{\n  "a": 1,\n}\n');
    writeFileSync(path.join(cwd, 'config', 'broken.yaml'), 'a: [1, 2\nb: 3\n');
    cdm.server.clearRequests();
    const run = await runAction('cdm-upload', {
      cwd,
      inputs: { ...cdmLogin(), 'app-name': 'PaymentApp', 'name-path': 'settings', files: 'config/broken.*' },
    });
    expectReportedFailure(run);
    expect(run.stdout).toContain('config/broken.json is not valid JSON: property name expected (line 3, column 1)');
    expect(run.stdout).toMatch(/config\/broken\.yaml is not valid YAML: .+ \(line 2, column 1\)/);
    expect(cdm.server.requests).toHaveLength(0);
  });
});

describe('cdm-validate bundle', () => {
  const gate = (policy: string) => {
    cdm.snapshotApi.policies = [{ name: policy }];
    return runAction('cdm-upload', {
      cwd: configWorkspace(),
      inputs: {
        ...cdmLogin(),
        'app-name': 'PaymentApp',
        'name-path': 'settings',
        files: 'config/**/*.json',
        validate: 'true',
      },
    });
  };

  it('passes the gate when every policy passes, with the SARIF file written', async () => {
    const run = await gate('RequiredKeys');
    expect(run.exitCode).toBe(0);
    expect(run.outputs['validation-status']).toBe('passed');
    expect(run.outputs['sarif-file']).toMatch(/\.sarif$/);
  });

  it('fails the gate on a failing policy, with the finding on the file line', async () => {
    const run = await gate('PortRange-failing');
    expectReportedFailure(run);
    expect(run.outputs['validation-status']).toBe('failed');
    expect(run.stdout).toMatch(/^::error [^:]*file=config\/db\/settings\.json,line=\d+/m);
  });
});

describe('cdm-application bundle', () => {
  it('creates a deployable and fails to delete one that is not there', async () => {
    const inputs = { ...cdmLogin(), 'app-name': 'PaymentApp', 'deployable-name': 'PR-bundle' };
    const created = await runAction('cdm-application', {
      inputs: { ...inputs, operation: 'create-deployable', 'env-type': 'Test' },
    });
    expect(created.exitCode).toBe(0);
    const deleted = await runAction('cdm-application', { inputs: { ...inputs, operation: 'delete-deployable' } });
    expect(deleted.exitCode).toBe(0);
    const again = await runAction('cdm-application', { inputs: { ...inputs, operation: 'delete-deployable' } });
    expectReportedFailure(again);
  });
});

describe('apim-migrate bundle', () => {
  const migrate = (service: string) =>
    runAction('apim-migrate', {
      inputs: {
        'control-plane-url': urls.apim,
        username: apim.username,
        password: apim.password,
        'source-path': `/Acme/Dev/Payments/${service}/2.0`,
        'dest-path': `/Acme/Prod/Payments/${service}`,
      },
    });

  it('migrates a Service version to Completed', async () => {
    const run = await migrate('OrdersAPI');
    expect(run.exitCode).toBe(0);
    expect(run.outputs.status).toBe('Completed');
  });

  it('fails when assets failed to migrate', async () => {
    const run = await migrate('partial-api');
    expectReportedFailure(run);
    expect(run.outputs['status-token']).toBeTruthy();
  });
});

describe('dev2prod-promote bundle', () => {
  const promote = (packageId: string) =>
    runAction('dev2prod-promote', {
      inputs: {
        'source-url': urls.smax,
        'source-tenant-id': '100000001',
        'source-username': smax.login,
        'source-password': smax.password,
        'target-tenant-id': '200000002',
        'package-id': packageId,
      },
    });

  it('exports, dry-runs and imports a clean package', async () => {
    const run = await promote('54321');
    expect(run.exitCode).toBe(0);
    expect(run.outputs['dry-run-outcome']).toBe('passed');
    expect(run.outputs['import-status']).toBe('COMPLETED');
  });

  it('stops at a failed dry run and imports nothing', async () => {
    const run = await promote('40001');
    expectReportedFailure(run);
    expect(run.outputs['dry-run-outcome']).toBe('failed');
    expect(run.outputs['import-id']).toBeUndefined();
  });
});
