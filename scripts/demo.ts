/**
 * `npm run demo`: starts the embedded sandbox and runs each built action bundle against it exactly as the runner
 * would (INPUT_*, GITHUB_OUTPUT, GITHUB_STEP_SUMMARY, RUNNER_TEMP), then prints what each run did.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { ServiceNowCdmSandbox } from '../test/sandbox/servicenow-cdm.js';
import { SmaxSandbox } from '../test/sandbox/smax.js';
import { SnapLogicApimSandbox } from '../test/sandbox/snaplogic-apim.js';
import { runAction, type ActionRun } from '../test/support/run-action.js';

interface DemoCase {
  title: string;
  action: string;
  inputs: Record<string, string>;
  /** The working directory (the checked-out repository); a fresh empty one when not given. */
  cwd?: string;
  /** What a correct run does, so the demo can say whether it did. */
  expectSuccess: boolean;
}

// Every folder the demo and its runs make goes under one temporary folder, removed at the end.
const tempRoot = mkdtempSync(path.join(tmpdir(), 'demo-'));
process.env.TMPDIR = tempRoot;

const cdm = new ServiceNowCdmSandbox({ exportDurationMs: 1200 });
const cdmUrl = await cdm.listen();
const cdmLogin = { 'instance-url': cdmUrl, username: cdm.username, password: cdm.password };
// The policies mapped to every deployable; only runs that validate see them.
cdm.snapshotApi.policies = [{ name: 'PortRange-failing', key: 'port' }];

const cases: DemoCase[] = [
  {
    title: 'cdm-export: a deployable exported as JSON',
    action: 'cdm-export',
    inputs: {
      ...cdmLogin,
      'app-name': 'PaymentApp',
      'deployable-name': 'Production',
      'exporter-name': 'json-exporter',
    },
    expectSuccess: true,
  },
  {
    title: 'cdm-export: YAML with an additional deployable, through the versioned API and an OAuth token',
    action: 'cdm-export',
    inputs: {
      'instance-url': cdmUrl,
      token: cdm.token,
      'api-version': 'v1',
      'app-name': 'PaymentApp',
      'deployable-name': 'Development',
      'additional-deployables': 'PaymentApp/Production',
      'exporter-name': 'yaml-exporter',
      'data-format': 'yaml',
    },
    expectSuccess: true,
  },
  {
    title: 'cdm-export: the exporter fails inside a completed export (ServiceNow answers HTTP 200)',
    action: 'cdm-export',
    inputs: {
      ...cdmLogin,
      'app-name': 'PaymentApp',
      'deployable-name': 'DEP-exporter-failure',
      'exporter-name': 'json-exporter',
    },
    expectSuccess: false,
  },
];

/** A small repository folder of configuration files, as a workflow would have checked out. */
const repo = mkdtempSync(path.join(tmpdir(), 'demo-repo-'));
for (const [name, text] of Object.entries({
  'config/db/settings.json': '{\n  "host": "db.internal",\n  "port": 5432\n}\n',
  'config/cache.yaml': 'ttl: 300\nsize: 1024\n',
  'config/feature-flags.properties': 'checkout.v2=true\n',
})) {
  mkdirSync(path.dirname(path.join(repo, name)), { recursive: true });
  writeFileSync(path.join(repo, name), text);
}
cases.push(
  {
    title: 'cdm-upload: a folder of config files into one component, one committed changeset',
    action: 'cdm-upload',
    inputs: {
      ...cdmLogin,
      'app-name': 'PaymentApp',
      'name-path': 'paymentSettings',
      files: 'config/**',
      'files-root': 'config',
    },
    cwd: repo,
    expectSuccess: true,
  },
  {
    title: 'cdm-upload with validate: true: a policy fails, and the finding is on the config file line',
    action: 'cdm-upload',
    inputs: {
      ...cdmLogin,
      'app-name': 'PaymentApp',
      'name-path': 'paymentSettings',
      files: 'config/**',
      'files-root': 'config',
      validate: 'true',
    },
    cwd: repo,
    expectSuccess: false,
  },
  {
    title: 'cdm-upload: an upload ServiceNow rejects (HTTP 200 with state error) leaves the changeset open',
    action: 'cdm-upload',
    inputs: { ...cdmLogin, 'app-name': 'PaymentApp', 'name-path': 'settings/upload-error', file: 'config/cache.yaml' },
    cwd: repo,
    expectSuccess: false,
  },
);

