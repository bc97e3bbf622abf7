/**
 * The one HTTP layer. Every vendor module talks through an ApiClient: base URL joining, auth, the run's deadline
 * and cancel on every request, an idle limit per attempt, the retry policy, bounded reads, redaction, debug
 * logging, and error bodies turned into ApiErrors in the vendor's words. Proxies follow HTTPS_PROXY/NO_PROXY.
 */
import type * as http from 'node:http';
import { ApiError, CancelledError, FileWriteError } from '../errors.js';
import { describeHtml, isHtml } from '../html.js';
import { formatBytes, formatDuration } from '../runtime.js';
import { excerpt, isRecord, readBody } from './body.js';
import { DirectAgents, Exchange, IDLE_TIMEOUT } from './exchange.js';
import { Failures } from './failures.js';
import {
  backoffDelayMs,
  blamesUrl,
  type BackoffOptions,
  neverSent,
  type Outcome,
  refusedBeforeSending,
  serverRequestedDelayMs,
  shouldRetry,
  URL_FAILURE_RETRIES,
} from './retry.js';
import { type ApiClientOptions, type ApiResponse, requestHeaders, type RequestSpec } from './request.js';

const DEFAULT_TIMEOUT_MS = 60_000;
const DEFAULT_MAX_ATTEMPTS = 6;
const DEFAULT_BACKOFF: BackoffOptions = { baseMs: 1000, maxMs: 30_000 };
/** Ordinary API answers (statuses, lists) are far smaller; more than this is not an answer we can use. */
const DEFAULT_MAX_ANSWER_BYTES = 16 * 2 ** 20;
/** An error answer is read for the vendor's message only. */
const ERROR_BODY_MAX_BYTES = 2 ** 20;

type Consume<T> = (res: http.IncomingMessage) => Promise<T>;

/** One request across its attempts. */
interface Request {
  spec: RequestSpec;
  url: URL;
  startsJob: boolean;
  maxAttempts: number;
  /** The credentials are renewed at most once per request. */
  authRenewed: boolean;
}

/** An attempt that failed: the error to throw, and what the retry decision goes by. */
interface Failed {
  outcome: Outcome;
  failure: ApiError;
}

type Tried<T> = { answer: T } | Failed;

export class ApiClient {
  readonly baseUrl: string;
  private readonly agents = new DirectAgents();
  /** Whether the server has answered once: a refused connection before that is likely a wrong URL. */
  private answered = false;

  private readonly failures: Failures;

  constructor(private readonly options: ApiClientOptions) {
    this.baseUrl = options.baseUrl.replace(/\/+$/, '');
    this.failures = new Failures(options, this);
  }

  /** Sends the request (with retries) and returns a 2xx answer; anything else is an ApiError. */
  async send(spec: RequestSpec): Promise<ApiResponse> {
    return this.execute(spec, async (res) => {
      const limit = spec.maxAnswerBytes ?? DEFAULT_MAX_ANSWER_BYTES;
      const body = await readBody(res, limit, false);
      if (body.cut || body.undecodable) {
        const size = body.unreadBytes === undefined ? '' : ` (it has ${formatBytes(limit + body.unreadBytes)})`;
        throw new ApiError({
          method: spec.method,
          url: this.displayUrl(spec),
          status: res.statusCode,
          vendorMessage: body.cut
            ? `the answer is larger than ${formatBytes(limit)}, the most this action reads to ${spec.what}${size}; it stopped reading there`
            : `the answer is a ${body.undecodable}`,
          hint: this.options.unexpectedAnswerHint,
          kind: body.cut ? 'too-large' : 'unreadable',
        });
      }
      return { status: res.statusCode ?? 0, headers: res.headers, text: body.text };
    });
  }

  /** Sends the request and parses the JSON answer; an HTML page or malformed JSON is an ApiError. */
  async json(spec: RequestSpec): Promise<unknown> {
    const response = await this.send(spec);
    return this.parseJson(spec, response);
  }

  parseJson(spec: RequestSpec, response: ApiResponse): unknown {
    const contentType = response.headers['content-type'];
    const fail = (vendorMessage: string, kind: 'html' | 'unreadable') =>
      new ApiError({ method: spec.method, url: this.displayUrl(spec), status: response.status, vendorMessage, kind });
    // Redacted before it is cut to an excerpt, so a secret the server echoed cannot leak in part either.
    const shown = this.options.runtime.logger.redact(response.text);
    if (isHtml(contentType, shown)) throw fail(describeHtml(shown), 'html');
    try {
      return JSON.parse(response.text) as unknown;
    } catch {
      throw fail(
        `the answer was not valid JSON (${contentType ?? 'no content type'}): ${excerpt(shown)}`,
        'unreadable',
      );
    }
  }

