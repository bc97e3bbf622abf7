/**
 * `npm run try -- <action> [input=value ...]`: runs an action's bundle as the runner would, with working example
 * inputs against its sandbox, and prints the log, the outputs and the job summary. It uses the sandbox already
 * listening on the vendor's fixed port (`npm run sandbox`), or starts one for the run. The exit code is the action's.
 */
import { mkdtempSync, readFileSync, realpathSync, rmSync } from 'node:fs';
import * as http from 'node:http';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';
import { userinfoOf, withoutUserinfo } from '../shared/inputs/parse.js';
import { SANDBOX_HEADER } from '../test/sandbox/server.js';
import { POLICIES_ADMIN_PATH } from '../test/sandbox/servicenow-cdm-policies.js';
import { SANDBOXES, SANDBOX_PORTS, type RunningSandbox, type SandboxName } from '../test/sandbox/standalone.js';
import { REPO_ROOT, runAction, type ActionRun } from '../test/support/run-action.js';
import { TRY_EXAMPLES } from './try-examples.js';

export interface TryOptions {
  /** Ports to use instead of the fixed ones (tests use free ports). */
  ports?: Partial<Record<SandboxName, number>>;
  /** Where each printed line goes; default stdout. */
  print?: (line: string) => void;
  /** Where `INPUT_<NAME>` variables are read from; default process.env. */
  environment?: NodeJS.ProcessEnv;
}

/** A problem with the command line: printed with the usage, exit code 2. */
class UsageError extends Error {}

/**
 * The inputs that are secrets, by the actions' naming: every input read as a secret (`password`, `token`,
 * `source-password`, `target-password`, `github-token`) ends in `password` or `token`; so does apim-migrate's
 * `status-token`, hidden too, which costs nothing (a contract test keeps this true).
 */
export function isSecretInput(name: string): boolean {
  return /(^|-)(password|token)$/.test(name);
}

/** An input's value as `try` prints it: secrets hidden, and a URL's user name and password as the actions show it. */
export function shownInput(name: string, value: string): string {
  if (isSecretInput(name)) return '***';
  // Only URLs: a user name such as dev@example.com has an `@` too.
  const isUrl = /(^|-)url$/.test(name) || value.includes('://');
  const shown = isUrl && userinfoOf(value) !== undefined ? withoutUserinfo(value) : value;
  return shown.replace(/\n/g, '\\n');
}

/** Runs the try and returns the exit code: the action's, or 2 when the command line or the port is wrong. */
export async function tryAction(args: string[], options: TryOptions = {}): Promise<number> {
  const print = options.print ?? ((line: string) => process.stdout.write(`${line}\n`));
  let plan: { action: string; overrides: Record<string, string> };
  try {
    plan = parseArguments(args);
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    print(`npm run try: ${error.message}`);
    print(`usage: npm run try -- <action> [input=value ...]   actions: ${Object.keys(TRY_EXAMPLES).join(', ')}`);
    return 2;
  }
  const example = TRY_EXAMPLES[plan.action];
  const port = options.ports?.[example.sandbox] ?? SANDBOX_PORTS[example.sandbox];
  const url = `http://127.0.0.1:${port}`;
  let started: RunningSandbox | undefined;
  const found = await probeSandbox(url);
  if (found === 'nothing') {
    started = await startSandbox(example.sandbox, port);
  } else if (found !== example.sandbox) {
    print(
      `npm run try: ${url} answers, but not as the ${example.sandbox} sandbox (${found === 'other' ? 'something else listens there' : `it is the ${found} sandbox`}). Stop what listens on port ${port}, or start the ${example.sandbox} sandbox there: npm run sandbox -- ${example.sandbox}`,
    );
    return 2;
  }
  const environment = options.environment ?? process.env;
  if (!started && example.sandbox === 'servicenow-cdm' && environment.SANDBOX_POLICIES) {
    print(await givePolicies(url, environment.SANDBOX_POLICIES, example.inputs(url)));
  }
  const fromEnvironment = environmentInputs(plan.action, environment);
  const inputs = withoutEmpty({ ...example.inputs(url), ...fromEnvironment, ...plan.overrides });
  // Every folder of the run (the runner's files, the bundle's own temporary files) goes here and is removed after.
  const tempRoot = mkdtempSync(path.join(realpathSync(tmpdir()), `try-${plan.action}-`));
  try {
    print(`▶ ${plan.action} against ${url} (${started ? 'a sandbox started for this run' : 'the running sandbox'})`);
    print('inputs:');
    for (const [name, value] of Object.entries(inputs)) {
      print(`  ${name}=${shownInput(name, value)}`);
    }
    const run = await runAction(plan.action, {
      inputs,
      cwd: REPO_ROOT,
      tempRoot,
      env: { TMPDIR: tempRoot, ...(process.env.RUNNER_DEBUG ? { RUNNER_DEBUG: process.env.RUNNER_DEBUG } : {}) },
    });
    printRun(run, print);
    if (Object.values(run.outputs).some((value) => value.includes(tempRoot))) {
      print(`note: the files in the runner's temporary folder (${tempRoot}) are removed with it now.`);
    }
    return run.exitCode ?? 1;
  } finally {
    rmSync(tempRoot, { recursive: true, force: true });
    await started?.close();
  }
}

