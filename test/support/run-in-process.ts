/**
 * Runs an action's TypeScript source in this process the way the runner runs its bundle: `INPUT_*` variables, the
 * runner's files (GITHUB_OUTPUT, GITHUB_STEP_SUMMARY, RUNNER_TEMP), the workspace as the working directory, and
 * the log captured from stdout. It returns what `runAction` returns for a bundle, so a flow's tests read the same
 * outputs, log and summary, with coverage of the source. Runs that need a process of their own (signals, the
 * pull-request event, memory) stay with `runAction`.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { parseOutputFile, REPO_ROOT, runnerVariables, type ActionRun, type RunActionOptions } from './run-action.js';

type InProcessOptions = Omit<RunActionOptions, 'nodeArgs' | 'onSpawn' | 'entry'>;

/**
 * @actions/core remembers the first summary file it wrote to, so every in-process run of this test file shares
 * one, emptied before each run (under the test run's temp folder, which the global teardown removes).
 */
let runnerFiles: string | undefined;

export async function runInProcess(action: string, options: InProcessOptions): Promise<ActionRun> {
  runnerFiles ??= mkdtempSync(path.join(tmpdir(), 'runner-'));
  const outputFile = path.join(runnerFiles, 'output');
  const summaryFile = path.join(runnerFiles, 'summary');
  writeFileSync(outputFile, '');
  writeFileSync(summaryFile, '');
  const workspace = options.cwd ?? mkdtempSync(path.join(tmpdir(), `${action}-`));
  const env = runnerVariables(
    action,
    { output: outputFile, summary: summaryFile, temp: runnerFiles },
    workspace,
    options,
  );

  const savedEnv = { ...process.env };
  for (const name of Object.keys(process.env)) {
    if (name.startsWith('INPUT_') || name.startsWith('GITHUB_') || name === 'RUNNER_DEBUG') delete process.env[name];
  }
  Object.assign(process.env, env);
  const savedCwd = process.cwd();
  const savedExitCode = process.exitCode;
  process.exitCode = undefined;
  let stdout = '';
  const write = process.stdout.write.bind(process.stdout);
  process.stdout.write = ((chunk: string | Uint8Array) => {
    stdout += typeof chunk === 'string' ? chunk : Buffer.from(chunk).toString();
    return true;
  }) as typeof process.stdout.write;
  const started = performance.now();
  let exitCode: number;
  try {
    process.chdir(workspace);
    const main = (await import(path.join(REPO_ROOT, 'actions', action, 'src', 'main.ts'))) as {
      run(): Promise<void>;
    };
    await main.run();
    exitCode = typeof process.exitCode === 'number' ? process.exitCode : 0;
  } finally {
    process.stdout.write = write;
    process.chdir(savedCwd);
    process.exitCode = savedExitCode;
    for (const name of Object.keys(process.env)) if (!(name in savedEnv)) delete process.env[name];
    Object.assign(process.env, savedEnv);
  }
  const outputFileText = readFileSync(outputFile, 'utf8');
  return {
    exitCode,
    signal: null,
    stdout,
    stderr: '',
    outputs: parseOutputFile(outputFileText),
    outputFileText,
    summary: readFileSync(summaryFile, 'utf8'),
    workspace,
    durationMs: performance.now() - started,
  };
}
