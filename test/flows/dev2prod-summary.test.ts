/**
 * dev2prod-promote's job summary with a dry run that reports 10,000 failed packages, each with its error: it stays
 * under GitHub's 1 MiB (over it GitHub drops the summary whole, verdict included), opens with the verdict, keeps
 * the totals, and says where every package's result is.
 */
import { describe, expect, it } from '@jest/globals';
import { SmaxSandbox } from '../sandbox/smax.js';
import { runInProcess } from '../support/run-in-process.js';
import { summaryOpening } from '../support/verdict.js';
import { useSandbox } from '../support/use-sandbox.js';

const ROWS = 10_000;
const STATUS_PATH = /\/dev2prod\/import\/[^/]+$/;
const sandbox = useSandbox(new SmaxSandbox({ exportDurationMs: 200, importDurationMs: 200 }));

type Status = Record<string, unknown> & { Status: string; DryRun: boolean };

describe('dev2prod-promote job summary', () => {
  it(`stays under 1 MiB with a dry run of ${ROWS} error rows, verdict and totals first`, async () => {
    sandbox.server.inject({
      match: { method: 'GET', path: STATUS_PATH },
      kind: 'rewrite',
      json: (body: Status) =>
        body.DryRun && body.Status === 'COMPLETED'
          ? {
              ...body,
              Results: Array.from({ length: ROWS }, (_, i) => ({
                PackageName: `package-${i}`,
                Statistics: { Added: 0, Modified: 0, Removed: 0, Failed: 1, Skipped: 0 },
                Errors: [`Entity ${i} of package-${i} was rejected: the form layout 'Incident.Default' is broken`],
                Warnings: [],
              })),
              Totals: { Added: 0, Modified: 0, Removed: 0, Failed: ROWS, Skipped: 0 },
            }
          : body,
      times: Infinity,
    });
    const run = await runInProcess('dev2prod-promote', {
      inputs: {
        'source-url': sandbox.url,
        'source-tenant-id': '100000001',
        'source-username': sandbox.login,
        'source-password': sandbox.password,
        'target-tenant-id': '200000002',
        'package-id': '54321',
        'poll-interval': '1s',
      },
    });
    expect(run.exitCode).toBe(1);
    expect(Buffer.byteLength(run.summary)).toBeLessThan(1024 * 1024);
    expect(summaryOpening(run)).toMatch(/^\*\*❌ Failed: Dry run \w+ on tenant 200000002 did not pass/);
    expect(run.summary).toContain(`| **Total** | **0** | **0** | **0** | **${ROWS}** | **0** | **${ROWS}** | **0** |`);
    const where = "; the step's results output holds every package's result, errors and warnings.";
    expect(run.summary).toMatch(
      new RegExp(`…\\d+ more row\\(s\\) left out to keep the job summary under 1 MiB${where}`),
    );
    expect(run.summary).toContain(
      "- ❌ **package-0**: Entity 0 of package-0 was rejected: the form layout 'Incident.Default' is broken",
    );
  }, 60_000);
});
