/**
 * The error kinds every action reports. `main` turns each into one `setFailed` line plus titled annotations
 * (see report/run.ts), so each carries what the user needs: what failed, the vendor's words, what to do next.
 */

/** One problem with one input; several are reported together. */
export interface InputProblem {
  input: string;
  message: string;
}

/** The user's configuration is wrong. Raised before any request is sent. */
export class InputError extends Error {
  readonly problems: InputProblem[];
  constructor(problems: InputProblem[]) {
    super(
      problems.length === 1
        ? `Input '${problems[0].input}': ${problems[0].message}`
        : `${problems.length} input problems: ${problems.map((p) => `'${p.input}': ${p.message}`).join('; ')}`,
    );
    this.name = 'InputError';
    this.problems = problems;
  }
}

/**
 * What kind of failure an ApiError is, for the annotation's title: an error status, no answer at all, a redirect
 * (never followed), an HTML page where the API was expected, an answer that could not be read (not JSON, too
 * large), or one that parsed but lacks what the endpoint documents.
 */
export type ApiErrorKind = 'status' | 'network' | 'redirect' | 'html' | 'unreadable' | 'too-large' | 'unexpected';

export interface ApiErrorDetails {
  method: string;
  /** The request URL without credentials. */
  url: string;
  /** HTTP status; undefined when no answer arrived (network error). */
  status?: number;
  /** The vendor's own message, or a description of the body that came instead of one. */
  vendorMessage: string;
  /** What the user can do about it. */
  hint?: string;
  /** Default: `network` without a status, `unexpected` for a 2xx answer, else `status`. */
  kind?: ApiErrorKind;
  /** What the request was for, in the user's words ("start the export"): the verdict's subject. */
  what?: string;
  /** A network error's code (ENOTFOUND), when no answer came. */
  code?: string;
}

/** A request failed: an HTTP error status, a network error, or a body that could not be understood. */
export class ApiError extends Error {
  readonly method: string;
  readonly url: string;
  readonly status?: number;
  readonly vendorMessage: string;
  readonly hint?: string;
  readonly kind: ApiErrorKind;
  readonly what?: string;
  readonly code?: string;
  constructor(details: ApiErrorDetails) {
    const status = details.status === undefined ? 'no answer' : `HTTP ${details.status}`;
    // A server can say anything at any length: quote a few KB of it, never the whole of a huge answer.
    const vendorMessage = quote(details.vendorMessage);
    super(
      `${details.method} ${details.url} failed (${status}): ${vendorMessage}` +
        (details.hint ? `. ${details.hint}` : ''),
    );
    this.name = 'ApiError';
    this.method = details.method;
    this.url = details.url;
    this.status = details.status;
    this.vendorMessage = vendorMessage;
    this.hint = details.hint;
    this.kind = details.kind ?? defaultKind(details.status);
    this.what = details.what;
    this.code = details.code;
  }

  /**
   * The failure in one short line, what failed and what to check: "Could not find changeset X (HTTP 401):
   * ServiceNow refused …". The URL with its query and the vendor's whole text stay in `message`, the detail.
   */
  get verdict(): string {
    const subject = this.what ? `Could not ${this.what}` : `${this.method} ${pathOf(this.url)} failed`;
    const status =
      this.status !== undefined ? ` (HTTP ${this.status})` : this.code && this.hint ? ` (${this.code})` : '';
    // A network error's message already starts with "could not <what>: ".
    const reason = this.vendorMessage.replace(/^could not [^:]*: /, '');
    return shortLine(`${subject}${status}: ${this.hint ?? reason}`);
  }
}