function parseArguments(args: string[]): { action: string; overrides: Record<string, string> } {
  const [action, ...rest] = args;
  if (!action) throw new UsageError('name the action to try.');
  if (!(action in TRY_EXAMPLES)) throw new UsageError(`there is no action '${action}'.`);
  const known = actionInputs(action);
  const overrides: Record<string, string> = {};
  const unknown: string[] = [];
  for (const arg of rest) {
    const at = arg.indexOf('=');
    if (at <= 0) throw new UsageError(`'${arg}' is not input=value.`);
    const name = arg.slice(0, at);
    if (!known.includes(name)) unknown.push(name);
    overrides[name] = arg.slice(at + 1);
  }
  if (unknown.length > 0) {
    throw new UsageError(`${action} has no input ${unknown.join(', ')}. Its inputs: ${known.join(', ')}.`);
  }
  return { action, overrides };
}

/** The input names declared in the action's action.yml. */
function actionInputs(action: string): string[] {
  const metadata = parse(readFileSync(path.join(REPO_ROOT, 'actions', action, 'action.yml'), 'utf8')) as {
    inputs?: Record<string, unknown>;
  };
  return Object.keys(metadata.inputs ?? {});
}

/**
 * The action's inputs set as `INPUT_<NAME>` in the environment, as the runner passes them: the way to give a secret
 * without writing it on the command line, which npm echoes.
 */
function environmentInputs(action: string, environment: NodeJS.ProcessEnv): Record<string, string> {
  const inputs: Record<string, string> = {};
  for (const name of actionInputs(action)) {
    const value = environment[`INPUT_${name.toUpperCase()}`];
    if (value !== undefined) inputs[name] = value;
  }
  return inputs;
}

/** `input=` with nothing after it leaves the input out, as a workflow that does not set it. */
function withoutEmpty(inputs: Record<string, string>): Record<string, string> {
  return Object.fromEntries(Object.entries(inputs).filter(([, value]) => value !== ''));
}

/**
 * Hands SANDBOX_POLICIES to the CDM sandbox already running (a sandbox started for the run reads it itself), and
 * returns the line that says what happened: a running sandbox would otherwise keep the policies it started with.
 */
