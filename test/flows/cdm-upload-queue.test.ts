/**
 * cdm-upload queues its uploads: in file order, at most `max-parallel` in flight, into one changeset, with one
 * commit after the last; a failure stops the queue and lets the open uploads finish; 429/503 halve the bound; a
 * cancel queues nothing more and reports what was queued. Run in-process against the ServiceNow CDM sandbox.
 */
import { afterEach, describe, expect, it, jest } from '@jest/globals';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { ServiceNowCdmSandbox } from '../sandbox/servicenow-cdm.js';
import { UPLOAD_ERROR_OUTPUT, type CdmUpload } from '../sandbox/servicenow-cdm-uploads.js';
import { runInProcess } from '../support/run-in-process.js';
import { useSandbox } from '../support/use-sandbox.js';

const DURATION_MS = 60;
const sandbox = useSandbox(new ServiceNowCdmSandbox({ uploadDurationMs: DURATION_MS }), () => {
  sandbox.uploadApi.reset();
  sandbox.uploadApi.failUploadNumber = undefined;
  sandbox.uploadDurationMs = DURATION_MS;
  sandbox.setUploadScenario('success');
});

/** A workspace with `count` small JSON files, config/f01.json … in file order. */
function manyFiles(count: number): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'cdm-upload-queue-'));
  mkdirSync(path.join(dir, 'config'));
  for (let i = 1; i <= count; i++) writeFileSync(path.join(dir, 'config', `${name(i)}.json`), `{"n": ${i}}`);
  return dir;
}
const name = (i: number) => `f${String(i).padStart(2, '0')}`;

const upload = (cwd: string, inputs: Record<string, string> = {}) =>
  runInProcess('cdm-upload', {
    inputs: {
      'instance-url': sandbox.url,
      username: sandbox.username,
      password: sandbox.password,
      'app-name': 'PaymentApp',
      files: 'config/*.json',
      'files-root': 'config',
      ...inputs,
    },
    cwd,
  });
