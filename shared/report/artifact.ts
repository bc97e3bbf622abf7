/**
 * Artifact upload, only when the user named an artifact. Where the runtime cannot take one (run outside GitHub
 * Actions, or GitHub Enterprise Server, which this artifact client does not support) it warns and the run goes on:
 * the file stays on disk for a later step. Where it can, a failed upload fails the step: the user asked for the
 * artifact and a later job would look for it. Callers report their outputs and files before uploading.
 */
import * as path from 'node:path';
import { ArtifactError, errorMessage } from '../errors.js';
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
  const server = enterpriseServer();
  if (server) {
    logger.warning(
      `Artifact '${request.name}' was not uploaded: ${server} is GitHub Enterprise Server, which this artifact upload does not support. The file stays at ${where}.`,
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
    throw new ArtifactError(
      `Artifact '${request.name}' was not uploaded: ${errorMessage(error)}. The file stays at ${where}; re-run the job, or leave artifact-name empty if no later job needs the artifact`,
    );
  }
}

/** The server, when the run is on GitHub Enterprise Server (neither github.com nor a ghe.com data-residency host). */
function enterpriseServer(): string | undefined {
  const serverUrl = process.env.GITHUB_SERVER_URL;
  if (!serverUrl) return undefined;
  let host: string;
  try {
    host = new URL(serverUrl).hostname.toLowerCase();
  } catch {
    return undefined;
  }
  const cloud = host === 'github.com' || host.endsWith('.ghe.com') || host.endsWith('.localhost');
  return cloud ? undefined : host;
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