  /**
   * Sends the request and hands a 2xx answer's body stream to `consume`; retried as a whole when allowed. The
   * run's deadline and cancel cover the whole of each attempt, `consume` included.
   */
  async execute<T>(spec: RequestSpec, consume: Consume<T>): Promise<T> {
    const request: Request = {
      spec,
      url: this.url(spec),
      startsJob: spec.startsJob ?? spec.method !== 'GET',
      maxAttempts: this.options.maxAttempts ?? DEFAULT_MAX_ATTEMPTS,
      authRenewed: false,
    };
    for (let attempt = 1; ; attempt++) {
      const tried = await this.attemptWithLogin(request, attempt, consume);
      if ('answer' in tried) return tried.answer;
      const delay = this.retryDelay(request, attempt, tried);
      await this.waitToRetry(request, attempt, tried, delay);
    }
  }

  /**
   * The re-login rule: a 401 answer, when the credentials can be renewed (a new session), renews them once per
   * request and makes the same attempt again; it does not count as an attempt.
   */
  private async attemptWithLogin<T>(request: Request, attempt: number, consume: Consume<T>): Promise<Tried<T>> {
    for (;;) {
      const tried = await this.attempt(request, attempt, consume);
      if (!('renewedAuth' in tried)) return tried;
    }
  }

  private async renewAuth(request: Request): Promise<boolean> {
    const { auth } = this.options;
    if (!auth?.renew || request.authRenewed) return false;
    request.authRenewed = true;
    return auth.renew();
  }

  /** One attempt: the answer consumed, or what went wrong in words and in the terms the retry decision needs. */
  private async attempt<T>(
    request: Request,
    attempt: number,
    consume: Consume<T>,
  ): Promise<Tried<T> | { renewedAuth: true }> {
    const { spec, url, startsJob } = request;
    const started = this.options.runtime.clock.now();
    const watch = this.options.runtime.deadline.abortSignal(this.options.runtime.signal);
    let exchange: Exchange | undefined;
    try {
      const headers = await requestHeaders(spec, this.options);
      if (watch.signal.aborted) throw watch.signal.reason;
      exchange = new Exchange({
        url,
        method: spec.method,
        headers: headers.headers,
        payload: headers.payload,
        body: spec.body,
        idleMs: spec.timeoutMs ?? this.options.timeoutMs ?? DEFAULT_TIMEOUT_MS,
        signal: watch.signal,
        agent: this.agents.for(url),
      });
      const res = await exchange.start();
      this.answered = true;
      const status = res.statusCode ?? 0;
      this.logDebug(spec, `${status}`, started, attempt);
      // A body that breaks off mid-way lands in the catch below, like any other network error.
      if (status >= 200 && status < 300) return { answer: await consume(res) };
      const body = await readBody(res, ERROR_BODY_MAX_BYTES);
      if (status === 401 && (await this.renewAuth(request))) return { renewedAuth: true };
      const outcome: Outcome = { status, headers: res.headers };
      // A job-starting request that failed on the server's side is not repeated: it may have started the job.
      const mayHaveActed = startsJob && (status === 408 || status >= 500) && !shouldRetry(startsJob, outcome);
      return { outcome, failure: this.failures.http(spec, url, res, body, mayHaveActed) };
    } catch (error) {
      // A file the answer could not be written to is the file's error: asking again would not help.
      if (error instanceof ApiError || error instanceof FileWriteError) throw error;
      if (watch.signal.aborted) throw this.failures.stopped(spec, watch.signal.reason, exchange, startsJob);
      // A connection that went quiet may surface as a reset; say what really happened.
      const cause = exchange?.idleError ?? error;
      const code = networkCode(cause);
      this.logDebug(spec, `network error ${code}`, started, attempt);
      // Our own idle limit knows how far the exchange got; other errors tell it by their code.
      const reached = code === IDLE_TIMEOUT ? (exchange?.reached ?? false) : !refusedBeforeSending(code);
      const blamed = this.blamesUrlInput(url, code);
      const failure = this.failures.network(spec, cause, code, startsJob && reached && !neverSent(code), blamed);
      // A likely typo in the URL is not worth a minute of retries.
      if (blamed && attempt > URL_FAILURE_RETRIES) throw failure;
      return { outcome: { networkCode: code }, failure };
    } finally {
      exchange?.release();
      watch.release();
    }
  }

