/**
 * cdm-upload's job summary for a glob of 10,000 files in deep folders with long names: it stays under GitHub's
 * 1 MiB (over it GitHub drops the summary whole, verdict included), opens with the verdict, and says that the
 * files output lists every file. Uploading 10,000 files one by one through the sandbox takes minutes, so the
 * first upload is refused: the run still plans every file, and its summary lists them all, as a real run's does.
 */
import { describe, expect, it } from '@jest/globals';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { ServiceNowCdmSandbox } from '../sandbox/servicenow-cdm.js';
import { runInProcess } from '../support/run-in-process.js';
import { summaryOpening } from '../support/verdict.js';
import { useSandbox } from '../support/use-sandbox.js';

const FILES = 10_000;
const sandbox = useSandbox(new ServiceNowCdmSandbox({ uploadDurationMs: 0 }), () => {
  sandbox.uploadApi.reset();
  sandbox.uploadApi.failUploadNumber = 1;
});

describe('cdm-upload job summary', () => {
  it(`stays under 1 MiB for ${FILES} files, verdict first, the files output named for the rest`, async () => {
    const workspace = mkdtempSync(path.join(tmpdir(), 'cdm-upload-summary-'));
    // Deep folders with long names: a row of the files table (file and name path) is some 2.7 KB.
    const segment = `${'environment-specific-settings-'.repeat(7)}x`;
    const folder = path.join(workspace, 'config', ...Array.from({ length: 6 }, () => segment));
    mkdirSync(folder, { recursive: true });
    for (let i = 0; i < FILES; i++) writeFileSync(path.join(folder, `service-${i}-settings.json`), `{"i":${i}}`);
    const run = await runInProcess('cdm-upload', {
      cwd: workspace,
      inputs: {
        'instance-url': sandbox.url,
        username: sandbox.username,
        password: sandbox.password,
        'app-name': 'PaymentApp',
        'name-path': 'paymentSettings',
        files: 'config/**/*.json',
        'files-root': 'config',
      },
    });
    expect(run.exitCode).toBe(1);
    expect(Buffer.byteLength(run.summary)).toBeLessThan(1024 * 1024);
    expect(summaryOpening(run)).toMatch(/^\*\*❌ Failed: /);
    expect(run.summary).toContain(`<details><summary>Files: ${FILES}</summary>`);
    expect(run.summary).toContain(`| paymentSettings/${segment}/`);
    expect(run.summary).toMatch(
      /…\d+ more row\(s\) left out to keep the job summary under 1 MiB; the files output lists them all\./,
    );
  }, 120_000);
});
