/**
 * Runs a real GitLab pipeline with gitlab-ci-local: a temporary git repository whose `.gitlab-ci.yml` includes the
 * component templates (copied from templates/, as a project would vendor or include them), every job on the shell
 * executor in a build folder of its own, so what one job hands to the next goes only through artifacts and dotenv
 * reports, as on GitLab. The environment is cleared of the test run's (a GITHUB_ACTIONS=true from the CI running the
 * tests must not reach the jobs): a job sees PATH, its own HOME and the pipeline's variables.
 */
import { spawn } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { stringify } from 'yaml';
import { REPO_ROOT } from '../support/run-action.js';

/** The bundled command the jobs run, as a checkout would (`cli` input). */
export const CLI = path.join(REPO_ROOT, 'cli', 'dist', 'index.js');
const GITLAB_CI_LOCAL = path.join(REPO_ROOT, 'node_modules', 'gitlab-ci-local', 'dist', 'index.js');

export interface PipelineOptions {
  /** The `.gitlab-ci.yml`, as an object. */
  ci: Record<string, unknown>;
  /** Files committed to the repository, by path. */
  files?: Record<string, string>;
  /** CI/CD variables of the project (masked ones included), given to every job. */
  variables?: Record<string, string>;
}

export interface Pipeline {
  exitCode: number | null;
  /** gitlab-ci-local's whole output: every job's log lines, prefixed with the job's name. */
  log: string;
  /** One job's log, as GitLab shows it. */
  jobLog(job: string): string;
  /** A file of a job's artifacts, or undefined when the job kept no such file. */
  artifact(job: string, file: string): string | undefined;
  /** The variables a job's dotenv report passes to later jobs. */
  dotenv(job: string): Record<string, string>;
  /** Every file the pipeline left (repository, builds, artifacts), to look for what must never be written. */
  root: string;
}

/** The component include of one template, with `cli` pointing at this checkout's command. */
export function component(action: string, inputs: Record<string, string>): Record<string, unknown> {
  return { local: `templates/${action}.yml`, inputs: { cli: `node ${CLI}`, ...inputs } };
}

export async function runPipeline({ ci, files = {}, variables = {} }: PipelineOptions): Promise<Pipeline> {
  const root = mkdtempSync(path.join(tmpdir(), 'gitlab-pipeline-'));
  const repo = path.join(root, 'repo');
  const home = path.join(root, 'home');
  mkdirSync(home);
  cpSync(path.join(REPO_ROOT, 'templates'), path.join(repo, 'templates'), { recursive: true });
  writeFileSync(path.join(repo, '.gitlab-ci.yml'), stringify(ci, { lineWidth: 0 }));
  for (const [name, content] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(repo, name)), { recursive: true });
    writeFileSync(path.join(repo, name), content);
  }
  const env = { PATH: process.env.PATH ?? '/usr/bin:/bin', HOME: home, LANG: 'C.UTF-8' };
  await run('git', ['init', '-q', '-b', 'main'], repo, env);
  await run('git', ['add', '-A'], repo, env);
  await run('git', ['-c', 'user.name=ci', '-c', 'user.email=ci@example.com', 'commit', '-qm', 'pipeline'], repo, env);

  const args = [
    GITLAB_CI_LOCAL,
    '--force-shell-executor',
    '--shell-isolation',
    '--no-color',
    '--no-artifacts-to-source',
    '--home',
    home,
  ];
  for (const [name, value] of Object.entries(variables)) args.push('--variable', `${name}=${value}`);
  const { exitCode, output } = await run(process.execPath, args, repo, env, true);

  const stateDir = path.join(repo, '.gitlab-ci-local');
  const artifact = (job: string, file: string): string | undefined => {
    const full = path.join(stateDir, 'artifacts', job, file);
    return existsSync(full) ? readFileSync(full, 'utf8') : undefined;
  };
  return {
    exitCode,
    log: output,
    root,
    jobLog: (job) => readFileSync(path.join(stateDir, 'output', `${job}.log`), 'utf8'),
    artifact,
    dotenv: (job) =>
      Object.fromEntries(
        (artifact(job, '.gitlab-ci-reports/dotenv/config-promotion.env') ?? '')
          .split('\n')
          .filter((line) => line.includes('='))
          .map((line) => [line.slice(0, line.indexOf('=')), line.slice(line.indexOf('=') + 1)]),
      ),
  };
}

/** Runs a command asynchronously (the sandbox answers the jobs from this process's event loop). */
function run(
  command: string,
  args: string[],
  cwd: string,
  env: Record<string, string>,
  allowFailure = false,
): Promise<{ exitCode: number | null; output: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.on('error', reject);
    child.on('close', (exitCode) => {
      if (exitCode !== 0 && !allowFailure) reject(new Error(`${command} ${args.join(' ')} failed:\n${output}`));
      else resolve({ exitCode, output });
    });
  });
}

/** Fails with gitlab-ci-local's whole output when the pipeline did not pass (or fail) as expected. */
export function expectPipeline(pipeline: Pipeline, outcome: 'passed' | 'failed'): void {
  if ((pipeline.exitCode === 0 ? 'passed' : 'failed') !== outcome) {
    throw new Error(`The pipeline should have ${outcome} (exit code ${pipeline.exitCode}):\n${pipeline.log}`);
  }
}
