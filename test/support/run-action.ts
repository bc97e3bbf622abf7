/**
 * Runs a built action bundle exactly as the runner does: a child `node actions/<name>/dist/index.js` with
 * `INPUT_*` variables and the runner's files (GITHUB_OUTPUT, GITHUB_STEP_SUMMARY, RUNNER_TEMP), then reads the
 * files back. Used by the end-to-end tests, `npm run demo` and `npm run bench`.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';

export const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

export interface ActionRun {
  exitCode: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
  outputs: Record<string, string>;
  /** GITHUB_OUTPUT as the action left it, every appended value included. */
  outputFileText: string;
  summary: string;
  /** The run's working directory (a fresh temporary one unless given). */
  workspace: string;
  durationMs: number;
}

export interface RunActionOptions {
  inputs: Record<string, string>;
  env?: Record<string, string>;
  cwd?: string;
  /** Extra arguments for node before the bundle (e.g. `--import` a probe). */
  nodeArgs?: string[];
  /**
   * The script to run instead of the bundle: a test that needs a process but not a rebuild runs the action's
   * `src/index.ts` with `nodeArgs: ['--import', <tsx's loader>]` (its file URL: the child's cwd is the workspace);
   * the bench runs a bundle built elsewhere.
   */
  entry?: string;
  /** Where the runner's folder (and the workspace, when no cwd is given) are made; default the OS temp folder. */
  tempRoot?: string;
  /** Called once the child has started, e.g. to send it a signal. */
  onSpawn?: (child: ReturnType<typeof spawn>) => void;
}

export function bundlePath(action: string): string {
  return path.join(REPO_ROOT, 'actions', action, 'dist', 'index.js');
}

export async function runAction(action: string, options: RunActionOptions): Promise<ActionRun> {
  const tempRoot = options.tempRoot ?? tmpdir();
  const workspace = options.cwd ?? mkdtempSync(path.join(tempRoot, `${action}-`));
  const runnerFiles = mkdtempSync(path.join(tempRoot, 'runner-'));
  const outputFile = path.join(runnerFiles, 'output');
  const summaryFile = path.join(runnerFiles, 'summary');
  writeFileSync(outputFile, '');
  writeFileSync(summaryFile, '');
  const env: Record<string, string> = {
    PATH: process.env.PATH ?? '',
    HOME: process.env.HOME ?? '',
    // The test run's own temp folder (test/support/temp-root-setup.mjs), so the bundle leaves nothing behind either.
    ...(process.env.TMPDIR ? { TMPDIR: process.env.TMPDIR } : {}),
    ...runnerVariables(action, { output: outputFile, summary: summaryFile, temp: runnerFiles }, workspace, options),
  };
  const started = performance.now();
  const child = spawn(process.execPath, [...(options.nodeArgs ?? []), options.entry ?? bundlePath(action)], {
    cwd: workspace,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  options.onSpawn?.(child);
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const [exitCode, signal] = await new Promise<[number | null, NodeJS.Signals | null]>((resolve) =>
    child.on('close', (code, sig) => resolve([code, sig])),
  );
  return {
    exitCode,
    signal,
    stdout,
    stderr,
    outputs: parseOutputFile(readFileSync(outputFile, 'utf8')),
    outputFileText: readFileSync(outputFile, 'utf8'),
    summary: readFileSync(summaryFile, 'utf8'),
    workspace,
    durationMs: performance.now() - started,
  };
}

/**
 * The inputs as the runner passes them: every input `action.yml` declares a default for is set even when the step
 * does not give it (so an action sees `skip-dry-run: false` in every run, as on GitHub); an expression default
 * (`${{ github.token }}`) becomes what the runner would evaluate it to.
 */
function withDefaults(action: string, inputs: Record<string, string>): Record<string, string> {
  const file = path.join(REPO_ROOT, 'actions', action, 'action.yml');
  const declared = (parse(readFileSync(file, 'utf8')) as { inputs?: Record<string, { default?: unknown }> }).inputs;
  const filled: Record<string, string> = {};
  for (const [name, spec] of Object.entries(declared ?? {})) {
    if (spec.default === undefined) continue;
    const value = String(spec.default);
    filled[name] = value === '${{ github.token }}' ? RUNNER_GITHUB_TOKEN : value;
  }
  return { ...filled, ...inputs };
}

/** What `${{ github.token }}` is in tests: a token shaped like GitHub's, which no server accepts. */
export const RUNNER_GITHUB_TOKEN = 'ghs_runnerTokenForTests0000000000000000';

/** What the runner sets for a step: its files, the workspace, the step's `env:` and the inputs as `INPUT_*`. */
export function runnerVariables(
  action: string,
  files: { output: string; summary: string; temp: string },
  workspace: string,
  options: Pick<RunActionOptions, 'inputs' | 'env'>,
): Record<string, string> {
  const env: Record<string, string> = {
    GITHUB_OUTPUT: files.output,
    GITHUB_STEP_SUMMARY: files.summary,
    RUNNER_TEMP: files.temp,
    GITHUB_WORKSPACE: workspace,
    ...options.env,
  };
  for (const [name, value] of Object.entries(withDefaults(action, options.inputs)))
    env[`INPUT_${name.toUpperCase()}`] = value;
  return env;
}

/** The runner's `name<<DELIMITER\nvalue\nDELIMITER` file-command format. */
export function parseOutputFile(text: string): Record<string, string> {
  const outputs: Record<string, string> = {};
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const match = /^([^<=]+)<<(.+)$/.exec(lines[i]);
    if (match) {
      const [, name, delimiter] = match;
      const value: string[] = [];
      for (i++; i < lines.length && lines[i] !== delimiter; i++) value.push(lines[i]);
      outputs[name] = value.join('\n');
    } else if (lines[i].includes('=')) {
      const at = lines[i].indexOf('=');
      outputs[lines[i].slice(0, at)] = lines[i].slice(at + 1);
    }
  }
  return outputs;
}

/**
 * Everything a user can read from a run: the log as the runner shows it (it consumes the `::add-mask::` commands
 * and prints nothing for them), the job summary and the outputs.
 */
export function userVisibleText(run: ActionRun): string {
  const log = run.stdout
    .split('\n')
    .filter((line) => !line.startsWith('::add-mask::'))
    .join('\n');
  return [log, run.stderr, run.summary, JSON.stringify(run.outputs)].join('\n');
}
