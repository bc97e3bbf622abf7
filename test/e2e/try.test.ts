/**
 * `npm run try`: runs a bundle with the example inputs against the sandbox on its port (starting one when none
 * listens there), prints the log, outputs and summary, and exits with the action's code, leaving no folder behind.
 */
import { afterEach, describe, expect, it } from '@jest/globals';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import * as http from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { tryAction } from '../../scripts/try.js';
import { ServiceNowCdmSandbox } from '../sandbox/servicenow-cdm.js';
import { REPO_ROOT } from '../support/run-action.js';

const closers: (() => Promise<void>)[] = [];
afterEach(async () => {
  await Promise.all(closers.splice(0).map((close) => close()));
});

async function freePort(): Promise<number> {
  const server = http.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

async function tryIt(args: string[], port: number): Promise<{ code: number; text: string; lines: string[] }> {
  const lines: string[] = [];
  const code = await tryAction(args, { ports: { 'servicenow-cdm': port }, print: (line) => lines.push(line) });
  return { code, text: lines.join('\n'), lines };
}

const leftovers = () => readdirSync(tmpdir()).filter((name) => name.startsWith('try-'));

const portIsClosed = (port: number) =>
  new Promise<boolean>((resolve) => {
    const request = http.get(`http://127.0.0.1:${port}/`, (response) => {
      response.resume();
      resolve(false);
    });
    request.on('error', () => resolve(true));
  });

describe('npm run try', () => {
  it('starts the sandbox when none listens, runs cdm-export and prints log, outputs and summary', async () => {
    const port = await freePort();
    const outputDir = mkdtempSync(path.join(tmpdir(), 'exported-'));
    const outputFile = path.join(outputDir, 'production.json');
    const { code, text, lines } = await tryIt(['cdm-export', `output-file=${outputFile}`], port);
    expect(code).toBe(0);
    expect(lines[0]).toBe(`▶ cdm-export against http://127.0.0.1:${port} (a sandbox started for this run)`);
    expect(lines).toContain('  password=***');
    expect(lines).toContain(`  output-file=${outputFile}`);
    expect(text).toMatch(/^log:\n {2}Export \w+ requested for PaymentApp \/ Production\.$/m);
    expect(lines).toContain('  state=completed');
    expect(lines).toContain(`  file=${outputFile}`);
    expect(text).toMatch(/^job summary:\n {2}## ServiceNow CDM export$/m);
    expect(lines.at(-1)).toBe('✔ the action succeeded (exit code 0)');
    expect(text).not.toContain('::add-mask::');
    expect(text).not.toContain('sandbox-password');
    expect(JSON.parse(readFileSync(outputFile, 'utf8'))).toHaveProperty('Production.COMP.cdi_1', 'cdi-1-value');
    // The sandbox it started is gone, and so are the runner's folders.
    expect(await portIsClosed(port)).toBe(true);
    expect(leftovers()).toEqual([]);
  });

  it('uses a sandbox already running on the port, and an override changes the outcome and the exit code', async () => {
    const sandbox = new ServiceNowCdmSandbox({ exportDurationMs: 300 });
    const url = await sandbox.listen();
    closers.push(() => sandbox.close());
    const before = leftovers();
    const { code, text, lines } = await tryIt(
      ['cdm-export', 'deployable-name=DEP-exporter-failure'],
      Number(new URL(url).port),
    );
    expect(code).toBe(1);
    expect(lines[0]).toBe(`▶ cdm-export against ${url} (the running sandbox)`);
    expect(text).toMatch(/^ {2}Error: Export \w+ completed but the exporter 'json-exporter' failed: /m);
    expect(lines).toContain('  state=failure');
    expect(lines.at(-1)).toBe('✘ the action failed (exit code 1)');
    const posted = sandbox.server.requestsTo('POST', /\/exports\/?$/);
    expect(posted).toHaveLength(1);
    expect(posted[0].query.get('deployableName')).toBe('DEP-exporter-failure');
    expect(leftovers()).toEqual(before);
  });

  it('hides the password of a URL and every password or token input in the input list it prints', async () => {
    const port = await freePort();
    const { code, text, lines } = await tryIt(
      ['cdm-export', `instance-url=http://admin:S3cret-pw@127.0.0.1:${port}`, 'token=T0ken-value'],
      port,
    );
    expect(code).toBe(1);
    expect(lines).toContain(`  instance-url=http://***@127.0.0.1:${port}`);
    expect(lines).toContain('  token=***');
    expect(text).not.toContain('S3cret-pw');
    expect(text).not.toContain('T0ken-value');
    // The action refuses the URL, naming the input, and the refusal does not quote the password either.
    expect(text).toMatch(/instance-url.*must not contain a user name or password/);
  });

  it('takes an input from an INPUT_ variable of its environment, so a secret stays off the command line', async () => {
    const lines: string[] = [];
    const port = await freePort();
    const code = await tryAction(['cdm-export'], {
      ports: { 'servicenow-cdm': port },
      print: (line) => lines.push(line),
      environment: { INPUT_PASSWORD: 'not-the-sandbox-password' },
    });
    const text = lines.join('\n');
    expect(code).toBe(1);
    expect(lines).toContain('  password=***');
    expect(text).toMatch(/\b401\b/);
    expect(text).not.toContain('not-the-sandbox-password');
  });

  it('gives SANDBOX_POLICIES to a sandbox already running, and says so', async () => {
    const sandbox = new ServiceNowCdmSandbox({ validationDurationMs: 200, snapshotDelayMs: 50, uploadDurationMs: 100 });
    const url = await sandbox.listen();
    closers.push(() => sandbox.close());
    const lines: string[] = [];
    const code = await tryAction(['cdm-validate'], {
      ports: { 'servicenow-cdm': Number(new URL(url).port) },
      print: (line) => lines.push(line),
      environment: { SANDBOX_POLICIES: 'PortRange-failing, Naming' },
    });
    expect(lines).toContain(
      'SANDBOX_POLICIES: the running sandbox validates with PortRange-failing, Naming from now on.',
    );
    expect(sandbox.snapshotApi.policies.map((policy) => policy.name)).toEqual(['PortRange-failing', 'Naming']);
    expect(sandbox.server.requestsTo('PUT', /\/api\/x_sandbox\/policies$/)).toHaveLength(1);
    expect(code).not.toBe(2);
  });

  it("leaves the running sandbox's policies alone when SANDBOX_POLICIES is empty", async () => {
    const sandbox = new ServiceNowCdmSandbox();
    const url = await sandbox.listen();
    closers.push(() => sandbox.close());
    const lines: string[] = [];
    await tryAction(['cdm-application'], {
      ports: { 'servicenow-cdm': Number(new URL(url).port) },
      print: (line) => lines.push(line),
      environment: { SANDBOX_POLICIES: '' },
    });
    expect(lines.join('\n')).not.toContain('SANDBOX_POLICIES');
    expect(sandbox.server.requestsTo('PUT', /\/api\/x_sandbox\/policies$/)).toHaveLength(0);
  });

  it('refuses a port where something else answers, without sending it anything', async () => {
    const seen: string[] = [];
    const other = http.createServer((req, res) => {
      seen.push(`${req.method} ${req.url}`);
      res.end('hello');
    });
    await new Promise<void>((resolve) => other.listen(0, '127.0.0.1', resolve));
    closers.push(() => new Promise((resolve) => other.close(() => resolve())));
    const port = (other.address() as AddressInfo).port;
    const { code, text } = await tryIt(['cdm-export'], port);
    expect(code).toBe(2);
    expect(text).toContain(`http://127.0.0.1:${port} answers, but not as the servicenow-cdm sandbox`);
    expect(seen).toEqual(['GET /']);
  });

  it('names an input the action does not have, and lists the ones it has', async () => {
    const { code, text } = await tryIt(['cdm-export', 'deployable=Production'], await freePort());
    expect(code).toBe(2);
    expect(text).toContain('cdm-export has no input deployable. Its inputs: instance-url, username,');
    expect(text).toContain('usage: npm run try -- <action> [input=value ...]');
  });

  it('runs as a command: an unknown action exits 2 and lists the actions', () => {
    const result = spawnSync(path.join(REPO_ROOT, 'node_modules', '.bin', 'tsx'), ['scripts/try.ts', 'cdm-nothing'], {
      cwd: REPO_ROOT,
      encoding: 'utf8',
    });
    expect(result.status).toBe(2);
    expect(result.stdout).toContain("there is no action 'cdm-nothing'");
    expect(result.stdout).toContain('cdm-export, cdm-upload, cdm-validate, cdm-application, apim-migrate');
    expect(existsSync(path.join(REPO_ROOT, 'cdm-nothing'))).toBe(false);
  });
});
