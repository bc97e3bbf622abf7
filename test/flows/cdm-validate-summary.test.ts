/**
 * cdm-validate's job summary against the ServiceNow CDM sandbox, with thousands of findings linked to the file they
 * point into: it stays under GitHub's 1 MiB (over it GitHub drops the summary whole, verdict included), opens with
 * the verdict, and says how many findings it left out and which file holds them all.
 */
import { describe, expect, it } from '@jest/globals';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { ServiceNowCdmSandbox } from '../sandbox/servicenow-cdm.js';
import { runInProcess } from '../support/run-in-process.js';
import { summaryOpening } from '../support/verdict.js';
import { useSandbox } from '../support/use-sandbox.js';

const SETTINGS = '{\n  "host": "db.internal",\n  "port": 99999\n}\n';
/** A contributor's file name: `#` and `?` would start a fragment or query in a link, a space would end it. */
const FILE = 'config/db/prod settings#1?.json';
const LINKS = { GITHUB_SERVER_URL: 'https://github.com', GITHUB_REPOSITORY: 'acme/payments', GITHUB_SHA: 'c0ffee' };
const MIB = 1024 * 1024;

const sandbox = useSandbox(new ServiceNowCdmSandbox({ uploadDurationMs: 100, snapshotDelayMs: 100 }), () => {
  sandbox.uploadApi.reset();
  sandbox.snapshotApi.reset();
});

async function validateWithFindings(count: number) {
  sandbox.snapshotApi.policies = Array.from({ length: count }, (_, i) => ({ name: `Rule ${i}-failing` }));
  const workspace = mkdtempSync(path.join(tmpdir(), 'cdm-validate-summary-'));
  mkdirSync(path.join(workspace, 'config/db'), { recursive: true });
  const file = path.join(workspace, FILE);
  writeFileSync(file, SETTINGS);
  const namePath = 'paymentSettings/db/settings';
  const query = new URLSearchParams({ appName: 'PaymentApp', dataFormat: 'json', namePath, autoCommit: 'true' });
  const res = await fetch(`${sandbox.url}/api/sn_cdm/applications/uploads/components?${query}`, {
    method: 'POST',
    headers: { authorization: sandbox.basicAuthorization, 'content-type': 'text/plain' },
    body: SETTINGS,
  });
  expect(res.status).toBe(200);
  return runInProcess('cdm-validate', {
    cwd: workspace,
    env: LINKS,
    inputs: {
      'instance-url': sandbox.url,
      username: sandbox.username,
      password: sandbox.password,
      'app-name': 'PaymentApp',
      'changeset-number': [...sandbox.changesets.values()].at(-1)?.number ?? '',
      'deployable-name': 'Production',
      'uploaded-files': JSON.stringify([{ file, namePath, uploadId: 'u1', state: 'completed' }]),
    },
  });
}

describe('cdm-validate job summary', () => {
  it('stays under 1 MiB with 5,000 linked findings, verdict first, naming the results file for the rest', async () => {
    const run = await validateWithFindings(5000);
    expect(run.exitCode).toBe(1);
    expect(run.outputs.failures).toBe('5000');
    expect(Buffer.byteLength(run.summary)).toBeLessThan(MIB);
    expect(summaryOpening(run)).toMatch(/^\*\*❌ Failed: .*5000 failure/);
    // The results file in the runner's temp folder: named by its base name, never by its path there.
    const resultsFile = path.basename(run.outputs['results-file']);
    expect(run.summary).not.toContain(run.outputs['results-file']);
    expect(run.summary).toMatch(
      new RegExp(
        `…\\d+ more row\\(s\\) left out to keep the job summary under 1 MiB; every finding is in ${resultsFile} \\(the results-file output\\)\\.`,
      ),
    );
    // The link keeps the whole file name in its path: #, ? and the space are percent-encoded.
    expect(run.summary).toContain(
      '](https://github.com/acme/payments/blob/c0ffee/config/db/prod%20settings%231%3F.json#L3)',
    );
    // The policies' table is whole or cut, never the details table that names the results file.
    expect(run.summary).toContain(`| **Results file** | ${resultsFile} |`);
  }, 60_000);
});
