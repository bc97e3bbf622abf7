/**
 * GitHub Actions, the first host: inputs from `INPUT_*`, lines and annotations as workflow commands through
 * @actions/core, outputs into GITHUB_OUTPUT, the summary into GITHUB_STEP_SUMMARY, artifacts to the artifact service.
 */
import * as core from '@actions/core';
import { errorMessage } from '../errors.js';
import { environmentInputs, type InputSource } from '../inputs/reader.js';
import { uploadArtifact } from '../report/artifact.js';
import { coreLogger } from '../report/logger.js';
import { coreOutputs } from '../report/outputs.js';
import type { Host } from './host.js';

export function githubHost(inputs: InputSource = environmentInputs): Host {
  return {
    name: 'github',
    inputs,
    logger: (redactor) => coreLogger(redactor),
    outputs: (logger) => coreOutputs(logger),
    async writeSummary(markdown, logger) {
      // Outside a runner (no GITHUB_STEP_SUMMARY) the summary is printed to the log, so a local run still shows it.
      if (!process.env.GITHUB_STEP_SUMMARY) return logger.info(`Job summary:\n${markdown}`);
      try {
        await core.summary.addRaw(markdown, true).write();
      } catch (error) {
        logger.warning(`Could not write the job summary: ${errorMessage(error)}`);
      }
    },
    uploadArtifact,
    reportResults: () => undefined,
    close: async () => undefined,
    exitCode: () => 1,
  };
}
