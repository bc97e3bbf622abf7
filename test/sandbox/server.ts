/**
 * Vendor-neutral loopback HTTP simulator: routes, basic/bearer auth, request recording and fault injection.
 * Vendor simulators (ServiceNow CDM, SMAX, SnapLogic) register their routes on a SandboxServer.
 */
import * as http from 'node:http';
import type { AddressInfo } from 'node:net';
import { finished } from 'node:stream/promises';
import {
  FaultQueue,
  JSON_CONTENT_TYPE,
  cannedAnswer,
  rewriteAnswer,
  testRegExp,
  type Fault,
  type RewriteFault,
} from './faults.js';

export { JSON_CONTENT_TYPE, type Fault, type FaultAction, type FaultMatch } from './faults.js';

export interface RecordedRequest {
  method: string;
  path: string;
  query: URLSearchParams;
  headers: http.IncomingHttpHeaders;
  body: Buffer;
  at: number;
}

export type Auth = { basic?: { username: string; password: string }; bearer?: string };

export interface SandboxRequest {
  method: string;
  path: string;
  query: URLSearchParams;
  headers: http.IncomingHttpHeaders;
  body: Buffer;
  /** Named groups and positional groups ('1', '2', ...) of the route pattern, URI-decoded. */
  params: Record<string, string>;
  json<T = unknown>(): T;
  /** The unread request body, for routes registered with `{ streamBody: true }` (their `body` is empty). */
  stream?: http.IncomingMessage;
}

export interface SandboxResponse {
  status?: number;
  json?: unknown;
  body?: string | Buffer;
  contentType?: string;
  headers?: Record<string, string>;
  /** Writes the whole answer itself (e.g. a streamed file); status, body and headers above are then ignored. */
  write?: (res: http.ServerResponse) => void | Promise<void>;
}

export interface RouteOptions {
  /** Hand the handler the unread body as `stream` instead of buffering it (recorded `body` stays empty). */
  streamBody?: boolean;
}

export type RouteHandler = (req: SandboxRequest) => SandboxResponse | Promise<SandboxResponse>;

export interface SandboxServerOptions {
  /** Sent in SANDBOX_HEADER on every answer, so a tool can tell which simulator listens on a port. */
  name?: string;
  auth?: Auth;
  /** Replaces the basic/bearer check of `auth`; false answers 401 with `unauthorizedBody` (no WWW-Authenticate). */
  authorize?: (req: RecordedRequest) => boolean;
  /** Body of 401 answers; default the ServiceNow "User Not Authenticated" shape. */
  unauthorizedBody?: unknown;
  /** Body of error answers (unknown route, handler crash, status faults without a body). Default ServiceNow shape. */
  errorBody?: (status: number, message: string) => unknown;
  /** Clock for `RecordedRequest.at` and for vendor job timing. Default Date.now. */
  now?: () => number;
}

export const DEFAULT_UNAUTHORIZED_BODY = {
  error: { message: 'User Not Authenticated', detail: 'Required to provide Auth information' },
  status: 'failure',
};

export function serviceNowErrorBody(message: string, detail: string | null = null): unknown {
  return { error: { message, detail }, status: 'failure' };
}

/** The answer header naming the simulator (`npm run try` checks it before using a running sandbox). */
export const SANDBOX_HEADER = 'x-config-promotion-sandbox';

const NOT_FOUND_MESSAGE = 'Requested URI does not represent any resource';

interface Route {
  method: string;
  pattern: RegExp;
  handler: RouteHandler;
  options: RouteOptions;
}

interface PendingDelay {
  timer: NodeJS.Timeout;
  resolve: () => void;
}

export class SandboxServer {
  readonly requests: RecordedRequest[] = [];
  readonly now: () => number;
  private readonly name: string | undefined;
  private readonly auth: Auth;
  private readonly authorize: ((req: RecordedRequest) => boolean) | undefined;
  private readonly unauthorizedBody: unknown;
  private readonly errorBody: (status: number, message: string) => unknown;
  private readonly routes: Route[] = [];
  private readonly faults = new FaultQueue();
  private readonly delays = new Set<PendingDelay>();
  private server: http.Server | undefined;
  private baseUrl: string | undefined;

