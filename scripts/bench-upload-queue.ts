/**
 * cdm-upload of 1,000 and 10,000 small JSON files against a 5 ms simulated server, through the bundle: time, peak
 * RSS, and requests per file, with `max-parallel` 1 and 8. `max-parallel: 1` runs at 1,000 files only: one file
 * at a time, 10,000 would take several minutes of the bench for a figure that scales linearly.
 * Targets (issue #20): 1,000 files in ≤ 20 s with the default; 10,000 in ≤ 200 s with peak RSS ≤ 150 MiB; ≤ 2
 * status requests per file on average with the default.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import type { ServiceNowCdmSandbox } from '../test/sandbox/servicenow-cdm.js';
import { runAction } from '../test/support/run-action.js';

const SERVER_MS = 5;
const CASES: ReadonlyArray<{ files: number; maxParallel: number }> = [
  { files: 1000, maxParallel: 8 },
  { files: 1000, maxParallel: 1 },
  { files: 10_000, maxParallel: 8 },
];
const RSS_PROBE =
  'data:text/javascript,process.on("exit",()=>process.stderr.write("maxrss-kb="+process.resourceUsage().maxRSS+"\\n"))';

/** `bundle`: a cdm-upload bundle built elsewhere, to measure a change before dist/ is rebuilt. */
export async function benchUploadQueue(
  cdm: ServiceNowCdmSandbox,
  login: Record<string, string>,
  bundle?: string,
): Promise<void> {
  console.log(`cdm-upload of many small JSON files against a ${SERVER_MS} ms simulated server`);
  const saved = cdm.uploadDurationMs;
  cdm.uploadDurationMs = SERVER_MS;
  try {
    for (const { files, maxParallel } of CASES) {
      const repo = mkdtempSync(path.join(tmpdir(), 'bench-upload-queue-'));
      try {
        mkdirSync(path.join(repo, 'config'));
        for (let i = 0; i < files; i++) {
          writeFileSync(path.join(repo, 'config', `setting-${String(i).padStart(5, '0')}.json`), `{"value": ${i}}\n`);
        }
        cdm.uploadApi.reset();
        cdm.server.clearRequests();
        const run = await runAction('cdm-upload', {
          inputs: { ...login, files: 'config/*.json', 'files-root': 'config', 'max-parallel': String(maxParallel) },
          cwd: repo,
          nodeArgs: ['--import', RSS_PROBE],
          entry: bundle,
        });
        const rssMiB = Number(/maxrss-kb=(\d+)/.exec(run.stderr)?.[1] ?? NaN) / 1024;
        const uploads = cdm.server.requestsTo('POST', /\/uploads\//).length;
        const statuses = cdm.server.requestsTo('GET', /\/upload-status\//).length;
        const seconds = run.durationMs / 1000;
        const timeTarget = files === 1000 ? 20 : 200;
        const verdicts =
          maxParallel === 8
            ? ` — time ${seconds <= timeTarget ? 'meets' : 'MISSES'} ≤ ${timeTarget} s` +
              `, status ${statuses / files <= 2 ? 'meets' : 'MISSES'} ≤ 2 per file` +
              (files === 10_000 ? `, RSS ${rssMiB <= 150 ? 'meets' : 'MISSES'} ≤ 150 MiB` : '')
            : '';
        console.log(
          `  ${files} files, max-parallel ${maxParallel}: exit ${run.exitCode}, ${seconds.toFixed(1)} s, peak RSS ${rssMiB.toFixed(0)} MiB, ` +
            `${(uploads / files).toFixed(2)} upload + ${(statuses / files).toFixed(2)} status requests per file${verdicts}`,
        );
      } finally {
        rmSync(repo, { recursive: true, force: true });
      }
    }
  } finally {
    cdm.uploadDurationMs = saved;
  }
}
