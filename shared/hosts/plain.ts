/**
 * The hosts of the config-promotion command: plain log lines on stdout (a terminal, Jenkins), the report files its
 * flags ask for, and what one CI adds on top (a `CiDialect`: GitLab's dotenv report, Azure's logging commands).
 * Every line is redacted and neutralized for every CI (neutralize.ts); no `::` command is ever printed.
 */
import { writeFileSync } from 'node:fs';
import { InputError } from '../errors.js';
import type { ArtifactRequest } from '../report/artifact.js';
import type { SecretRedactor } from '../report/logger.js';
import { boundedOutput, redactedOutputText, type Outputs } from '../report/outputs.js';
import type { RunResults } from '../report/test-results.js';
import type { AnnotationLocation, Logger } from '../runtime.js';
import type { Host, HostName, HostOptions } from './host.js';
import { neutralizeForAnyCi } from './neutralize.js';
import { writeReportFile, writeReportFiles, writeSummaryFile } from './report-files.js';

export type IssueLevel = 'error' | 'warning' | 'notice';

/** What one CI reads from a log besides plain lines; every part is optional. */
export interface CiDialect {
  /** An error, warning or notice as this CI shows it; `message` is redacted, one line per line of its own. */
  issue?(level: IssueLevel, message: string, location?: AnnotationLocation): string;
  /** Lines that make the CI mask these forms of a secret (printed before the secret is used). */
  mask?(forms: string[]): string[];
  /** A line that passes an output on as it is set. */
  output?(name: string, value: string): string;
  /** Publishes the written summary file; returns the line to print. */
  summary?(file: string): string;
  /** Where the summary goes when no --summary-file was given: a file this CI publishes, or (undefined) the log. */
  defaultSummaryFile?(): string | undefined;
  /** Report files of this CI's own, written at the end on every path. */
  close?(outputs: ReadonlyMap<string, string>, logger: Logger): Promise<void>;
  /** Where this CI's docs show how to keep files as artifacts. */
  artifactDocs: string;
}

/** A terminal, or Jenkins: plain lines and the report files. */
export function plainHost(options: HostOptions, name: 'plain' | 'jenkins' = 'plain'): Host {
  return cliHost(name, options, {
    artifactDocs:
      name === 'jenkins'
        ? 'archiveArtifacts in the Jenkinsfile, see docs/jenkins.md'
        : 'none on a terminal: copy them where you keep build results',
  });
}

export function cliHost(name: HostName, options: HostOptions, dialect: CiDialect): Host {
  const values = new Map<string, string>();
  let results: RunResults | undefined;
  let closed = false;
  const print = (text: string) => void process.stdout.write(`${text}\n`);
  // A second signal ends the process at once: the outputs known by then still reach the outputs file.
  const writeOutputsNow = () => {
    if (!closed && options.outputsFile) writeFileSync(options.outputsFile, JSON.stringify(Object.fromEntries(values)));
  };
  process.on('exit', writeOutputsNow);

  return {
    name,
    inputs: options.inputs,
    logger: (redactor) => lineLogger(redactor, dialect, print),
    outputs(logger): Outputs {
      const warned = new Set<string>();
      return {
        values,
        set(output, value) {
          const text = boundedOutput(output, redactedOutputText(value, logger), logger, warned);
          if (values.get(output) === text) return;
          values.set(output, text);
          if (dialect.output) print(dialect.output(output, text));
        },
      };
    },
    async writeSummary(markdown, logger) {
      const file = options.summaryFile ?? dialect.defaultSummaryFile?.();
      if (!file) return logger.info(`Job summary:\n${markdown}`);
      await writeReportFile('summary file', file, () => writeSummaryFile(file, markdown), logger);
      if (dialect.summary) print(dialect.summary(file));
    },
    async uploadArtifact(request: ArtifactRequest, logger) {
      logger.warning(
        `Artifact '${request.name}' is not uploaded by config-promotion on ${name}: the CI's own artifact declaration keeps the files (${dialect.artifactDocs}). The file stays at ${request.files.join(', ')}.`,
        'Artifact kept by the CI',
      );
      return undefined;
    },
    reportResults(reported) {
      results = reported;
    },
    async close(logger, outcome) {
      await writeReportFiles(options, values, results, outcome.failure, logger);
      await dialect.close?.(values, logger);
      closed = true;
      process.off('exit', writeOutputsNow);
    },
    exitCode: commandExitCode,
  };
}

/** The command's exit code for a failed run, on every host: 2 for an input problem, 1 for any other failure. */
export function commandExitCode(error: unknown): number {
  return error instanceof InputError ? 2 : 1;
}

/** Redacted, neutralized lines; errors and warnings as `ERROR <file>:<line> <message>` unless the CI has its own. */
function lineLogger(redactor: SecretRedactor, dialect: CiDialect, print: (text: string) => void): Logger {
  const r = (text: string) => redactor.redact(text);
  const isDebug = process.env.RUNNER_DEBUG === '1';
  const issue = (level: IssueLevel) => (message: string, title?: string, location?: AnnotationLocation) => {
    // The title names what the message may not (a finding's policy); an input problem's message already says it.
    const text = neutralizeForAnyCi(r(title && !message.includes(title) ? `${title}: ${message}` : message));
    if (dialect.issue) return print(dialect.issue(level, text, location && { ...location, file: r(location.file) }));
    const where = location ? ` ${neutralizeForAnyCi(r(location.file))}${location.line ? `:${location.line}` : ''}` : '';
    print(`${level.toUpperCase()}${where} ${text}`);
  };
  return {
    isDebug,
    debug: (message) => (isDebug ? print(neutralizeForAnyCi(`DEBUG ${r(message)}`)) : undefined),
    info: (message) => print(neutralizeForAnyCi(r(message))),
    warning: issue('warning'),
    error: issue('error'),
    notice: issue('notice'),
    mask(secret) {
      if (!secret) return;
      const added = redactor.add(secret);
      if (dialect.mask) for (const line of dialect.mask([...new Set([secret, ...added])])) print(line);
    },
    redact: r,
  };
}
