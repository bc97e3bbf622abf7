/**
 * The one HTTP layer. Every vendor module talks through an ApiClient: base URL joining, auth, per-request timeout,
 * the retry policy, redaction, debug logging, and error bodies turned into ApiErrors in the vendor's words.
 * The proxy-aware agent comes from @actions/http-client, so HTTPS_PROXY/NO_PROXY work on self-hosted runners.
 */
import * as http from 'node:http';
import * as https from 'node:https';
import { pipeline } from 'node:stream/promises';
import type { Readable } from 'node:stream';
import { HttpClient } from '@actions/http-client';
import type { AuthProvider } from '../auth/index.js';
import { ApiError, CancelledError, errorMessage } from '../errors.js';
import { formatDuration, type Runtime } from '../runtime.js';
import { describeErrorBody, describeHtml, excerpt, isHtml, type VendorMessageReader } from './body.js';
import {
  backoffDelayMs,
  type BackoffOptions,
  neverSent,
  type Outcome,
  serverRequestedDelayMs,
  shouldRetry,
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
  timeoutMs?: number;
  maxAttempts?: number;
  backoff?: BackoffOptions;
  userAgent?: string;
}

const DEFAULT_TIMEOUT_MS = 60_000;
const DEFAULT_MAX_ATTEMPTS = 6;
const LAST_ATTEMPT_MIN_MS = 5_000;
const DEFAULT_BACKOFF: BackoffOptions = { baseMs: 1000, maxMs: 30_000 };

export class ApiClient {
  readonly baseUrl: string;
  /** One per protocol: an HttpClient keeps the agent of the first URL it saw, and an https agent refuses http. */
  private readonly agents = new Map<string, HttpClient>();

  constructor(private readonly options: ApiClientOptions) {
    this.baseUrl = options.baseUrl.replace(/\/+$/, '');
  }

  /** Sends the request (with retries) and returns a 2xx answer; anything else is an ApiError. */
  async send(spec: RequestSpec): Promise<ApiResponse> {
    return this.execute(spec, async (res) => ({
      status: res.statusCode ?? 0,
      headers: res.headers,
      text: await readText(res),
    }));
  }

  /** Sends the request and parses the JSON answer; an HTML page or malformed JSON is an ApiError. */
  async json(spec: RequestSpec): Promise<unknown> {
    const response = await this.send(spec);
    return this.parseJson(spec, response);
  }

  parseJson(spec: RequestSpec, response: ApiResponse): unknown {
    const contentType = response.headers['content-type'];
    const fail = (vendorMessage: string) =>
      new ApiError({ method: spec.method, url: this.displayUrl(spec), status: response.status, vendorMessage });
    // Redacted before it is cut to an excerpt, so a secret the server echoed cannot leak in part either.
    const shown = this.options.runtime.logger.redact(response.text);
    if (isHtml(contentType, shown)) throw fail(describeHtml(shown));
    try {
      return JSON.parse(response.text) as unknown;
    } catch {
      throw fail(`the answer was not valid JSON (${contentType ?? 'no content type'}): ${excerpt(shown)}`);
    }
  }

