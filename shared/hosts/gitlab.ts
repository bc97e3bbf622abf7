/**
 * GitLab CI: plain lines (`ERROR <file>:<line> <message>`), and a dotenv report a later job reads its variables
 * from. GitLab's dotenv is stricter than dotenv: at most 5 KB and 20 variables per file (the default plan limits),
 * one `NAME=value` per line with no empty lines, comments or quote handling, names of ASCII letters, digits and `_`,
 * and values stripped of surrounding whitespace. So only values GitLab reads back unchanged are written (never a
 * secret: outputs are redacted); the others are named in one notice that points to --outputs-file.
 */
import * as path from 'node:path';
import { writeFileAtomic } from '../fs/atomic.js';
import type { Logger } from '../runtime.js';
import type { Host, HostOptions } from './host.js';
import { cliHost } from './plain.js';
import { writeReportFile } from './report-files.js';

export const DOTENV_DEFAULT_FILE = 'config-promotion.env';
export const DOTENV_MAX_BYTES = 5 * 1024;
export const DOTENV_MAX_VARIABLES = 20;

export function gitlabHost(options: HostOptions): Host {
  return cliHost('gitlab', options, {
    artifactDocs: 'artifacts: paths: in the job, see docs/gitlab.md',
    close: (outputs, logger) => writeDotenv(options, outputs, logger),
  });
}

/** `CDM_UPLOAD_` for cdm-upload: upper-case, every other character `_`. */
export function dotenvName(text: string): string {
  return text.toUpperCase().replace(/[^A-Z0-9_]/g, '_');
}

/** The report's text and the outputs left out of it, each with why. */
export function dotenvReport(
  outputs: ReadonlyMap<string, string>,
  prefix: string,
): { text: string; left: { output: string; why: string }[] } {
  const lines: string[] = [];
  const left: { output: string; why: string }[] = [];
  let bytes = 0;
  for (const [output, value] of outputs) {
    const line = `${dotenvName(`${prefix}${output}`)}=${value}`;
    const why = unreadableValue(value);
    if (why) left.push({ output, why });
    else if (lines.length >= DOTENV_MAX_VARIABLES) left.push({ output, why: `over ${DOTENV_MAX_VARIABLES} variables` });
    else if (bytes + Buffer.byteLength(line) + 1 > DOTENV_MAX_BYTES) left.push({ output, why: 'over 5 KB in all' });
    else {
      lines.push(line);
      bytes += Buffer.byteLength(line) + 1;
    }
  }
  return { text: lines.map((line) => `${line}\n`).join(''), left };
}

/** Why GitLab would not read `value` back as it is; undefined when it would. */
function unreadableValue(value: string): string | undefined {
  if (/[\r\n\u2028\u2029\u0085]/.test(value)) return 'more than one line';
  if (value !== value.trim()) return 'surrounding whitespace';
  if (/^(["'`]).*\1$/s.test(value)) return 'quoted';
  if (value.includes('\u0000')) return 'a NUL character';
  return undefined;
}

async function writeDotenv(options: HostOptions, outputs: ReadonlyMap<string, string>, logger: Logger) {
  const file = path.resolve(options.dotenvFile ?? DOTENV_DEFAULT_FILE);
  const prefix = options.dotenvPrefix ?? `${dotenvName(options.action)}_`;
  const { text, left } = dotenvReport(outputs, prefix);
  await writeReportFile('dotenv report', file, () => writeFileAtomic(file, text), logger);
  if (!left.length) return;
  const where = options.outputsFile
    ? `they are in the outputs file ${options.outputsFile}`
    : 'give --outputs-file <path> to get every output as JSON';
  logger.notice(
    `Not in the dotenv report ${file}, because GitLab would not read them back unchanged: ${left.map((l) => `${l.output} (${l.why})`).join(', ')}; ${where}.`,
    'Outputs left out of the dotenv report',
  );
}
