/**
 * The frame every action's main runs in: on its host (GitHub, or the CI the config-promotion command runs on), it
 * builds the logger, input reader, outputs and summary; wires the cancel signals to an AbortSignal; and turns each
 * error kind into one clear failure line plus titled annotations. The summary is written on every path, so a
 * failed run still tells what it did.
 */
import {
  ApiError,
  ArtifactError,
  CancelledError,
  FileWriteError,
  InputError,
  JobFailedError,
  TimeoutError,
  VERDICT_MAX_CHARS,
  errorMessage,
  verdictOf,
} from '../errors.js';
import { githubHost } from '../hosts/github.js';
import type { Host } from '../hosts/host.js';
import { InputReader, type InputSource } from '../inputs/reader.js';
import { Deadline, systemClock, type Clock, type Logger, type Runtime } from '../runtime.js';
import type { ArtifactRequest, UploadedArtifact } from '../report/artifact.js';
import { SecretRedactor } from '../report/logger.js';
import type { Outputs } from '../report/outputs.js';
import { redactSpansWith } from '../report/markdown.js';
import { redactFileText } from '../report/redacted-file.js';
import { mappedStack } from '../report/stack.js';
import type { RunResults } from '../report/test-results.js';
import { cutToBytes, Summary, SUMMARY_LIMIT_BYTES } from '../report/summary.js';

export interface ActionContext {
  logger: Logger;
  inputs: InputReader;
  outputs: Outputs;
  summary: Summary;
  clock: Clock;
  signal: AbortSignal;
  /** Starts the run's clock once the `timeout` input is known. */
  runtime(timeoutMs: number): Runtime;
  /** Keeps files as an artifact the way the host does (or says where they stay). */
  uploadArtifact(request: ArtifactRequest): Promise<UploadedArtifact | undefined>;
  /** The CI the run is on. */
  host: Host['name'];
  /** What the run found, for the host's JUnit and Code Quality files; without it, the job is one test case. */
  reportResults(results: RunResults): void;
}

export interface RunOptions {
  /** The action's title for the summary heading, e.g. "CDM export". */
  title: string;
  /** Where the run is; GitHub Actions unless the config-promotion command says otherwise. */
  host?: Host;
  /** Inputs from elsewhere than the host's (tests). */
  source?: InputSource;
  clock?: Clock;
}

/** What opens a failure's verdict in the summary. */
const FAILED = '❌ Failed: ';

/** How long a cancelled run may take to report before it exits regardless. */
const CANCEL_GRACE_MS = 1500;

/**
 * `main` returns its verdict: one line that says what happened. It opens the summary and closes the log, so the
 * last thing a reader of either sees is the outcome; a failure's error line takes that place on failure.
 */
export async function runAction(options: RunOptions, main: (context: ActionContext) => Promise<string>): Promise<void> {
  const host = options.host ?? githubHost();
  const logger = host.logger(new SecretRedactor());
  let spansRedacted = false;
  redactSpansWith((text) => {
    const redacted = logger.redact(text);
    if (redacted !== text) spansRedacted = true;
    return redacted;
  });
  const clock = options.clock ?? systemClock;
  const controller = new AbortController();
  const onSignal = (signal: NodeJS.Signals) => {
    if (controller.signal.aborted) process.exit(1); // a second signal: stop now
    logger.info(`Received ${signal}: stopping.`);
    controller.abort();
    setTimeout(() => process.exit(1), CANCEL_GRACE_MS).unref();
  };
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
  const summary = new Summary();
  const context: ActionContext = {
    logger,
    inputs: new InputReader(options.source ?? host.inputs, logger),
    outputs: host.outputs(logger),
    summary,
    clock,
    signal: controller.signal,
    runtime: (timeoutMs) => ({ clock, logger, signal: controller.signal, deadline: new Deadline(clock, timeoutMs) }),
    uploadArtifact: (request) => host.uploadArtifact(request, logger),
    host: host.name,
    reportResults: (results) => host.reportResults(results),
  };
  let closing: () => void;
  let failure: string | undefined;
  try {
    // Raw text: the summary removes secrets from each span before escaping it, the logger from each line.
    const { verdict, detail } = verdictOf(await main(context));
    summary.verdict(verdict, detail);
    closing = () => {
      if (detail) logger.info(detail);
      logger.info(verdict);
    };
  } catch (error) {
    failure = errorMessage(error);
    closing = reportFailure(error, logger, summary, host);
  } finally {
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
  }
  await writeSummary(options.title, summary, host, logger, spansRedacted);
  await host.close(logger, { failure });
  closing();
}

/**
 * One titled failure line; the details of a multi-part failure (inputs, vendor errors) as annotations too. The
 * summary's part is written now; the log's part is returned, to be printed last.
 */
function reportFailure(error: unknown, logger: Logger, summary: Summary, host: Host): () => void {
  // One short line says what failed and what to check; the URL and the vendor's whole text are the detail.
  const { verdict, detail } = verdictOf(error, VERDICT_MAX_CHARS - FAILED.length);
  let details: { title: string; message: string }[] = [];
  let title = 'Unexpected error';
  if (error instanceof InputError) {
    title = 'Invalid input';
    details = error.problems.map((p) => ({ title: `Input '${p.input}'`, message: `Input '${p.input}': ${p.message}` }));
  } else if (error instanceof JobFailedError) {
    title = `${error.jobId}: ${error.state}`;
    details = error.errors.map((detail) => ({ title, message: detail }));
  } else if (error instanceof ApiError) {
    title = apiErrorTitle(error);
  } else if (error instanceof ArtifactError) {
    title = 'Artifact not uploaded';
  } else if (error instanceof TimeoutError) {
    title = 'Timed out';
  } else if (error instanceof CancelledError) {
    title = 'Cancelled';
  } else if (error instanceof FileWriteError) {
    title = 'File not written';
  } else if (error instanceof Error && error.stack) {
    logger.debug(mappedStack(error.stack));
  }
  process.exitCode = host.exitCode(error);
  summary.verdict(`${FAILED}${verdict}`, detail);
  if (details.length > 1) summary.list(details.map((d) => d.message));
  return () => {
    if (details.length > 1) for (const part of details) logger.error(part.message, part.title);
    if (detail) logger.info(detail);
    logger.error(verdict, title);
  };
}

/** The annotation title names the kind of failure: "Unexpected answer" says more than "HTTP 200". */
function apiErrorTitle(error: ApiError): string {
  switch (error.kind) {
    case 'network':
      return 'Request failed';
    case 'redirect':
      return `Redirect not followed (HTTP ${error.status})`;
    case 'html':
      return 'HTML page instead of the API';
    case 'unreadable':
      return 'Unreadable answer';
    case 'too-large':
      return 'Answer too large';
    case 'unexpected':
      return 'Unexpected answer';
    case 'status':
      return `HTTP ${error.status}`;
  }
}

/** Redacted, then cut again (redaction can lengthen the text: a one-character secret becomes ***). */
async function writeSummary(
  title: string,
  summary: Summary,
  host: Host,
  logger: Logger,
  spansRedacted: boolean,
): Promise<void> {
  const markdown = `## ${title}\n\n${summary.toMarkdown()}`;
  const redacted = redactFileText(markdown, 'The job summary', logger, { redactedBefore: spansRedacted });
  await host.writeSummary(cutToBytes(redacted, SUMMARY_LIMIT_BYTES), logger);
}
