/**
 * One HTTP exchange (one attempt of a request): connect, through the proxy when the environment names one, send,
 * and hand back the answer. One abort signal (the run's deadline and its cancel) covers every phase, the body's
 * last byte included; a connection silent for longer than the idle limit is dropped and reported as that. The
 * exchange remembers how far it got, so errors can say what was going on and whether the server saw the request.
 */
import * as http from 'node:http';
import * as https from 'node:https';
import type { Socket } from 'node:net';
import { pipeline } from 'node:stream/promises';
import { TLSSocket } from 'node:tls';
import type { Readable } from 'node:stream';
import { formatDuration } from '../runtime.js';
import { openTunnel, proxyFor } from './proxy.js';

export type Phase = 'tunnel' | 'connecting' | 'sending' | 'waiting' | 'reading';

const PHASES: Record<Phase, { alone: string; of: string }> = {
  tunnel: { alone: 'waiting for the proxy to open a tunnel', of: 'waiting for the proxy to open a tunnel for' },
  connecting: { alone: 'connecting to the server', of: 'connecting to the server for' },
  sending: { alone: 'sending the request', of: 'sending' },
  waiting: { alone: 'waiting for the answer', of: 'waiting for the answer to' },
  reading: { alone: 'reading the answer', of: 'reading the answer to' },
};

export interface ExchangeRequest {
  url: URL;
  method: string;
  headers: Record<string, string>;
  payload?: Buffer;
  body?: { open(): Readable };
  /** Longest silence from the connection before the exchange gives up. */
  idleMs: number;
  /** The run's deadline and cancel, for this exchange. */
  signal: AbortSignal;
  /** The agent for a direct connection (no proxy). */
  agent: http.Agent;
}

/** Error code of an exchange abandoned because the connection went quiet. */
export const IDLE_TIMEOUT = 'REQUEST_TIMEOUT';

export class Exchange {
  phase: Phase = 'connecting';
  /** Set when the connection went quiet for longer than the idle limit. */
  idleError?: Error;
  private request?: http.ClientRequest;
  private response?: http.IncomingMessage;
  private readonly onAbort = () => this.destroy(this.spec.signal.reason as Error);

  constructor(private readonly spec: ExchangeRequest) {}

  /** True once the request may have reached the server: connected (past TLS), so it may have acted on it. */
  get reached(): boolean {
    return this.phase !== 'tunnel' && this.phase !== 'connecting';
  }

  /** "reading the answer", or with the request named: "reading the answer to GET https://…". */
  describe(request?: string): string {
    return request ? `${PHASES[this.phase].of} ${request}` : PHASES[this.phase].alone;
  }

  /** Sends the request; resolves when the answer's headers arrive. Call `release` once the body is read. */
  start(): Promise<http.IncomingMessage> {
    const { url, signal } = this.spec;
    return new Promise((resolve, reject) => {
      if (signal.aborted) return reject(signal.reason as Error);
      const proxy = proxyFor(url);
      if (proxy) this.phase = 'tunnel';
      const transport = url.protocol === 'https:' ? https : http;
      const req = transport.request(url, {
        method: this.spec.method,
        headers: this.spec.headers,
        ...(proxy
          ? {
              createConnection: (_options: unknown, done: (error: Error | null, socket?: Socket) => void) => {
                openTunnel(proxy, url, signal).then(
                  (socket) => {
                    this.phase = 'connecting';
                    done(null, socket);
                  },
                  (error: Error) => done(error),
                );
                return undefined;
              },
            }
          : { agent: this.spec.agent }),
      } as http.RequestOptions);
      this.request = req;
      signal.addEventListener('abort', this.onAbort, { once: true });
      // Not `once`: a destroyed request can report a second error (e.g. its tunnel failing after the abort).
      req.on('error', reject);
      req.once('socket', (socket) => this.watch(socket));
      req.once('finish', () => {
        if (this.phase !== 'reading') this.phase = 'waiting';
      });
      req.once('response', (res: http.IncomingMessage) => {
        this.phase = 'reading';
        this.response = res;
        // The deadline may destroy the body before its reader is attached (say, while a download creates its
        // folder); the reader still sees the error, and the process does not crash on an unheard one.
        res.on('error', () => undefined);
        resolve(res);
      });
      if (this.spec.body) {
        pipeline(this.spec.body.open(), req).catch((error: unknown) => req.destroy(error as Error));
      } else {
        req.end(this.spec.payload);
      }
    });
  }

  /** Stops the exchange wherever it is: the request, its tunnel, and the answer's body. */
  destroy(error: Error): void {
    this.request?.destroy(error);
    this.response?.destroy(error);
  }

  release(): void {
    this.spec.signal.removeEventListener('abort', this.onAbort);
  }

  private watch(socket: Socket): void {
    const connected = () => {
      if (this.phase === 'connecting') this.phase = 'sending';
    };
    if (socket instanceof TLSSocket) socket.once('secureConnect', connected);
    else if (socket.connecting) socket.once('connect', connected);
    else connected();
    socket.setTimeout(this.spec.idleMs);
    socket.once('timeout', () => {
      this.idleError = Object.assign(
        new Error(`no data for ${formatDuration(this.spec.idleMs)} while ${this.describe()}`),
        { code: IDLE_TIMEOUT },
      );
      this.destroy(this.idleError);
    });
  }
}

/**
 * The agents for direct connections, one per protocol: an https agent refuses http URLs and the other way round.
 * Proxied requests open their own tunnel.
 */
export class DirectAgents {
  private readonly agents = new Map<string, http.Agent>();

  for(url: URL): http.Agent {
    let agent = this.agents.get(url.protocol);
    if (!agent) {
      agent = url.protocol === 'https:' ? new https.Agent({ keepAlive: false }) : new http.Agent({ keepAlive: false });
      this.agents.set(url.protocol, agent);
    }
    return agent;
  }
}
