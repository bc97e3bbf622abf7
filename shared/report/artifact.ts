/**
 * Artifact upload, only when the user named an artifact. Where the runtime cannot take one (run outside GitHub
 * Actions, or GitHub Enterprise Server, which this artifact client does not support) it warns and the run goes on:
 * the file stays on disk for a later step.
 */
import * as path from 'node:path';
import { errorMessage } from '../errors.js';
import type { InputReader } from '../inputs/reader.js';
import type { Logger } from '../runtime.js';

export interface ArtifactRequest {
  name: string;
  files: string[];
  retentionDays?: number;
}

export interface UploadedArtifact {
  id?: number;
  size?: number;
}

/** The `artifact-name` and `retention-days` inputs; undefined when no artifact was asked for. */
export function readArtifactInputs(inputs: InputReader): Omit<ArtifactRequest, 'files'> | undefined {
  const name = inputs.string('artifact-name');
  const retentionDays = inputs.integer('retention-days', { min: 1, max: 90 });
  inputs.onlyWith('retention-days', name !== undefined, 'artifact-name');
  return name === undefined ? undefined : { name, retentionDays };
}

export async function uploadArtifact(request: ArtifactRequest, logger: Logger): Promise<UploadedArtifact | undefined> {
  const where = request.files.join(', ');
  if (!process.env.ACTIONS_RUNTIME_TOKEN || !process.env.ACTIONS_RESULTS_URL) {
    logger.warning(
      `Artifact '${request.name}' was not uploaded: this runtime has no artifact service (ACTIONS_RUNTIME_TOKEN / ACTIONS_RESULTS_URL are unset, as outside GitHub Actions). The file stays at ${where}.`,
      'Artifact not uploaded',
    );
    return undefined;
  }
  try {
    // Loaded on demand: the artifact client is most of the bundle and most runs do not need it.
    const { DefaultArtifactClient } = await import('@actions/artifact');
    const rootDirectory = commonDirectory(request.files);
    const response = await new DefaultArtifactClient().uploadArtifact(request.name, request.files, rootDirectory, {
      retentionDays: request.retentionDays,
    });
    logger.info(`Uploaded artifact '${request.name}' (id ${response.id ?? 'unknown'}, ${response.size ?? '?'} bytes).`);
    return { id: response.id, size: response.size };
  } catch (error) {
    logger.warning(
      `Artifact '${request.name}' was not uploaded: ${errorMessage(error)}. The file stays at ${where}.`,
      'Artifact not uploaded',
    );
    return undefined;
  }
}

function commonDirectory(files: string[]): string {
  return files
    .map((file) => path.dirname(path.resolve(file)))
    .reduce((common, dir) => {
      while (!`${dir}${path.sep}`.startsWith(`${common}${path.sep}`) && common !== path.dirname(common)) {
        common = path.dirname(common);
      }
      return common;
    });
}
