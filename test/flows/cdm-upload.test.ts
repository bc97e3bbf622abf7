/**
 * cdm-upload from its TypeScript source, run in-process as the runner would run its bundle, against the ServiceNow CDM
 * sandbox: a folder of files into one changeset, every target and endpoint, and each failure the spec documents.
 */
import { describe, expect, it } from '@jest/globals';
import { mkdirSync, mkdtempSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { ServiceNowCdmSandbox } from '../sandbox/servicenow-cdm.js';
import { lastLogLine, summaryOpening } from '../support/verdict.js';
import { runInProcess } from '../support/run-in-process.js';
import { useSandbox } from '../support/use-sandbox.js';

const sandbox = useSandbox(new ServiceNowCdmSandbox({ uploadDurationMs: 300 }), () => {
  sandbox.uploadApi.reset();
  sandbox.uploadApi.failUploadNumber = undefined;
  sandbox.setUploadScenario('success');
});

/** A fresh working directory holding the given files. */
function workspace(files: Record<string, string | Buffer>): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'cdm-upload-ws-'));
  for (const [name, content] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    writeFileSync(path.join(dir, name), content);
  }
  return dir;
}

const login = () => ({
  'instance-url': sandbox.url,
  username: sandbox.username,
  password: sandbox.password,
  'app-name': 'PaymentApp',
});
const upload = (inputs: Record<string, string>, files: Record<string, string | Buffer> = {}) =>
  runInProcess('cdm-upload', { inputs: { ...login(), ...inputs }, cwd: workspace(files) });
