/** cdm-upload (from its source, in-process) with `validate: true`: the upload, then the same gate as cdm-validate. */
import { describe, expect, it } from '@jest/globals';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { ServiceNowCdmSandbox } from '../sandbox/servicenow-cdm.js';
import { runInProcess } from '../support/run-in-process.js';
import { useSandbox } from '../support/use-sandbox.js';

const sandbox = useSandbox(
  new ServiceNowCdmSandbox({ uploadDurationMs: 200, snapshotDelayMs: 200, validationDurationMs: 600 }),
  () => {
    sandbox.uploadApi.reset();
    sandbox.snapshotApi.reset();
  },
);

const CONFIG = {
  'config/db/settings.json': '{\n  "host": "db.internal",\n  "port": 99999\n}\n',
  'config/cache.yaml': 'ttl: 300\nlimits:\n  port: 7000\n',
};

function upload(inputs: Record<string, string>) {
  const dir = mkdtempSync(path.join(tmpdir(), 'cdm-upload-validate-'));
  for (const [name, content] of Object.entries(CONFIG)) {
    mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    writeFileSync(path.join(dir, name), content);
  }
  return runInProcess('cdm-upload', {
    cwd: dir,
    inputs: {
      'instance-url': sandbox.url,
      username: sandbox.username,
      password: sandbox.password,
      'app-name': 'PaymentApp',
      'name-path': 'paymentSettings',
      files: 'config/**',
      'files-root': 'config',
      ...inputs,
    },
  });
}

describe('cdm-upload with validate: true', () => {
  it('fails the step on a failing policy, with the finding on the uploaded file line', async () => {
    sandbox.snapshotApi.policies = [{ name: 'CacheTtl-failing', key: 'ttl' }];
    const run = await upload({ validate: 'true' });
    expect(run.exitCode).toBe(1);
    expect(run.outputs.state).toBe('completed');
    expect(run.outputs['validation-status']).toBe('failed');
    // Two snapshots: no single snapshot-name, but each deployable's by its name; cdm-upload never publishes itself.
    expect(run.outputs['snapshot-name']).toBeUndefined();
    const snapshots = JSON.parse(run.outputs.snapshots) as { deployable: string; name: string }[];
    expect(JSON.parse(run.outputs['snapshot-names'])).toEqual({
      Development: snapshots.find((s) => s.deployable === 'Development')?.name,
      Production: snapshots.find((s) => s.deployable === 'Production')?.name,
    });
    expect(Object.values(JSON.parse(run.outputs['snapshot-names']) as object)).toEqual([
      expect.stringMatching(/^Development-v\d+\.dpl$/),
      expect.stringMatching(/^Production-v\d+\.dpl$/),
    ]);
    expect(run.outputs.published).toBeUndefined();
    // The same finding on the same line from both deployables is one annotation naming both ...
    expect(run.stdout.match(/::error title=CacheTtl-failing/g)).toHaveLength(1);
    expect(run.stdout).toContain(
      // The runner decodes %2C back to the comma in the title.
      '::error title=CacheTtl-failing (Development%2C Production),file=config/cache.yaml,line=1::',
    );
    // ... while the results file and SARIF keep one result per snapshot.
    const results = JSON.parse(readFileSync(run.outputs['results-file'], 'utf8')) as { findings: { line: number }[] };
    expect(results.findings).toHaveLength(2);
    const sarif = JSON.parse(readFileSync(run.outputs['sarif-file'], 'utf8')) as { runs: { results: unknown[] }[] };
    expect(sarif.runs[0].results).toHaveLength(2);
    expect(sandbox.server.requestsTo('POST', /\/validate$/)).toHaveLength(2);
    const uploadQuery = sandbox.server.requestsTo('POST', /\/uploads\//).at(-1)?.query;
    expect(uploadQuery?.get('autoValidate')).toBe('false');
    expect(run.summary.indexOf('| Development | Development-v1.dpl | ❌ failed |')).toBeLessThan(
      run.summary.indexOf('| **Changeset** |'),
    );
  });

  it('waits for ServiceNow’s own validation with auto-validate, never triggering another', async () => {
    sandbox.snapshotApi.policies = [{ name: 'PortRange-warning' }];
    const run = await upload({ validate: 'true', 'auto-validate': 'true', 'fail-on-warnings': 'false' });
    expect(run.exitCode).toBe(0);
    expect(run.outputs['validation-status']).toBe('passed');
    expect(run.outputs.warnings).toBe('2');
    expect(JSON.parse(run.outputs['validation-results'])).toContainEqual(
      expect.objectContaining({
        file: 'config/cache.yaml',
        line: 3,
        nodePath: '/PaymentApp/components/paymentSettings/cache/limits/port',
      }),
    );
    expect(sandbox.server.requestsTo('POST', /\/validate$/)).toHaveLength(0);
  });

  it('leaves validation alone unless asked, and refuses gate inputs without validate', async () => {
    const plain = await upload({});
    expect(plain.exitCode).toBe(0);
    expect(plain.outputs['validation-status']).toBeUndefined();
    expect(sandbox.server.requestsTo('GET', /\/api\/now\/table\//)).toHaveLength(0);
    const bad = await upload({ 'fail-on-warnings': 'true', 'auto-commit': 'false', validate: 'true' });
    expect(bad.exitCode).toBe(1);
    expect(bad.stdout).toContain("'validate': needs auto-commit: true");
    const stray = await upload({ 'sarif-file': 'x.sarif' });
    expect(stray.stdout).toContain("'sarif-file': only applies with validate: true");
  });
});