async function givePolicies(url: string, policies: string, login: Record<string, string>): Promise<string> {
  const restart = `stop the running sandbox and start it again: SANDBOX_POLICIES='${policies}' npm run sandbox -- servicenow-cdm`;
  try {
    const response = await fetch(`${url}${POLICIES_ADMIN_PATH}`, {
      method: 'PUT',
      headers: {
        'content-type': 'application/json',
        authorization: `Basic ${Buffer.from(`${login.username}:${login.password}`).toString('base64')}`,
      },
      body: JSON.stringify({ policies }),
      signal: AbortSignal.timeout(2000),
    });
    const body = (await response.json().catch(() => ({}))) as { result?: { policies?: string[] } };
    const names = body.result?.policies;
    if (!response.ok || !names) {
      return `SANDBOX_POLICIES is not applied: the running sandbox refused it (HTTP ${response.status}); ${restart}`;
    }
    return `SANDBOX_POLICIES: the running sandbox validates with ${names.join(', ')} from now on.`;
  } catch {
    return `SANDBOX_POLICIES is not applied: the running sandbox did not take it; ${restart}`;
  }
}

/** Which sandbox answers at the URL: its name, 'other' for anything else, 'nothing' when the port is closed. */
function probeSandbox(url: string): Promise<SandboxName | 'other' | 'nothing'> {
  return new Promise((resolve) => {
    const request = http.get(url, { timeout: 2000 }, (response) => {
      response.resume();
      const name = response.headers[SANDBOX_HEADER];
      resolve(typeof name === 'string' && name in SANDBOX_PORTS ? (name as SandboxName) : 'other');
    });
    request.on('timeout', () => request.destroy(new Error('timeout')));
    request.on('error', (error: NodeJS.ErrnoException) => resolve(error.code === 'ECONNREFUSED' ? 'nothing' : 'other'));
  });
}

async function startSandbox(name: SandboxName, port: number): Promise<RunningSandbox> {
  const definition = SANDBOXES.find((sandbox) => sandbox.name === name);
  if (!definition) throw new Error(`no sandbox named ${name}`);
  return definition.start(port, '127.0.0.1');
}

/** The log as the runner shows it, then the outputs and the summary. */
function printRun(run: ActionRun, print: (line: string) => void): void {
  print('log:');
  for (const line of runnerLog(run.stdout + run.stderr)) print(`  ${line}`);
  print('outputs:');
  for (const [name, value] of Object.entries(run.outputs)) {
    const [first, ...more] = value.trimEnd().split('\n');
    print(`  ${name}=${first}`);
    for (const line of more.slice(0, 20)) print(`    ${line}`);
    if (more.length > 20) print(`    … (${more.length - 20} more lines)`);
  }
  print('job summary:');
  for (const line of run.summary.trimEnd().split('\n')) print(`  ${line}`);
  print(
    run.exitCode === 0 ? '✔ the action succeeded (exit code 0)' : `✘ the action failed (exit code ${run.exitCode})`,
  );
}

/** Workflow commands rendered as the runner does: annotations as `Error: ...`, masks and debug lines hidden. */
export function runnerLog(text: string): string[] {
  const lines: string[] = [];
  for (const line of text.split('\n')) {
    if (line === '' || line.startsWith('::add-mask::') || line === '::endgroup::') continue;
    if (line.startsWith('::debug::') && !process.env.RUNNER_DEBUG) continue;
    const command = /^::(error|warning|notice|debug|group)(?: [^:]*)?::(.*)$/.exec(line);
    if (!command) {
      lines.push(line);
      continue;
    }
    const [, kind, message] = command;
    const label = { error: 'Error: ', warning: 'Warning: ', notice: 'Notice: ', debug: '##[debug]', group: '▸ ' }[kind];
    lines.push(
      ...unescapeCommand(message)
        .split('\n')
        .map((part, i) => (i === 0 ? `${label}${part}` : `  ${part}`)),
    );
  }
  return lines;
}

const unescapeCommand = (text: string) => text.replace(/%0D/g, '').replace(/%0A/g, '\n').replace(/%25/g, '%');

if (process.argv[1] && realpathSync(process.argv[1]) === fileURLToPath(import.meta.url)) {
  // Ctrl+C reaches the action too (same process group): it reports and stops, then this cleans up as usual.
  process.on('SIGINT', () => undefined);
  tryAction(process.argv.slice(2)).then(
    (code) => (process.exitCode = code),
    (error: unknown) => {
      console.error(error);
      process.exitCode = 1;
    },
  );
}
