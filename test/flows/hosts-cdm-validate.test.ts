/**
 * cdm-validate run in-process on every host of the config-promotion command, against the ServiceNow CDM sandbox:
 * the same gate gives each CI what it reads (ERROR lines and a dotenv report on GitLab, logging commands on Azure,
 * plain lines on Jenkins and a terminal), the same outputs file, JUnit and Code Quality report, exit codes 1 and 2,
 * and the password nowhere.
 */
import { describe, expect, it } from '@jest/globals';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import type { HostName } from '../../shared/hosts/host.js';
import { ServiceNowCdmSandbox } from '../sandbox/servicenow-cdm.js';
import { readJunit } from '../support/junit.js';
import { runOnHost } from '../support/run-on-host.js';
import { useSandbox } from '../support/use-sandbox.js';
import { vsoCommands } from '../support/vso.js';

const SETTINGS = '{\n  "host": "db.internal",\n  "port": 99999\n}\n';
const NAME_PATH = 'paymentSettings/db/settings';
const HOSTS: HostName[] = ['gitlab', 'azure', 'jenkins', 'plain'];

const sandbox = useSandbox(
  new ServiceNowCdmSandbox({ uploadDurationMs: 100, snapshotDelayMs: 100, validationDurationMs: 300 }),
  () => {
    sandbox.uploadApi.reset();
    sandbox.snapshotApi.reset();
    sandbox.appsApi.reset();
  },
);

/** A workspace with the uploaded file, and a committed changeset made from it. */
async function committed(): Promise<{ workspace: string; changeset: string; files: string }> {
  const workspace = mkdtempSync(path.join(tmpdir(), 'hosts-validate-ws-'));
  mkdirSync(path.join(workspace, 'config/db'), { recursive: true });
  const file = path.join(workspace, 'config/db/settings.json');
  writeFileSync(file, SETTINGS);
  const query = new URLSearchParams({
    appName: 'PaymentApp',
    dataFormat: 'json',
    namePath: NAME_PATH,
    autoCommit: 'true',
  });
  const res = await fetch(`${sandbox.url}/api/sn_cdm/applications/uploads/components?${query}`, {
    method: 'POST',
    headers: { authorization: sandbox.basicAuthorization, 'content-type': 'text/plain' },
    body: SETTINGS,
  });
  expect(res.status).toBe(200);
  const changeset = [...sandbox.changesets.values()].at(-1)?.number ?? '';
  return { workspace, changeset, files: JSON.stringify([{ file, namePath: NAME_PATH }]) };
}

async function validateOn(host: HostName, policies: { name: string }[]) {
  sandbox.snapshotApi.policies = policies;
  const { workspace, changeset, files } = await committed();
  const report = (name: string) => path.join(workspace, 'reports', name);
  const run = await runOnHost('cdm-validate', host, {
    cwd: workspace,
    inputs: {
      'instance-url': sandbox.url,
      username: sandbox.username,
      password: sandbox.password,
      'app-name': 'PaymentApp',
      'changeset-number': changeset,
      'deployable-name': 'Production',
      'uploaded-files': files,
    },
    outputsFile: report('outputs.json'),
    summaryFile: report('summary.md'),
    junitFile: report('junit.xml'),
    codequalityFile: report('codequality.json'),
  });
  const outputs = JSON.parse(readFileSync(report('outputs.json'), 'utf8')) as Record<string, string>;
  return { run, outputs, report, workspace };
}

describe.each(HOSTS)('cdm-validate on %s', (host) => {
  it('fails a failing policy: exit 1, the finding on the file line in the log, JUnit and Code Quality', async () => {
    const { run, outputs, report } = await validateOn(host, [{ name: 'PortRange-failing' }, { name: 'RequiredKeys' }]);
    expect(run.exitCode).toBe(1);
    expect(outputs['validation-status']).toBe('failed');
    expect(outputs.failures).toBe('1');

    const message = 'PortRange-failing (Production): port is outside the allowed range';
    if (host === 'azure') {
      expect(vsoCommands(run.stdout)).toContainEqual({
        command: 'task.logissue',
        properties: { type: 'error', sourcepath: 'config/db/settings.json', linenumber: '3' },
        data: message,
      });
      const variables = vsoCommands(run.stdout).filter((c) => c.command === 'task.setvariable');
      expect(variables).toContainEqual(
        expect.objectContaining({ properties: { variable: 'validation_status', isoutput: 'true' }, data: 'failed' }),
      );
      const summary = vsoCommands(run.stdout).find((c) => c.command === 'task.uploadsummary');
      expect(summary?.data).toBe(report('summary.md'));
    } else {
      expect(run.lines).toContain(`ERROR config/db/settings.json:3 ${message}`);
      expect(run.stdout).not.toContain('##vso[');
    }
    if (host === 'gitlab') {
      const dotenv = readFileSync(path.join(run.workspace, 'config-promotion.env'), 'utf8');
      expect(dotenv).toContain('CDM_VALIDATE_VALIDATION_STATUS=failed\n');
    } else {
      expect(existsSync(path.join(run.workspace, 'config-promotion.env'))).toBe(false);
    }
    expect(run.lines.filter((l) => /^\s*::/.test(l))).toEqual([]);

    // JUnit: the snapshot's validation and each policy that reported, the failing policy as a <failure>.
    const junit = readJunit(report('junit.xml'));
    const snapshot = outputs['snapshot-name'];
    expect(junit.cases).toEqual([
      { suite: `Production / ${snapshot}`, name: `validation of ${snapshot}`, failure: 'Validation failed' },
      {
        suite: `Production / ${snapshot}`,
        name: 'PortRange-failing',
        failure: 'config/db/settings.json:3: port is outside the allowed range',
      },
    ]);

    // Code Quality: the same fingerprint as the SARIF result.
    const sarif = JSON.parse(readFileSync(outputs['sarif-file'], 'utf8')) as {
      runs: { results: { partialFingerprints: Record<string, string> }[] }[];
    };
    expect(JSON.parse(readFileSync(report('codequality.json'), 'utf8'))).toEqual([
      {
        description: 'port is outside the allowed range',
        check_name: 'PortRange-failing',
        fingerprint: sarif.runs[0].results[0].partialFingerprints['cdmFinding/v1'],
        severity: 'major',
        location: { path: 'config/db/settings.json', lines: { begin: 3 } },
      },
    ]);
    expect(readFileSync(report('summary.md'), 'utf8')).toContain('PortRange-failing');

    const leaked = [
      run.stdout
        .split('\n')
        .filter((l) => !l.startsWith('##vso[task.setsecret]'))
        .join('\n'),
    ];
    for (const name of ['outputs.json', 'summary.md', 'junit.xml', 'codequality.json'])
      leaked.push(readFileSync(report(name), 'utf8'));
    for (const text of leaked) expect(text).not.toContain(sandbox.password);
  });

  it('exits 2 on an input problem, before any request, and still writes the outputs file', async () => {
    const workspace = mkdtempSync(path.join(tmpdir(), 'hosts-validate-input-'));
    const run = await runOnHost('cdm-validate', host, {
      cwd: workspace,
      inputs: { 'instance-url': sandbox.url, username: sandbox.username, password: sandbox.password },
      outputsFile: path.join(workspace, 'outputs.json'),
    });
    expect(run.exitCode).toBe(host === 'github' ? 1 : 2);
    expect(sandbox.server.requests).toHaveLength(0);
    expect(JSON.parse(readFileSync(path.join(workspace, 'outputs.json'), 'utf8'))).toEqual({});
    expect(run.stdout).toContain("Input 'app-name'");
  });
});
