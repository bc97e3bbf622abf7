/**
 * Every action through the command's bundle (`node cli/dist/index.js`), on every host, against the sandboxes:
 * each run exits 0, writes its outputs file with the outputs a later job reads, prints no secret, and prints no
 * command of a CI it is not on. The bundle must be rebuilt (`node scripts/build.mjs cli`) first.
 */
import { describe, expect, it } from '@jest/globals';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { ServiceNowCdmSandbox } from '../sandbox/servicenow-cdm.js';
import { SmaxSandbox } from '../sandbox/smax.js';
import { SnapLogicApimSandbox } from '../sandbox/snaplogic-apim.js';
import { useSandbox } from '../support/use-sandbox.js';
import { runCommandProcess, type CommandRun } from './run-command.js';

const cdm = useSandbox(
  new ServiceNowCdmSandbox({ uploadDurationMs: 50, snapshotDelayMs: 50, validationDurationMs: 100 }),
);
const smax = useSandbox(new SmaxSandbox({ exportDurationMs: 50, importDurationMs: 50 }));
const apim = useSandbox(new SnapLogicApimSandbox({ migrationDurationMs: 50 }));

const HOSTS = ['github', 'gitlab', 'azure', 'jenkins', 'plain'] as const;
type HostName = (typeof HOSTS)[number];

/** A working directory with one configuration file to upload. */
function workspace(): string {
  const cwd = mkdtempSync(path.join(tmpdir(), 'cli-every-host-'));
  mkdirSync(path.join(cwd, 'config'));
  writeFileSync(path.join(cwd, 'config', 'cache.json'), '{\n  "ttl": 30\n}\n');
  return cwd;
}

async function command(host: HostName, cwd: string, argv: string[], env: Record<string, string>) {
  const run = await runCommandProcess(
    'bundle',
    [argv[0], '--host', host, '--outputs-file', 'outputs.json', ...argv.slice(1)],
    {
      cwd,
      env,
    },
  );
  const outputs = JSON.parse(readFileSync(path.join(cwd, 'outputs.json'), 'utf8')) as Record<string, string>;
  return { run, outputs };
}

/** What a host must never print: another CI's commands, and (off GitHub) GitHub's. */
function expectOnlyItsOwnCommands(host: HostName, run: CommandRun, secrets: string[]): void {
  // The lines that tell the CI what to mask carry the secret by design; no other line may.
  const text = (run.stdout + run.stderr)
    .split('\n')
    .filter((line) => !line.startsWith('::add-mask::') && !line.startsWith('##vso[task.setsecret]'))
    .join('\n');
  for (const secret of secrets) expect(text).not.toContain(secret);
  if (host !== 'github') expect(text).not.toMatch(/^::/m);
  if (host !== 'azure') expect(text).not.toContain('##vso[');
}

const cdmEnv = () => ({ CONFIG_PROMOTION_USERNAME: cdm.username, CONFIG_PROMOTION_PASSWORD: cdm.password });