  constructor(options: SandboxServerOptions) {
    this.name = options.name;
    this.auth = options.auth ?? {};
    this.authorize = options.authorize;
    this.unauthorizedBody = options.unauthorizedBody ?? DEFAULT_UNAUTHORIZED_BODY;
    this.errorBody =
      options.errorBody ?? ((status, message) => serviceNowErrorBody(status === 404 ? NOT_FOUND_MESSAGE : message));
    this.now = options.now ?? Date.now;
  }

  /** Base URL such as `http://127.0.0.1:PORT`; throws before listen(). */
  get url(): string {
    if (this.baseUrl === undefined) throw new Error('SandboxServer is not listening');
    return this.baseUrl;
  }

  /** Registers a handler; `pattern` is matched against the path without the query string (anchor it yourself). */
  route(method: string, pattern: RegExp, handler: RouteHandler, options: RouteOptions = {}): this {
    this.routes.push({ method: method.toUpperCase(), pattern, handler, options });
    return this;
  }

  inject(fault: Fault): this {
    this.faults.add(fault);
    return this;
  }

  clearFaults(): void {
    this.faults.clear();
  }

  clearRequests(): void {
    this.requests.length = 0;
  }

  requestsTo(method: string, path: RegExp): RecordedRequest[] {
    const wanted = method.toUpperCase();
    return this.requests.filter((r) => r.method === wanted && testRegExp(path, r.path));
  }

  listen(port = 0, host = '127.0.0.1'): Promise<string> {
    if (this.server) return Promise.reject(new Error('SandboxServer is already listening'));
    const server = http.createServer((req, res) => void this.handle(req, res));
    this.server = server;
    return new Promise((resolve, reject) => {
      server.once('error', (err) => {
        this.server = undefined;
        reject(err);
      });
      server.listen(port, host, () => {
        const address = server.address() as AddressInfo;
        const hostPart = address.family === 'IPv6' ? `[${address.address}]` : address.address;
        this.baseUrl = `http://${hostPart}:${address.port}`;
        resolve(this.baseUrl);
      });
    });
  }

  /** Stops listening, drops keep-alive and in-flight connections and cancels pending delay faults. */
  async close(): Promise<void> {
    const server = this.server;
    if (!server) return;
    this.server = undefined;
    this.baseUrl = undefined;
    for (const delay of this.delays) {
      clearTimeout(delay.timer);
      delay.resolve();
    }
    this.delays.clear();
    await new Promise<void>((resolve, reject) => {
      server.close((err) => (err ? reject(err) : resolve()));
      server.closeAllConnections();
    });
  }

  private async handle(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    if (this.name) res.setHeader(SANDBOX_HEADER, this.name);
    try {
      const url = new URL(req.url ?? '/', 'http://sandbox.invalid');
      const method = (req.method ?? 'GET').toUpperCase();
      const streamed = this.findRoute(method, url.pathname)?.route.options.streamBody === true;
      const body = streamed ? Buffer.alloc(0) : await readBody(req);
      const recorded: RecordedRequest = {
        method,
        path: url.pathname,
        query: url.searchParams,
        headers: req.headers,
        body,
        at: this.now(),
      };
      this.requests.push(recorded);

      const fault = this.faults.take(method, url.pathname);
      const rewrite = fault?.kind === 'rewrite' ? fault : undefined;
      if (fault && !rewrite && (await this.applyFault(fault, req, res, streamed))) return;
      if (res.destroyed || !this.server) return;

      if (!this.authorized(recorded)) {
        if (streamed) await drain(req);
        const headers = this.authorize ? undefined : { 'www-authenticate': 'Basic realm="sandbox"' };
        this.sendJson(res, 401, this.unauthorizedBody, headers);
        return;
      }
      await this.dispatch(recorded, req, res, rewrite);
    } catch (err) {
      const message = err instanceof Error ? err.message : String(err);
      this.sendJson(res, 500, this.errorBody(500, message));
    }
  }

  private findRoute(method: string, path: string): { route: Route; match: RegExpExecArray } | undefined {
    for (const route of this.routes) {
      if (route.method !== method) continue;
      route.pattern.lastIndex = 0;
      const match = route.pattern.exec(path);
      if (match) return { route, match };
    }
    return undefined;
  }

