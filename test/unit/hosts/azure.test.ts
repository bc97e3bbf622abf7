/**
 * Azure Pipelines: every `##vso[` line a run prints, parsed back with the agent's grammar and unescaping, carries
 * the outputs, issues with their file and line, the uploaded summary and the secret masks, and vendor text can
 * start none of them.
 */
import { afterEach, describe, expect, it } from '@jest/globals';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { createHost } from '../../../shared/hosts/select.js';
import { runAction, type ActionContext } from '../../../shared/frame/run.js';
import { vsoCommands } from '../../support/vso.js';

const SECRET = 'pa;ss]wo%rd-42';

/** Runs `main` on the azure host and returns what it printed. */
async function onAzure(main: (context: ActionContext) => Promise<string>, inputs: Record<string, string> = {}) {
  const dir = mkdtempSync(path.join(tmpdir(), 'azure-host-'));
  const host = createHost('azure', {
    action: 'cdm-export',
    inputs: (name) => inputs[name] ?? '',
    summaryFile: path.join(dir, 'summary.md'),
  });
  let stdout = '';
  const write = process.stdout.write.bind(process.stdout);
  process.stdout.write = ((chunk: string) => ((stdout += chunk), true)) as typeof process.stdout.write;
  try {
    await runAction({ title: 'CDM export', host }, main);
  } finally {
    process.stdout.write = write;
  }
  return { stdout, exitCode: process.exitCode, dir };
}

afterEach(() => {
  process.exitCode = undefined;
});

describe('the azure host', () => {
  it('sets each output as an output variable with `-` as `_`, escaped so that every value comes back unchanged', async () => {
    const tricky = 'a%b;c]d\r\ne\nf %AZP25 %0A';
    const { stdout } = await onAzure(async ({ outputs }) => {
      outputs.set('export-id', 'e-1');
      outputs.set('files', tricky);
      outputs.set('export-id', 'e-1'); // unchanged: not set again
      return 'done';
    });
    const variables = vsoCommands(stdout).filter((c) => c.command === 'task.setvariable');
    expect(variables).toEqual([
      { command: 'task.setvariable', properties: { variable: 'export_id', isoutput: 'true' }, data: 'e-1' },
      { command: 'task.setvariable', properties: { variable: 'files', isoutput: 'true' }, data: tricky },
    ]);
    // One command per line: the value's line breaks are escaped.
    expect(stdout.split('\n').filter((l) => l.includes('task.setvariable'))).toHaveLength(2);
  });

  it('reports errors and warnings as issues with their file and line, and says the secret before any use', async () => {
    const { stdout, exitCode } = await onAzure(
      async ({ inputs, logger }) => {
        logger.mask(inputs.secret('password') ?? '');
        logger.warning(`port out of range near ${SECRET}`, 'PortRange', { file: 'config/a;b].json', line: 3 });
        throw new Error(`the server said ${SECRET}`);
      },
      { password: SECRET },
    );
    expect(exitCode).toBe(1);
    const commands = vsoCommands(stdout);
    const secrets = commands.filter((c) => c.command === 'task.setsecret').map((c) => c.data);
    expect(secrets[0]).toBe(SECRET);
    expect(secrets).toContain(encodeURIComponent(SECRET));
    expect(secrets).toContain(Buffer.from(SECRET).toString('base64'));
    const firstSecret = commands.findIndex((c) => c.command === 'task.setsecret');
    const firstIssue = commands.findIndex((c) => c.command === 'task.logissue');
    expect(firstSecret).toBeLessThan(firstIssue);
    const issues = commands.filter((c) => c.command === 'task.logissue');
    expect(issues[0]).toEqual({
      command: 'task.logissue',
      properties: { type: 'warning', sourcepath: 'config/a;b].json', linenumber: '3' },
      data: 'PortRange: port out of range near ***',
    });
    expect(issues.at(-1)).toEqual({
      command: 'task.logissue',
      properties: { type: 'error' },
      data: 'Unexpected error: the server said ***',
    });
    // Only the masks themselves carry the secret.
    const unmasked = stdout.split('\n').filter((l) => !l.startsWith('##vso[task.setsecret]'));
    expect(unmasked.join('\n')).not.toContain('wo%rd');
  });

  it('uploads the summary by its absolute path, and an input problem exits 2', async () => {
    const { stdout, exitCode, dir } = await onAzure(async ({ inputs }) => {
      inputs.string('app-name', { required: true });
      inputs.finish();
      return 'not reached';
    });
    expect(exitCode).toBe(2);
    const upload = vsoCommands(stdout).find((c) => c.command === 'task.uploadsummary');
    expect(upload?.data).toBe(path.join(dir, 'summary.md'));
    expect(readFileSync(upload?.data ?? '', 'utf8')).toContain("Input 'app-name'");
  });

  it('prints vendor text so that it starts no command of any CI', async () => {
    const { stdout } = await onAzure(async ({ logger }) => {
      logger.info('vendor says ##vso[task.setvariable variable=x]y and ::error::z');
      logger.info('::warning::at the start');
      logger.info('\u001b[31mred\u001b[0m section_start:1:x\r\u001b[0Kdone');
      logger.info('##[error]legacy');
      return 'done';
    });
    const lines = stdout.split(/\r|\n/).filter(Boolean);
    expect(vsoCommands(stdout).filter((c) => c.command === 'task.setvariable')).toEqual([]);
    expect(lines.filter((l) => /^\s*::/.test(l))).toEqual([]);
    expect(stdout).not.toContain('\u001b');
    expect(stdout).not.toContain('##[');
    expect(stdout).not.toMatch(/section_start:/);
  });
});
