/**
 * `config-promotion check-workflow <file>...` as a user runs it on their workflows: `file:line: message` (or error
 * annotations on GitHub), exit 1 on a problem, 0 when sound, 2 when a file cannot be read or none is given.
 */
import { describe, expect, it } from '@jest/globals';
import * as path from 'node:path';
import { REPO_ROOT } from '../support/run-action.js';
import { runCommandInProcess } from './run-command.js';

const WORKFLOWS = path.join(REPO_ROOT, 'test', 'fixtures', 'workflows');
const DEFECTS = path.join(WORKFLOWS, 'defects.yml');
const GOOD = path.join(WORKFLOWS, 'good.yml');
const README_FIXTURES = path.join(REPO_ROOT, 'test', 'fixtures', 'readme-examples');

describe('config-promotion check-workflow', () => {
  it("reports each problem of a workflow that uses another owner's copy or ./actions/, on its line; exit 1", async () => {
    const run = await runCommandInProcess(['check-workflow', DEFECTS, GOOD]);
    expect(run.exitCode).toBe(1);
    expect(run.stdout.trimEnd().split('\n')).toEqual([
      `${DEFECTS}:13: job 'dry-run': dev2prod-promote has no input 'operation'`,
      `${DEFECTS}:14: job 'dry-run': cdm-validate needs input 'app-name'`,
      `${DEFECTS}:18: job 'dry-run': steps.promote has no output 'fileid'`,
      `${DEFECTS}:19: job 'dry-run': steps.upload names no step of this job`,
    ]);
    expect(run.stderr).toBe('4 problems in 2 files.\n');
  });

  it('prints error annotations with file and line on GitHub', async () => {
    const run = await runCommandInProcess(['check-workflow', DEFECTS], { env: { GITHUB_ACTIONS: 'true' } });
    expect(run.exitCode).toBe(1);
    expect(run.stdout.split('\n')[0]).toBe(
      `::error file=${DEFECTS},line=13,title=Workflow check::job 'dry-run': dev2prod-promote has no input 'operation'`,
    );
  });

  it('exits 0 on a sound workflow', async () => {
    const run = await runCommandInProcess(['check-workflow', GOOD]);
    expect(run.exitCode).toBe(0);
    expect(run.stdout).toBe('1 file checked: no problems.\n');
  });

  it("checks a markdown file's yaml examples, as the README checker does", async () => {
    const file = path.join(README_FIXTURES, 'other-owner.md');
    const run = await runCommandInProcess(['check-workflow', file]);
    expect(run.exitCode).toBe(1);
    expect(run.stdout).toBe(`${file}:13: job 'example': steps.cdm has no output 'path'\n`);
  });

  it('exits 2 when a file cannot be read, or none is given', async () => {
    const missing = await runCommandInProcess(['check-workflow', 'nowhere.yml', GOOD]);
    expect(missing.exitCode).toBe(2);
    expect(missing.stderr).toContain('nowhere.yml: cannot be read (ENOENT)');
    const none = await runCommandInProcess(['check-workflow']);
    expect(none.exitCode).toBe(2);
    expect(none.stderr).toContain('Usage: config-promotion check-workflow <file>...');
  });
});
