/**
 * A cancel on a host of the config-promotion command behaves as on GitHub: GitLab sends SIGTERM when a job is
 * cancelled or times out, and the run stops within 2 s, fails, and leaves the ids it knew in the log and in the
 * outputs file.
 */
import { afterEach, describe, expect, it } from '@jest/globals';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { SmaxSandbox } from '../sandbox/smax.js';
import { runOnHost } from '../support/run-on-host.js';
import { useSandbox } from '../support/use-sandbox.js';

const sandbox = useSandbox(new SmaxSandbox({ exportDurationMs: 100, importDurationMs: 60_000 }));

// runAction ends a cancelled process 1.5 s after the signal if it has not ended by then; here the run ends first,
// and the test process must live on, so that last resort is held back until the test is over.
const exit = process.exit;
afterEach(async () => {
  await sleep(1600);
  process.exit = exit;
});

describe('a cancel on gitlab', () => {
  it('stops within 2 s on SIGTERM, exits 1, and the dry run id is in the log and the outputs file', async () => {
    const exits: unknown[] = [];
    process.exit = ((code?: number) => void exits.push(code)) as typeof process.exit;
    const workspace = mkdtempSync(path.join(tmpdir(), 'hosts-cancel-'));
    let signalledAt = 0;
    const signal = (async () => {
      while (!sandbox.server.requestsTo('POST', /\/dev2prod\/import$/).length) await sleep(20);
      await sleep(200);
      signalledAt = performance.now();
      process.emit('SIGTERM', 'SIGTERM');
    })();
    const run = await runOnHost('dev2prod-promote', 'gitlab', {
      cwd: workspace,
      inputs: {
        'source-url': sandbox.url,
        'source-tenant-id': '100000001',
        'source-username': sandbox.login,
        'source-password': sandbox.password,
        'target-tenant-id': '200000002',
        'package-id': '54321',
      },
      outputsFile: path.join(workspace, 'outputs.json'),
    });
    await signal;
    expect(performance.now() - signalledAt).toBeLessThan(2000);
    expect(run.exitCode).toBe(1);
    expect(run.lines).toContain('Received SIGTERM: stopping.');
    const outputs = JSON.parse(readFileSync(path.join(workspace, 'outputs.json'), 'utf8')) as Record<string, string>;
    expect(outputs['dry-run-import-id']).toMatch(/\S/);
    expect(run.stdout).toContain(outputs['dry-run-import-id']);
    expect(readFileSync(path.join(workspace, 'config-promotion.env'), 'utf8')).toContain(
      `DEV2PROD_PROMOTE_DRY_RUN_IMPORT_ID=${outputs['dry-run-import-id']}\n`,
    );
  });
});
