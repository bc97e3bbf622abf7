/**
 * Contract checks for every `actions/<name>/` in this repository: `action.yml` against GitHub's own
 * action-metadata schema (from `@actions/workflow-parser`), our project rules on top of it, and the
 * README inputs/outputs tables against `action.yml`.
 *
 * Every check returns a list of human-readable problems; an empty list means the check passed.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

// Deep import of GitHub's action.yml parser; the package root only exports the workflow parser.
// `parseAction` reads the YAML and validates it against the `action-root-strict` definition of the
// bundled `action-v1.0.json` schema (the same schema the Actions language service uses).
import { parseAction } from '@actions/workflow-parser/actions/action-parser';
import type { TraceWriter } from '@actions/workflow-parser/templates/trace-writer';
import { isScalar, parseDocument } from 'yaml';

/** Repository root: this file lives in `<root>/test/contract/`. */
export const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');

/** Names of inputs and outputs: lowercase kebab-case. */
export const KEBAB_CASE = /^[a-z][a-z0-9]*(-[a-z0-9]+)*$/;

/** Project rule: every action is a bundled Node 24 action. */
export const REQUIRED_RUNS_USING = 'node24';
export const REQUIRED_RUNS_MAIN = 'dist/index.js';

export interface ActionInput {
  name: string;
  description: unknown;
  required: boolean;
  /** The default as GitHub sees it (the YAML source text, so `1.0` stays `1.0`); undefined when absent. */
  default: string | undefined;
}

export interface ActionOutput {
  name: string;
  description: unknown;
}

export interface ActionMetadata {
  name: unknown;
  description: unknown;
  inputs: ActionInput[];
  outputs: ActionOutput[];
  runs: Record<string, unknown> | undefined;
  branding: Record<string, unknown> | undefined;
}

const silentTrace: TraceWriter = { error() {}, info() {}, verbose() {} };

/**
 * Directories `actions/<name>/` (absolute paths, sorted) that contain an `action.yml`.
 */
export function findActionDirs(repoRoot: string = REPO_ROOT): string[] {
  const actionsDir = join(repoRoot, 'actions');
  if (!existsSync(actionsDir)) return [];
  return readdirSync(actionsDir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && existsSync(join(actionsDir, entry.name, 'action.yml')))
    .map((entry) => join(actionsDir, entry.name))
    .sort();
}

/**
 * Validates action.yml text against GitHub's action-metadata schema via `parseAction` from
 * `@actions/workflow-parser`. Returns the parser's error messages (YAML syntax errors included).
 */
export function validateActionSchema(content: string, fileName = 'action.yml'): string[] {
  const result = parseAction({ name: fileName, content }, silentTrace);
  return result.context.errors.getErrors().map((error) => error.message);
}

/** Reads and validates an action.yml file; see {@link validateActionSchema}. */
export function validateActionSchemaFile(path: string): string[] {
  return validateActionSchema(readFileSync(path, 'utf8'), path);
}

function asRecord(value: unknown): Record<string, unknown> | undefined {
  return value !== null && typeof value === 'object' && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : undefined;
}

/**
 * Parses action.yml text into the fields the contract checks need. Throws on YAML syntax errors
 * (the schema check reports those with positions).
 */
export function parseActionMetadata(content: string): ActionMetadata {
  const doc = parseDocument(content);
  if (doc.errors.length > 0) throw new Error(`action.yml is not valid YAML: ${doc.errors[0]!.message}`);
  const root = asRecord(doc.toJS()) ?? {};

  const inputs: ActionInput[] = Object.entries(asRecord(root.inputs) ?? {}).map(([name, raw]) => {
    const input = asRecord(raw) ?? {};
    const defaultNode = doc.getIn(['inputs', name, 'default'], true);
    let defaultValue: string | undefined;
    if (isScalar(defaultNode)) {
      if (defaultNode.value !== null) defaultValue = defaultNode.source ?? String(defaultNode.value);
    } else if (defaultNode !== undefined && defaultNode !== null) {
      defaultValue = String(defaultNode); // not a scalar: the schema check reports it
    }
    return { name, description: input.description, required: input.required === true, default: defaultValue };
  });

  const outputs: ActionOutput[] = Object.entries(asRecord(root.outputs) ?? {}).map(([name, raw]) => ({
    name,
    description: asRecord(raw)?.description,
  }));

  return {
    name: root.name,
    description: root.description,
    inputs,
    outputs,
    runs: asRecord(root.runs),
    branding: asRecord(root.branding),
  };
}

/** Reads and parses an action.yml file; see {@link parseActionMetadata}. */
export function loadActionMetadata(path: string): ActionMetadata {
  return parseActionMetadata(readFileSync(path, 'utf8'));
}

