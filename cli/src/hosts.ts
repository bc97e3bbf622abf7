/**
 * STAND-IN until shared/hosts/select.ts (issue #17 §2, the hosts part) lands: the same signatures, a plain host
 * behind every non-GitHub name (log lines, the outputs and summary files). The command calls only createHost and
 * detectHost, so at merge this file goes and main.ts imports them from '../../shared/hosts/select.js'.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { InputError } from '../../shared/errors.js';
import { githubHost } from '../../shared/hosts/github.js';
import type { Host, HostName } from '../../shared/hosts/host.js';
import type { InputSource } from '../../shared/inputs/reader.js';
import { neutralizeCommands } from '../../shared/report/logger.js';
import { redactedOutputText, type Outputs } from '../../shared/report/outputs.js';

export interface HostOptions {
  action: string;
  inputs: InputSource;
  outputsFile?: string;
  summaryFile?: string;
  junitFile?: string;
  codequalityFile?: string;
  dotenvFile?: string;
  dotenvPrefix?: string;
}

export const HOST_NAMES: readonly HostName[] = ['github', 'gitlab', 'azure', 'jenkins', 'plain'];

export function detectHost(env: NodeJS.ProcessEnv): HostName {
  if (env.GITHUB_ACTIONS === 'true') return 'github';
  if (env.GITLAB_CI === 'true') return 'gitlab';
  if (env.TF_BUILD === 'True') return 'azure';
  if (env.JENKINS_URL) return 'jenkins';
  return 'plain';
}

export function createHost(name: HostName, options: HostOptions): Host {
  if (name === 'github') return githubHost(options.inputs);
  const values = new Map<string, string>();
  const print = (line: string) => process.stdout.write(`${neutralizeCommands(line)}\n`);
  return {
    name,
    inputs: options.inputs,
    exitCode: (error) => (error instanceof InputError ? 2 : 1),
    logger: (redactor) => {
      const r = (text: string) => redactor.redact(text);
      const located = (level: string) => (message: string, _title?: string, at?: { file: string; line?: number }) =>
        print(`${level} ${at ? `${r(at.file)}:${at.line ?? 1} ` : ''}${r(message)}`);
      return {
        isDebug: false,
        debug: () => undefined,
        info: (message) => print(r(message)),
        warning: located('WARNING'),
        error: located('ERROR'),
        notice: located('NOTICE'),
        mask: (secret) => void (secret && redactor.add(secret)),
        redact: r,
      };
    },
    outputs: (logger): Outputs => ({
      values,
      set: (output, value) => void values.set(output, redactedOutputText(value, logger)),
    }),
    async writeSummary(markdown, logger) {
      if (options.summaryFile) writeFile(options.summaryFile, markdown);
      else logger.info(`Job summary:\n${markdown}`);
    },
    async uploadArtifact(request, logger) {
      logger.warning(
        `Artifact '${request.name}': this CI keeps files through its own artifact declaration. The files stay at ${request.files.join(', ')}.`,
      );
      return undefined;
    },
    async close() {
      if (options.outputsFile) writeFile(options.outputsFile, `${JSON.stringify(Object.fromEntries(values))}\n`);
    },
  };
}

function writeFile(file: string, text: string): void {
  mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
  writeFileSync(file, text);
}
