/**
 * The config-promotion command from its source, in this process, against the ServiceNow CDM sandbox: what a user
 * of a terminal or another CI sees (exit code, the outputs file, stdout and stderr) and what ServiceNow received.
 */
import { describe, expect, it } from '@jest/globals';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { ServiceNowCdmSandbox } from '../sandbox/servicenow-cdm.js';
import { useSandbox } from '../support/use-sandbox.js';
import { runCommandInProcess } from './run-command.js';

const EXPORTS = /\/exports\/?$/;
const sandbox = useSandbox(new ServiceNowCdmSandbox({ exportDurationMs: 50 }), () => {
  sandbox.exports.clear();
  sandbox.setExportScenario('success');
});

const posts = () => sandbox.server.requestsTo('POST', EXPORTS);
const exportQuery = () => Object.fromEntries(posts()[0].query);

/** cdm-export's flags, the password left to the environment as the help says. */
const exportFlags = (...extra: string[]) => [
  'cdm-export',
  '--instance-url',
  sandbox.url,
  '--username',
  sandbox.username,
  '--app-name=PaymentApp',
  '--deployable-name',
  'Production',
  '--exporter-name',
  'json-exporter',
  ...extra,
];
const passwordEnv = () => ({ CONFIG_PROMOTION_PASSWORD: sandbox.password });

describe('config-promotion <action>', () => {
  it('runs the action on the plain host: exit 0, the outputs file, no workflow command, the secret nowhere', async () => {
    const run = await runCommandInProcess(exportFlags('--outputs-file', 'out/outputs.json'), { env: passwordEnv() });
    expect(run.stderr).toBe('');
    expect(run.exitCode).toBe(0);
    const outputs = JSON.parse(readFileSync(path.join(run.cwd, 'out', 'outputs.json'), 'utf8'));
    expect(outputs).toMatchObject({
      'export-id': [...sandbox.exports.keys()][0],
      state: 'completed',
      file: path.join(run.cwd, 'cdm-export', 'Production.json'),
    });
    expect(posts()).toHaveLength(1);
    expect(posts()[0].headers.authorization).toBe(
      `Basic ${Buffer.from(`${sandbox.username}:${sandbox.password}`).toString('base64')}`,
    );
    expect(run.stdout).not.toMatch(/^::/m);
    expect(run.stdout + run.stderr).not.toContain(sandbox.password);
  });

  it('takes each input from CONFIG_PROMOTION_<NAME>, and a flag over the variable', async () => {
    const run = await runCommandInProcess(['cdm-export', '--app-name', 'PaymentApp'], {
      env: {
        ...passwordEnv(),
        CONFIG_PROMOTION_INSTANCE_URL: sandbox.url,
        CONFIG_PROMOTION_USERNAME: sandbox.username,
        CONFIG_PROMOTION_APP_NAME: 'EnvApp',
        CONFIG_PROMOTION_DEPLOYABLE_NAME: 'Production',
        CONFIG_PROMOTION_EXPORTER_NAME: 'json-exporter',
        CONFIG_PROMOTION_DATA_FORMAT: '',
      },
    });
    expect(run.exitCode).toBe(0);
    // The empty variable is "not given": action.yml's default (json) applies.
    expect(exportQuery()).toMatchObject({ appName: 'PaymentApp', deployableName: 'Production', dataFormat: 'json' });
  });

  it('accepts a secret as a flag, warning that the process list shows it and naming the variable instead', async () => {
    const run = await runCommandInProcess(exportFlags('--password', sandbox.password));
    expect(run.exitCode).toBe(0);
    expect(run.stderr).toContain('--password shows its value in the process list');
    expect(run.stderr).toContain('set CONFIG_PROMOTION_PASSWORD in the environment instead');
    expect(run.stdout + run.stderr).not.toContain(sandbox.password);
    expect(posts()).toHaveLength(1);
  });

  it('reports to GitHub when GITHUB_ACTIONS=true (outputs into GITHUB_OUTPUT), and --host overrides it', async () => {
    const cwd = mkdtempSync(path.join(tmpdir(), 'cli-github-'));
    const githubOutput = path.join(cwd, 'github-output');
    writeFileSync(githubOutput, '');
    const env = { ...passwordEnv(), GITHUB_ACTIONS: 'true', GITHUB_OUTPUT: githubOutput };
    const onGithub = await runCommandInProcess(exportFlags(), { env, cwd });
    expect(onGithub.exitCode).toBe(0);
    expect(readFileSync(githubOutput, 'utf8')).toContain(`export-id<<`);
    expect(onGithub.stdout).toMatch(/^::add-mask::/m);

    writeFileSync(githubOutput, '');
    const plain = await runCommandInProcess(exportFlags('--host', 'plain', '--outputs-file', 'o.json'), { env, cwd });
    expect(plain.exitCode).toBe(0);
    expect(readFileSync(githubOutput, 'utf8')).toBe('');
    expect(plain.stdout).not.toMatch(/^::/m);
    expect(JSON.parse(readFileSync(path.join(cwd, 'o.json'), 'utf8')).state).toBe('completed');
  });

  it('exits 1 when the job fails, with the export id in the outputs file', async () => {
    sandbox.setExportScenario('error-state');
    const run = await runCommandInProcess(exportFlags('--outputs-file', 'outputs.json'), { env: passwordEnv() });
    expect(run.exitCode).toBe(1);
    const outputs = JSON.parse(readFileSync(path.join(run.cwd, 'outputs.json'), 'utf8'));
    expect(outputs['export-id']).toBe([...sandbox.exports.keys()][0]);
    expect(run.stdout).toMatch(/^ERROR /m);
  });

  it('exits 2 naming every input problem at once, before any request', async () => {
    const run = await runCommandInProcess(['cdm-export', '--instance-url', sandbox.url, '--timeout', 'soon']);
    expect(run.exitCode).toBe(2);
    for (const input of ['app-name', 'deployable-name', 'exporter-name', 'timeout']) {
      expect(run.stdout).toContain(`Input '${input}'`);
    }
    expect(sandbox.server.requests).toHaveLength(0);
  });
});

