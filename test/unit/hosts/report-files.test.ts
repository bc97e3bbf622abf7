/**
 * The report files every host writes when asked: the outputs as one JSON object of strings (also on failure), the
 * summary, JUnit read back with a real XML parser, Code Quality JSON; all redacted. And which host a run is on.
 */
import { afterEach, describe, expect, it } from '@jest/globals';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { TimeoutError } from '../../../shared/errors.js';
import type { HostName } from '../../../shared/hosts/host.js';
import { createHost, detectHost } from '../../../shared/hosts/select.js';
import { runAction, type ActionContext } from '../../../shared/frame/run.js';
import { readJunit } from '../../support/junit.js';

const SECRET = "pa<ss>&'word-9";

async function onHost(name: HostName, main: (context: ActionContext) => Promise<string>) {
  const dir = mkdtempSync(path.join(tmpdir(), 'report-files-'));
  const files = {
    outputsFile: path.join(dir, 'outputs.json'),
    summaryFile: path.join(dir, 'summary.md'),
    junitFile: path.join(dir, 'junit.xml'),
    codequalityFile: path.join(dir, 'codequality.json'),
    dotenvFile: path.join(dir, 'x.env'),
  };
  const host = createHost(name, {
    action: 'cdm-export',
    inputs: (input) => (input === 'password' ? SECRET : ''),
    ...files,
  });
  const write = process.stdout.write.bind(process.stdout);
  let stdout = '';
  process.stdout.write = ((chunk: string) => ((stdout += chunk), true)) as typeof process.stdout.write;
  try {
    await runAction({ title: 'CDM export', host }, main);
  } finally {
    process.stdout.write = write;
  }
  return { ...files, stdout, exitCode: process.exitCode };
}

afterEach(() => {
  process.exitCode = undefined;
});

