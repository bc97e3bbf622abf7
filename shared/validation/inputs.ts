/** The gate's own inputs, read the same way by cdm-validate and cdm-upload. */
import * as path from 'node:path';
import { safeFileName } from '../fs/file-name.js';
import { outputFileProblem, unusedPath } from '../fs/output-file.js';
import type { InputReader } from '../inputs/reader.js';
import type { UploadedFileRef } from './types.js';

export interface GateInputs {
  failOnWarnings: boolean;
  failOnExceptions: boolean;
  sarifFile: string;
  resultsFile: string;
  workspace: string;
}

export function readGateInputs(inputs: InputReader): GateInputs {
  const failOnWarnings = inputs.boolean('fail-on-warnings', false);
  const failOnExceptions = inputs.boolean('fail-on-exceptions', false);
  const givenSarif = inputs.string('sarif-file');
  const givenResults = inputs.string('results-file');
  const folder = givenSarif ? path.dirname(path.resolve(givenSarif)) : process.env.RUNNER_TEMP || process.cwd();
  // Two gates in one job must not replace each other's files: the default names carry the step and are never taken.
  const step = process.env.GITHUB_ACTION ? `-${safeFileName(process.env.GITHUB_ACTION, 'step')}` : '';
  const fresh = unusedPath(folder, `cdm-validation${step}`, [
    ...(givenSarif ? [] : ['.sarif']),
    ...(givenResults ? [] : ['.json']),
  ]);
  const sarifFile = path.resolve(givenSarif ?? `${fresh}.sarif`);
  const resultsFile = path.resolve(givenResults ?? `${fresh}.json`);
  if (sarifFile === resultsFile) inputs.problem('results-file', 'must differ from sarif-file');
  for (const [name, file] of [
    ['sarif-file', sarifFile],
    ['results-file', resultsFile],
  ] as const) {
    const problem = outputFileProblem(file);
    if (problem) inputs.problem(name, `cannot be written to ${file}: ${problem}`);
  }
  return {
    failOnWarnings,
    failOnExceptions,
    sarifFile,
    resultsFile,
    workspace: path.resolve(process.env.GITHUB_WORKSPACE || process.cwd()),
  };
}

/** The `files` output of cdm-upload: a JSON array of {file, namePath, ...}; entries without both are skipped. */
export function readUploadedFiles(inputs: InputReader, name = 'uploaded-files'): UploadedFileRef[] {
  const parsed = inputs.json(name, 'array') as unknown[] | undefined;
  if (!parsed) return [];
  const files: UploadedFileRef[] = [];
  for (const [index, item] of parsed.entries()) {
    if (typeof item !== 'object' || item === null) {
      inputs.problem(name, `item ${index} is not an object; expected cdm-upload's files output`);
      continue;
    }
    const { file, namePath } = item as Record<string, unknown>;
    if ((file !== null && typeof file !== 'string') || (namePath !== null && typeof namePath !== 'string')) {
      inputs.problem(
        name,
        `item ${index} needs "file" and "namePath" as text (or null), as cdm-upload's files output has`,
      );
      continue;
    }
    if (file && namePath) files.push({ file, namePath });
  }
  return files;
}
