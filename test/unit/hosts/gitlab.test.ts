/**
 * GitLab CI: a dotenv report that GitLab reads back unchanged (its stricter rules, never a secret), one notice
 * naming what was left out, and findings and errors as `ERROR <file>:<line> <message>` lines.
 */
import { afterEach, describe, expect, it } from '@jest/globals';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { DOTENV_MAX_BYTES, dotenvReport } from '../../../shared/hosts/gitlab.js';
import type { HostOptions } from '../../../shared/hosts/host.js';
import { createHost } from '../../../shared/hosts/select.js';
import { runAction, type ActionContext } from '../../../shared/frame/run.js';

const SECRET = 'sw0rdfish-Secret';

async function onGitlab(
  main: (context: ActionContext) => Promise<string>,
  options: Partial<HostOptions> = {},
  inputs: Record<string, string> = {},
) {
  const dir = mkdtempSync(path.join(tmpdir(), 'gitlab-host-'));
  const host = createHost('gitlab', {
    action: 'cdm-upload',
    inputs: (name) => inputs[name] ?? '',
    dotenvFile: path.join(dir, 'config-promotion.env'),
    ...options,
  });
  let stdout = '';
  const write = process.stdout.write.bind(process.stdout);
  process.stdout.write = ((chunk: string) => ((stdout += chunk), true)) as typeof process.stdout.write;
  try {
    await runAction({ title: 'CDM upload', host }, main);
  } finally {
    process.stdout.write = write;
  }
  const dotenv = readFileSync(path.join(dir, 'config-promotion.env'), 'utf8');
  return { stdout, lines: stdout.split('\n').filter(Boolean), dotenv, exitCode: process.exitCode, dir };
}

/** GitLab's own reading of a dotenv report: one `KEY=value` per line, value stripped, no quotes handled. */
function readAsGitlab(text: string): Record<string, string> {
  const variables: Record<string, string> = {};
  for (const line of text.split('\n').slice(0, -1)) {
    const match = /^(.*?)=(.*)$/.exec(line);
    if (!match || !/^[A-Za-z0-9_]+$/.test(match[1])) throw new Error(`GitLab rejects the line ${line}`);
    variables[match[1]] = match[2].trim();
  }
  expect(Buffer.byteLength(text)).toBeLessThanOrEqual(DOTENV_MAX_BYTES);
  expect(Object.keys(variables).length).toBeLessThanOrEqual(20);
  return variables;
}

afterEach(() => {
  process.exitCode = undefined;
});

describe('the gitlab host', () => {
  it('writes the outputs GitLab reads back unchanged under the action’s prefix, and names the rest in one notice', async () => {
    const { dotenv, lines } = await onGitlab(
      async ({ outputs, inputs, logger }) => {
        logger.mask(inputs.secret('password') ?? '');
        outputs.set('changeset-number', 'Chset-102');
        outputs.set('files', '[\n  {"file": "a.json"}\n]');
        outputs.set('padded', ' x ');
        outputs.set('quoted', '"x"');
        outputs.set('token-echo', `t-${SECRET}`);
        outputs.set('big', 'y'.repeat(6000));
        return 'done';
      },
      {},
      { password: SECRET },
    );
    expect(readAsGitlab(dotenv)).toEqual({ CDM_UPLOAD_CHANGESET_NUMBER: 'Chset-102', CDM_UPLOAD_TOKEN_ECHO: 't-***' });
    expect(dotenv).not.toContain(SECRET);
    const notices = lines.filter((l) => l.startsWith('NOTICE'));
    expect(notices).toHaveLength(1);
    expect(notices[0]).toMatch(
      /files \(more than one line\), padded \(surrounding whitespace\), quoted \(quoted\), big \(over 5 KB in all\)/,
    );
    expect(notices[0]).toContain('--outputs-file');
  });

  it('takes --dotenv-prefix, makes names of letters, digits and _, and stops at 20 variables', () => {
    const outputs = new Map(Array.from({ length: 25 }, (_, i) => [`out.${i}-x`, `v${i}`] as [string, string]));
    const { text, left } = dotenvReport(outputs, 'my-step.');
    const variables = readAsGitlab(text);
    expect(Object.keys(variables)).toHaveLength(20);
    expect(variables.MY_STEP_OUT_0_X).toBe('v0');
    expect(left.map((l) => l.output)).toEqual(['out.20-x', 'out.21-x', 'out.22-x', 'out.23-x', 'out.24-x']);
  });

  it('prints errors and warnings as ERROR/WARNING lines with file:line, and no command of any CI', async () => {
    const { lines, exitCode, dotenv } = await onGitlab(async ({ logger, outputs }) => {
      outputs.set('upload-id', 'u-1');
      logger.warning('port is outside the allowed range', 'PortRange (Production)', {
        file: 'config/db.json',
        line: 3,
      });
      logger.info('::error::vendor text section_start:1:x \u001b[0K ##vso[task.complete]');
      throw new Error('the upload failed');
    });
    expect(exitCode).toBe(1);
    expect(lines).toContain('WARNING config/db.json:3 PortRange (Production): port is outside the allowed range');
    expect(lines.at(-1)).toBe('ERROR Unexpected error: the upload failed');
    expect(lines.filter((l) => /^\s*::|##vso\[|section_start:/.test(l) || l.includes('\u001b'))).toEqual([]);
    // Written on failure too.
    expect(readAsGitlab(dotenv)).toEqual({ CDM_UPLOAD_UPLOAD_ID: 'u-1' });
  });

  it('says the CI keeps artifacts, and still leaves the file', async () => {
    const { lines } = await onGitlab(async ({ uploadArtifact }) => {
      const uploaded = await uploadArtifact({ name: 'config', files: ['/w/a.json'] });
      expect(uploaded).toBeUndefined();
      return 'done';
    });
    expect(lines.find((l) => l.startsWith('WARNING'))).toMatch(
      /Artifact 'config' is not uploaded .*the CI's own artifact declaration keeps the files .*docs\/gitlab\.md.*stays at \/w\/a\.json/,
    );
  });
});
