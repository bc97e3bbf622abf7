/**
 * The one HTTP layer. Every vendor module talks through an ApiClient: base URL joining, auth, the run's deadline
 * and cancel on every request, an idle limit per attempt, the retry policy, bounded reads, redaction, debug
 * logging, and error bodies turned into ApiErrors in the vendor's words. Proxies follow HTTPS_PROXY/NO_PROXY.
 */
import * as http from 'node:http';
import * as https from 'node:https';
import type { Readable } from 'node:stream';
import type { AuthProvider } from '../auth/index.js';
import { ApiError, CancelledError, FileWriteError } from '../errors.js';
import { formatDuration, type Runtime } from '../runtime.js';
import { describeHtml, excerpt, isHtml, isRecord, readBody, type VendorMessageReader } from './body.js';
import { ACCEPT_ENCODING } from './encoding.js';
import { Exchange, IDLE_TIMEOUT } from './exchange.js';
import { Failures } from './failures.js';
import {
  backoffDelayMs,
  type BackoffOptions,
  blamesUrl,
  neverSent,
  type Outcome,
  refusedBeforeSending,
  serverRequestedDelayMs,
  shouldRetry,
  URL_FAILURE_RETRIES,
} from './retry.js';

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

/** A streamed request body; `open` is called again for each attempt. */
export interface StreamBody {
  contentType: string;
  length: number;
  open(): Readable;
}

export interface RequestSpec {
  method: HttpMethod;
  /** Joined to the base URL; an absolute http(s) URL is used as it is (e.g. a status URL the vendor returned). */
  path: string;
  query?: Record<string, string | undefined>;
  json?: unknown;
  body?: StreamBody;
  headers?: Record<string, string>;
  /** What the request does, in the user's words ("start the export"), for errors and logs. */
  what: string;
  /** True when the request starts a job; defaults to true for every method but GET. */
  startsJob?: boolean;
  /** Longest silence from the server before the attempt is abandoned; default the client's (60 s). */
  timeoutMs?: number;
  /** The most of a 2xx answer that `send` and `json` read; default 16 MB. A larger answer fails, naming the limit. */
  maxAnswerBytes?: number;
  /** Told when the server answered 429 or 503 and the request goes again after `waitMs` (a queue slows down). */
  onThrottled?: (waitMs: number) => void;
}

export interface ApiResponse {
  status: number;
  headers: http.IncomingHttpHeaders;
  text: string;
}

export interface ApiClientOptions {
  baseUrl: string;
  runtime: Runtime;
  auth?: AuthProvider;
  /** Pulls the vendor's message out of a JSON error body. */
  readVendorMessage?: VendorMessageReader;
  /** Advice for a failed answer ("check the user has the sn_cdm.cdm_editor role"), given the vendor's message. */
  hintFor?: (status: number, spec: RequestSpec, vendorMessage: string) => string | undefined;
  /** Said when an answer lacks what the endpoint documents ("check that the URL is the vendor's API"). */
  unexpectedAnswerHint?: string;
  /**
   * How to find out whether a job-starting request took effect when its outcome is unknown ("look for it in
   * Dev2Prod on tenant 1234"); default: check on the server.
   */
  checkHint?: string;
  /** The input that holds `baseUrl` ("instance-url"): named when the host does not resolve, refuses or mismatches. */
  urlInput?: string;
  timeoutMs?: number;
  maxAttempts?: number;
  backoff?: BackoffOptions;
  userAgent?: string;
}

const DEFAULT_TIMEOUT_MS = 60_000;
const DEFAULT_MAX_ATTEMPTS = 6;
const DEFAULT_BACKOFF: BackoffOptions = { baseMs: 1000, maxMs: 30_000 };
/** Ordinary API answers (statuses, lists) are far smaller; more than this is not an answer we can use. */
const DEFAULT_MAX_ANSWER_BYTES = 16 * 2 ** 20;
/** An error answer is read for the vendor's message only. */
const ERROR_BODY_MAX_BYTES = 2 ** 20;
export class ApiClient {
  readonly baseUrl: string;
  /** One direct-connection agent per protocol: an https agent refuses http URLs and the other way round. */
  private readonly agents = new Map<string, http.Agent>();

