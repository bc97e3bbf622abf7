/**
 * Runs the config-promotion command as a user would: in this process from its source (coverage, speed), or as a
 * child process from source (`npm run cli`) or from the bundle (`node cli/dist/index.js`), in a fresh working
 * directory, with only the environment given (no GITHUB_*, CONFIG_PROMOTION_* or CI variables of the test run).
 */
import { spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { main } from '../../cli/src/main.js';
import { REPO_ROOT } from '../support/run-action.js';

export interface CommandRun {
  exitCode: number | null;
  stdout: string;
  stderr: string;
  /** The working directory the command ran in. */
  cwd: string;
}

export interface CommandOptions {
  env?: Record<string, string>;
  cwd?: string;
  /** The bundle to run instead of cli/dist/index.js (a copy elsewhere). */
  entry?: string;
  /** Called with each chunk of stdout as it comes, and the child, e.g. to send it a signal at a given line. */
  onStdout?: (text: string, child: ReturnType<typeof spawn>) => void;
}

/** Variables a CI sets that would pick another host or feed inputs: removed from every run's environment. */
const HOST_VARIABLE = /^(GITHUB_|INPUT_|CONFIG_PROMOTION_|RUNNER_|ACTIONS_)|^(GITLAB_CI|TF_BUILD|JENKINS_URL)$/;

function cleanEnv(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const env = Object.fromEntries(Object.entries(process.env).filter(([name]) => !HOST_VARIABLE.test(name)));
  return { ...env, ...extra };
}

export async function runCommandInProcess(argv: string[], options: CommandOptions = {}): Promise<CommandRun> {
  const cwd = options.cwd ?? mkdtempSync(path.join(tmpdir(), 'cli-'));
  const savedEnv = { ...process.env };
  const env = cleanEnv(options.env);
  for (const name of Object.keys(process.env)) if (!(name in env)) delete process.env[name];
  Object.assign(process.env, env);
  const savedCwd = process.cwd();
  const savedExitCode = process.exitCode;
  process.exitCode = undefined;
  let stdout = '';
  let stderr = '';
  const write = process.stdout.write.bind(process.stdout);
  process.stdout.write = ((chunk: string | Uint8Array) => {
    stdout += typeof chunk === 'string' ? chunk : Buffer.from(chunk).toString();
    return true;
  }) as typeof process.stdout.write;
  let exitCode: number;
  try {
    process.chdir(cwd);
    const code = await main(argv, {
      env,
      out: (line) => void (stdout += `${line}\n`),
      err: (line) => void (stderr += `${line}\n`),
    });
    exitCode = code ?? (typeof process.exitCode === 'number' ? process.exitCode : 0);
  } finally {
    process.stdout.write = write;
    process.chdir(savedCwd);
    process.exitCode = savedExitCode;
    for (const name of Object.keys(process.env)) if (!(name in savedEnv)) delete process.env[name];
    Object.assign(process.env, savedEnv);
  }
  return { exitCode, stdout, stderr, cwd };
}

export const CLI_BUNDLE = path.join(REPO_ROOT, 'cli', 'dist', 'index.js');

/**
 * `npm run cli -- <argv>` (npm runs it in the repository's root), `tsx cli/src/index.ts <argv>` (what that script
 * runs, in the given working directory) or `node cli/dist/index.js <argv>` (the bundle).
 */
export async function runCommandProcess(
  from: 'npm' | 'source' | 'bundle',
  argv: string[],
  options: CommandOptions = {},
): Promise<CommandRun> {
  const cwd = options.cwd ?? mkdtempSync(path.join(tmpdir(), 'cli-'));
  const [command, args]: [string, string[]] =
    from === 'npm'
      ? ['npm', ['run', '--silent', '--prefix', REPO_ROOT, 'cli', '--', ...argv]]
      : from === 'source'
        ? [
            path.join(REPO_ROOT, 'node_modules', '.bin', 'tsx'),
            [path.join(REPO_ROOT, 'cli', 'src', 'index.ts'), ...argv],
          ]
        : [process.execPath, [options.entry ?? CLI_BUNDLE, ...argv]];
  const child = spawn(command, args, { cwd, env: cleanEnv(options.env), stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => {
    stdout += chunk.toString();
    options.onStdout?.(stdout, child);
  });
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const exitCode = await new Promise<number | null>((resolve) => child.on('close', (code) => resolve(code)));
  return { exitCode, stdout, stderr, cwd };
}
