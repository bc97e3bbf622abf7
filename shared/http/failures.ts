/** The errors an ApiClient raises, in words: what failed, the vendor's message, and what to do next. */
import type * as http from 'node:http';
import type { AuthProvider } from '../auth/index.js';
import { ApiError, CancelledError, TimeoutError, errorMessage } from '../errors.js';
import { formatDuration } from '../runtime.js';
import { type BodyText, describeErrorBody, excerpt } from './body.js';
import type { ApiClientOptions, RequestSpec } from './request.js';
import type { Exchange } from './exchange.js';
import { isCertificateError, isDnsFailure } from './retry.js';

export interface UrlFormatter {
  displayUrl(spec: Pick<RequestSpec, 'path' | 'query'>): string;
  withoutCredentials(url: URL): string;
}

export class Failures {
  constructor(
    private readonly options: ApiClientOptions,
    private readonly urls: UrlFormatter,
  ) {}

  /** The deadline passed or the run was cancelled during an attempt: what was going on, and what may have happened. */
  stopped(spec: RequestSpec, reason: unknown, exchange: Exchange | undefined, startsJob: boolean): Error {
    const request = `${spec.method} ${this.urls.displayUrl(spec)}`;
    const doing = exchange ? exchange.describe(request) : `preparing ${request}`;
    const mayHaveActed =
      startsJob && exchange?.reached
        ? `. The request had reached the server, which may ${spec.what} anyway: ${this.options.checkHint ?? 'check on the server whether it did'} before running again`
        : '';
    if (reason instanceof CancelledError)
      return new CancelledError(`Cancelled while trying to ${spec.what} (${doing})${mayHaveActed}`);
    if (reason instanceof TimeoutError) {
      const timeout = formatDuration(this.options.runtime.deadline.timeoutMs);
      return new TimeoutError(
        `Timed out after ${timeout} (the action's timeout) while ${doing}, trying to ${spec.what}${mayHaveActed}`,
      );
    }
    return reason instanceof Error ? reason : new Error(String(reason));
  }

  http(spec: RequestSpec, url: URL, res: http.IncomingMessage, body: BodyText, mayHaveActed: boolean): ApiError {
    const status = res.statusCode ?? 0;
    const reader = this.options.readVendorMessage ?? (() => undefined);
    const redact = (value: string) => this.redact(value);
    const redirect = status >= 300 && status < 400;
    // Redacted before (excerpts cut secrets in half) and after (JSON-escaped secrets appear once parsed).
    const vendorMessage = redirect
      ? this.describeRedirect(res.headers.location, url)
      : redact(describeErrorBody(res.headers['content-type'], redact(body.text), reader, body));
    const hints = [
      redirect
        ? 'Redirects are not followed, so credentials never go to another address: check the URL, and use the new address if it is the right server'
        : (this.options.hintFor?.(status, spec, vendorMessage) ?? defaultHint(status, this.options.auth)),
      mayHaveActed ? `The server may have acted on the request before it failed; ${this.checkAdvice()}` : undefined,
    ].filter((hint): hint is string => hint !== undefined);
    return new ApiError({
      method: spec.method,
      url: this.urls.displayUrl(spec),
      status,
      vendorMessage,
      hint: hints.length ? hints.join('. ') : undefined,
      kind: redirect ? 'redirect' : 'status',
      what: spec.what,
    });
  }

  private describeRedirect(location: string | undefined, from: URL): string {
    if (!location) return 'a redirect without a Location header';
    let target: string;
    try {
      target = this.urls.withoutCredentials(new URL(location, from));
    } catch {
      target = this.redact(location.replace(/\/\/[^/?#]*@/, '//'));
    }
    return `the server redirects to ${excerpt(target)}`;
  }

  /** `urlInput`: the input to check, when the error most likely means its URL is wrong. */
  network(spec: RequestSpec, error: unknown, code: string, mayHaveActed: boolean, urlInput?: string): ApiError {
    const hint = mayHaveActed
      ? `The server may have acted on the request before the connection failed; ${this.checkAdvice()}`
      : urlInput
        ? urlAdvice(code, new URL(this.urls.displayUrl(spec)), urlInput)
        : isCertificateError(code)
          ? "The server's TLS certificate was not accepted, so nothing was sent: if a private CA signs it, point NODE_EXTRA_CA_CERTS at that CA's certificate"
          : undefined;
    return new ApiError({
      method: spec.method,
      url: this.urls.displayUrl(spec),
      vendorMessage: `could not ${spec.what}: ${this.redact(errorMessage(error))} (${code})`,
      hint,
      kind: 'network',
      what: spec.what,
      code,
    });
  }

  /** A failure that could be retried, but the wait before the next attempt would pass the action's timeout. */
  gaveUp(failure: ApiError, attempt: number, delayMs: number): ApiError {
    return new ApiError({
      ...failureDetails(failure),
      hint: `Gave up after ${attempt} attempt(s): waiting ${formatDuration(delayMs)} more would pass the action's timeout`,
    });
  }

  private checkAdvice(): string {
    const check = this.options.checkHint;
    return `check whether it did${check ? ` (${check})` : ''} before running again`;
  }

  private redact(text: string): string {
    return this.options.runtime.logger.redact(text);
  }
}

/** What a network error that blames the URL says: what went wrong with the host, and the input to check. */
function urlAdvice(code: string, url: URL, urlInput: string): string {
  if (isDnsFailure(code)) return `The host ${url.hostname} does not resolve: check ${urlInput}`;
  if (code === 'ECONNREFUSED') return `Nothing answers at ${url.host} (connection refused): check ${urlInput}`;
  return `The server's TLS certificate is not for ${url.hostname}: check ${urlInput}`;
}

function defaultHint(status: number, auth: AuthProvider | undefined): string | undefined {
  if (status === 401)
    return `The server did not accept ${auth?.description ?? 'the request without credentials'}: check the credentials`;
  if (status === 403) return 'The user is authenticated but not allowed to do this: check its roles';
  if (status === 429) return 'The server is rate limiting this user: try again later or lower the request rate';
  if (status >= 500) return 'The server failed: try again later, and ask its administrators if it persists';
  return undefined;
}

function failureDetails(error: ApiError) {
  return {
    method: error.method,
    url: error.url,
    status: error.status,
    vendorMessage: error.vendorMessage,
    kind: error.kind,
  };
}