describe.each(HOSTS)('config-promotion on %s', (host) => {
  it('runs cdm-upload, then cdm-validate on its changeset, then cdm-export and cdm-application', async () => {
    const cwd = workspace();
    const base = ['--instance-url', cdm.url, '--app-name', 'PaymentApp'];
    const upload = await command(
      host,
      cwd,
      ['cdm-upload', ...base, '--name-path', 'paymentSettings', '--files', 'config/*.json', '--files-root', 'config'],
      cdmEnv(),
    );
    expect(upload.run.exitCode).toBe(0);
    expect(upload.outputs.state).toBe('completed');
    expect(upload.outputs['changeset-number']).toMatch(/^Chset-\d+$/);
    expectOnlyItsOwnCommands(host, upload.run, [cdm.password]);

    const gate = await command(
      host,
      cwd,
      [
        'cdm-validate',
        ...base,
        '--changeset-number',
        upload.outputs['changeset-number'],
        '--uploaded-files',
        upload.outputs.files,
      ],
      cdmEnv(),
    );
    expect(gate.run.exitCode).toBe(0);
    expect(gate.outputs['validation-status']).toBe('passed');
    expect(Object.keys(JSON.parse(gate.outputs['snapshot-names']) as object).length).toBeGreaterThan(0);
    expectOnlyItsOwnCommands(host, gate.run, [cdm.password]);

    const exported = await command(
      host,
      cwd,
      [
        'cdm-export',
        ...base,
        '--deployable-name',
        'Production',
        '--exporter-name',
        'json-exporter',
        // The snapshot the gate validated, handed on by name (not yet published, so not the default).
        '--snapshot-name',
        (JSON.parse(gate.outputs['snapshot-names']) as Record<string, string>).Production,
      ],
      cdmEnv(),
    );
    expect(exported.run.exitCode).toBe(0);
    expect(readFileSync(exported.outputs.file, 'utf8')).toContain('ttl');
    expectOnlyItsOwnCommands(host, exported.run, [cdm.password]);

    const created = await command(
      host,
      cwd,
      [
        'cdm-application',
        '--instance-url',
        cdm.url,
        '--operation',
        'create-deployable',
        '--app-name',
        'PaymentApp',
        '--deployable-name',
        `PR-${host}`,
        '--env-type',
        'Test',
      ],
      cdmEnv(),
    );
    expect(created.run.exitCode).toBe(0);
    expect(created.outputs['deployable-sys-id']).toMatch(/^[0-9a-f]{32}$/);
    expectOnlyItsOwnCommands(host, created.run, [cdm.password]);
  });

  it('runs apim-migrate and dev2prod-promote', async () => {
    const cwd = workspace();
    const migrated = await command(
      host,
      cwd,
      [
        'apim-migrate',
        '--control-plane-url',
        apim.url,
        '--source-path',
        '/Acme/Dev/Payments/OrdersAPI/2.0',
        '--dest-path',
        '/Acme/Prod/Payments/OrdersAPI',
      ],
      { CONFIG_PROMOTION_USERNAME: apim.username, CONFIG_PROMOTION_PASSWORD: apim.password },
    );
    expect(migrated.run.exitCode).toBe(0);
    expect(migrated.outputs.status).toBe('Completed');
    expectOnlyItsOwnCommands(host, migrated.run, [apim.password]);

    const promoted = await command(
      host,
      cwd,
      [
        'dev2prod-promote',
        '--mode',
        'dry-run',
        '--package-id',
        '54321',
        '--source-url',
        smax.url,
        '--source-tenant-id',
        '100000001',
        '--target-tenant-id',
        '200000002',
        '--download-dir',
        cwd,
      ],
      { CONFIG_PROMOTION_SOURCE_USERNAME: smax.login, CONFIG_PROMOTION_SOURCE_PASSWORD: smax.password },
    );
    expect(promoted.run.exitCode).toBe(0);
    expect(promoted.outputs['dry-run-outcome']).toBe('passed');
    expect(promoted.outputs['file-id']).toBeTruthy();
    expectOnlyItsOwnCommands(host, promoted.run, [smax.password]);
  });
});

describe('a cancelled command', () => {
  it.each(['gitlab', 'plain'] as const)(
    'on %s: SIGTERM during the dry run ends the command within 2 s, non-zero, with the ids in the log and the outputs file',
    async (host) => {
      smax.importDurationMs = 60_000;
      try {
        const cwd = workspace();
        let signalledAt = 0;
        const run = await runCommandProcess(
          'bundle',
          [
            'dev2prod-promote',
            '--host',
            host,
            '--outputs-file',
            'outputs.json',
            '--mode',
            'dry-run',
            '--package-id',
            '54321',
            '--source-url',
            smax.url,
            '--source-tenant-id',
            '100000001',
            '--target-tenant-id',
            '200000002',
            '--download-dir',
            cwd,
          ],
          {
            cwd,
            env: { CONFIG_PROMOTION_SOURCE_USERNAME: smax.login, CONFIG_PROMOTION_SOURCE_PASSWORD: smax.password },
            onStdout: (text, child) => {
              if (!signalledAt && /Dry run \w+ of file [\w-]+ started/.test(text)) {
                signalledAt = performance.now();
                child.kill('SIGTERM');
              }
            },
          },
        );
        expect(signalledAt).toBeGreaterThan(0);
        expect(performance.now() - signalledAt).toBeLessThan(2000);
        expect(run.exitCode).not.toBe(0);
        const outputs = JSON.parse(readFileSync(path.join(cwd, 'outputs.json'), 'utf8')) as Record<string, string>;
        expect(outputs['dry-run-import-id']).toBeTruthy();
        expect(outputs['export-id']).toBeTruthy();
        expect(run.stdout).toContain(`run again with dry-run-import-id: ${outputs['dry-run-import-id']}`);
        if (host === 'gitlab')
          expect(readFileSync(path.join(cwd, 'config-promotion.env'), 'utf8')).toContain(
            `DEV2PROD_PROMOTE_DRY_RUN_IMPORT_ID=${outputs['dry-run-import-id']}`,
          );
      } finally {
        smax.importDurationMs = 50;
      }
    },
  );
});
