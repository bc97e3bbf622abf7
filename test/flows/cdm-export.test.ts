/**
 * cdm-export from its TypeScript source, run in-process as the runner would run its bundle, against the ServiceNow CDM
 * sandbox: what the user sees (exit code, outputs, files, log, summary) and what ServiceNow received.
 */
import { describe, expect, it } from '@jest/globals';
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { ServiceNowCdmSandbox } from '../sandbox/servicenow-cdm.js';
import { runAction, userVisibleText, type ActionRun } from '../support/run-action.js';
import { runInProcess } from '../support/run-in-process.js';
import { lastLogLine, summaryOpening } from '../support/verdict.js';
import { useSandbox } from '../support/use-sandbox.js';

const EXPORTS = /\/exports\/?$/;
const STATUS = /\/status\/?$/;
const sandbox = useSandbox(new ServiceNowCdmSandbox({ exportDurationMs: 400 }), () => {
  sandbox.exports.clear();
  sandbox.setExportScenario('success');
  sandbox.exportDurationMs = 400;
  sandbox.contentBytes = 0;
});

function basicInputs(extra: Record<string, string> = {}): Record<string, string> {
  return {
    'instance-url': sandbox.url,
    username: sandbox.username,
    password: sandbox.password,
    'app-name': 'PaymentApp',
    'deployable-name': 'Production',
    'exporter-name': 'json-exporter',
    ...extra,
  };
}

const exportAction = (inputs: Record<string, string>, env: Record<string, string> = {}) =>
  runInProcess('cdm-export', { inputs, env });

const posts = () => sandbox.server.requestsTo('POST', EXPORTS);

function expectNoSecret(run: ActionRun, ...secrets: string[]): void {
  const seen = userVisibleText(run);
  for (const secret of secrets) expect(seen).not.toContain(secret);
}

