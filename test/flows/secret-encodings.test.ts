/**
 * A password with `"`, `\`, `&`, `<` and `'` reaches no surface in any form: vendors echo it JSON-escaped (an
 * export's content, a login error quoting the request body), and the gate writes vendor text into SARIF and the
 * results file. Log, annotations, summary, outputs and every file written are read back.
 */
import { describe, expect, it } from '@jest/globals';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { ServiceNowCdmSandbox } from '../sandbox/servicenow-cdm.js';
import { LOGIN_PATH, SmaxSandbox } from '../sandbox/smax.js';
import { userVisibleText, type ActionRun } from '../support/run-action.js';
import { runInProcess } from '../support/run-in-process.js';
import { summaryOpening } from '../support/verdict.js';
import { useSandbox } from '../support/use-sandbox.js';

const PASSWORD = `p"a\\ss&<w>'rd`;
const json = (text: string) => JSON.stringify(text).slice(1, -1);

const cdm = useSandbox(
  new ServiceNowCdmSandbox({ password: PASSWORD, exportDurationMs: 200, validationDurationMs: 300 }),
  () => {
    cdm.exports.clear();
    cdm.setExportScenario('success');
    cdm.snapshotApi.reset();
  },
);
const smax = useSandbox(new SmaxSandbox({ password: PASSWORD }));

const BASIC = Buffer.from(`${'admin'}:${PASSWORD}`).toString('base64');

/** Every form the password (or the Basic value) could leak in. */
function forms(): string[] {
  return [
    PASSWORD,
    json(PASSWORD),
    json(json(PASSWORD)),
    encodeURIComponent(PASSWORD),
    Buffer.from(PASSWORD).toString('base64'),
    PASSWORD.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;'),
    BASIC,
  ];
}

function expectNoSecret(run: ActionRun, ...files: string[]): void {
  const seen = [userVisibleText(run), ...files.map((file) => readFileSync(file, 'utf8'))].join('\n');
  for (const form of forms()) expect(seen).not.toContain(form);
}

/** A workspace with one configuration file, uploaded and committed to `sandbox` (a changeset to gate). */
async function uploadedWorkspace(sandbox: ServiceNowCdmSandbox): Promise<string> {
  const workspace = mkdtempSync(path.join(tmpdir(), 'secret-encodings-'));
  mkdirSync(path.join(workspace, 'config/db'), { recursive: true });
  const settings = '{\n  "host": "db.internal",\n  "port": 99999\n}\n';
  writeFileSync(path.join(workspace, 'config/db/settings.json'), settings);
  const query = new URLSearchParams({
    appName: 'PaymentApp',
    dataFormat: 'json',
    namePath: 'paymentSettings/db/settings',
    autoCommit: 'true',
  });
  const uploaded = await fetch(`${sandbox.url}/api/sn_cdm/applications/uploads/components?${query}`, {
    method: 'POST',
    headers: { authorization: sandbox.basicAuthorization, 'content-type': 'text/plain' },
    body: settings,
  });
  expect(uploaded.status).toBe(200);
  return workspace;
}

const validateInputs = (sandbox: ServiceNowCdmSandbox, password: string) => ({
  'instance-url': sandbox.url,
  username: sandbox.username,
  password,
  'app-name': 'PaymentApp',
  'changeset-number': [...sandbox.changesets.values()].at(-1)?.number ?? '',
  'deployable-name': 'Production',
});

