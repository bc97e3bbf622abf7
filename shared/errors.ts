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
}

/** A request failed: an HTTP error status, a network error, or a body that could not be understood. */
export class ApiError extends Error {
  readonly method: string;
  readonly url: string;
  readonly status?: number;
  readonly vendorMessage: string;
  readonly hint?: string;
  constructor(details: ApiErrorDetails) {
    const status = details.status === undefined ? 'no answer' : `HTTP ${details.status}`;
    super(
      `${details.method} ${details.url} failed (${status}): ${details.vendorMessage}` +
        (details.hint ? `. ${details.hint}` : ''),
    );
    this.name = 'ApiError';
    this.method = details.method;
    this.url = details.url;
    this.status = details.status;
    this.vendorMessage = details.vendorMessage;
    this.hint = details.hint;
  }
}

/** The vendor ran the job and reported that it failed; `errors` are the vendor's own messages. */
export class JobFailedError extends Error {
  readonly jobId: string;
  readonly state: string;
  readonly errors: string[];
  readonly hint?: string;
  constructor(summary: string, details: { jobId: string; state: string; errors: string[]; hint?: string }) {
    const first = details.errors[0];
    super(
      `${summary}${first ? `: ${first}` : ''}` +
        (details.errors.length > 1 ? ` (and ${details.errors.length - 1} more, see the annotations)` : '') +
        (details.hint ? `. ${details.hint}` : ''),
    );
    this.name = 'JobFailedError';
    this.jobId = details.jobId;
    this.state = details.state;
    this.errors = details.errors;
    this.hint = details.hint;
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

export function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
