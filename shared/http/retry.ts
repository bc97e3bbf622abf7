/**
 * The one retry policy (docs/architecture.md). Reads (and other requests that cannot start anything) retry on network errors
 * and on 408/429/5xx; a request that starts a job is retried only when the server provably did not act on it.
 */
import type { IncomingHttpHeaders } from 'node:http';
import { PROXY_REFUSED } from './proxy.js';

const RETRYABLE_READ_STATUSES = new Set([408, 429, 500, 502, 503, 504]);

/** Network errors where the request may or may not have reached the server. */
const RETRYABLE_NETWORK_CODES = new Set([
  'ECONNRESET',
  'ECONNREFUSED',
  'ECONNABORTED',
  'EPIPE',
  'ETIMEDOUT',
  'EAI_AGAIN',
  'ENOTFOUND',
  'ENETUNREACH',
  'EHOSTUNREACH',
  'UND_ERR_SOCKET',
  'REQUEST_TIMEOUT',
]);

/** Network errors raised before a single byte of the request left this machine. */
const NOT_SENT_NETWORK_CODES = new Set(['ECONNREFUSED', 'EAI_AGAIN', 'ENOTFOUND', 'ENETUNREACH', 'EHOSTUNREACH']);

/** A host name that does not resolve: most often a typo in the URL input, so it is tried at most twice more. */
export function isDnsFailure(networkCode: string): boolean {
  return networkCode === 'ENOTFOUND' || networkCode === 'EAI_AGAIN';
}

/** How often a failure that is likely the URL input's fault (see `blamesUrl`) is retried. */
export const URL_FAILURE_RETRIES = 2;

/**
 * Network errors that most likely mean the URL input is wrong: a name that does not resolve, a certificate for
 * another name, or (before the server has ever answered) a refused connection.
 */
export function blamesUrl(networkCode: string, firstContact: boolean): boolean {
  return (
    isDnsFailure(networkCode) ||
    networkCode === 'ERR_TLS_CERT_ALTNAME_INVALID' ||
    (firstContact && networkCode === 'ECONNREFUSED')
  );
}

/** A certificate Node would not trust, or another TLS failure: the handshake failed, no request was sent. */
export function isCertificateError(networkCode: string): boolean {
  return /^(ERR_TLS_|ERR_SSL_|CERT_|DEPTH_ZERO_SELF_SIGNED_CERT$|SELF_SIGNED_CERT_IN_CHAIN$|UNABLE_TO_)/.test(
    networkCode,
  );
}

/**
 * Errors that stop a request before it reaches the server, though retrying would not help: an untrusted
 * certificate, a proxy that refused the tunnel, a header value Node refuses to send.
 */
export function refusedBeforeSending(networkCode: string): boolean {
  return (
    neverSent(networkCode) ||
    isCertificateError(networkCode) ||
    networkCode === PROXY_REFUSED ||
    ['ERR_INVALID_CHAR', 'ERR_HTTP_INVALID_HEADER_VALUE', 'ERR_INVALID_HTTP_TOKEN'].includes(networkCode)
  );
}

export type Outcome = { status: number; headers: IncomingHttpHeaders } | { networkCode: string };

/** True when the network error proves the request never reached the server. */
export function neverSent(networkCode: string): boolean {
  return NOT_SENT_NETWORK_CODES.has(networkCode);
}

export function shouldRetry(startsJob: boolean, outcome: Outcome): boolean {
  if ('networkCode' in outcome) {
    return startsJob ? neverSent(outcome.networkCode) : RETRYABLE_NETWORK_CODES.has(outcome.networkCode);
  }
  if (!startsJob) return RETRYABLE_READ_STATUSES.has(outcome.status);
  // 429 is a refusal by definition; 503 with Retry-After is the server saying it did not take the request.
  return outcome.status === 429 || (outcome.status === 503 && header(outcome.headers, 'retry-after') !== undefined);
}

/**
 * How long the server asked us to wait, in ms: `Retry-After` (seconds or an HTTP date), else
 * `X-RateLimit-Reset` (Unix time in seconds). Undefined when it did not say.
 */
export function serverRequestedDelayMs(headers: IncomingHttpHeaders, now: number): number | undefined {
  const retryAfter = header(headers, 'retry-after');
  if (retryAfter !== undefined) {
    const trimmed = retryAfter.trim();
    if (/^\d+(\.\d+)?$/.test(trimmed)) return Math.round(Number(trimmed) * 1000);
    const date = Date.parse(trimmed);
    if (!Number.isNaN(date)) return Math.max(0, date - now);
  }
  const reset = header(headers, 'x-ratelimit-reset');
  if (reset !== undefined && /^\d+$/.test(reset.trim())) {
    return Math.max(0, Number(reset.trim()) * 1000 - now);
  }
  return undefined;
}

export interface BackoffOptions {
  baseMs: number;
  maxMs: number;
}

/** Exponential backoff with full jitter: a random wait in [0, min(max, base·2^(attempt-1))]. */
export function backoffDelayMs(attempt: number, random: number, options: BackoffOptions): number {
  const ceiling = Math.min(options.maxMs, options.baseMs * 2 ** Math.max(0, attempt - 1));
  return Math.round(random * ceiling);
}

function header(headers: IncomingHttpHeaders, name: string): string | undefined {
  const value = headers[name];
  return Array.isArray(value) ? value[0] : value;
}