const uploads = () => [...sandbox.uploads.values()].sort((a, b) => a.sequence - b.sequence);
const posts = () => sandbox.server.requestsTo('POST', /\/uploads\//);

const CONFIG = {
  'config/db/settings.json': '{\n  "host": "db.internal",\n  "port": 5432\n}\n',
  'config/cache.yaml': 'ttl: 300\nsize: 1024\n',
  'config/feature-flags.properties': 'checkout.v2=true\n',
  'config/local.json': '{"ignored": true}',
};

describe('cdm-upload end to end', () => {
  it('uploads a folder into one changeset with exactly one commit, name paths from the folder layout', async () => {
    const run = await upload(
      { 'name-path': 'paymentSettings', files: 'config/**\n!config/local.json', 'files-root': 'config' },
      CONFIG,
    );
    expect(run.exitCode).toBe(0);
    const sent = uploads();
    expect(sent.map((u) => u.query.namePath)).toEqual([
      'paymentSettings/cache',
      'paymentSettings/db/settings',
      'paymentSettings/feature-flags',
    ]);
    expect(sent.map((u) => u.query.dataFormat)).toEqual(['yaml', 'json', 'properties']);
    expect(sent.map((u) => u.body.toString())).toEqual([
      CONFIG['config/cache.yaml'],
      CONFIG['config/db/settings.json'],
      CONFIG['config/feature-flags.properties'],
    ]);
    expect(sent.map((u) => u.contentType)).toEqual(Array(3).fill('text/plain; charset=utf-8'));
    expect(sent.map((u) => u.query.autoCommit)).toEqual(['false', 'false', 'true']);
    expect(sent.map((u) => u.query.autoDelete)).toEqual(['false', 'false', 'false']);
    expect(sent[0].query.changesetNumber).toBeUndefined();
    const changeset = sent[0].changesetNumber;
    expect(sent.slice(1).map((u) => u.query.changesetNumber)).toEqual([changeset, changeset]);
    expect(sandbox.changesets.size).toBe(1);
    expect(sandbox.changesets.get(changeset!)?.commits).toBe(1);
    expect(run.outputs).toMatchObject({
      'changeset-number': changeset,
      'changeset-state': 'committed',
      state: 'completed',
      'upload-id': sent[2].id,
    });
    expect(JSON.parse(run.outputs['upload-ids'])).toEqual(sent.map((u) => u.id));
    expect(JSON.parse(run.outputs.files)).toEqual([
      {
        file: path.join(run.workspace, 'config/cache.yaml'),
        namePath: 'paymentSettings/cache',
        uploadId: sent[0].id,
        state: 'completed',
      },
      {
        file: path.join(run.workspace, 'config/db/settings.json'),
        namePath: 'paymentSettings/db/settings',
        uploadId: sent[1].id,
        state: 'completed',
      },
      {
        file: path.join(run.workspace, 'config/feature-flags.properties'),
        namePath: 'paymentSettings/feature-flags',
        uploadId: sent[2].id,
        state: 'completed',
      },
    ]);
    expect(run.summary).toContain(
      `| config/db/settings.json | paymentSettings/db/settings | ${sent[1].id} | completed |`,
    );
    expect(run.summary).toContain(changeset);
    // The verdict opens the summary and closes the log; the file table is folded below it.
    const verdict = `✅ Uploaded 3 item(s) to PaymentApp in changeset ${changeset} (committed).`;
    expect(summaryOpening(run)).toBe(`**${verdict}**`);
    expect(lastLogLine(run)).toBe(verdict);
    expect(run.summary).toContain('<details><summary>Files: 3</summary>');
  });

  it.each([
    ['collection', { 'collection-name': 'release-1.0' }, /\/uploads\/collections$/, 'collectionName', 'release-1.0'],
    ['deployable', { 'deployable-name': 'Production' }, /\/uploads\/deployables$/, 'deployableName', 'Production'],
    ['vars', {}, /\/uploads\/components\/vars$/, 'dataFormat', 'json'],
  ])('target %s uses its endpoint', async (target, extra, endpoint, param, value) => {
    const run = await upload(
      { target, ...extra, file: 'settings.json', 'name-path': 'app' },
      { 'settings.json': '{"a":1}' },
    );
    expect(run.exitCode).toBe(0);
    const [post] = posts();
    expect(post.path).toMatch(endpoint);
    expect(post.query.get(param)).toBe(value);
    expect(post.query.get('namePath')).toBe('app');
  });

  it('stores files as file nodes with as-file, through the /file endpoint and the right content type', async () => {
    const zip = Buffer.from([0x50, 0x4b, 0x03, 0x04, 0, 1, 2, 3]);
    const run = await upload(
      {
        target: 'deployable',
        'deployable-name': 'Production',
        'name-path': 'certs',
        files: 'certs/*',
        'files-root': 'certs',
        'as-file': 'true',
      },
      { 'certs/trust.zip': zip, 'certs/policy.json': '{"p":1}' },
    );
    expect(run.exitCode).toBe(0);
    const sent = uploads();
    expect(posts().every((p) => /\/uploads\/deployables\/file$/.test(p.path))).toBe(true);
    expect(sent.map((u) => [u.query.fileName, u.query.fileNodeName, u.contentType, u.query.namePath])).toEqual([
      ['policy.json', 'policy.json', 'application/json', 'certs'],
      ['trust.zip', 'trust.zip', 'application/zip', 'certs'],
    ]);
    expect(sent[1].body.equals(zip)).toBe(true);
    expect(sent[0].query.dataFormat).toBeUndefined();
  });

  it('sends inline content exactly as given into a given open changeset', async () => {
    sandbox.uploadApi.createChangeset('PaymentApp', 'open', 'Chset-77');
    const content = '  maxConnections=200\ntimeoutSeconds=30\n\n';
    const run = await upload({
      content,
      'data-format': 'properties',
      'name-path': 'limits',
      'changeset-number': 'Chset-77',
    });
    expect(run.exitCode).toBe(0);
    const [sent] = uploads();
    expect(sent.body.toString()).toBe(content);
    expect(sent.query.changesetNumber).toBe('Chset-77');
    expect(run.outputs['changeset-number']).toBe('Chset-77');
    expect(sandbox.changesets.get('Chset-77')?.state).toBe('committed');
  });

  it('leaves the changeset open with auto-commit false, with a notice', async () => {
    const run = await upload({ file: 'a.json', 'auto-commit': 'false' }, { 'a.json': '{}' });
    expect(run.exitCode).toBe(0);
    expect(uploads()[0].query.autoCommit).toBe('false');
    expect(run.outputs['changeset-state']).toBe('open');
    expect(run.stdout).toContain('::notice title=Changeset left open::');
  });

  it('fails part-way with the vendor’s output text, naming the open changeset and what is in it', async () => {
    sandbox.uploadApi.failUploadNumber = 2;
    const run = await upload(
      { files: 'config/*.yaml\nconfig/db/*.json\nconfig/*.properties', 'files-root': 'config' },
      CONFIG,
    );
    expect(run.exitCode).toBe(1);
    const changeset = run.outputs['changeset-number'];
    expect(changeset).toMatch(/^Chset-\d+$/);
    expect(run.stdout).toContain("Node 'dbSettings' of type 'sg_cdm_node_component' cannot create child");
    expect(run.stdout).toContain(`Changeset ${changeset} is left open with 1 of 3 upload(s) in it`);
    expect(run.stdout).toContain(`re-run with changeset-number: ${changeset}`);
    expect(JSON.parse(run.outputs.files).map((f: { state: string }) => f.state)).toEqual([
      'completed',
      'error',
      'not_started',
    ]);
    expect(run.outputs.state).toBe('error');
    expect(posts()).toHaveLength(2);
    expect(sandbox.changesets.get(changeset)?.commits).toBe(0);
  });

  it.each([
    ['commit-failed', 'commit_failed'],
    ['blocked', 'blocked'],
  ])('fails when the changeset ends %s', async (magic, state) => {
    const run = await upload({ file: 'a.json', 'name-path': `x/${magic}` }, { 'a.json': '{}' });
    expect(run.exitCode).toBe(1);
    expect(run.outputs['changeset-state']).toBe(state);
    expect(run.stdout).toMatch(new RegExp(`Changeset Chset-\\d+ was not committed: The changeset ended '${state}'`));
  });

  it('passes the server’s size rejection through with a hint when the local check is off', async () => {
    const big = `{"data": "${'x'.repeat(2 * 1024 * 1024)}"}`;
    const run = await upload({ file: 'big.json', 'max-upload-size': '0' }, { 'big.json': big });
    expect(run.exitCode).toBe(1);
    expect(run.stdout).toContain('Size of uploaded data:');
    expect(run.stdout).toContain('is greater than max allowed upload limit of 2097152.0(bytes)');
    expect(run.stdout).toContain('sn_cdm.max_allowed_upload_file_size');
  });

  it('passes "Could not find active application" through with a hint', async () => {
    const run = await upload({ 'app-name': 'NoSuchApp', file: 'a.json' }, { 'a.json': '{}' });
    expect(run.exitCode).toBe(1);
    expect(run.stdout).toContain('Could not find active application');
    expect(run.stdout).toContain('Check app-name');
  });

  it('reports every local problem at once and sends nothing', async () => {
    const run = await upload(
      { target: 'vars', 'collection-name': 'c', files: 'cfg/**', 'data-format-attributes': '{"containsHeader":true}' },
      {
        'cfg/bad.json': '{\n  "a": 1,\n}',
        'cfg/bad.yaml': 'a: [1, 2\n',
        'cfg/table.csv': 'a,b\n1,2\n',
        'cfg/big.ini': `x=${'y'.repeat(2 * 1024 * 1024)}`,
      },
    );
    expect(run.exitCode).toBe(1);
    expect(run.stdout).toContain("Input 'collection-name': only applies with target: collection");
    expect(run.stdout).toMatch(/cfg\/bad\.json is not valid JSON: .* \(line 3, column 1\)/);
    expect(run.stdout).toMatch(/cfg\/bad\.yaml is not valid YAML: .*\(line \d+, column \d+\)/);
    expect(run.stdout).toContain('csv is not accepted for vars (cfg/table.csv)');
    expect(run.stdout).toContain('cfg/big.ini is 2 MB, over max-upload-size (2 MB)');
    expect(sandbox.server.requests).toHaveLength(0);
  });

  it('rejects a boolean that is not YAML 1.2 (auto-delete: yes) before any request', async () => {
    const run = await upload({ file: 'a.json', 'auto-delete': 'yes', 'ignore-attributes': 'on' }, { 'a.json': '{}' });
    expect(run.exitCode).toBe(1);
    expect(run.stdout).toContain("Input 'auto-delete': must be true or false (got 'yes')");
    expect(run.stdout).toContain("Input 'ignore-attributes': must be true or false (got 'on')");
    expect(sandbox.server.requests).toHaveLength(0);
  });

  it('sends the destructive and merge options only as asked', async () => {
    const run = await upload(
      {
        file: 'a.json',
        'auto-delete': 'true',
        'delete-redundant-overrides': 'false',
        'identifier-keys': 'name, id',
        'shared-library-name': 'SharedLib',
      },
      { 'a.json': '[{"name":"a","id":1}]' },
    );
    expect(run.exitCode).toBe(0);
    const [sent] = uploads();
    expect(sent.query).toMatchObject({
      autoDelete: 'true',
      deleteRedundantOverrides: 'false',
      identifierKeys: '["name","id"]',
      sharedLibraryName: 'SharedLib',
      ignoreAttributes: 'false',
    });
  });

  it('says so when no file matched, before any request', async () => {
    const run = await upload({ files: 'nothing/**/*.json' });
    expect(run.exitCode).toBe(1);
    expect(run.stdout).toContain("Input 'files': no file matched 'nothing/**/*.json'");
    expect(sandbox.server.requests).toHaveLength(0);
  });
});

describe('cdm-upload: local files', () => {
  it('refuses a file that links out of the workspace and sends nothing; a link inside is fine', async () => {
    const elsewhere = mkdtempSync(path.join(tmpdir(), 'cdm-upload-outside-'));
    writeFileSync(path.join(elsewhere, 'passwd'), 'root:x:0:0:root:/root:/bin/bash\n');
    const cwd = workspace({ 'config/app.properties': 'a=1\n', 'shared/common.properties': 'b=2\n' });
    symlinkSync(path.join(elsewhere, 'passwd'), path.join(cwd, 'config', 'leak.properties'));
    symlinkSync(path.join(cwd, 'shared', 'common.properties'), path.join(cwd, 'config', 'common.properties'));
    const refused = await runInProcess('cdm-upload', { inputs: { ...login(), files: 'config/**' }, cwd });
    expect(refused.exitCode).toBe(1);
    expect(refused.stdout).toMatch(
      /Input 'files': config\/leak\.properties is outside the workspace .*: files are read only from inside/,
    );
    expect(refused.stdout).not.toContain('root:x:0:0');
    expect(sandbox.server.requests).toHaveLength(0);

    const linked = await runInProcess('cdm-upload', {
      inputs: { ...login(), files: 'config/common.properties', 'name-path': 'app' },
      cwd,
    });
    expect(linked.exitCode).toBe(0);
    expect(uploads().map((u) => u.body.toString())).toEqual(['b=2\n']);
  });

  it('reads each file when it is uploaded, not all up front, and writes the lists to GITHUB_OUTPUT once', async () => {
    const cwd = workspace({ 'config/a.properties': 'a=1\n', 'config/b.properties': 'b=1\n' });
    // The first upload's status answers late: time to change the second file after the first was sent.
    sandbox.server.inject({ match: { method: 'GET', path: /\/upload-status\// }, kind: 'delay', ms: 1500 });
    const changed = (async () => {
      while (uploads().length === 0) await new Promise((resolve) => setTimeout(resolve, 20));
      writeFileSync(path.join(cwd, 'config', 'b.properties'), 'b=2\n');
    })();
    const run = await runInProcess('cdm-upload', {
      inputs: { ...login(), files: 'config/*', 'name-path': 'app' },
      cwd,
    });
    await changed;
    expect(run.exitCode).toBe(0);
    expect(uploads().map((u) => u.body.toString())).toEqual(['a=1\n', 'b=2\n']);
    expect(run.outputFileText.match(/^files<</gm)).toHaveLength(1);
    expect(run.outputFileText.match(/^upload-ids<</gm)).toHaveLength(1);
    expect(run.outputFileText.match(/^upload-id<</gm)).toHaveLength(2);
    expect(JSON.parse(run.outputs['upload-ids'])).toEqual(uploads().map((u) => u.id));
  });

  it('refuses a poll-interval below half a second', async () => {
    const run = await upload({ file: 'a.json', 'poll-interval': '1ms' }, { 'a.json': '{}' });
    expect(run.exitCode).toBe(1);
    expect(run.stdout).toContain("Input 'poll-interval': must be at least 0.5s (got '1ms')");
    expect(sandbox.server.requests).toHaveLength(0);
  });
});
