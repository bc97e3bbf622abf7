/**
 * dev2prod-promote from its TypeScript source, run in-process as the runner would run its bundle, against the SMAX
 * sandbox: every mode, the gated two-job pattern, and the failures a promotion can meet on the way.
 */
import { describe, expect, it } from '@jest/globals';
import { createHash } from 'node:crypto';
import * as http from 'node:http';
import { mkdtempSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { SmaxSandbox } from '../sandbox/smax.js';
import { runAction, userVisibleText } from '../support/run-action.js';
import { lastLogLine, summaryOpening } from '../support/verdict.js';
import { runInProcess } from '../support/run-in-process.js';
import { useSandbox } from '../support/use-sandbox.js';

const SOURCE = '100000001';
const TARGET = '200000002';
const sandbox = useSandbox(new SmaxSandbox({ exportDurationMs: 300, importDurationMs: 300 }), () => {
  sandbox.setImportScenario(undefined);
  sandbox.tokenTtlMs = 3_600_000;
  sandbox.exportDurationMs = 300;
  sandbox.importDurationMs = 300;
});

const sourceInputs = () => ({
  'source-url': sandbox.url,
  'source-tenant-id': SOURCE,
  'source-username': sandbox.login,
  'source-password': sandbox.password,
});
/** `cwd` is the workspace (a fresh one unless given): a package-file must lie inside it. */
const promote = (inputs: Record<string, string>, env: Record<string, string> = {}, cwd?: string) =>
  runInProcess('dev2prod-promote', { inputs: { ...sourceInputs(), 'target-tenant-id': TARGET, ...inputs }, env, cwd });
/** The bundle in a process of its own: @actions/github reads the pull-request event once per process. */
const promoteBundle = (inputs: Record<string, string>, env: Record<string, string>) =>
  runAction('dev2prod-promote', { inputs: { ...sourceInputs(), 'target-tenant-id': TARGET, ...inputs }, env });
/** mode export (the source only) of the clean package, into `download-dir` when given. */
const exportOnly = (extra: Record<string, string> = {}) =>
  promote({ mode: 'export', 'package-id': '54321', 'target-tenant-id': '', ...extra });
const sha256 = (file: string) => createHash('sha256').update(readFileSync(file)).digest('hex');
const countExports = () => sandbox.server.requestsTo('POST', /\/dev2prod\/export\/types\//).length;
const importsOf = (dryRun: boolean) =>
  sandbox.server.requestsTo('POST', /\/dev2prod\/import$/).filter((r) => (r.query.get('dryRun') === 'true') === dryRun);

describe('dev2prod-promote end to end', () => {
  it('promotes: export, download, transfer, dry run, then the real import of the same file', async () => {
    const run = await promote({ 'package-id': '54321' });
    expect(run.exitCode).toBe(0);
    const o = run.outputs;
    expect(o['dry-run-outcome']).toBe('passed');
    expect(o['import-status']).toBe('COMPLETED');
    expect(o['package-bundle-name']).toMatch(/^Package-54321-100000001-/);
    expect(path.basename(o['package-file'])).toBe(`${o['package-bundle-name'].replace(/\s+/g, '_')}.zip`);
    expect(o['package-sha256']).toBe(sha256(o['package-file']));
    expect(sha256(sandbox.fileRepository.get(SOURCE, o['source-file-id'])!.path)).toBe(o['package-sha256']);
    expect(sha256(sandbox.fileRepository.get(TARGET, o['file-id'])!.path)).toBe(o['package-sha256']);
    expect(sandbox.uploads.at(-1)?.userAgent).toBe('Apache-HttpClient/4.4.1');
    expect(countExports()).toBe(1);
    expect(importsOf(true)).toHaveLength(1);
    expect(importsOf(false)).toHaveLength(1);
    expect(JSON.parse(importsOf(false)[0].body.toString())).toEqual({ FileId: o['file-id'] });
    expect(JSON.parse(o.totals)).toMatchObject({ Failed: 0 });
    expect(JSON.parse(o.results).length).toBeGreaterThan(0);
    expect(run.summary).toContain('### Dry run: passed');
    expect(run.summary).toContain('### Import: passed');
    const verdict = `✅ Imported file ${o['file-id']} into tenant ${TARGET} (import ${o['import-id']}: COMPLETED).`;
    expect(summaryOpening(run)).toBe(`**${verdict}**`);
    expect(lastLogLine(run)).toBe(verdict);
    // The export's per-package table is folded: most of its rows are empty packages.
    expect(run.summary).toMatch(/<details><summary>Export: \d+ package\(s\), \d+ with items<\/summary>/);
    expect(run.summary.indexOf('<details>')).toBeGreaterThan(run.summary.indexOf('### Import: passed'));
    expect(userVisibleText(run)).not.toContain(sandbox.password);
    for (const token of sandbox.tokens.keys()) expect(userVisibleText(run)).not.toContain(token);
  });

  it('gated: a dry-run job, then an import job with its file-id, imports exactly that file once', async () => {
    const first = await promote({ mode: 'dry-run', 'package-id': '54321' });
    expect(first.exitCode).toBe(0);
    expect(first.outputs['dry-run-outcome']).toBe('passed');
    expect(first.outputs['import-id']).toBeUndefined();
    expect(importsOf(false)).toHaveLength(0);
    sandbox.server.clearRequests();
    const second = await runInProcess('dev2prod-promote', {
      inputs: {
        mode: 'import',
        'target-url': sandbox.url,
        'target-tenant-id': TARGET,
        'target-username': sandbox.login,
        'target-password': sandbox.password,
        'file-id': first.outputs['file-id'],
      },
    });
    expect(second.exitCode).toBe(0);
    expect(second.outputs['dry-run-outcome']).toBe('skipped');
    expect(countExports()).toBe(0);
    expect(sandbox.server.requestsTo('POST', /\/ces\/attachment$/)).toHaveLength(0);
    expect(importsOf(false).map((r) => JSON.parse(r.body.toString()))).toEqual([{ FileId: first.outputs['file-id'] }]);
  });

  it('mode export touches only the source', async () => {
    const download = mkdtempSync(path.join(tmpdir(), 'd2p-download-'));
    const run = await exportOnly({ 'download-dir': download });
    expect(run.exitCode).toBe(0);
    expect(path.dirname(run.outputs['package-file'])).toBe(download);
    expect(run.outputs['dry-run-outcome']).toBe('skipped');
    expect(sandbox.server.requests.every((r) => !r.path.includes(`/rest/${TARGET}/`))).toBe(true);
  });

  it('uploads a package-file from disk and dry-runs it', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'd2p-pkg-'));
    const file = path.join(dir, 'package.zip');
    writeFileSync(file, Buffer.concat([Buffer.from('PK\x03\x04'), Buffer.alloc(200_000, 7)]));
    const run = await promote({ mode: 'dry-run', 'package-file': file }, {}, dir);
    expect(run.exitCode).toBe(0);
    expect(run.outputs['package-sha256']).toBe(sha256(file));
    expect(sha256(sandbox.fileRepository.get(TARGET, run.outputs['file-id'])!.path)).toBe(sha256(file));
    expect(countExports()).toBe(0);
  });

  it('stops before the real import when the dry run reports failures, annotating each by package', async () => {
    const run = await promote({ 'package-id': '40001' });
    expect(run.exitCode).toBe(1);
    expect(run.outputs['dry-run-outcome']).toBe('failed');
    expect(run.outputs['import-id']).toBeUndefined();
    expect(importsOf(false)).toHaveLength(0);
    expect(run.stdout).toMatch(/::error title=Dry run%3A \w+::Form layout /);
    expect(run.stdout).toMatch(
      /Dry run \w+ on tenant 200000002 did not pass \(2 item\(s\) failed; 2 error\(s\)\); nothing was imported/,
    );
    expect(run.summary).toContain('### Dry run: did not pass');
  });

  it('passes warnings unless fail-on-warnings', async () => {
    const lenient = await promote({ mode: 'dry-run', 'package-id': '40002' });
    expect(lenient.exitCode).toBe(0);
    expect(lenient.stdout).toContain('::warning title=Dry run%3A');
    const strict = await promote({ mode: 'dry-run', 'package-id': '40002', 'fail-on-warnings': 'true' });
    expect(strict.exitCode).toBe(1);
    expect(strict.outputs['dry-run-outcome']).toBe('failed');
  });

  it('a target locked by another Dev2Prod operation: wait and re-run with file-id, not export again', async () => {
    const run = await promote({ 'package-id': '40004' });
    expect(run.exitCode).toBe(1);
    const fileId = run.outputs['file-id'];
    expect(fileId).toBeDefined();
    expect(importsOf(false)).toHaveLength(0);
    const errorLine = lastLogLine(run);
    expect(errorLine).toMatch(/^::error title=Dry run \w+%3A FAILED::Dry run \w+ on tenant 200000002 did not pass/);
    // The verdict keeps the advice as far as 200 characters go; the detail line before it has all of it.
    expect(errorLine).toMatch(/\(the package is already on the target; no new export is needed\)$/);
    expect(run.stdout).toContain(
      `wait for that operation to finish, then re-run with file-id: ${fileId} (the package is already on the target`,
    );
    expect(errorLine).not.toContain('export again');
    expect(summaryOpening(run)).toMatch(/^\*\*❌ Failed: Dry run \w+ on tenant 200000002 did not pass/);
  });

  it('fails when the export fails, with its id', async () => {
    const run = await promote({ 'package-id': '40003' });
    expect(run.exitCode).toBe(1);
    expect(run.outputs['export-id']).toBeDefined();
    expect(run.stdout).toMatch(/Export \w+ of package 40003 ended FAILED/);
  });

  it('logs in again when the token expires mid-run', async () => {
    sandbox.exportDurationMs = 1500;
    sandbox.tokenTtlMs = 700;
    const run = await exportOnly();
    expect(run.exitCode).toBe(0);
    expect(sandbox.loginCount(SOURCE)).toBeGreaterThanOrEqual(2);
    expect(run.stdout).toContain(`Tenant ${SOURCE} answered 401: logging in again.`);
  });

  it('names the tenant when the credentials are refused', async () => {
    const run = await promote({ 'package-id': '54321', 'source-password': 'wrong-password' });
    expect(run.exitCode).toBe(1);
    expect(run.stdout).toContain(`tenant ${SOURCE}`);
    expect(userVisibleText(run)).not.toContain('wrong-password');
  });

  it('retries a download cut short and keeps no partial file; an empty download fails', async () => {
    const download = mkdtempSync(path.join(tmpdir(), 'd2p-download-'));
    sandbox.truncateNextDownload();
    const run = await exportOnly({ 'download-dir': download });
    expect(run.exitCode).toBe(0);
    expect(sandbox.downloads.at(-2)?.outcome).toBe('truncated');
    expect(sandbox.downloads.at(-1)?.outcome).toBe('complete');
    expect(run.outputs['package-sha256']).toBe(sha256(run.outputs['package-file']));
    expect(readdirSync(download)).toEqual([path.basename(run.outputs['package-file'])]);
    const emptyDir = mkdtempSync(path.join(tmpdir(), 'd2p-download-'));
    sandbox.emptyNextDownload();
    const empty = await exportOnly({ 'download-dir': emptyDir });
    expect(empty.exitCode).toBe(1);
    expect(empty.stdout).toContain('the download was empty');
    expect(readdirSync(emptyDir)).toEqual([]);
  });

  it('fails when the file repository refuses the upload (success: false)', async () => {
    sandbox.failNextUpload();
    const run = await promote({ mode: 'dry-run', 'package-id': '54321' });
    expect(run.exitCode).toBe(1);
    expect(run.stdout).toContain('the file repository refused the package');
    expect(importsOf(true)).toHaveLength(0);
  });

  it('starts exactly one export, one dry run and one import under 503s', async () => {
    sandbox.server.inject({ match: { method: 'GET', path: /\/dev2prod\// }, kind: 'status', status: 503, times: 3 });
    sandbox.server.inject({
      match: { method: 'POST', path: /\/dev2prod\/import$/ },
      kind: 'status',
      status: 503,
      retryAfter: '1',
    });
    const run = await promote({ 'package-id': '54321' });
    expect(run.exitCode).toBe(0);
    expect(countExports()).toBe(1);
    const started = [...sandbox.imports.values()].filter((i) => i.fileId === run.outputs['file-id']);
    expect(started.filter((i) => i.dryRun)).toHaveLength(1);
    expect(started.filter((i) => !i.dryRun)).toHaveLength(1);
  });

  it('posts the dry-run report on the pull request and updates the same comment on a re-run', async () => {
    const github = await fakeGitHub();
    try {
      const eventFile = path.join(mkdtempSync(path.join(tmpdir(), 'event-')), 'event.json');
      writeFileSync(eventFile, JSON.stringify({ pull_request: { number: 7 } }));
      const env = {
        GITHUB_EVENT_NAME: 'pull_request',
        GITHUB_EVENT_PATH: eventFile,
        GITHUB_REPOSITORY: 'acme/config',
        GITHUB_API_URL: github.url,
        GITHUB_WORKFLOW: 'promote',
        GITHUB_JOB: 'dry-run',
      };
      const inputs = {
        mode: 'dry-run',
        'package-id': '40002',
        'comment-on-pr': 'true',
        'github-token': 'ghs_fake_token_123',
      };
      const first = await promoteBundle(inputs, env);
      const second = await promoteBundle(inputs, env);
      expect([first.exitCode, second.exitCode]).toEqual([0, 0]);
      expect(github.comments).toHaveLength(1);
      expect(github.calls.map((c) => c.method)).toEqual(['GET', 'POST', 'GET', 'PATCH']);
      expect(github.comments[0].body).toContain('### Dry run: passed');
      expect(github.comments[0].body).toContain("Business rule 'AutoAssign' was disabled in the target");
      expect(github.calls.every((c) => c.authorization === 'token ghs_fake_token_123')).toBe(true);
      expect(userVisibleText(second)).not.toContain('ghs_fake_token_123');
    } finally {
      await github.close();
    }
  });

  it('warns and still succeeds when the comment cannot be posted', async () => {
    const eventFile = path.join(mkdtempSync(path.join(tmpdir(), 'event-')), 'event.json');
    writeFileSync(eventFile, JSON.stringify({ pull_request: { number: 7 } }));
    const run = await promoteBundle(
      { mode: 'dry-run', 'package-id': '54321', 'comment-on-pr': 'true', 'github-token': 'ghs_x' },
      {
        GITHUB_EVENT_NAME: 'pull_request',
        GITHUB_EVENT_PATH: eventFile,
        GITHUB_REPOSITORY: 'acme/config',
        GITHUB_API_URL: 'http://127.0.0.1:9',
      },
    );
    expect(run.exitCode).toBe(0);
    expect(run.stdout).toContain('::warning title=Pull request comment not posted::');
  });

  it('takes the target server and credentials from the source inputs even without a source tenant', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'd2p-pkg-'));
    const file = path.join(dir, 'package.zip');
    writeFileSync(file, Buffer.from('PK\x03\x04 a package'));
    const run = await runInProcess('dev2prod-promote', {
      inputs: {
        mode: 'dry-run',
        'source-url': sandbox.url,
        'source-username': sandbox.login,
        'source-password': sandbox.password,
        'target-tenant-id': TARGET,
        'package-file': file,
      },
      cwd: dir,
    });
    expect(run.exitCode).toBe(0);
    expect(run.outputs['dry-run-outcome']).toBe('passed');
    expect(run.stdout).toContain(
      'target-username/target-password not given: the target (' +
        sandbox.url +
        ") is the source's server, so the source's user name and password are used there.",
    );
  });

  it('never sends the source credentials to another target server', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'd2p-pkg-'));
    const file = path.join(dir, 'package.zip');
    writeFileSync(file, Buffer.from('PK\x03\x04 a package'));
    const otherServer = sandbox.url.replace('127.0.0.1', '[::1]');
    const run = await runInProcess('dev2prod-promote', {
      inputs: {
        mode: 'dry-run',
        ...sourceInputs(),
        'target-url': otherServer,
        'target-tenant-id': TARGET,
        'package-id': '54321',
      },
    });
    expect(run.exitCode).toBe(1);
    for (const input of ['target-username', 'target-password'])
      expect(run.stdout).toContain(
        `'${input}': is required: target-url (${otherServer}) is another server than source-url (${sandbox.url}), and the source's credentials are only sent to the source's server`,
      );
    expect(sandbox.server.requests).toHaveLength(0);
  });

  it('refuses a package-file that links out of the workspace', async () => {
    const outside = mkdtempSync(path.join(tmpdir(), 'd2p-outside-'));
    writeFileSync(path.join(outside, 'secret.zip'), Buffer.from('PK\x03\x04 not yours'));
    const cwd = mkdtempSync(path.join(tmpdir(), 'd2p-ws-'));
    symlinkSync(path.join(outside, 'secret.zip'), path.join(cwd, 'package.zip'));
    const run = await runInProcess('dev2prod-promote', {
      inputs: { mode: 'dry-run', ...sourceInputs(), 'target-tenant-id': TARGET, 'package-file': 'package.zip' },
      cwd,
    });
    expect(run.exitCode).toBe(1);
    expect(run.stdout).toMatch(/Input 'package-file': package\.zip is outside the workspace .*secret\.zip\)/);
    expect(sandbox.server.requests).toHaveLength(0);
  });

  it('reports bad inputs together and sends nothing', async () => {
    const run = await runInProcess('dev2prod-promote', {
      inputs: {
        mode: 'export',
        'file-id': 'abc',
        'package-file': 'missing.zip',
        'source-tenant-id': 'acme',
        'retention-days': '5',
      },
    });
    expect(run.exitCode).toBe(1);
    for (const input of ['package-file', 'source-tenant-id', 'retention-days'])
      expect(run.stdout).toContain(`title=Input '${input}'`);
    expect(run.stdout).toContain('give only one of package-id, package-file and file-id');
    expect(sandbox.server.requests).toHaveLength(0);
  });
});