  /** Sends the request and hands a 2xx answer's body stream to `consume`; retried as a whole when allowed. */
  async execute<T>(spec: RequestSpec, consume: (res: http.IncomingMessage) => Promise<T>): Promise<T> {
    const { runtime } = this.options;
    const url = this.url(spec);
    const startsJob = spec.startsJob ?? spec.method !== 'GET';
    const maxAttempts = this.options.maxAttempts ?? DEFAULT_MAX_ATTEMPTS;
    let renewedAuth = false;
    for (let attempt = 1; ; attempt++) {
      const started = runtime.clock.now();
      let outcome: Outcome;
      let failure: ApiError;
      try {
        const res = await this.exchange(spec, url);
        const status = res.statusCode ?? 0;
        this.logDebug(spec, `${status}`, started, attempt);
        // A body that breaks off mid-way lands in the catch below, like any other network error.
        if (status >= 200 && status < 300) return await consume(res);
        const text = await readText(res);
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
        failure = this.httpFailure(spec, status, res.headers['content-type'], text, mayHaveActed);
      } catch (error) {
        if (error instanceof ApiError) throw error;
        if (runtime.signal.aborted) throw new CancelledError(`Cancelled while trying to ${spec.what}`);
        const code = networkCode(error);
        this.logDebug(spec, `network error ${code}`, started, attempt);
        outcome = { networkCode: code };
        failure = this.networkFailure(spec, error, code, startsJob);
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

  /** An answer that parsed but lacks what the endpoint documents: an error naming the endpoint and the field. */
  unexpectedAnswer(spec: Pick<RequestSpec, 'method' | 'path' | 'query'>, what: string): ApiError {
    return new ApiError({
      method: spec.method,
      url: this.displayUrl(spec),
      status: 200,
      vendorMessage: `unexpected answer: ${what}`,
      hint: this.options.unexpectedAnswerHint,
    });
  }

  /** The request URL with credentials and secrets removed, for messages. */
  displayUrl(spec: Pick<RequestSpec, 'path' | 'query'>): string {
    const url = this.url(spec);
    url.username = '';
    url.password = '';
    return this.options.runtime.logger.redact(url.toString());
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

  /** One HTTP exchange: resolves when the answer's headers arrive. */
  private async exchange(spec: RequestSpec, url: URL): Promise<http.IncomingMessage> {
    const headers: Record<string, string> = {
      Accept: 'application/json',
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
    // The action's deadline bounds every attempt too, though the last one (e.g. the poller's final check at the
    // deadline) still gets a few seconds to be answered.
    const timeoutMs = Math.min(
      spec.timeoutMs ?? this.options.timeoutMs ?? DEFAULT_TIMEOUT_MS,
      Math.max(LAST_ATTEMPT_MIN_MS, this.options.runtime.deadline.remaining()),
    );
    return new Promise((resolve, reject) => {
      const transport = url.protocol === 'https:' ? https : http;
      const req = transport.request(url, {
        method: spec.method,
        headers,
        agent: this.agentFor(url),
        signal: this.options.runtime.signal,
      });
      req.once('response', resolve);
      req.once('error', reject);
      req.setTimeout(timeoutMs, () => {
        const error = Object.assign(new Error(`no answer for ${formatDuration(timeoutMs)}`), {
          code: 'REQUEST_TIMEOUT',
        });
        req.destroy(error);
      });
      if (spec.body) {
        pipeline(spec.body.open(), req).catch((error: unknown) => req.destroy(error as Error));
      } else {
        req.end(payload);
      }
    });
  }

  /** The proxy-aware agent (HTTPS_PROXY/NO_PROXY) for the URL's protocol. */
  private agentFor(url: URL): http.Agent {
    let agents = this.agents.get(url.protocol);
    if (!agents) {
      agents = new HttpClient(this.options.userAgent ?? 'config-promotion-actions', [], { keepAlive: false });
      this.agents.set(url.protocol, agents);
    }
    return agents.getAgent(url.toString());
  }

  private httpFailure(
    spec: RequestSpec,
    status: number,
    contentType: string | undefined,
    text: string,
    mayHaveActed: boolean,
  ): ApiError {
    const reader = this.options.readVendorMessage ?? (() => undefined);
    const redact = (value: string) => this.options.runtime.logger.redact(value);
    // Redacted before (excerpts cut secrets in half) and after (JSON-escaped secrets appear once parsed).
    const vendorMessage = redact(describeErrorBody(contentType, redact(text), reader));
    const hints = [
      this.options.hintFor?.(status, spec, vendorMessage) ?? defaultHint(status, this.options.auth),
      mayHaveActed
        ? 'The server may have acted on the request before it failed; check whether it did before running again'
        : undefined,
    ].filter((hint): hint is string => hint !== undefined);
    return new ApiError({
      method: spec.method,
      url: this.displayUrl(spec),
      status,
      vendorMessage,
      hint: hints.length ? hints.join('. ') : undefined,
    });
  }

  private networkFailure(spec: RequestSpec, error: unknown, code: string, startsJob: boolean): ApiError {
    const maybeActed = startsJob && !neverSent(code);
    return new ApiError({
      method: spec.method,
      url: this.displayUrl(spec),
      vendorMessage: `could not ${spec.what}: ${this.options.runtime.logger.redact(errorMessage(error))} (${code})`,
      hint: maybeActed
        ? `The server may have acted on the request before the connection failed; check whether it did before running again`
        : undefined,
    });
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
  return { method: error.method, url: error.url, status: error.status, vendorMessage: error.vendorMessage };
}

function defaultHint(status: number, auth: AuthProvider | undefined): string | undefined {
  if (status === 401)
    return `The server did not accept ${auth?.description ?? 'the request without credentials'}: check the credentials`;
  if (status === 403) return 'The user is authenticated but not allowed to do this: check its roles';
  if (status === 429) return 'The server is rate limiting this user: try again later or lower the request rate';
  if (status >= 500) return 'The server failed: try again later, and ask its administrators if it persists';
  return undefined;
}

function networkCode(error: unknown): string {
  const code = (error as { code?: unknown } | undefined)?.code;
  return typeof code === 'string' ? code : 'ECONNRESET';
}

/** Reads a whole body as text; a connection dropped mid-body is an error, not a short body. */
export function readText(res: http.IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    res.on('data', (chunk: Buffer) => chunks.push(chunk));
    res.once('error', reject);
    res.once('aborted', () =>
      reject(Object.assign(new Error('the connection closed mid-answer'), { code: 'ECONNRESET' })),
    );
    res.once('end', () => {
      if (!res.complete) reject(Object.assign(new Error('the connection closed mid-answer'), { code: 'ECONNRESET' }));
      else resolve(Buffer.concat(chunks).toString('utf8'));
    });
  });
}
