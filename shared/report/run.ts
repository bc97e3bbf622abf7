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
  errorMessage,
} from '../errors.js';
import { githubHost } from '../hosts/github.js';
import type { Host } from '../hosts/host.js';
import { InputReader, type InputSource } from '../inputs/reader.js';
import { Deadline, systemClock, type Clock, type Logger, type Runtime } from '../runtime.js';
import type { ArtifactRequest, UploadedArtifact } from './artifact.js';
import { SecretRedactor } from './logger.js';
import type { Outputs } from './outputs.js';
import { redactSpansWith } from './markdown.js';
import { redactFileText } from './redacted-file.js';
import { mappedStack } from './stack.js';
import { cutToBytes, Summary, SUMMARY_LIMIT_BYTES } from './summary.js';

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
  };
  let closing: () => void;
  try {
    // Raw text: the summary removes secrets from each span before escaping it, the logger from each line.
    const verdict = await main(context);
    summary.verdict(verdict);
    closing = () => logger.info(verdict);
  } catch (error) {
    closing = reportFailure(error, logger, summary);
    process.exitCode = host.exitCode?.(error) ?? 1;
  } finally {
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
  }
  await writeSummary(options.title, summary, host, logger, spansRedacted);
  await host.close(logger);
  closing();
}

/**
 * One titled failure line; the details of a multi-part failure (inputs, vendor errors) as annotations too. The
 * summary's part is written now; the log's part is returned, to be printed last.
 */
function reportFailure(error: unknown, logger: Logger, summary: Summary): () => void {
  const message = errorMessage(error);
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
  process.exitCode = 1;
  summary.verdict(`❌ Failed: ${message}`);
  if (details.length > 1) summary.list(details.map((d) => d.message));
  return () => {
    if (details.length > 1) for (const detail of details) logger.error(detail.message, detail.title);
    logger.error(message, title);
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