describe('usage problems exit 2 before any request', () => {
  it('an unknown action lists the valid ones', async () => {
    const run = await runCommandInProcess(['cdm-exprot', '--instance-url', sandbox.url]);
    expect(run.exitCode).toBe(2);
    expect(run.stderr).toContain("unknown action 'cdm-exprot'");
    expect(run.stderr).toContain(
      'Valid actions: apim-migrate, cdm-application, cdm-export, cdm-upload, cdm-validate, dev2prod-promote',
    );
    expect(sandbox.server.requests).toHaveLength(0);
  });

  it('every unknown flag at once, listing the valid inputs', async () => {
    const run = await runCommandInProcess(exportFlags('--deployable', 'x', '--pasword=hunter2-Secret'), {
      env: passwordEnv(),
    });
    expect(run.exitCode).toBe(2);
    expect(run.stderr).toContain('unknown flags --deployable, --pasword. Valid inputs: --instance-url, --username');
    expect(run.stderr).toContain('--poll-interval; and --host, --outputs-file');
    expect(run.stderr).not.toContain('hunter2-Secret');
    expect(run.stdout).toBe('');
    expect(sandbox.server.requests).toHaveLength(0);
  });

  it('a flag without a value, a stray argument and an unknown host, together', async () => {
    const run = await runCommandInProcess(['cdm-export', 'stray', '--host', 'travis', '--app-name']);
    expect(run.exitCode).toBe(2);
    expect(run.stderr.split('\n').filter((line) => line.startsWith('config-promotion cdm-export: '))).toEqual([
      "config-promotion cdm-export: unexpected argument 'stray': give each input as --<input> <value>",
      'config-promotion cdm-export: --app-name needs a value: --app-name <value> or --app-name=<value>',
      "config-promotion cdm-export: --host must be one of github, gitlab, azure, jenkins, plain (got 'travis')",
    ]);
  });
});

describe('help exits 0', () => {
  it('--help lists the actions and how inputs and exit codes work', async () => {
    const run = await runCommandInProcess(['--help']);
    expect(run.exitCode).toBe(0);
    expect(run.stdout).toMatch(/^ {2}cdm-export +ServiceNow CDM export$/m);
    expect(run.stdout).toMatch(/^ {2}dev2prod-promote +SMAX Dev2Prod promote$/m);
    expect(run.stdout).toContain('CONFIG_PROMOTION_<NAME>');
    expect(run.stdout).toContain('check-workflow <file>...');
  });

  it('no arguments print the same list, as a usage problem', async () => {
    const run = await runCommandInProcess([]);
    expect(run.exitCode).toBe(2);
    expect(run.stderr).toContain('Actions:');
  });

  it('<action> --help lists its inputs (required, default, secret) and outputs, whatever else is given', async () => {
    const run = await runCommandInProcess(['cdm-export', '--bogus', '--help']);
    expect(run.exitCode).toBe(0);
    expect(run.stdout).toContain('--instance-url  (required; CONFIG_PROMOTION_INSTANCE_URL)');
    expect(run.stdout).toContain('--data-format  (default: json; CONFIG_PROMOTION_DATA_FORMAT)');
    expect(run.stdout).toContain('--password  (secret: set CONFIG_PROMOTION_PASSWORD, not the flag)');
    expect(run.stdout).toMatch(/^Outputs:\n {2}export-id\n {6}The export request's id/m);
    expect(sandbox.server.requests).toHaveLength(0);
  });

  it("a default written as a GitHub expression is shown as no default (it means 'not given' off GitHub)", async () => {
    const run = await runCommandInProcess(['dev2prod-promote', '--help']);
    expect(run.stdout).toContain('--github-token  (secret: set CONFIG_PROMOTION_GITHUB_TOKEN, not the flag)');
    expect(run.stdout).not.toContain('${{');
  });
});