  /** The URL input to name when `code` says its host is likely wrong, and the request went to that host. */
  private blamesUrlInput(url: URL, code: string): string | undefined {
    const { urlInput } = this.options;
    if (!urlInput || !blamesUrl(code, !this.answered)) return undefined;
    return new URL(this.baseUrl).host === url.host ? urlInput : undefined;
  }

  /**
   * The retry decision: how long to wait before the next attempt, or the failure thrown when the request may not
   * go again, has used its attempts, or the wait would pass the action's timeout.
   */
  private retryDelay(request: Request, attempt: number, { outcome, failure }: Failed): number {
    const { runtime } = this.options;
    if (!shouldRetry(request.startsJob, outcome) || attempt >= request.maxAttempts) throw failure;
    const requested = 'headers' in outcome ? serverRequestedDelayMs(outcome.headers, runtime.clock.now()) : undefined;
    const delay = requested ?? backoffDelayMs(attempt, runtime.clock.random(), this.options.backoff ?? DEFAULT_BACKOFF);
    if (delay >= runtime.deadline.remaining()) {
      throw this.failures.gaveUp(failure, attempt, delay);
    }
    return delay;
  }

  private async waitToRetry(request: Request, attempt: number, { outcome, failure }: Failed, delay: number) {
    const { spec, maxAttempts } = request;
    const { runtime } = this.options;
    if ('status' in outcome && (outcome.status === 429 || outcome.status === 503)) spec.onThrottled?.(delay);
    const why = 'status' in outcome ? `answered ${outcome.status}` : `failed (${outcome.networkCode})`;
    runtime.logger.info(
      `${spec.method} ${this.displayUrl(spec)} ${why}; retrying in ${formatDuration(delay)} (attempt ${attempt + 1} of ${maxAttempts}).`,
    );
    try {
      await runtime.clock.sleep(delay, runtime.signal);
    } catch (error) {
      if (error instanceof CancelledError)
        throw new CancelledError(`Cancelled while waiting to retry: ${failure.message}`);
      throw error;
    }
  }

  /**
   * `body` as a JSON object, or the object it holds at `key` (`result`, `response_map`); anything else is an
   * unexpected answer naming the endpoint.
   */
  objectIn(body: unknown, spec: Pick<RequestSpec, 'method' | 'path' | 'query'>, key?: string): Record<string, unknown> {
    const value = key === undefined ? body : isRecord(body) ? body[key] : undefined;
    if (isRecord(value)) return value;
    throw this.unexpectedAnswer(
      spec,
      key === undefined ? 'the answer is not a JSON object' : `the answer has no ${key} object`,
    );
  }

  /** An answer that parsed but lacks what the endpoint documents: an error naming the endpoint and the field. */
  unexpectedAnswer(spec: Pick<RequestSpec, 'method' | 'path' | 'query'>, what: string): ApiError {
    return new ApiError({
      method: spec.method,
      url: this.displayUrl(spec),
      status: 200,
      vendorMessage: `unexpected answer: ${what}`,
      hint: this.options.unexpectedAnswerHint,
      kind: 'unexpected',
    });
  }

  /** The request URL with credentials and secrets removed, for messages. */
  displayUrl(spec: Pick<RequestSpec, 'path' | 'query'>): string {
    return this.withoutCredentials(this.url(spec));
  }

  /** The URL without userinfo and secrets, for messages. */
  withoutCredentials(url: URL): string {
    const copy = new URL(url);
    copy.username = '';
    copy.password = '';
    return this.options.runtime.logger.redact(copy.toString());
  }

  private url(spec: Pick<RequestSpec, 'path' | 'query'>): URL {
    const url = /^https?:\/\//i.test(spec.path)
      ? new URL(spec.path)
      : new URL(`${this.baseUrl}/${spec.path.replace(/^\/+/, '')}`);
    for (const [key, value] of Object.entries(spec.query ?? {})) {
      if (value !== undefined) url.searchParams.set(key, value);
    }
    return url;
  }

  private logDebug(spec: RequestSpec, result: string, started: number, attempt: number): void {
    const { logger, clock } = this.options.runtime;
    if (!logger.isDebug) return;
    logger.debug(
      `${spec.method} ${this.displayUrl(spec)} → ${result} (${clock.now() - started} ms, attempt ${attempt})`,
    );
  }
}

function networkCode(error: unknown): string {
  const code = (error as { code?: unknown } | undefined)?.code;
  return typeof code === 'string' ? code : 'ECONNRESET';
}
