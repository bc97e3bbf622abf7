/**
 * The CI a run is on. runAction owns one host, and the host alone decides how inputs arrive and how log lines,
 * annotations, secret masks, outputs, the summary and artifacts leave, and which text must never start a command
 * there. The flows and the actions' mains know nothing of it: a new CI is one file, and every action runs on it.
 */
import type { InputSource } from '../inputs/reader.js';
import type { ArtifactRequest, UploadedArtifact } from '../report/artifact.js';
import type { SecretRedactor } from '../report/logger.js';
import type { Outputs } from '../report/outputs.js';
import type { Logger } from '../runtime.js';

export type HostName = 'github' | 'gitlab' | 'azure' | 'jenkins' | 'plain';

export interface Host {
  readonly name: HostName;
  /** Where the inputs come from. */
  readonly inputs: InputSource;
  /** The run's logger: every line redacted by `redactor`, and unable to start a command of this CI. */
  logger(redactor: SecretRedactor): Logger;
  /** The run's outputs, each passed on the moment it is set (redacted). */
  outputs(logger: Logger): Outputs;
  /** The job summary's markdown, already redacted and bounded; written once, when the run is over. */
  writeSummary(markdown: string, logger: Logger): Promise<void>;
  /** Keeps `request.files` as an artifact, or says where they stay; a failed upload throws ArtifactError. */
  uploadArtifact(request: ArtifactRequest, logger: Logger): Promise<UploadedArtifact | undefined>;
  /** The process's exit code for a failed run (1 when absent, as on GitHub). */
  exitCode?(error: unknown): number;
  /** The run is over, on every path (also a failure, timeout or cancel): write what is written once. */
  close(logger: Logger): Promise<void>;
}
