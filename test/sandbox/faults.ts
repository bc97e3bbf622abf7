/** Fault injection for SandboxServer: which requests misbehave, and the canned answers of answering faults. */
import { STATUS_CODES } from 'node:http';

export const JSON_CONTENT_TYPE = 'application/json; charset=utf-8';

export interface FaultMatch {
  method?: string;
  path?: RegExp;
}

export type FaultAction =
  | {
      kind: 'status';
      status: number;
      retryAfter?: string;
      rateLimitReset?: string;
      body?: string;
      contentType?: string;
    }
  | { kind: 'html'; status: number; title: string }
  | { kind: 'reset' }
  | { kind: 'delay'; ms: number }
  | { kind: 'malformed-json' }
  | RewriteFault;

/**
 * The route answers as usual, then its JSON body is changed before it is sent: `json` returns the new body (it gets
 * a copy of the old one), or `text` returns the raw text to send instead (e.g. JSON too deep to serialise here).
 */
export interface RewriteFault {
  kind: 'rewrite';
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- a test shapes the vendor's JSON freely
  json?: (body: any) => unknown;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- as above
  text?: (body: any) => string;
}

/** A misbehaviour applied to the next `times` (default 1, may be Infinity) requests that match. */
export type Fault = { match?: FaultMatch; times?: number } & FaultAction;

export interface CannedAnswer {
  status: number;
  body: string;
  contentType: string;
  headers: Record<string, string>;
}

interface ActiveFault {
  fault: Fault;
  remaining: number;
}

/** Faults in injection order; the first one matching a request is consumed. */
export class FaultQueue {
  private faults: ActiveFault[] = [];

  add(fault: Fault): void {
    this.faults.push({ fault, remaining: fault.times ?? 1 });
  }

  clear(): void {
    this.faults = [];
  }

  take(method: string, path: string): Fault | undefined {
    const index = this.faults.findIndex(({ fault }) => {
      if (fault.match?.method && fault.match.method.toUpperCase() !== method) return false;
      return !fault.match?.path || testRegExp(fault.match.path, path);
    });
    if (index < 0) return undefined;
    const active = this.faults[index];
    active.remaining -= 1;
    if (active.remaining <= 0) this.faults.splice(index, 1);
    return active.fault;
  }
}

/** A route's JSON answer after a rewrite fault; other answers pass unchanged. */
export function rewriteAnswer<T extends { json?: unknown; body?: string | Buffer; write?: unknown }>(
  answer: T,
  fault: RewriteFault,
): T {
  if (answer.json === undefined || answer.write) return answer;
  const copy: unknown = JSON.parse(JSON.stringify(answer.json));
  if (fault.text) return { ...answer, json: undefined, body: fault.text(copy), contentType: JSON_CONTENT_TYPE };
  return { ...answer, json: fault.json ? fault.json(copy) : copy };
}

/** The answer of a 'status', 'html' or 'malformed-json' fault; `errorBody` fills a status fault without a body. */
export function cannedAnswer(
  fault: Extract<Fault, { kind: 'status' | 'html' | 'malformed-json' }>,
  errorBody: (status: number, message: string) => unknown,
): CannedAnswer {
  switch (fault.kind) {
    case 'html': {
      const title = escapeHtml(fault.title);
      const body =
        `<html><head><title>${title}</title></head><body><h1>${title}</h1>` +
        '<p>The server is temporarily unable to service your request.</p></body></html>';
      return { status: fault.status, body, contentType: 'text/html; charset=utf-8', headers: {} };
    }
    case 'malformed-json':
      return { status: 200, body: '{"result":{"state":"compl', contentType: JSON_CONTENT_TYPE, headers: {} };
    case 'status': {
      const headers: Record<string, string> = {};
      if (fault.retryAfter !== undefined) headers['retry-after'] = fault.retryAfter;
      if (fault.rateLimitReset !== undefined) headers['x-ratelimit-reset'] = fault.rateLimitReset;
      const message = STATUS_CODES[fault.status] ?? `HTTP ${fault.status}`;
      const body = fault.body ?? JSON.stringify(errorBody(fault.status, message));
      return { status: fault.status, body, contentType: fault.contentType ?? JSON_CONTENT_TYPE, headers };
    }
  }
}

export function testRegExp(pattern: RegExp, value: string): boolean {
  pattern.lastIndex = 0;
  return pattern.test(value);
}

function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}