describe('cdm-export end to end', () => {
  it('exports JSON into a pretty file, outputs and summary, starting exactly one export', async () => {
    const run = await exportAction(basicInputs());
    expect(run.exitCode).toBe(0);
    const file = path.join(run.workspace, 'cdm-export', 'Production.json');
    const text = readFileSync(file, 'utf8');
    expect(text.endsWith('}\n')).toBe(true);
    expect(JSON.parse(text)).toHaveProperty('Production.COMP.cdi_1', 'cdi-1-value');
    expect(text).toBe(`${JSON.stringify(JSON.parse(text), null, 2)}\n`);
    expect(run.outputs).toMatchObject({
      'export-id': [...sandbox.exports.keys()][0],
      state: 'completed',
      file,
      bytes: String(Buffer.byteLength(text)),
      sha256: createHash('sha256').update(text).digest('hex'),
      content: text,
    });
    expect(posts()).toHaveLength(1);
    expect(run.summary).toContain(run.outputs['export-id']);
    expect(run.summary).toContain(run.outputs.sha256);
    // A header row that says what the columns are; the file by its path in the workspace.
    expect(run.summary).toContain('| field | value |\n| --- | --- |\n| **Instance** |');
    expect(run.summary).toContain('| **File** | cdm-export/Production.json |');
    const verdict = `✅ Exported Production of PaymentApp (export ${run.outputs['export-id']}) to ${file}, ${run.outputs.bytes} bytes.`;
    expect(summaryOpening(run)).toBe(`**${verdict}**`);
    expect(lastLogLine(run)).toBe(verdict);
    expectNoSecret(run, sandbox.password, Buffer.from(`admin:${sandbox.password}`).toString('base64'));
  });

  it('writes a string format byte for byte to the given output file, with the documented query parameters', async () => {
    sandbox.appsApi.store.addDeployable('SharedServices', 'Shared-Prod');
    for (let version = 1; version <= 3; version += 1) sandbox.snapshotApi.seedSnapshot('PaymentApp', 'Production');
    const run = await runInProcess('cdm-export', {
      inputs: {
        ...basicInputs(),
        username: '',
        password: '',
        token: sandbox.token,
        'api-version': 'v1',
        'data-format': 'properties',
        'snapshot-name': 'Production-v3.dpl',
        'additional-deployables': 'SharedServices/Shared-Prod\nPaymentApp/Development',
        'exporter-args': '{"env":"prod"}',
        'restrict-export': 'true',
        'output-file': 'out/nested/prod.properties',
      },
    });
    expect(run.exitCode).toBe(0);
    const [post] = posts();
    expect(post.path).toBe('/api/sn_cdm/v1/applications/deployables/exports');
    expect(Object.fromEntries(post.query)).toEqual({
      appName: 'PaymentApp',
      deployableName: 'Production',
      exporterName: 'json-exporter',
      dataFormat: 'properties',
      snapshotName: 'Production-v3.dpl',
      additionalDeployables: JSON.stringify([
        { app_name: 'SharedServices', deployable_name: 'Shared-Prod' },
        { app_name: 'PaymentApp', deployable_name: 'Development' },
      ]),
      args: '{"env":"prod"}',
      restrictExport: 'true',
    });
    const file = path.join(run.workspace, 'out', 'nested', 'prod.properties');
    const text = readFileSync(file, 'utf8');
    expect(text).toContain('Production.COMP.cdi_1=cdi-1-value');
    expect(run.outputs.content).toBe(text);
    expectNoSecret(run, sandbox.token);
  });

  it('fails with ServiceNow’s errors when the export ends in state error (HTTP 200)', async () => {
    sandbox.setExportScenario('error-state');
    const run = await exportAction(basicInputs());
    expect(run.exitCode).toBe(1);
    expect(run.stdout).toMatch(
      /::error title=Export \w+%3A error::Export \w+ failed: Failed to find latest published snapshot/,
    );
    expect(run.outputs['export-id']).toMatch(/^[0-9a-f]{32}$/);
    expect(run.outputs.state).toBe('error');
    expect(summaryOpening(run)).toMatch(/^\*\*❌ Failed: Export \w+ failed: Failed to find latest published snapshot/);
    expect(lastLogLine(run)).toMatch(/^::error title=Export \w+%3A error::Export \w+ failed/);
    expect(existsSync(path.join(run.workspace, 'cdm-export'))).toBe(false);
  });

  it('fails and annotates the exporter’s errors when a completed export’s exporter failed', async () => {
    const run = await exportAction(basicInputs({ 'deployable-name': 'DEP-exporter-failure' }));
    expect(run.exitCode).toBe(1);
    expect(run.stdout).toContain(
      "has not passed validation. All snapshots of deployable '/PaymentApp/deployables/DEP-exporter-failure'",
    );
    expect(run.stdout).toContain("the exporter 'json-exporter' failed");
    expect(run.outputs.state).toBe('failure');
    expect(sandbox.server.requestsTo('GET', /\/content$/)).toHaveLength(0);
  });

  it('fails when the content answer carries state error', async () => {
    sandbox.setExportScenario('content-error');
    const run = await exportAction(basicInputs());
    expect(run.exitCode).toBe(1);
    expect(run.stdout).toMatch(/::error title=Export \w+%3A error::The content of export \w+ could not be fetched: /);
  });

  it('rides out a storm of 503s on the status endpoint without starting a second export', async () => {
    sandbox.server.inject({ match: { method: 'GET', path: STATUS }, kind: 'status', status: 503, times: 3 });
    const run = await exportAction(basicInputs());
    expect(run.exitCode).toBe(0);
    expect(run.stdout).toMatch(/answered 503; retrying in/);
    expect(posts()).toHaveLength(1);
    expect(run.outputs.state).toBe('completed');
  });

  it('retries the export request only when ServiceNow refused it (429 with Retry-After)', async () => {
    sandbox.server.inject({ match: { method: 'POST', path: EXPORTS }, kind: 'status', status: 429, retryAfter: '1' });
    const run = await exportAction(basicInputs());
    expect(run.exitCode).toBe(0);
    expect(posts()).toHaveLength(2);
    expect(sandbox.exports.size).toBe(1);
  });

  it('does not repeat an export request answered 502 and says the export may have started', async () => {
    sandbox.server.inject({
      match: { method: 'POST', path: EXPORTS },
      kind: 'html',
      status: 502,
      title: 'Bad Gateway',
    });
    const run = await exportAction(basicInputs());
    expect(run.exitCode).toBe(1);
    expect(posts()).toHaveLength(1);
    expect(run.stdout).toContain("an HTML page titled 'Bad Gateway'");
    expect(run.stdout).toContain('HTTP 502');
  });

  it('reports ServiceNow’s message and a hint for wrong credentials, without the password', async () => {
    const run = await exportAction(basicInputs({ password: 'wrong-secret-password' }));
    expect(run.exitCode).toBe(1);
    expect(run.stdout).toContain('User Not Authenticated: Required to provide Auth information');
    expect(lastLogLine(run)).toBe(
      "::error title=HTTP 401::Could not request the export (HTTP 401): ServiceNow refused basic auth as 'admin': check username and password",
    );
    expect(sandbox.exports.size).toBe(0);
    expectNoSecret(run, 'wrong-secret-password', Buffer.from('admin:wrong-secret-password').toString('base64'));
  });

  it('reports every bad input at once and sends no request', async () => {
    const run = await exportAction({
      'instance-url': 'not a url',
      username: 'admin',
      'deployable-name': 'Production',
      'exporter-name': 'x',
      'data-format': 'JSON',
      'restrict-export': 'yes',
      timeout: '10 minutes',
      'exporter-args': '[1]',
    });
    expect(run.exitCode).toBe(1);
    for (const input of [
      'instance-url',
      'password',
      'app-name',
      'data-format',
      'restrict-export',
      'timeout',
      'exporter-args',
    ]) {
      expect(run.stdout).toContain(`title=Input '${input}'`);
    }
    expect(sandbox.server.requests).toHaveLength(0);
  });

  it('reports malformed export ids, additional deployables and artifact settings, sending nothing', async () => {
    for (const additional of ['[{"app_name": "Shared"}]', 'SharedApp/\n/Prod', '[not json']) {
      const run = await exportAction(
        basicInputs({ 'export-id': '../x', 'additional-deployables': additional, 'retention-days': '5' }),
      );
      expect(run.exitCode).toBe(1);
      for (const input of ['export-id', 'additional-deployables', 'retention-days']) {
        expect(run.stdout).toContain(`title=Input '${input}'`);
      }
    }
    expect(sandbox.server.requests).toHaveLength(0);
  });

  it('exports with additional deployables given as a JSON array', async () => {
    const run = await exportAction(
      basicInputs({ 'additional-deployables': '[{"app_name": "PaymentApp", "deployable_name": "Development"}]' }),
    );
    expect(run.exitCode).toBe(0);
    expect(JSON.parse(posts()[0].query.get('additionalDeployables') ?? 'null')).toEqual([
      { app_name: 'PaymentApp', deployable_name: 'Development' },
    ]);
  });

  it('times out with the export id and how to resume', async () => {
    const run = await exportAction(basicInputs({ 'deployable-name': 'DEP-slow', timeout: '2s' }));
    expect(run.exitCode).toBe(1);
    const id = run.outputs['export-id'];
    expect(id).toMatch(/^[0-9a-f]{32}$/);
    expect(run.stdout).toContain(`Timed out waiting for export ${id}`);
    expect(run.stdout).toContain('last state: in_progress');
    expect(run.stdout).toContain(`export-id: ${id}`);
    expect(run.outputs.state).toBe('in_progress');
  });

  it('stops within 2 s of SIGINT, reporting the export id and last state', async () => {
    sandbox.exportDurationMs = 60_000;
    let sentAt = 0;
    const run = await runAction('cdm-export', {
      inputs: basicInputs(),
      onSpawn: (child) => {
        const timer = setInterval(() => {
          if (posts().length === 1 && sandbox.server.requestsTo('GET', STATUS).length >= 1) {
            clearInterval(timer);
            sentAt = performance.now();
            child.kill('SIGINT');
          }
        }, 20);
      },
    });
    expect(performance.now() - sentAt).toBeLessThan(2000);
    expect(run.exitCode).toBe(1);
    // The whole message is the detail line; the annotation's verdict (at most 200 characters) keeps what to do.
    expect(run.stdout).toMatch(
      /^Cancelled while waiting for export \w+ after .*; last state: (new|in_progress)\. The export may still finish: run again with export-id: \w+/m,
    );
    expect(run.stdout).toMatch(
      /title=Cancelled::Cancelled while waiting for export \w+ .*run again with export-id: [0-9a-f]{32} to fetch it$/m,
    );
    expect(run.outputs['export-id']).toMatch(/^[0-9a-f]{32}$/);
  });

  it('fetches an existing export given export-id without starting one', async () => {
    const first = await exportAction(basicInputs());
    sandbox.server.clearRequests();
    const run = await exportAction(basicInputs({ 'export-id': first.outputs['export-id'] }));
    expect(run.exitCode).toBe(0);
    expect(posts()).toHaveLength(0);
    expect(run.outputs.sha256).toBe(first.outputs.sha256);
  });

  it('leaves the content output empty for exports over 1 MiB, with a notice', async () => {
    sandbox.contentBytes = 1_200_000;
    const run = await exportAction(basicInputs());
    expect(run.exitCode).toBe(0);
    expect(Number(run.outputs.bytes)).toBeGreaterThan(1024 * 1024);
    expect(run.outputs.content).toBe('');
    expect(run.stdout).toContain('::notice title=Content output left empty::');
  });

  it('warns and keeps the file when artifacts cannot be uploaded here', async () => {
    const run = await exportAction(basicInputs({ 'artifact-name': 'cdm-config', 'retention-days': '5' }));
    expect(run.exitCode).toBe(0);
    expect(run.stdout).toContain("::warning title=Artifact not uploaded::Artifact 'cdm-config' was not uploaded");
    expect(existsSync(run.outputs.file)).toBe(true);
    expect(run.outputs['artifact-id']).toBeUndefined();
  });

  it('fails after reporting the file when the runner takes artifacts but the upload fails', async () => {
    // A runner with an artifact service whose runtime token the client cannot use: the upload fails.
    const run = await exportAction(basicInputs({ 'artifact-name': 'cdm-config' }), {
      ACTIONS_RUNTIME_TOKEN: 'not-a-runtime-token',
      ACTIONS_RESULTS_URL: 'http://127.0.0.1:9/',
    });
    expect(run.exitCode).toBe(1);
    expect(existsSync(run.outputs.file)).toBe(true);
    expect(run.outputs.sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(run.outputs['artifact-id']).toBeUndefined();
    expect(lastLogLine(run)).toMatch(
      /^::error title=Artifact not uploaded::Artifact 'cdm-config' was not uploaded: .+re-run the job, or leave artifact-name empty/,
    );
    // The whole message, the file's place included, is the detail line above the verdict.
    expect(run.stdout).toMatch(
      /^Artifact 'cdm-config' was not uploaded: .+ The file stays at .+Production\.json; re-run/m,
    );
    expect(summaryOpening(run)).toMatch(/^\*\*❌ Failed: Artifact 'cdm-config' was not uploaded/);
  });
});

/** Lines of stdout the runner would take as workflow commands, except the ones the action means to send. */
function unexpectedCommands(stdout: string): string[] {
  return stdout
    .split(/\r\n|\r|\n/)
    .filter((line) => /^\s*::/.test(line) || line.includes('##['))
    .filter((line) => !/^::(add-mask|debug|notice|warning|error)( [^:]*)?::/.test(line));
}

describe('cdm-export: vendor text and inputs stay data', () => {
  it('prints a vendor state that carries workflow commands as plain text', async () => {
    sandbox.exportDurationMs = 2500;
    sandbox.server.inject({
      match: { method: 'GET', path: STATUS },
      kind: 'status',
      status: 200,
      body: JSON.stringify({
        result: { state: 'in_progress\n::warning::injected by the vendor\r\n::stop-commands::vendor-token' },
      }),
    });
    const run = await exportAction(basicInputs());
    expect(run.exitCode).toBe(0);
    expect(unexpectedCommands(run.stdout)).toEqual([]);
    expect(run.stdout).not.toMatch(/^::warning::injected/m);
    expect(run.stdout).toContain('\\::stop-commands::vendor-token');
  });

  it('writes the default file inside cdm-export/ whatever the deployable name says', async () => {
    sandbox.appsApi.store.addDeployable('PaymentApp', '../../escaped');
    const run = await exportAction(basicInputs({ 'deployable-name': '../../escaped' }));
    expect(run.exitCode).toBe(0);
    expect(run.outputs.file).toBe(path.join(run.workspace, 'cdm-export', 'escaped.json'));
    expect(existsSync(path.join(run.workspace, '..', '..', 'escaped.json'))).toBe(false);
  });

  it('redacts a secret the export content echoes, in the file as in the content output', async () => {
    const run = await exportAction(basicInputs({ 'exporter-args': JSON.stringify({ db: sandbox.password }) }));
    expect(run.exitCode).toBe(0);
    const text = readFileSync(run.outputs.file, 'utf8');
    expect(JSON.parse(text)).toHaveProperty('Production.args.db', '***');
    expect(run.outputs.content).toBe(text);
    expect(run.outputs.sha256).toBe(createHash('sha256').update(text).digest('hex'));
    expect(run.stdout).toContain(
      `::warning title=Secret removed from a file::${run.outputs.file} contained a secret given to this run`,
    );
    expectNoSecret(run, sandbox.password);
  });

  it('refuses an instance-url with credentials without printing them, and a poll-interval below 0.5 s', async () => {
    const run = await exportAction(
      basicInputs({
        'instance-url': sandbox.url.replace('://', '://admin:url-s3cret-pw@'),
        'poll-interval': '1ms',
      }),
    );
    expect(run.exitCode).toBe(1);
    expect(run.stdout).toContain("title=Input 'instance-url'");
    expect(run.stdout).toContain('must not contain a user name or password');
    expect(run.stdout).toContain("title=Input 'poll-interval'");
    expect(run.stdout).toContain("must be at least 0.5s (got '1ms')");
    expectNoSecret(run, 'url-s3cret-pw');
    expect(sandbox.server.requests).toHaveLength(0);
  });
});