/** Just enough of the GitHub REST API for issue comments, recording every call. */
async function fakeGitHub() {
  const comments: { id: number; body: string }[] = [];
  const calls: { method: string; path: string; authorization?: string }[] = [];
  const server = http.createServer((req, res) => {
    let body = '';
    req.on('data', (chunk: Buffer) => (body += chunk.toString()));
    req.on('end', () => {
      calls.push({ method: req.method ?? '', path: req.url ?? '', authorization: req.headers.authorization });
      res.setHeader('Content-Type', 'application/json');
      if (req.method === 'GET' && req.url?.startsWith('/repos/acme/config/issues/7/comments')) {
        res.end(JSON.stringify(comments));
      } else if (req.method === 'POST' && req.url === '/repos/acme/config/issues/7/comments') {
        const comment = { id: comments.length + 1, body: (JSON.parse(body) as { body: string }).body };
        comments.push(comment);
        res.statusCode = 201;
        res.end(JSON.stringify(comment));
      } else if (req.method === 'PATCH' && req.url?.startsWith('/repos/acme/config/issues/comments/')) {
        const comment = comments.find((c) => c.id === Number(req.url?.split('/').pop()));
        if (comment) comment.body = (JSON.parse(body) as { body: string }).body;
        res.end(JSON.stringify(comment));
      } else {
        res.statusCode = 404;
        res.end('{"message":"Not Found"}');
      }
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  return {
    url: `http://127.0.0.1:${port}`,
    comments,
    calls,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
