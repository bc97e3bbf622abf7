/**
 * `config-promotion check-workflow <file>...`: checks workflow files (or the YAML examples of a markdown file, as
 * the README checker does) against these actions' contracts. Prints `file:line: message`, or error annotations on
 * GitHub; exit 1 when a problem is found, 2 when a file cannot be read.
 */
import { readFileSync } from 'node:fs';
import { CONTRACTS } from './contracts.js';
import { checkWorkflowText, type ActionLookup } from './workflow-rules.js';

export interface YamlBlock {
  /** 1-based line of the block's first YAML line in the markdown. */
  line: number;
  text: string;
}

export interface FileProblem {
  file: string;
  line: number;
  message: string;
}

/** Each ```yaml block of a markdown file; one whose info string says `yaml fragment` is a piece of a line: skipped. */
export function yamlBlocks(markdown: string): YamlBlock[] {
  const blocks: YamlBlock[] = [];
  const lines = markdown.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const open = /^```yaml(\s+fragment)?\s*$/.exec(lines[i]);
    if (!open) continue;
    const start = i + 1;
    while (i + 1 < lines.length && !/^```\s*$/.test(lines[i + 1])) i++;
    if (!open[1]) blocks.push({ line: start + 1, text: lines.slice(start, i + 1).join('\n') });
    i++;
  }
  return blocks;
}

/** The actions this command was built with. */
export const builtInActions: ActionLookup = (name) =>
  Object.hasOwn(CONTRACTS, name) ? CONTRACTS[name as keyof typeof CONTRACTS] : undefined;

/** The problems of one file's text: a markdown file's YAML blocks, or the whole file as one workflow. */
export function checkFileText(file: string, text: string, actions: ActionLookup = builtInActions): FileProblem[] {
  const blocks = /\.(md|markdown)$/i.test(file) ? yamlBlocks(text) : [{ line: 1, text }];
  return blocks.flatMap((block) =>
    checkWorkflowText(block.text, actions).map((problem) => ({
      file,
      line: block.line + problem.line - 1,
      message: problem.message,
    })),
  );
}

/** Workflow-command escaping (the runner's rules): data escapes %, CR, LF; properties also `:` and `,`. */
const escapeData = (text: string) => text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
const escapeProperty = (text: string) => escapeData(text).replace(/:/g, '%3A').replace(/,/g, '%2C');

export function formatProblem(problem: FileProblem, github: boolean): string {
  if (!github) return `${problem.file}:${problem.line}: ${problem.message}`;
  const properties = `file=${escapeProperty(problem.file)},line=${problem.line},title=${escapeProperty('Workflow check')}`;
  return `::error ${properties}::${escapeData(problem.message)}`;
}

export interface CheckIo {
  env: NodeJS.ProcessEnv;
  out(line: string): void;
  err(line: string): void;
}

/** Runs the subcommand; returns the exit code. */
export function checkWorkflowFiles(files: string[], io: CheckIo): number {
  if (files.length === 0) {
    io.err('Usage: config-promotion check-workflow <file>...  (workflow files, or markdown with ```yaml examples)');
    return 2;
  }
  const github = io.env.GITHUB_ACTIONS === 'true';
  let unreadable = false;
  let found = 0;
  for (const file of files) {
    let text: string;
    try {
      text = readFileSync(file, 'utf8');
    } catch (error) {
      io.err(`${file}: cannot be read (${(error as NodeJS.ErrnoException).code ?? String(error)})`);
      unreadable = true;
      continue;
    }
    for (const problem of checkFileText(file, text)) {
      io.out(formatProblem(problem, github));
      found++;
    }
  }
  if (unreadable) return 2;
  const checked = `${files.length} file${files.length === 1 ? '' : 's'}`;
  if (found) {
    io.err(`${found} problem${found === 1 ? '' : 's'} in ${checked}.`);
    return 1;
  }
  io.out(`${checked} checked: no problems.`);
  return 0;
}
