/**
 * cdm-upload and cdm-export on hosts of the config-promotion command, against the ServiceNow CDM sandbox: with
 * `validate: true` the upload's JUnit and Code Quality come from the gate (one test case per snapshot and policy);
 * without it, and for cdm-export, JUnit is one test case for the job; artifacts stay to the CI.
 */
import { describe, expect, it } from '@jest/globals';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { ServiceNowCdmSandbox } from '../sandbox/servicenow-cdm.js';
import { readJunit } from '../support/junit.js';
import { runOnHost } from '../support/run-on-host.js';
import { useSandbox } from '../support/use-sandbox.js';

const sandbox = useSandbox(
  new ServiceNowCdmSandbox({ uploadDurationMs: 100, snapshotDelayMs: 100, validationDurationMs: 300 }),
  () => {
    sandbox.uploadApi.reset();
    sandbox.snapshotApi.reset();
  },
);

const CONFIG = { 'config/cache.yaml': 'ttl: 300\nlimits:\n  port: 7000\n' };
const connection = () => ({ 'instance-url': sandbox.url, username: sandbox.username, password: sandbox.password });

function workspaceWithConfig(): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'hosts-cdm-upload-'));
  for (const [name, content] of Object.entries(CONFIG)) {
    mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    writeFileSync(path.join(dir, name), content);
  }
  return dir;
}

function upload(inputs: Record<string, string>) {
  const workspace = workspaceWithConfig();
  return runOnHost('cdm-upload', 'gitlab', {
    cwd: workspace,
    inputs: {
      ...connection(),
      'app-name': 'PaymentApp',
      'name-path': 'paymentSettings',
      files: 'config/**',
      'files-root': 'config',
      ...inputs,
    },
    junitFile: path.join(workspace, 'junit.xml'),
    codequalityFile: path.join(workspace, 'codequality.json'),
  });
}

describe('cdm-upload on gitlab', () => {
  it('with validate: true, a failing policy is a failed test case per snapshot and one Code Quality finding per snapshot', async () => {
    sandbox.snapshotApi.policies = [{ name: 'CacheTtl-failing', key: 'ttl' }];
    const run = await upload({ validate: 'true' });
    expect(run.exitCode).toBe(1);
    expect(run.lines).toContainEqual(
      expect.stringMatching(/^ERROR config\/cache\.yaml:1 CacheTtl-failing \(Development, Production\): \S/),
    );
    const junit = readJunit(path.join(run.workspace, 'junit.xml'));
    expect(junit.cases.filter((c) => c.name === 'CacheTtl-failing').map((c) => c.suite.split(' / ')[0])).toEqual([
      'Development',
      'Production',
    ]);
    expect(
      junit.cases.filter((c) => c.name === 'CacheTtl-failing' && c.failure?.startsWith('config/cache.yaml:1: ')),
    ).toHaveLength(2);
    const codeQuality = JSON.parse(readFileSync(path.join(run.workspace, 'codequality.json'), 'utf8')) as {
      check_name: string;
      location: { path: string; lines: { begin: number } };
      fingerprint: string;
    }[];
    expect(codeQuality.map((f) => [f.check_name, f.location.path, f.location.lines.begin])).toEqual([
      ['CacheTtl-failing', 'config/cache.yaml', 1],
      ['CacheTtl-failing', 'config/cache.yaml', 1],
    ]);
    expect(new Set(codeQuality.map((f) => f.fingerprint)).size).toBe(2);
  });

  it('without validate, one passing test case for the job', async () => {
    const run = await upload({});
    expect(run.exitCode).toBe(0);
    expect(readJunit(path.join(run.workspace, 'junit.xml')).cases).toEqual([
      { suite: 'cdm-upload', name: 'cdm-upload' },
    ]);
    expect(JSON.parse(readFileSync(path.join(run.workspace, 'codequality.json'), 'utf8'))).toEqual([]);
  });
});

describe('cdm-export on jenkins', () => {
  it('writes the export, warns that the CI keeps the artifact, and JUnit has one test case for the job', async () => {
    const workspace = mkdtempSync(path.join(tmpdir(), 'hosts-cdm-export-'));
    const run = await runOnHost('cdm-export', 'jenkins', {
      cwd: workspace,
      inputs: {
        ...connection(),
        'app-name': 'PaymentApp',
        'deployable-name': 'Production',
        'exporter-name': 'returnAllData-now',
        'artifact-name': 'exported-config',
      },
      junitFile: path.join(workspace, 'junit.xml'),
      outputsFile: path.join(workspace, 'outputs.json'),
    });
    expect(run.exitCode).toBe(0);
    const outputs = JSON.parse(readFileSync(path.join(workspace, 'outputs.json'), 'utf8')) as Record<string, string>;
    expect(existsSync(outputs.file)).toBe(true);
    expect(outputs['artifact-id']).toBeUndefined();
    expect(run.lines.find((l) => l.startsWith('WARNING'))).toMatch(
      /^WARNING Artifact kept by the CI: Artifact 'exported-config' is not uploaded by config-promotion on jenkins: the CI's own artifact declaration keeps the files \(archiveArtifacts in the Jenkinsfile, see docs\/jenkins\.md\)\. The file stays at \//,
    );
    expect(readJunit(path.join(workspace, 'junit.xml')).cases).toEqual([{ suite: 'cdm-export', name: 'cdm-export' }]);
  });
});