describe('report files', () => {
  it.each<HostName>(['plain', 'jenkins', 'gitlab', 'azure'])(
    'on %s: a timed-out run still writes the outputs known by then, its summary, and one failed job test case, redacted',
    async (name) => {
      const run = await onHost(name, async ({ inputs, logger, outputs }) => {
        logger.mask(inputs.secret('password') ?? '');
        outputs.set('export-id', 'e-7');
        outputs.set('echo', `x ${SECRET}`);
        outputs.set('count', 3);
        throw new TimeoutError(`Timed out waiting for export e-7 (${SECRET})`);
      });
      expect(run.exitCode).toBe(1);
      expect(JSON.parse(readFileSync(run.outputsFile, 'utf8'))).toEqual({
        'export-id': 'e-7',
        echo: 'x ***',
        count: '3',
      });
      expect(readFileSync(run.summaryFile, 'utf8')).toContain('Timed out waiting for export e-7');
      const junit = readJunit(run.junitFile);
      expect(junit.cases).toEqual([
        { suite: 'cdm-export', name: 'cdm-export', failure: 'Timed out waiting for export e-7 (***)' },
      ]);
      expect(JSON.parse(readFileSync(run.codequalityFile, 'utf8'))).toEqual([]);
      for (const file of [run.outputsFile, run.summaryFile, run.junitFile]) {
        const text = readFileSync(file, 'utf8');
        expect(text).not.toContain('pa<ss>');
        expect(text).not.toContain('pa&lt;ss&gt;');
      }
      expect(run.stdout).not.toMatch(/^\s*::/m);
    },
  );

  it('writes the reported test cases and findings: failures as <failure>, Code Quality fields as GitLab reads them', async () => {
    const run = await onHost('plain', async ({ reportResults }) => {
      reportResults({
        testCases: [
          { suite: 'Production / v1', name: 'PortRange', failure: 'config/a.json:3: port <1 & "x"' },
          { suite: 'Production / v1', name: 'RequiredKeys' },
          { suite: 'Staging / v2', name: 'validation of v2' },
        ],
        findings: [
          {
            description: 'port <1',
            checkName: 'PortRange',
            fingerprint: 'f1',
            severity: 'major',
            path: 'config/a.json',
            line: 3,
          },
        ],
      });
      throw new Error('The policy validation gate failed (failed)');
    });
    const junit = readJunit(run.junitFile);
    expect(junit.tests).toBe(3);
    expect(junit.failures).toBe(1);
    expect(junit.cases[0]).toEqual({
      suite: 'Production / v1',
      name: 'PortRange',
      failure: 'config/a.json:3: port <1 & "x"',
    });
    expect(JSON.parse(readFileSync(run.codequalityFile, 'utf8'))).toEqual([
      {
        description: 'port <1',
        check_name: 'PortRange',
        fingerprint: 'f1',
        severity: 'major',
        location: { path: 'config/a.json', lines: { begin: 3 } },
      },
    ]);
  });

  it('bounds an output as on GitHub: over 1 MiB it is left empty in the outputs file, the full value in a named file', async () => {
    const big = 'x'.repeat(1024 * 1024 + 1);
    const run = await onHost('plain', async ({ outputs }) => {
      outputs.set('content', big);
      return 'done';
    });
    expect(JSON.parse(readFileSync(run.outputsFile, 'utf8'))).toEqual({ content: '' });
    const warning = /^WARNING .*it is left empty, and the full value is in (\S+)\.$/m.exec(run.stdout);
    expect(readFileSync(warning?.[1] ?? '', 'utf8')).toBe(big);
  });

  it('fails a green run whose report file cannot be written, naming the file', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'report-files-'));
    const notADirectory = path.join(dir, 'file');
    writeFileSync(notADirectory, '');
    const junitFile = path.join(notADirectory, 'junit.xml');
    const host = createHost('plain', { action: 'cdm-export', inputs: () => '', junitFile });
    const write = process.stdout.write.bind(process.stdout);
    let stdout = '';
    process.stdout.write = ((chunk: string) => ((stdout += chunk), true)) as typeof process.stdout.write;
    try {
      await runAction({ title: 'CDM export', host }, async () => 'done');
    } finally {
      process.stdout.write = write;
    }
    expect(process.exitCode).toBe(1);
    expect(stdout).toContain(`ERROR Report file not written: The JUnit file ${junitFile} was not written`);
  });

  it('adds a failed job test case when a failed run’s own test cases all passed (fail closed)', async () => {
    const run = await onHost('jenkins', async ({ reportResults }) => {
      reportResults({ testCases: [{ suite: 'dry run 1', name: 'pkg' }], findings: [] });
      throw new TimeoutError('Timed out during the import');
    });
    expect(readJunit(run.junitFile).cases.map((c) => c.failure)).toEqual([undefined, 'Timed out during the import']);
  });
});

describe('github through the command', () => {
  it('reports as the actions do (workflow commands), exits 2 on an input problem as the command does everywhere, and writes the report files', async () => {
    const saved = process.env.GITHUB_OUTPUT;
    delete process.env.GITHUB_OUTPUT;
    try {
      const run = await onHost('github', async ({ inputs, outputs }) => {
        outputs.set('export-id', 'e-1');
        inputs.string('app-name', { required: true });
        inputs.finish();
        return 'not reached';
      });
      expect(run.exitCode).toBe(2);
      expect(run.stdout).toContain("::error title=Invalid input::Input 'app-name': is required");
      expect(JSON.parse(readFileSync(run.outputsFile, 'utf8'))).toEqual({ 'export-id': 'e-1' });
      expect(readJunit(run.junitFile).failures).toBe(1);
      expect(readFileSync(run.summaryFile, 'utf8')).toContain("Input 'app-name'");
    } finally {
      if (saved !== undefined) process.env.GITHUB_OUTPUT = saved;
    }
  });
});

describe('detectHost', () => {
  it.each([
    [{ GITHUB_ACTIONS: 'true', GITLAB_CI: 'true' }, 'github'],
    [{ GITLAB_CI: 'true', TF_BUILD: 'True' }, 'gitlab'],
    [{ TF_BUILD: 'True', JENKINS_URL: 'https://ci' }, 'azure'],
    [{ JENKINS_URL: 'https://ci' }, 'jenkins'],
    [{ TF_BUILD: 'true', GITLAB_CI: 'false' }, 'plain'],
    [{}, 'plain'],
  ])('%j → %s', (env, host) => {
    expect(detectHost(env)).toBe(host);
  });
});
