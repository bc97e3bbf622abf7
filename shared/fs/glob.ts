/**
 * Files named by a glob input (cdm-upload's `files`), one pattern a line, matched from the working directory.
 * Each pattern is checked before anything is walked: one that starts outside the workspace (an absolute path
 * elsewhere, `~`, a `..` segment) is an input problem naming the input, so `/**` never walks the runner's whole
 * disk. The walk counts against `timeout` and stops at the runner's cancel like every other phase. The matcher
 * (@actions/glob) is loaded here, on demand: most runs name no glob.
 */
import { realpath } from 'node:fs/promises';
import * as path from 'node:path';
import { CancelledError, errorMessage, quote, TimeoutError } from '../errors.js';
import { echoInput, type InputReader } from '../inputs/reader.js';
import type { Runtime } from '../runtime.js';
import { throwIfPastDeadline } from '../pacer.js';
import { workspaceRoot } from './workspace.js';

/**
 * The files matching the input's patterns, sorted; problems (a pattern leaving the workspace, an invalid
 * pattern, a folder that cannot be read, no match) go to the reader. A TimeoutError or CancelledError when the
 * walk outlives the deadline or the run is cancelled.
 */
export async function findFiles(
  inputs: InputReader,
  name: string,
  runtime: Pick<Runtime, 'deadline' | 'signal'>,
): Promise<string[]> {
  const text = inputs.string(name) ?? '';
  const patterns = text
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line && !line.startsWith('#'));
  const problems = await outsideWorkspace(patterns);
  for (const problem of problems) inputs.problem(name, problem);
  if (problems.length) return [];

  const glob = await import('@actions/glob');
  let globber: Awaited<ReturnType<typeof glob.create>>;
  try {
    globber = await glob.create(patterns.join('\n'), { matchDirectories: false, implicitDescendants: false });
  } catch (error) {
    inputs.problem(name, `is not a valid pattern: ${quote(errorMessage(error), 400)}`);
    return [];
  }
  const files = await walk(globber.globGenerator(), runtime).catch((error: unknown) => {
    if (error instanceof TimeoutError || error instanceof CancelledError) throw error;
    inputs.problem(name, `could not be matched: ${errorMessage(error)}`);
    return [];
  });
  if (!files.length && !inputs.problems.some((problem) => problem.input === name)) {
    inputs.problem(name, `no file matched ${patterns.map(echoInput).join(', ')}`);
  }
  return files.sort();
}

/**
 * Every file the generator yields, or the run's TimeoutError or CancelledError as soon as either happens: a walk
 * can spend seconds in folders where nothing matches, between two files.
 */
async function walk(
  generator: AsyncGenerator<string, void>,
  runtime: Pick<Runtime, 'deadline' | 'signal'>,
): Promise<string[]> {
  const files: string[] = [];
  const doing = () => `finding the files that match files (${files.length} found so far, nothing sent yet)`;
  const { signal, release } = runtime.deadline.abortSignal(runtime.signal);
  const stopped = new Promise<never>((_resolve, reject) => {
    const stop = () => {
      if (runtime.signal.aborted) reject(new CancelledError(`Cancelled while ${doing()}`));
      else reject(signal.reason);
    };
    if (signal.aborted) stop();
    else signal.addEventListener('abort', stop, { once: true });
  });
  stopped.catch(() => undefined);
  try {
    for (;;) {
      const next = await Promise.race([generator.next(), stopped]);
      if (next.done) return files;
      files.push(next.value);
    }
  } catch (error) {
    if (error instanceof TimeoutError) throwIfPastDeadline(runtime.deadline, doing());
    throw error;
  } finally {
    release();
  }
}

/** Why each pattern (leading `!` removed) would lead outside the workspace; checked without walking anything. */
async function outsideWorkspace(patterns: readonly string[]): Promise<string[]> {
  const root = await workspaceRoot();
  const problems: string[] = [];
  for (const pattern of patterns) {
    const bare = pattern.replace(/^!+/, '');
    const quoted = echoInput(pattern);
    const segments = bare.split(/[\\/]/);
    if (bare.startsWith('~')) {
      problems.push(`${quoted} starts in the home folder: write it relative to the working directory`);
    } else if (segments.includes('..')) {
      problems.push(`${quoted} leaves the workspace ('..'): files are read only from inside the workspace`);
    } else {
      // The literal part before the first wildcard is where the walk starts.
      const wild = segments.findIndex((segment) => /[*?[]/.test(segment));
      const head = (wild < 0 ? segments : segments.slice(0, wild)).join('/');
      const literal = path.resolve(head || (path.isAbsolute(bare) ? '/' : '.'));
      const start = await realpath(literal).catch(() => literal);
      const relative = path.relative(root, start);
      if (relative === '..' || relative.startsWith(`..${path.sep}`) || path.isAbsolute(relative)) {
        problems.push(`${quoted} is outside the workspace ${root}: files are read only from inside the workspace`);
      }
    }
  }
  return problems;
}
