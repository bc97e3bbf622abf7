/**
 * `npm run bench` — a benchmark, not a timed test. Per action bundle, against the sandbox:
 *  - start-up: process start to the first request the sandbox receives (median of several runs);
 *  - for simulated jobs of 0.5 s, 2 s and 10 s: the time from the job's completion on the server to the action's
 *    exit, and the number of status requests;
 *  - peak memory (max RSS) of the action process, for a small and a large export.
 * Targets (issue #2): start-up < 150 ms; completion noticed within max(0.5 s, 10 % of the job); ≤ 12 status
 * requests for a 10 s job.
 */
import { ServiceNowCdmSandbox } from '../test/sandbox/servicenow-cdm.js';
import { runAction } from '../test/support/run-action.js';

const STARTUP_RUNS = 7;
const JOB_SECONDS = [0.5, 2, 10];
const RSS_PROBE =
  'data:text/javascript,process.on("exit",()=>process.stderr.write("maxrss-kb="+process.resourceUsage().maxRSS+"\\n"))';

const sandbox = new ServiceNowCdmSandbox();
const url = await sandbox.listen();
const inputs = {
  'instance-url': url,
  username: sandbox.username,
  password: sandbox.password,
  'app-name': 'BenchApp',
  'deployable-name': 'Production',
  'exporter-name': 'bench-exporter',
};
const statusRequests = () => sandbox.server.requestsTo('GET', /\/status$/).length;
const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
const verdict = (ok: boolean) => (ok ? 'meets target' : 'MISSES target');

try {
  console.log('cdm-export');

  sandbox.exportDurationMs = 0;
  const startups: number[] = [];
  for (let i = 0; i < STARTUP_RUNS; i++) {
    sandbox.server.clearRequests();
    const spawnedAt = Date.now();
    await runAction('cdm-export', { inputs });
    startups.push(sandbox.server.requests[0].at - spawnedAt);
  }
  const startup = median(startups);
  console.log(
    `  start-up (process start → first request), median of ${STARTUP_RUNS}: ${startup} ms — ${verdict(startup < 150)} (< 150 ms)`,
  );

  for (const seconds of JOB_SECONDS) {
    sandbox.exportDurationMs = seconds * 1000;
    sandbox.server.clearRequests();
    sandbox.exports.clear();
    const run = await runAction('cdm-export', { inputs });
    const exitedAt = Date.now();
    const job = [...sandbox.exports.values()][0];
    const noticed = exitedAt - (job.createdAt + sandbox.exportDurationMs);
    const target = Math.max(500, seconds * 100);
    const requests = statusRequests();
    const requestTarget = seconds === 10 ? ` — ${verdict(requests <= 12)} (≤ 12)` : '';
    console.log(
      `  ${String(seconds).padStart(4)} s job: exit ${run.exitCode}, completion → exit ${noticed} ms — ${verdict(noticed <= target)} (≤ ${target} ms); ${requests} status requests${requestTarget}`,
    );
  }

  sandbox.exportDurationMs = 0;
  for (const bytes of [0, 20 * 1024 * 1024]) {
    sandbox.contentBytes = bytes;
    const run = await runAction('cdm-export', { inputs, nodeArgs: ['--import', RSS_PROBE] });
    const rss = Number(/maxrss-kb=(\d+)/.exec(run.stderr)?.[1] ?? NaN);
    console.log(
      `  peak memory, ${bytes ? `${bytes / 1024 / 1024} MiB` : 'small'} export: ${(rss / 1024).toFixed(0)} MiB RSS (exit ${run.exitCode}, ${run.outputs.bytes} bytes written)`,
    );
  }
} finally {
  await sandbox.close();
}
