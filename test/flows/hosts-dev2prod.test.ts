/**
 * dev2prod-promote run in-process on hosts of the config-promotion command, against the SMAX sandbox: JUnit has one
 * test case per dry-run or import package, failed when it has failures or errors; the file id reaches a later job
 * through GitLab's dotenv report and Azure's output variables; the password reaches no surface.
 */
import { describe, expect, it } from '@jest/globals';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import type { HostName } from '../../shared/hosts/host.js';
import { SmaxSandbox } from '../sandbox/smax.js';
import { readJunit } from '../support/junit.js';
import { runOnHost } from '../support/run-on-host.js';
import { useSandbox } from '../support/use-sandbox.js';
import { vsoCommands } from '../support/vso.js';

const SOURCE = '100000001';
const TARGET = '200000002';
const sandbox = useSandbox(new SmaxSandbox({ exportDurationMs: 100, importDurationMs: 100 }), () => {
  sandbox.setImportScenario(undefined);
});

async function promoteOn(host: HostName, inputs: Record<string, string>) {
  const workspace = mkdtempSync(path.join(tmpdir(), `hosts-dev2prod-${host}-`));
  const before = new Set(sandbox.tokens.keys());
  const run = await runOnHost('dev2prod-promote', host, {
    cwd: workspace,
    inputs: {
      'source-url': sandbox.url,
      'source-tenant-id': SOURCE,
      'source-username': sandbox.login,
      'source-password': sandbox.password,
      'target-tenant-id': TARGET,
      ...inputs,
    },
    outputsFile: path.join(workspace, 'outputs.json'),
    junitFile: path.join(workspace, 'junit.xml'),
  });
  const outputs = JSON.parse(readFileSync(path.join(workspace, 'outputs.json'), 'utf8')) as Record<string, string>;
  const issued = [...sandbox.tokens.keys()].filter((token) => !before.has(token));
  return { run, outputs, junit: readJunit(path.join(workspace, 'junit.xml')), workspace, issued };
}

describe('dev2prod-promote on the command’s hosts', () => {
  it.each<HostName>(['jenkins', 'azure'])(
    'on %s: a dry run with failures fails, one test case per package, the failing one with its errors',
    async (host) => {
      const { run, outputs, junit, issued } = await promoteOn(host, { 'package-id': '40001' });
      expect(run.exitCode).toBe(1);
      expect(outputs['dry-run-outcome']).toBe('failed');
      const suite = `dry run ${outputs['dry-run-import-id']}`;
      expect(junit.cases).toEqual([
        { suite, name: 'metadata' },
        {
          suite,
          name: 'formLayouts',
          failure: [
            '2 item(s) failed',
            "Form layout 'Incident.Default' references field 'ImpactScore' that does not exist",
            "Form layout 'Change.Emergency' references field 'RiskMatrix' that does not exist",
          ].join('\n'),
        },
        { suite, name: 'indexConfiguration' },
      ]);
      const log = run.stdout.split('\n').filter((l) => !l.startsWith('##vso[task.setsecret]'));
      expect(log.join('\n')).not.toContain(sandbox.password);
      if (host === 'azure') {
        // The password and every token SMAX issued in the run are the agent's masks.
        const masks = vsoCommands(run.stdout)
          .filter((c) => c.command === 'task.setsecret')
          .map((c) => c.data);
        expect(masks).toContain(sandbox.password);
        expect(issued.length).toBeGreaterThan(0);
        for (const token of issued) expect(masks).toContain(token);
      }
      for (const token of issued) expect(log.join('\n')).not.toContain(token);
    },
  );

  it('on gitlab: a passing dry run and import, the file id in the dotenv report, both runs’ packages in JUnit', async () => {
    const { run, outputs, junit, workspace } = await promoteOn('gitlab', { 'package-id': '54321' });
    expect(run.exitCode).toBe(0);
    const dotenv = readFileSync(path.join(workspace, 'config-promotion.env'), 'utf8');
    expect(dotenv).toContain(`DEV2PROD_PROMOTE_FILE_ID=${outputs['file-id']}\n`);
    expect(dotenv).not.toContain(sandbox.password);
    expect(junit.failures).toBe(0);
    expect(junit.cases.map((c) => `${c.suite.split(' ').slice(0, -1).join(' ')}: ${c.name}`)).toEqual([
      'dry run: metadata',
      'dry run: SLTTenantSetting',
      'dry run: indexConfiguration',
      'import: metadata',
      'import: SLTTenantSetting',
      'import: indexConfiguration',
    ]);
  });

  it('on azure: the file id as the output variable a later job reads (file_id)', async () => {
    const { outputs, run } = await promoteOn('azure', { 'package-id': '54321', mode: 'dry-run' });
    expect(run.exitCode).toBe(0);
    const fileId = vsoCommands(run.stdout).find(
      (c) => c.command === 'task.setvariable' && c.properties.variable === 'file_id',
    );
    expect(fileId).toEqual({
      command: 'task.setvariable',
      properties: { variable: 'file_id', isoutput: 'true' },
      data: outputs['file-id'],
    });
  });
});