  private readonly failures: Failures;
  /** Whether the server has answered once: a refused connection before that is likely a wrong URL. */
  private answered = false;

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
          what: spec.what,
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
      new ApiError({
        method: spec.method,
        url: this.displayUrl(spec),
        status: response.status,
        vendorMessage,
        kind,
        what: spec.what,
      });
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
  async execute<T>(spec: RequestSpec, consume: (res: http.IncomingMessage) => Promise<T>): Promise<T> {
    const { runtime } = this.options;
    const url = this.url(spec);
    const startsJob = spec.startsJob ?? spec.method !== 'GET';
    const maxAttempts = this.options.maxAttempts ?? DEFAULT_MAX_ATTEMPTS;
    let renewedAuth = false;
    for (let attempt = 1; ; attempt++) {
      const started = runtime.clock.now();
      const watch = runtime.deadline.abortSignal(runtime.signal);
      let exchange: Exchange | undefined;
      let outcome: Outcome;
      let failure: ApiError;
      try {
        const headers = await this.headers(spec);
        if (watch.signal.aborted) throw watch.signal.reason;
        exchange = new Exchange({
          url,
          method: spec.method,
          headers: headers.headers,
          payload: headers.payload,
          body: spec.body,
          idleMs: spec.timeoutMs ?? this.options.timeoutMs ?? DEFAULT_TIMEOUT_MS,
          signal: watch.signal,
          agent: this.agentFor(url),
        });
        const res = await exchange.start();
        this.answered = true;
        const status = res.statusCode ?? 0;
        this.logDebug(spec, `${status}`, started, attempt);
        // A body that breaks off mid-way lands in the catch below, like any other network error.
        if (status >= 200 && status < 300) return await consume(res);
        const body = await readBody(res, ERROR_BODY_MAX_BYTES);
        if (status === 401 && this.options.auth?.renew && !renewedAuth) {
          renewedAuth = true;
          if (await this.options.auth.renew()) {
            attempt--;
            continue;
          }
        }
        outcome = { status, headers: res.headers };
        // A job-starting request that failed on the server's side is not repeated: it may have started the job.
        const mayHaveActed = startsJob && (status === 408 || status >= 500) && !shouldRetry(startsJob, outcome);
        failure = this.failures.http(spec, url, res, body, mayHaveActed);
      } catch (error) {
        // A file the answer could not be written to is the file's error: asking again would not help.
        if (error instanceof ApiError || error instanceof FileWriteError) throw error;
        if (watch.signal.aborted) throw this.failures.stopped(spec, watch.signal.reason, exchange, startsJob);
        // A connection that went quiet may surface as a reset; say what really happened.
        const cause = exchange?.idleError ?? error;
        const code = networkCode(cause);
        this.logDebug(spec, `network error ${code}`, started, attempt);
        outcome = { networkCode: code };
        // Our own idle limit knows how far the exchange got; other errors tell it by their code.
        const reached = code === IDLE_TIMEOUT ? (exchange?.reached ?? false) : !refusedBeforeSending(code);
        const blamed = this.blamesUrlInput(url, code);
        failure = this.failures.network(spec, cause, code, startsJob && reached && !neverSent(code), blamed);
        // A likely typo in the URL is not worth a minute of retries.
        if (blamed && attempt > URL_FAILURE_RETRIES) throw failure;
      } finally {
        exchange?.release();
        watch.release();
      }
      if (!shouldRetry(startsJob, outcome) || attempt >= maxAttempts) throw failure;
      const requested = 'headers' in outcome ? serverRequestedDelayMs(outcome.headers, runtime.clock.now()) : undefined;
      const delay =
        requested ?? backoffDelayMs(attempt, runtime.clock.random(), this.options.backoff ?? DEFAULT_BACKOFF);
      if (delay >= runtime.deadline.remaining()) {
        throw new ApiError({
          ...failureDetails(failure),
          hint: `Gave up after ${attempt} attempt(s): waiting ${formatDuration(delay)} more would pass the action's timeout`,
        });
      }
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
  }

  /** The URL input to name for this network error, when the request went to that input's host. */
  private blamesUrlInput(url: URL, code: string): string | undefined {
    const { urlInput } = this.options;
    if (!urlInput || !blamesUrl(code, !this.answered)) return undefined;
    return new URL(this.baseUrl).host === url.host ? urlInput : undefined;
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

  unexpectedAnswer(spec: Pick<RequestSpec, 'method' | 'path' | 'query'> & { what?: string }, what: string): ApiError {
    return new ApiError({
      what: spec.what,
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

  private async headers(spec: RequestSpec): Promise<{ headers: Record<string, string>; payload?: Buffer }> {
    const headers: Record<string, string> = {
      Accept: 'application/json',
      'Accept-Encoding': ACCEPT_ENCODING,
      'User-Agent': this.options.userAgent ?? 'config-promotion-actions',
      ...(await this.options.auth?.headers()),
      ...spec.headers,
    };
    let payload: Buffer | undefined;
    if (spec.json !== undefined) {
      payload = Buffer.from(JSON.stringify(spec.json));
      headers['Content-Type'] = 'application/json';
    } else if (spec.body) {
      headers['Content-Type'] = spec.body.contentType;
    }
    const length = payload?.length ?? spec.body?.length;
    if (length !== undefined || spec.method !== 'GET') headers['Content-Length'] = String(length ?? 0);
    return { headers, payload };
  }

  /** The agent for direct connections on the URL's protocol (proxied requests open their own tunnel). */
  private agentFor(url: URL): http.Agent {
    let agent = this.agents.get(url.protocol);
    if (!agent) {
      agent = url.protocol === 'https:' ? new https.Agent({ keepAlive: false }) : new http.Agent({ keepAlive: false });
      this.agents.set(url.protocol, agent);
    }
    return agent;
  }

  private logDebug(spec: RequestSpec, result: string, started: number, attempt: number): void {
    const { logger, clock } = this.options.runtime;
    if (!logger.isDebug) return;
    logger.debug(
      `${spec.method} ${this.displayUrl(spec)} → ${result} (${clock.now() - started} ms, attempt ${attempt})`,
    );
  }
}

function failureDetails(error: ApiError) {
  return {
    method: error.method,
    url: error.url,
    status: error.status,
    vendorMessage: error.vendorMessage,
    kind: error.kind,
    what: error.what,
    code: error.code,
  };
}

function networkCode(error: unknown): string {
  const code = (error as { code?: unknown } | undefined)?.code;
  return typeof code === 'string' ? code : 'ECONNRESET';
}

/** "16 MB", "256 MB", "1.5 KB". */
function formatBytes(bytes: number): string {
  if (bytes >= 2 ** 20) return `${Math.round((bytes / 2 ** 20) * 10) / 10} MB`;
  if (bytes >= 1024) return `${Math.round((bytes / 1024) * 10) / 10} KB`;
  return `${bytes} bytes`;
}