function isNonEmptyString(value: unknown): value is string {
  return typeof value === 'string' && value.trim() !== '';
}

/**
 * Project rules the GitHub schema does not enforce: `runs.using` is node24 (the schema still accepts
 * node12/16/20), `runs.main` is dist/index.js, every input/output has a non-empty description and a
 * kebab-case name, and `branding` has both `icon` and `color`.
 */
export function checkProjectRules(meta: ActionMetadata): string[] {
  const problems: string[] = [];
  if (!isNonEmptyString(meta.description)) problems.push('description must be a non-empty string');

  const using = meta.runs?.using;
  if (using !== REQUIRED_RUNS_USING) {
    problems.push(`runs.using must be '${REQUIRED_RUNS_USING}' (found ${JSON.stringify(using)})`);
  }
  const main = meta.runs?.main;
  if (main !== REQUIRED_RUNS_MAIN) {
    problems.push(`runs.main must be '${REQUIRED_RUNS_MAIN}' (found ${JSON.stringify(main)})`);
  }

  for (const [kind, entries] of [
    ['input', meta.inputs],
    ['output', meta.outputs],
  ] as const) {
    for (const entry of entries) {
      if (!KEBAB_CASE.test(entry.name)) problems.push(`${kind} '${entry.name}' must be kebab-case (${KEBAB_CASE})`);
      if (!isNonEmptyString(entry.description)) problems.push(`${kind} '${entry.name}' needs a non-empty description`);
    }
  }

  if (meta.branding === undefined) {
    problems.push('branding with icon and color is required');
  } else {
    if (!isNonEmptyString(meta.branding.icon)) problems.push('branding.icon is required');
    if (!isNonEmptyString(meta.branding.color)) problems.push('branding.color is required');
  }
  return problems;
}

export interface MarkdownTable {
  /** Header cells, trimmed. */
  header: string[];
  /** Data rows: trimmed cells, `\|` unescaped. */
  rows: string[][];
  /** 1-based line number of the header row. */
  line: number;
}

/** Splits a `| a | b |` row on unescaped pipes; cells are trimmed and `\|` becomes `|`. */
export function splitTableRow(line: string): string[] {
  let text = line.trim();
  if (text.startsWith('|')) text = text.slice(1);
  if (text.endsWith('|') && !text.endsWith('\\|')) text = text.slice(0, -1);
  const cells: string[] = [];
  let current = '';
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (ch === '\\' && text[i + 1] === '|') {
      current += '|';
      i++;
    } else if (ch === '|') {
      cells.push(current.trim());
      current = '';
    } else {
      current += ch;
    }
  }
  cells.push(current.trim());
  return cells;
}

/**
 * Finds the section under the heading `heading` (e.g. `## Inputs`, matched case-insensitively, fenced
 * code blocks ignored) and returns the first markdown table in it before the next heading of the same
 * or a higher level. Returns undefined when the heading or a table under it is missing.
 */
