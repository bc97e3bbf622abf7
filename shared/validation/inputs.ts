/** The gate's own inputs, read the same way by cdm-validate and cdm-upload. */
import * as path from 'node:path';
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
  const folder = process.env.RUNNER_TEMP || process.cwd();
  const sarifFile = path.resolve(inputs.string('sarif-file') ?? path.join(folder, 'cdm-validation.sarif'));
  const resultsFile = path.resolve(
    inputs.string('results-file') ?? path.join(path.dirname(sarifFile), 'cdm-validation.json'),
  );
  if (sarifFile === resultsFile) inputs.problem('results-file', 'must differ from sarif-file');
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