/** A URL's path without its query: enough to name the endpoint in one line. */
function pathOf(url: string): string {
  try {
    return new URL(url).pathname;
  } catch {
    return url.replace(/[?#].*$/, '');
  }
}

/** The longest a verdict (the failure line that opens the summary and closes the log) may be. */
export const VERDICT_MAX_CHARS = 200;

/** `text` on one line of at most `max` characters, cut at a word with "…" when longer. */
export function shortLine(text: string, max = VERDICT_MAX_CHARS): string {
  const line = text.replace(/\s+/g, ' ').trim();
  if (line.length <= max) return line;
  const cut = line.slice(0, max - 1);
  const space = cut.lastIndexOf(' ');
  return `${(space > max / 2 ? cut.slice(0, space) : cut).replace(/[\s.,:;]+$/, '')}…`;
}

/**
 * An error as the verdict and, when the verdict leaves something out, the detail: the whole message (URLs,
 * the vendor's full words) for the line below the verdict. What to do next ends a message, so a long one loses
 * its middle, never its advice.
 */
export function verdictOf(error: unknown, max = VERDICT_MAX_CHARS): { verdict: string; detail?: string } {
  const message = errorMessage(error);
  const verdict =
    error instanceof ApiError ? shortLine(error.verdict, max) : fitLine(...headAndAdvice(error, message), max);
  return verdict === message ? { verdict } : { verdict, detail: message };
}

/** The message's first part and its advice: a JobFailedError's hint, else the last sentence. */
function headAndAdvice(error: unknown, message: string): [string, string | undefined] {
  const hint = error instanceof JobFailedError ? error.hint : undefined;
  if (hint && message.endsWith(`. ${hint}`)) return [message.slice(0, -hint.length - 2), hint];
  const end = message.lastIndexOf('. ');
  return end > 0 ? [message.slice(0, end), message.slice(end + 2)] : [message, undefined];
}

/** The least of a verdict left to the head when advice is long, so it still says what failed. */
const HEAD_MIN_CHARS = 70;
/** The shortest head that still names the job that failed, when that keeps the advice whole. */
const HEAD_SHORT_CHARS = 45;

/** `head. advice` in `max` characters: the head is cut first, the advice only when it alone is too long. */
function fitLine(head: string, advice: string | undefined, max: number): string {
  const whole = shortLine(advice ? `${head}. ${advice}` : head, Number.MAX_SAFE_INTEGER);
  if (whole.length <= max || !advice) return shortLine(whole, max);
  const line = shortLine(advice, Number.MAX_SAFE_INTEGER);
  // Advice that fits beside a short head stays whole; longer advice leaves the head HEAD_MIN_CHARS.
  const tail = line.length <= max - HEAD_SHORT_CHARS ? line : middleCut(line, max - HEAD_MIN_CHARS);
  return `${shortLine(head, max - tail.length - 1)} ${tail}`;
}

/**
 * Advice longer than `max` loses its middle: its start says what is wrong, its end what to do ("re-run with
 * changeset-number: Chset-4"), so a quarter of the room goes to the start and the rest to the end.
 */
function middleCut(text: string, max: number): string {
  if (text.length <= max) return text;
  const startChars = Math.floor((max - 1) / 4);
  let start = text.slice(0, startChars);
  let end = text.slice(text.length - (max - 1 - startChars));
  // Never half a character at either cut.
  if (/[\uD800-\uDBFF]$/.test(start)) start = start.slice(0, -1);
  if (/^[\uDC00-\uDFFF]/.test(end)) end = end.slice(1);
  return `${start.trimEnd()}…${end.trimStart()}`;
}

function defaultKind(status: number | undefined): ApiErrorKind {
  if (status === undefined) return 'network';
  return status >= 200 && status < 300 ? 'unexpected' : 'status';
}

/** The vendor ran the job and reported that it failed; `errors` are the vendor's own messages. */
export class JobFailedError extends Error {
  readonly jobId: string;
  readonly state: string;
  readonly errors: string[];
  readonly hint?: string;
  constructor(summary: string, details: { jobId: string; state: string; errors: string[]; hint?: string }) {
    const errors = collapseRepeats(details.errors);
    const first = errors[0] === undefined ? undefined : quote(errors[0]);
    super(
      `${summary}${first ? `: ${first}` : ''}` +
        (errors.length > 1 ? ` (and ${errors.length - 1} more, see the annotations)` : '') +
        (details.hint ? `. ${details.hint}` : ''),
    );
    this.name = 'JobFailedError';
    this.jobId = details.jobId;
    this.state = details.state;
    this.errors = errors.map((error) => quote(error));
    this.hint = details.hint;
  }
}

/** An artifact the user asked for could not be uploaded, on a runner that takes artifacts. */
export class ArtifactError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ArtifactError';
  }
}

/** The action's `timeout` ran out before the job finished. */
export class TimeoutError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'TimeoutError';
  }
}

/** The run was cancelled (SIGINT/SIGTERM from the runner). */
export class CancelledError extends Error {
  constructor(message = 'The run was cancelled') {
    super(message);
    this.name = 'CancelledError';
  }
}

/** The same line said n times reads once, with its count: "… (×9)". Order of first appearance is kept. */
export function collapseRepeats(lines: string[]): string[] {
  const counts = new Map<string, number>();
  for (const line of lines) counts.set(line, (counts.get(line) ?? 0) + 1);
  return [...counts].map(([line, count]) => (count > 1 ? `${line} (×${count})` : line));
}

export function errorMessage(error: unknown): string {
  if (error instanceof Error) return error.message;
  // Errors from another realm (a VM context) fail `instanceof Error` but still carry their message.
  const message = (error as { message?: unknown } | null | undefined)?.message;
  return typeof message === 'string' ? message : String(error);
}

/** The most of one piece of vendor text that a message quotes. */
export const QUOTE_MAX_CHARS = 4000;

/** `text`, cut to `maxChars` with "…(N more bytes)" when longer, so a message stays readable whatever came in. */
export function quote(text: string, maxChars = QUOTE_MAX_CHARS): string {
  if (text.length <= maxChars) return text;
  return `${text.slice(0, maxChars)}${moreBytes(Buffer.byteLength(text.slice(maxChars)))}`;
}

/** "…(1,234 more bytes)": what a cut-off quote or body left out. */
export function moreBytes(bytes: number | undefined): string {
  return bytes === undefined ? '…(and more, not read)' : `…(${bytes.toLocaleString('en-US')} more bytes)`;
}

/** A file the run writes (an export, a SARIF or results file, a download) could not be written: which, and why. */
export class FileWriteError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'FileWriteError';
  }
}