  private async dispatch(
    request: RecordedRequest,
    req: http.IncomingMessage,
    res: http.ServerResponse,
    rewrite?: RewriteFault,
  ): Promise<void> {
    const found = this.findRoute(request.method, request.path);
    if (found) {
      const { route, match } = found;
      const params: Record<string, string> = {};
      match.slice(1).forEach((value, i) => {
        if (value !== undefined) params[String(i + 1)] = decodeURIComponent(value);
      });
      for (const [name, value] of Object.entries(match.groups ?? {})) {
        if (value !== undefined) params[name] = decodeURIComponent(value);
      }
      const sandboxRequest: SandboxRequest = {
        ...request,
        params,
        json: <T>() => JSON.parse(request.body.toString('utf8')) as T,
        stream: route.options.streamBody ? req : undefined,
      };
      let answer = await route.handler(sandboxRequest);
      if (rewrite) answer = rewriteAnswer(answer, rewrite);
      if (answer.write) await answer.write(res);
      else this.sendAnswer(res, answer);
      return;
    }
    this.sendJson(res, 404, this.errorBody(404, NOT_FOUND_MESSAGE));
  }

  /** Returns true when the fault answered (or dropped) the request. */
  private async applyFault(
    fault: Fault,
    req: http.IncomingMessage,
    res: http.ServerResponse,
    streamed: boolean,
  ): Promise<boolean> {
    switch (fault.kind) {
      case 'rewrite':
        return false;
      case 'reset':
        req.socket.destroy();
        return true;
      case 'delay':
        await this.sleep(fault.ms);
        return false;
      default: {
        const answer = cannedAnswer(fault, this.errorBody);
        if (streamed) await drain(req);
        this.send(res, answer.status, answer.body, answer.contentType, answer.headers);
        return true;
      }
    }
  }

  private sleep(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const delay: PendingDelay = {
        timer: setTimeout(() => {
          this.delays.delete(delay);
          resolve();
        }, ms),
        resolve,
      };
      this.delays.add(delay);
    });
  }

  private authorized(request: RecordedRequest): boolean {
    if (this.authorize) return this.authorize(request);
    const header = request.headers.authorization;
    const { basic, bearer } = this.auth;
    if (!basic && bearer === undefined) return true;
    if (!header) return false;
    const space = header.indexOf(' ');
    if (space < 0) return false;
    const scheme = header.slice(0, space).toLowerCase();
    const credentials = header.slice(space + 1).trim();
    if (scheme === 'basic' && basic) {
      return Buffer.from(credentials, 'base64').toString('utf8') === `${basic.username}:${basic.password}`;
    }
    return scheme === 'bearer' && bearer !== undefined && credentials === bearer;
  }

  private sendAnswer(res: http.ServerResponse, answer: SandboxResponse): void {
    const status = answer.status ?? 200;
    if (answer.json !== undefined) {
      this.send(res, status, JSON.stringify(answer.json), answer.contentType ?? JSON_CONTENT_TYPE, answer.headers);
    } else {
      this.send(res, status, answer.body ?? '', answer.contentType ?? 'text/plain; charset=utf-8', answer.headers);
    }
  }

  private sendJson(res: http.ServerResponse, status: number, body: unknown, headers?: Record<string, string>): void {
    this.send(res, status, JSON.stringify(body), JSON_CONTENT_TYPE, headers);
  }

  private send(
    res: http.ServerResponse,
    status: number,
    body: string | Buffer,
    contentType: string,
    headers: Record<string, string> = {},
  ): void {
    if (res.headersSent || res.destroyed) return;
    const buffer = typeof body === 'string' ? Buffer.from(body, 'utf8') : body;
    res.writeHead(status, { ...headers, 'content-type': contentType, 'content-length': String(buffer.length) });
    res.end(buffer);
  }
}

function readBody(req: http.IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

/** Reads and discards the rest of a request body (streamed routes answered without their handler). */
async function drain(req: http.IncomingMessage): Promise<void> {
  if (req.readableEnded || req.destroyed) return;
  req.resume();
  await finished(req).catch(() => undefined);
}