cases.push(
  {
    title: 'cdm-application: a preview deployable for pull request 42',
    action: 'cdm-application',
    inputs: {
      ...cdmLogin,
      operation: 'create-deployable',
      'app-name': 'PaymentApp',
      'deployable-name': 'PR-42',
      'env-type': 'Test',
    },
    expectSuccess: true,
  },
  {
    title:
      'cdm-application: an application id that does not exist (ServiceNow answers HTTP 200 with result.status 400)',
    action: 'cdm-application',
    inputs: { ...cdmLogin, operation: 'get-app', 'app-id': '18a17de3283d15107256686277777777' },
    expectSuccess: false,
  },
);

const apim = new SnapLogicApimSandbox({ migrationDurationMs: 1500 });
const apimUrl = await apim.listen();
const apimLogin = { 'control-plane-url': apimUrl, username: apim.username, password: apim.password };
cases.push(
  {
    title: 'apim-migrate: a Service version migrated to production and followed to Completed',
    action: 'apim-migrate',
    inputs: {
      ...apimLogin,
      'source-path': '/Acme/Dev/Payments/OrdersAPI/2.0',
      'dest-path': '/Acme/Prod/Payments/OrdersAPI',
    },
    expectSuccess: true,
  },
  {
    title: 'apim-migrate: Completed, but an account failed to migrate (the step fails)',
    action: 'apim-migrate',
    inputs: {
      ...apimLogin,
      'source-path': '/Acme/Dev/Payments/partial-api/1.0',
      'dest-path': '/Acme/Prod/Payments/partial-api',
    },
    expectSuccess: false,
  },
);

const smax = new SmaxSandbox({ exportDurationMs: 1200, importDurationMs: 1200 });
const smaxUrl = await smax.listen();
const [sourceTenant, targetTenant] = smax.tenants;
const smaxSource = {
  'source-url': smaxUrl,
  'source-tenant-id': sourceTenant,
  'source-username': smax.login,
  'source-password': smax.password,
  'target-tenant-id': targetTenant,
};
cases.push(
  {
    title: 'dev2prod-promote: export, transfer, dry run, import (mode promote)',
    action: 'dev2prod-promote',
    inputs: { ...smaxSource, 'package-id': '54321' },
    expectSuccess: true,
  },
  {
    title: 'dev2prod-promote: the dry run reports failures, so nothing is imported',
    action: 'dev2prod-promote',
    inputs: { ...smaxSource, 'package-id': '40001' },
    expectSuccess: false,
  },
);

let unexpected = 0;
try {
  for (const demo of cases) {
    const run = await runAction(demo.action, { inputs: demo.inputs, cwd: demo.cwd });
    const ok = (run.exitCode === 0) === demo.expectSuccess;
    if (!ok) unexpected++;
    print(demo, run, ok);
  }
} finally {
  await Promise.all([cdm.close(), apim.close(), smax.close()]);
  rmSync(tempRoot, { recursive: true, force: true });
}
console.log(
  unexpected === 0
    ? `All ${cases.length} demo runs behaved as expected.`
    : `${unexpected} of ${cases.length} demo runs did not behave as expected.`,
);
process.exitCode = unexpected === 0 ? 0 : 1;

function print(demo: DemoCase, run: ActionRun, ok: boolean): void {
  const rule = '─'.repeat(100);
  console.log(
    `${rule}\n▶ ${demo.title}\n  ${run.exitCode === 0 ? 'succeeded' : `failed (exit ${run.exitCode})`}${ok ? '' : '  ← NOT AS EXPECTED'}, ${Math.round(run.durationMs)} ms\n`,
  );
  console.log('  log:');
  for (const line of run.stdout
    .split('\n')
    .filter((l) => l && !l.startsWith('::add-mask::') && !l.startsWith('::debug::')))
    console.log(`    ${line}`);
  console.log('\n  outputs:');
  for (const [name, value] of Object.entries(run.outputs)) {
    const shown = value.includes('\n') ? `${value.split('\n').slice(0, 6).join('\n      ')}\n      …` : value;
    console.log(`    ${name} = ${shown}`);
  }
  console.log('\n  job summary:');
  for (const line of run.summary.trim().split('\n')) console.log(`    ${line}`);
  console.log('');
}