describe('secrets in every encoding', () => {
  it('cdm-export: the password JSON-escaped in the content is removed from the file, outputs and log', async () => {
    expect(cdm.username).toBe('admin');
    const run = await runInProcess('cdm-export', {
      inputs: {
        'instance-url': cdm.url,
        username: cdm.username,
        password: PASSWORD,
        'app-name': 'PaymentApp',
        'deployable-name': 'Production',
        'exporter-name': 'json-exporter',
        'exporter-args': JSON.stringify({ db: PASSWORD }),
      },
    });
    expect(run.exitCode).toBe(0);
    const text = readFileSync(run.outputs.file, 'utf8');
    expect(JSON.parse(text)).toHaveProperty('Production.args.db', '***');
    expect(run.outputs.content).toBe(text);
    expect(run.stdout).toContain(
      `::warning title=Secret removed from a file::${run.outputs.file} contained a secret given to this run`,
    );
    expectNoSecret(run, run.outputs.file);
  });

  it('cdm-validate: vendor text carrying the password and the Basic value is removed from SARIF and results', async () => {
    const workspace = await uploadedWorkspace(cdm);
    cdm.snapshotApi.policies = [{ name: 'PortRange-failing' }];
    const echoed = `connected with ${PASSWORD} (Authorization: Basic ${BASIC})`;
    cdm.server.inject({
      match: { method: 'GET', path: /\/sn_cdm_policy_validation_result$/ },
      kind: 'rewrite',
      times: Infinity,
      json: (body: { result: Record<string, unknown>[] }) => {
        for (const row of body.result) {
          row.description = `port is outside the allowed range, ${echoed}`;
          row['policy_execution.output'] = JSON.stringify({
            decision: 'non_compliant',
            failures: [{ message: `port is outside the allowed range, ${echoed}` }],
          });
        }
        return body;
      },
    });
    const run = await runInProcess('cdm-validate', {
      cwd: workspace,
      inputs: validateInputs(cdm, PASSWORD),
    });
    expect(run.exitCode).toBe(1);
    expect(run.outputs.failures).toBe('1');
    const sarif = readFileSync(run.outputs['sarif-file'], 'utf8');
    expect(sarif).toContain('connected with *** (Authorization: Basic ***)');
    const results = readFileSync(run.outputs['results-file'], 'utf8');
    expect(results).toContain('connected with *** (Authorization: Basic ***)');
    for (const file of [run.outputs['sarif-file'], run.outputs['results-file']]) {
      expect(run.stdout).toContain(`::warning title=Secret removed from a file::${file} contained a secret`);
    }
    expectNoSecret(run, run.outputs['sarif-file'], run.outputs['results-file']);
  });

  it('dev2prod-promote: a login error quoting the request body reaches annotation and summary without it', async () => {
    const body = JSON.stringify({ login: smax.login, password: PASSWORD });
    smax.server.inject({
      match: { method: 'POST', path: new RegExp(`^${LOGIN_PATH}$`) },
      kind: 'status',
      status: 400,
      body: JSON.stringify({ message: `Malformed login request: ${body}` }),
    });
    const run = await runInProcess('dev2prod-promote', {
      inputs: {
        mode: 'export',
        'package-id': '54321',
        'source-url': smax.url,
        'source-tenant-id': '100000001',
        'source-username': smax.login,
        'source-password': PASSWORD,
      },
    });
    expect(run.exitCode).toBe(1);
    const quoted = `Malformed login request: {"login":"${smax.login}","password":"***"}`;
    expect(run.stdout).toMatch(/^::error title=HTTP 400::Could not log in to tenant 100000001 \(HTTP 400\): /m);
    expect(run.stdout).toMatch(/^POST .*\/token\?TENANTID=100000001 failed \(HTTP 400\): /m);
    expect(run.stdout).toContain(quoted);
    // The HTTP layer redacted it before the summary escaped the text: `***` shows as stars, written escaped.
    expect(summaryOpening(run)).toContain(quoted.replace('***', '\\*\\*\\*'));
    expectNoSecret(run);
  });
});

/** A password that is a common word: masked in the log by the runner, yet JSON outputs must stay JSON. */
const plain = useSandbox(new ServiceNowCdmSandbox({ password: 'false', validationDurationMs: 300 }));

describe('a secret that is a common word', () => {
  it('leaves JSON outputs valid: their strings are redacted, not their text', async () => {
    const workspace = await uploadedWorkspace(plain);
    const run = await runInProcess('cdm-validate', { cwd: workspace, inputs: validateInputs(plain, 'false') });
    expect(run.exitCode).toBe(0);
    const [snapshot] = JSON.parse(run.outputs.snapshots) as { published: unknown; validation: string }[];
    expect(snapshot).toMatchObject({ published: false, validation: 'passed' });
    expect(JSON.parse(run.outputs.published)).toEqual([]);
  });
});