export function findTableUnderHeading(markdown: string, heading: string): MarkdownTable | undefined {
  const lines = markdown.split(/\r?\n/);
  const wanted = heading.trim().replace(/\s+/g, ' ').toLowerCase();
  const level = /^#+/.exec(wanted)?.[0].length ?? 2;

  let inFence = false;
  let inSection = false;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    if (/^\s*(```|~~~)/.test(line)) {
      inFence = !inFence;
      continue;
    }
    if (inFence) continue;

    const headingMatch = /^(#{1,6})\s+(.*?)\s*#*\s*$/.exec(line);
    if (headingMatch) {
      if (inSection && headingMatch[1]!.length <= level) return undefined;
      const text = `${headingMatch[1]} ${headingMatch[2]!.replace(/\s+/g, ' ')}`.toLowerCase();
      if (text === wanted) inSection = true;
      continue;
    }

    if (inSection && line.trim().startsWith('|')) {
      const header = splitTableRow(line);
      const separator = lines[i + 1];
      if (separator === undefined || !splitTableRow(separator).every((cell) => /^:?-+:?$/.test(cell))) {
        return undefined;
      }
      const rows: string[][] = [];
      for (let j = i + 2; j < lines.length && lines[j]!.trim().startsWith('|'); j++) {
        rows.push(splitTableRow(lines[j]!));
      }
      return { header, rows, line: i + 1 };
    }
  }
  return undefined;
}

export const INPUTS_HEADING = '## Inputs';
export const OUTPUTS_HEADING = '## Outputs';
export const INPUTS_COLUMNS = ['Input', 'Required', 'Default', 'Description'];
export const OUTPUTS_COLUMNS = ['Output', 'Description'];
/** Default cell values accepted when an input has no default. */
export const NO_DEFAULT_CELLS = ['', '—'];

const list = (names: Iterable<string>): string =>
  [...names]
    .sort()
    .map((name) => `\`${name}\``)
    .join(', ');

/**
 * Shared part of the inputs/outputs table checks: table presence, header, name cells, and the
 * set of names compared with action.yml (missing and extra rows reported separately).
 * Returns the rows keyed by name for the column checks.
 */
function checkTableNames(
  markdown: string,
  heading: string,
  columns: string[],
  kind: 'input' | 'output',
  expectedNames: string[],
  problems: string[],
): Map<string, string[]> {
  const rowsByName = new Map<string, string[]>();
  const table = findTableUnderHeading(markdown, heading);
  if (table === undefined) {
    // An action without inputs (or outputs) may leave the section out entirely.
    if (expectedNames.length > 0) problems.push(`README has no table under '${heading}'`);
    return rowsByName;
  }
  const headerText = `| ${table.header.join(' | ')} |`;
  const wantedHeader = `| ${columns.join(' | ')} |`;
  if (headerText !== wantedHeader) {
    problems.push(`README '${heading}' table header is '${headerText}', expected '${wantedHeader}'`);
    return rowsByName;
  }

  for (const row of table.rows) {
    const nameCell = row[0] ?? '';
    const match = /^`([^`]+)`$/.exec(nameCell);
    if (!match) {
      problems.push(`README '${heading}' row '${nameCell}': the name must be in backticks, e.g. \`my-${kind}\``);
      continue;
    }
    if (row.length !== columns.length) {
      problems.push(`README '${heading}' row \`${match[1]}\` has ${row.length} cells, expected ${columns.length}`);
    }
    if (rowsByName.has(match[1]!)) problems.push(`README '${heading}' lists \`${match[1]}\` more than once`);
    rowsByName.set(match[1]!, row);
  }

  const expected = new Set(expectedNames);
  const missing = expectedNames.filter((name) => !rowsByName.has(name));
  const extra = [...rowsByName.keys()].filter((name) => !expected.has(name));
  if (missing.length > 0) {
    problems.push(`README '${heading}' table is missing ${kind}s defined in action.yml: ${list(missing)}`);
  }
  if (extra.length > 0) {
    problems.push(`README '${heading}' table lists ${kind}s not defined in action.yml: ${list(extra)}`);
  }
  return rowsByName;
}

/** The Default cell expected for an input: the default in backticks, or empty / `—` when absent. */
export function expectedDefaultCells(input: ActionInput): string[] {
  if (input.default === undefined) return NO_DEFAULT_CELLS;
  if (input.default === '') return [...NO_DEFAULT_CELLS, '`""`', "`''`"];
  return [`\`${input.default}\``];
}

/**
 * Compares the README `## Inputs` table (`| Input | Required | Default | Description |`) with the
 * action's inputs: same set of names, Required is `yes`/`no` matching `required: true`, Default is the
 * action.yml default in backticks (empty or `—` when there is none). Descriptions are not compared.
 */
export function checkInputsTable(markdown: string, inputs: ActionInput[]): string[] {
  const problems: string[] = [];
  const rows = checkTableNames(
    markdown,
    INPUTS_HEADING,
    INPUTS_COLUMNS,
    'input',
    inputs.map((input) => input.name),
    problems,
  );
  for (const input of inputs) {
    const row = rows.get(input.name);
    if (row === undefined) continue;
    const required = row[1] ?? '';
    const wantedRequired = input.required ? 'yes' : 'no';
    if (required !== wantedRequired) {
      problems.push(
        `input \`${input.name}\`: README Required is '${required}', expected '${wantedRequired}' ` +
          `(action.yml required: ${input.required})`,
      );
    }
    const defaultCell = row[2] ?? '';
    const wantedDefaults = expectedDefaultCells(input);
    if (!wantedDefaults.includes(defaultCell)) {
      problems.push(
        `input \`${input.name}\`: README Default is '${defaultCell}', expected ` +
          wantedDefaults.map((cell) => `'${cell}'`).join(' or ') +
          (input.default === undefined ? ' (no default in action.yml)' : ''),
      );
    }
  }
  return problems;
}

/** Compares the README `## Outputs` table (`| Output | Description |`) with the action's outputs by name. */
export function checkOutputsTable(markdown: string, outputs: ActionOutput[]): string[] {
  const problems: string[] = [];
  checkTableNames(
    markdown,
    OUTPUTS_HEADING,
    OUTPUTS_COLUMNS,
    'output',
    outputs.map((output) => output.name),
    problems,
  );
  return problems;
}

/** Both README table checks. */
export function checkReadme(markdown: string, meta: ActionMetadata): string[] {
  return [...checkInputsTable(markdown, meta.inputs), ...checkOutputsTable(markdown, meta.outputs)];
}
