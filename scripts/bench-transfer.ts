/**
 * The dev2prod-promote transfer benchmark: a 1 GiB package exported, downloaded, uploaded to the target and
 * dry-run through the bundle, against a plain loopback copy of the same file through the same sandbox.
 * Targets (issue #4): peak RSS under 150 MB; throughput at least half the plain copy's.
 */
import { once } from 'node:events';
import { createReadStream, createWriteStream, mkdtempSync, rmSync, statSync } from 'node:fs';
import * as http from 'node:http';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { pipeline } from 'node:stream/promises';
import type { SmaxSandbox } from '../test/sandbox/smax.js';
import { runAction } from '../test/support/run-action.js';

const GIB = 1024 * 1024 * 1024;
const RSS_PROBE =
  'data:text/javascript,process.on("exit",()=>process.stderr.write("maxrss-kb="+process.resourceUsage().maxRSS+"\\n"))';

export async function benchTransfer(smax: SmaxSandbox, url: string): Promise<void> {
  const [source, target] = smax.tenants;
  const work = mkdtempSync(path.join(tmpdir(), 'bench-transfer-'));
  smax.packageBytes = GIB;
  smax.exportDurationMs = 0;
  smax.importDurationMs = 0;
  try {
    smax.server.clearRequests();
    const run = await runAction('dev2prod-promote', {
      inputs: {
        mode: 'dry-run',
        'source-url': url,
        'source-tenant-id': source,
        'source-username': smax.login,
        'source-password': smax.password,
        'target-tenant-id': target,
        'package-id': '54321',
        'download-dir': work,
      },
      nodeArgs: ['--import', RSS_PROBE],
    });
    const rssMiB = Number(/maxrss-kb=(\d+)/.exec(run.stderr)?.[1] ?? NaN) / 1024;
    const downloadStarted = smax.server.requestsTo('GET', /\/ces\/attachment\//)[0].at;
    const dryRunStarted = smax.server.requestsTo('POST', /\/dev2prod\/import$/)[0].at;
    const actionSeconds = (dryRunStarted - downloadStarted) / 1000;
    const fileId = run.outputs['source-file-id'];
    rmSync(run.outputs['package-file'], { force: true });

    const plainSeconds = await plainCopy(smax, url, source, target, fileId, path.join(work, 'plain.zip'));
    const rate = (seconds: number) => (2 * GIB) / seconds / 1024 / 1024;
    console.log('dev2prod-promote, 1 GiB package (download from the source + upload to the target)');
    console.log(
      `  exit ${run.exitCode}; peak memory ${rssMiB.toFixed(0)} MiB RSS — ${rssMiB < 150 ? 'meets' : 'MISSES'} target (< 150 MB)`,
    );
    console.log(
      `  throughput ${rate(actionSeconds).toFixed(0)} MiB/s (${actionSeconds.toFixed(1)} s) vs plain loopback copy ${rate(plainSeconds).toFixed(0)} MiB/s (${plainSeconds.toFixed(1)} s) — ${
        actionSeconds <= 2 * plainSeconds ? 'meets' : 'MISSES'
      } target (≥ half)`,
    );
  } finally {
    smax.packageBytes = 64 * 1024;
    rmSync(work, { recursive: true, force: true });
  }
}

/** The same download and multipart upload with nothing but node:http and streams. */
async function plainCopy(
  smax: SmaxSandbox,
  url: string,
  source: string,
  target: string,
  fileId: string,
  file: string,
): Promise<number> {
  const started = performance.now();
  const download = http.get(`${url}/rest/${source}/ces/attachment/${fileId}`, {
    headers: { Cookie: smax.cookieFor(source) },
  });
  const [response] = (await once(download, 'response')) as [http.IncomingMessage];
  await pipeline(response, createWriteStream(file));
  const boundary = 'plain-copy-boundary';
  const head = Buffer.from(
    `--${boundary}\r\nContent-Disposition: form-data; name="files[]"; filename="plain.zip"\r\nContent-Type: application/zip\r\n\r\n`,
  );
  const tail = Buffer.from(`\r\n--${boundary}--\r\n`);
  const upload = http.request(`${url}/rest/${target}/ces/attachment`, {
    method: 'POST',
    headers: {
      Cookie: smax.cookieFor(target),
      'Content-Type': `multipart/form-data; boundary=${boundary}`,
      'Content-Length': String(head.length + statSync(file).size + tail.length),
    },
  });
  upload.write(head);
  await pipeline(createReadStream(file), upload, { end: false });
  upload.end(tail);
  const [answer] = (await once(upload, 'response')) as [http.IncomingMessage];
  answer.resume();
  await once(answer, 'end');
  return (performance.now() - started) / 1000;
}
