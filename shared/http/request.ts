/**
 * What a request to a vendor is, and how an ApiClient is set up: the words vendor modules speak to the HTTP layer.
 * Kept apart from the client so that the pieces the client is built from (failures.ts) can speak them too.
 */
import type * as http from 'node:http';
import type { Readable } from 'node:stream';
import type { AuthProvider } from '../auth/index.js';
import type { Runtime } from '../runtime.js';
import type { VendorMessageReader } from './body.js';
import { ACCEPT_ENCODING } from './encoding.js';
import type { BackoffOptions } from './retry.js';

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

/** The headers of a request (auth from the provider, the spec's own last) and its JSON payload, if any. */
export async function requestHeaders(
  spec: RequestSpec,
  options: Pick<ApiClientOptions, 'auth' | 'userAgent'>,
): Promise<{ headers: Record<string, string>; payload?: Buffer }> {
  const headers: Record<string, string> = {
    Accept: 'application/json',
    'Accept-Encoding': ACCEPT_ENCODING,
    'User-Agent': options.userAgent ?? 'config-promotion-actions',
    ...(await options.auth?.headers()),
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
