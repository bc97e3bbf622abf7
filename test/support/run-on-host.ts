/**
 * Runs an action's TypeScript source in this process on a host of the config-promotion command (gitlab, azure,
 * jenkins, plain), the way the command does: `run({ host: createHost(name, options) })`, inputs from a record, the
 * workspace as the working directory, the log captured from stdout, and no GitHub runner variables in sight.
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import type { HostName, HostOptions } from '../../shared/hosts/host.js';
import { createHost } from '../../shared/hosts/select.js';
import type { RunOptions } from '../../shared/frame/run.js';
import { REPO_ROOT } from './run-action.js';

export interface HostRun {
  exitCode: number;
  stdout: string;
  lines: string[];
  workspace: string;
}

export interface HostRunOptions extends Omit<Partial<HostOptions>, 'inputs'> {
  inputs: Record<string, string>;
  cwd?: string;
  env?: Record<string, string>;
}

export async function runOnHost(action: string, hostName: HostName, options: HostRunOptions): Promise<HostRun> {
  const workspace = options.cwd ?? mkdtempSync(path.join(tmpdir(), `${action}-${hostName}-`));
  const { inputs, env = {}, ...rest } = options;
  const files: Partial<HostOptions> = { ...rest };
  delete (files as { cwd?: string }).cwd;
  const savedEnv = { ...process.env };
  for (const name of Object.keys(process.env)) {
    if (/^(INPUT_|GITHUB_|RUNNER_|ACTIONS_)/.test(name)) delete process.env[name];
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
  let exitCode: number;
  try {
    process.chdir(workspace);
    const host = createHost(hostName, { action, inputs: (name) => inputs[name] ?? '', ...files });
    const main = (await import(path.join(REPO_ROOT, 'actions', action, 'src', 'main.ts'))) as {
      run(options: Partial<RunOptions>): Promise<void>;
    };
    await main.run({ host });
    exitCode = typeof process.exitCode === 'number' ? process.exitCode : 0;
  } finally {
    process.stdout.write = write;
    process.chdir(savedCwd);
    process.exitCode = savedExitCode;
    for (const name of Object.keys(process.env)) if (!(name in savedEnv)) delete process.env[name];
    Object.assign(process.env, savedEnv);
  }
  return { exitCode, stdout, lines: stdout.split('\n').filter(Boolean), workspace };
}