const uploads = () => [...sandbox.uploads.values()].sort((a, b) => a.sequence - b.sequence);
const posts = () => sandbox.server.requestsTo('POST', /\/uploads\//);
/** When the action could know that the upload had ended: the sandbox's first final answer about it. */
const seenEndedAt = (u: CdmUpload) => u.endReportedAt ?? Infinity;
/** The most uploads queued and not yet seen to end, at any moment. */
function mostInFlight(): number {
  const all = uploads();
  return Math.max(
    ...all.map((u) => all.filter((o) => o.createdAt <= u.createdAt && seenEndedAt(o) > u.createdAt).length),
  );
}

describe('cdm-upload: the queue', () => {
  it('queues in file order into one changeset, at most max-parallel at once, and commits once after the last', async () => {
    const run = await upload(manyFiles(20), { 'max-parallel': '4' });
    expect(run.exitCode).toBe(0);
    const sent = uploads();
    expect(sent.map((u) => u.query.namePath)).toEqual(Array.from({ length: 20 }, (_, i) => name(i + 1)));
    // The first upload opens the changeset alone; every other one goes into it.
    expect(sent[0].query.changesetNumber).toBeUndefined();
    expect(sent[1].createdAt).toBeGreaterThanOrEqual(seenEndedAt(sent[0]));
    const changeset = sent[0].changesetNumber!;
    expect(new Set(sent.slice(1).map((u) => u.query.changesetNumber))).toEqual(new Set([changeset]));
    expect(sandbox.changesets.size).toBe(1);
    // Uploads did overlap, never more than four at a time.
    expect(mostInFlight()).toBe(4);
    // One commit, with the last file, sent after every other upload was seen completed.
    expect(sent.map((u) => u.query.autoCommit)).toEqual([...Array(19).fill('false'), 'true']);
    expect(sandbox.changesets.get(changeset)?.commits).toBe(1);
    const last = sent[19];
    for (const u of sent.slice(0, 19)) expect(seenEndedAt(u)).toBeLessThanOrEqual(last.createdAt);
    expect(run.outputs).toMatchObject({
      'changeset-number': changeset,
      'changeset-state': 'committed',
      state: 'completed',
      'upload-id': last.id,
    });
    expect(JSON.parse(run.outputs['upload-ids'])).toEqual(sent.map((u) => u.id));
    const files = JSON.parse(run.outputs.files) as { namePath: string; state: string }[];
    expect(files.map((f) => [f.namePath, f.state])).toEqual(sent.map((u) => [u.query.namePath, 'completed']));
    // Each status check answered quickly: a few per file, not one every half second.
    expect(sandbox.server.requestsTo('GET', /\/upload-status\//).length).toBeLessThanOrEqual(3 * 20);
  });

  it('with max-parallel 1, follows each upload to its end before the next, as before', async () => {
    const run = await upload(manyFiles(4), { 'max-parallel': '1' });
    expect(run.exitCode).toBe(0);
    const sent = uploads();
    expect(sent).toHaveLength(4);
    expect(mostInFlight()).toBe(1);
    expect(sandbox.changesets.get(sent[0].changesetNumber!)?.commits).toBe(1);
  });

  it('uploads into a given changeset up to max-parallel at once from the start', async () => {
    sandbox.uploadApi.createChangeset('PaymentApp', 'open', 'Chset-500');
    const run = await upload(manyFiles(6), { 'max-parallel': '3', 'changeset-number': 'Chset-500' });
    expect(run.exitCode).toBe(0);
    expect(uploads().map((u) => u.query.changesetNumber)).toEqual(Array(6).fill('Chset-500'));
    expect(sandbox.changesets.size).toBe(1);
    expect(mostInFlight()).toBe(3);
  });

  it('fails closed when an upload says it went into another changeset than the run’s', async () => {
    sandbox.uploadApi.createChangeset('PaymentApp', 'open', 'Chset-5');
    sandbox.server.inject({
      match: { method: 'GET', path: /\/upload-status\// },
      kind: 'rewrite',
      json: (body: { result: { output?: { number?: string } } }) => {
        if (body.result.output?.number) body.result.output.number = 'Chset-6';
        return body;
      },
      times: Infinity,
    });
    const run = await upload(manyFiles(3), { 'changeset-number': 'Chset-5' });
    expect(run.exitCode).toBe(1);
    expect(run.stdout).toContain('Upload of config/f01.json went into changeset Chset-6, not Chset-5');
    expect(JSON.parse(run.outputs.files)[0].state).toBe('error');
    expect(uploads().every((u) => u.query.autoCommit === 'false')).toBe(true);
  });

  it.each([
    ['0', "Input 'max-parallel': must be a whole number at least 1 (got '0')"],
    ['2.5', "Input 'max-parallel': must be a whole number at least 1 (got '2.5')"],
    ['many', "Input 'max-parallel': must be a whole number at least 1 (got 'many')"],
  ])('refuses max-parallel %s before any request', async (value, message) => {
    const run = await upload(manyFiles(2), { 'max-parallel': value });
    expect(run.exitCode).toBe(1);
    expect(run.stdout).toContain(message);
    expect(sandbox.server.requests).toHaveLength(0);
  });
});

describe('cdm-upload: a failed upload stops the queue', () => {
  it('queues nothing more, follows the open ones to their end, reports every file and commits nothing', async () => {
    sandbox.uploadApi.failUploadNumber = 3;
    sandbox.uploadApi.durations.set(4, 700); // still in flight when the third one fails
    const run = await upload(manyFiles(10), { 'max-parallel': '4' });
    expect(run.exitCode).toBe(1);
    const sent = uploads();
    const failed = sent[2];
    const failureSeenAt = seenEndedAt(failed);
    expect(posts().every((post) => post.at < failureSeenAt)).toBe(true);
    // Uploads that ended before the failure made room for a few more; none after it.
    const queued = sent.length;
    expect(queued).toBeGreaterThanOrEqual(5);
    expect(queued).toBeLessThan(10);
    // The fourth upload was still in flight at the failure, and was followed to its end.
    expect(seenEndedAt(sent[3])).toBeGreaterThan(failureSeenAt);
    const files = JSON.parse(run.outputs.files) as { namePath: string; uploadId: string | null; state: string }[];
    expect(files.map((f) => f.state)).toEqual(
      files.map((_, i) => (i === 2 ? 'error' : i < queued ? 'completed' : 'not_started')),
    );
    expect(files.map((f) => f.uploadId)).toEqual(files.map((_, i) => sent[i]?.id ?? null));
    expect(run.summary).toContain(`| config/f03.json | f03 | ${failed.id} | error |`);
    expect(run.summary).toContain('| config/f10.json | f10 |  | not_started |');
    // Nothing committed: no upload asked for it.
    expect(sent.every((u) => u.query.autoCommit === 'false')).toBe(true);
    expect(sandbox.changesets.get(sent[0].changesetNumber!)?.commits).toBe(0);
    expect(run.outputs.state).toBe('error');
    // The error names the first failed file and ServiceNow's message.
    const vendorLine = UPLOAD_ERROR_OUTPUT.split('\n')[1];
    expect(run.stdout).toMatch(
      new RegExp(`::error title=Upload ${failed.id}%3A error::Upload of config/f03\\.json failed`),
    );
    expect(run.stdout).toContain(vendorLine);
    expect(run.stdout).toContain(`is left open with ${queued - 1} of 10 upload(s) in it`);
  });

  it('names the first failed file in order when a later one failed first', async () => {
    sandbox.uploadApi.createChangeset('PaymentApp', 'open', 'Chset-9');
    const cwd = manyFiles(4);
    // The second file fails (its name path selects the sandbox's upload-error), slower than the third does.
    rmSync(path.join(cwd, 'config', 'f02.json'));
    writeFileSync(path.join(cwd, 'config', 'f02-upload-error.json'), '{"n": 2}');
    sandbox.uploadApi.durations.set(2, 400);
    sandbox.uploadApi.failUploadNumber = 3;
    const run = await upload(cwd, { 'max-parallel': '4', 'changeset-number': 'Chset-9' });
    expect(run.exitCode).toBe(1);
    const [, second, third] = uploads();
    expect(seenEndedAt(third)).toBeLessThan(seenEndedAt(second));
    expect(run.stdout).toContain('Upload of config/f02-upload-error.json failed');
    expect(JSON.parse(run.outputs.files).map((f: { state: string }) => f.state)).toEqual([
      'completed',
      'error',
      'error',
      'not_started',
    ]);
  });
});

describe('cdm-upload: the server asks to slow down', () => {
  it.each([
    ['a 429 on an upload', 'POST', /\/uploads\//, 429],
    ['a 503 with Retry-After on a status check', 'GET', /\/upload-status\//, 503],
  ])(
    '%s halves max-parallel, waits Retry-After and never sends an upload twice',
    async (_what, method, pathPattern, status) => {
      sandbox.server.inject({ match: { method, path: pathPattern }, kind: 'status', status, retryAfter: '1' });
      const run = await upload(manyFiles(12), { 'max-parallel': '4' });
      expect(run.exitCode).toBe(0);
      expect(run.stdout).toContain('ServiceNow asked to slow down: at most 2 upload(s) in flight from now on.');
      const sent = uploads();
      expect(sent.map((u) => u.query.namePath)).toEqual(Array.from({ length: 12 }, (_, i) => name(i + 1)));
      expect(new Set(sent.map((u) => u.changesetNumber)).size).toBe(1);
      expect(mostInFlight()).toBe(2);
      // The refused request went again after the second the server asked for.
      const refused = sandbox.server.requestsTo(method, pathPattern)[0];
      const again = sandbox.server.requestsTo(method, pathPattern)[1];
      expect(again.path).toBe(refused.path);
      expect(again.at - refused.at).toBeGreaterThanOrEqual(1000);
      expect(posts()).toHaveLength(method === 'POST' ? 13 : 12);
    },
  );
});

describe('cdm-upload: the deadline', () => {
  it('times out with the id of every queued upload in the outputs and says which may still finish', async () => {
    sandbox.setUploadScenario('never-completes');
    sandbox.uploadApi.createChangeset('PaymentApp', 'open', 'Chset-4');
    const run = await upload(manyFiles(6), { 'max-parallel': '4', 'changeset-number': 'Chset-4', timeout: '3s' });
    expect(run.exitCode).toBe(1);
    const sent = uploads();
    expect(sent).toHaveLength(4);
    expect(run.stdout).toMatch(
      /^Timed out waiting for 6 upload\(s\) after .*; last state: 0 of 6 completed, 4 in flight/m,
    );
    // The verdict (at most 200 characters) keeps its start and what to do.
    expect(run.stdout).toMatch(
      /::error title=Timed out::Timed out waiting for 6 upload\(s\) .*re-run with changeset-number: Chset-4$/m,
    );
    expect(run.stdout).toContain(`upload(s) ${sent.map((u) => u.id).join(', ')} may still finish`);
    expect(JSON.parse(run.outputs['upload-ids'])).toEqual(sent.map((u) => u.id));
    expect(run.durationMs).toBeLessThan(4000);
  });
});

describe('cdm-upload: cancel', () => {
  let exit: ReturnType<typeof jest.spyOn> | undefined;
  afterEach(() => exit?.mockRestore());

  it('queues nothing more on SIGINT and has the id of every queued upload in the outputs', async () => {
    // The runner's second chance (process.exit after a grace period) must not end the test run.
    exit = jest.spyOn(process, 'exit').mockImplementation((() => undefined) as never);
    sandbox.uploadDurationMs = 10_000;
    sandbox.uploadApi.createChangeset('PaymentApp', 'open', 'Chset-3');
    let signalledAt = 0;
    const signal = (async () => {
      const giveUpAt = Date.now() + 3000;
      // Four uploads queued and each already checked once: their POSTs were answered, and the queue is waiting.
      const checked = (id: string) =>
        sandbox.server.requestsTo('GET', /\/upload-status\//).some((request) => request.path.endsWith(`/${id}`));
      const waiting = () => uploads().length >= 4 && uploads().every((u) => checked(u.id));
      while (!waiting() && Date.now() < giveUpAt) await new Promise((resolve) => setTimeout(resolve, 5));
      signalledAt = sandbox.server.now();
      process.emit('SIGINT');
    })();
    const run = await upload(manyFiles(10), { 'max-parallel': '4', 'changeset-number': 'Chset-3' });
    await signal;
    expect(run.exitCode).toBe(1);
    expect(run.stdout).toMatch(/::error title=Cancelled::Cancelled while waiting for 10 upload\(s\) /);
    expect(run.stdout).toMatch(/^Cancelled while waiting for 10 upload\(s\) after /m);
    const sent = uploads();
    expect(sent).toHaveLength(4);
    expect(posts().every((post) => post.at <= signalledAt)).toBe(true);
    expect(JSON.parse(run.outputs['upload-ids'])).toEqual(sent.map((u) => u.id));
    const files = JSON.parse(run.outputs.files) as { uploadId: string | null; state: string }[];
    expect(files.map((f) => f.uploadId)).toEqual([...sent.map((u) => u.id), ...Array(6).fill(null)]);
    expect(files.slice(4).every((f) => f.state === 'not_started')).toBe(true);
    expect(run.stdout).toContain(`may still finish`);
    // Wait out the grace period, so the stubbed exit is the one called.
    await new Promise((resolve) => setTimeout(resolve, 1600));
    expect(exit).toHaveBeenCalledWith(1);
  });
});
