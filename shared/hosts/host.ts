/**
 * The CI a run is on. runAction owns one host, and the host alone decides how inputs arrive and how log lines,
 * annotations, secret masks, outputs, the summary and artifacts leave, and which text must never start a command
 * there. The flows and the actions' mains know nothing of it: a new CI is one file, and every action runs on it.
 */
import type { InputSource } from '../inputs/reader.js';
import type { ArtifactRequest, UploadedArtifact } from '../report/artifact.js';
import type { SecretRedactor } from '../report/logger.js';
import type { Outputs } from '../report/outputs.js';
import type { RunResults } from '../report/test-results.js';
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
  /** What the run found, for the host's report files (JUnit, Code Quality); GitHub has none. */
  reportResults(results: RunResults): void;
  /**
   * The run is over, on every path (also a failure, timeout or cancel): write what is written once. `failure` is
   * the run's error message when it failed.
   */
  close(logger: Logger, outcome: { failure?: string }): Promise<void>;
  /** The process's exit code for a failed run: GitHub's steps always fail with 1; elsewhere 2 is an input problem. */
  exitCode(error: unknown): number;
}

/** How the config-promotion command builds a host (shared/hosts/select.ts). */
export interface HostOptions {
  /** The action's name, e.g. 'cdm-upload': the dotenv prefix's default and the job's test case name. */
  action: string;
  /** The command's flags, CONFIG_PROMOTION_* variables and action.yml defaults. */
  inputs: InputSource;
  outputsFile?: string;
  summaryFile?: string;
  junitFile?: string;
  codequalityFile?: string;
  /** GitLab only: where the dotenv report goes (default config-promotion.env) and its variables' prefix. */
  dotenvFile?: string;
  dotenvPrefix?: string;
}
