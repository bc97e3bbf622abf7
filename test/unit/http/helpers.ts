/**
 * Shared set-up for the HTTP layer's unit tests: a client on the fake clock, raw loopback servers. nock lives in
 * test/support/nock.ts, so a test file that needs only real loopback servers does not load it (see there why).
 */
import { spawn } from 'node:child_process';
import * as http from 'node:http';
import * as net from 'node:net';
import type { AddressInfo } from 'node:net';
import { ApiError } from '../../../shared/errors.js';
import { ApiClient } from '../../../shared/http/client.js';
import type { ApiClientOptions } from '../../../shared/http/request.js';
import { fakeRuntime, type FakeRuntime, type FakeRuntimeOptions } from '../../support/fakes.js';
import { rejection } from '../../support/rejection.js';

export const BASE = 'https://instance.example.com';

export interface TestClient {
  client: ApiClient;
  runtime: FakeRuntime;
}

/** A client on the fake clock (sleeps recorded, never waited) unless a runtime is given. */
export function makeClient(
  options: Partial<Omit<ApiClientOptions, 'runtime'>> = {},
  runtimeOptions: FakeRuntimeOptions = {},
): TestClient {
  const runtime = fakeRuntime(runtimeOptions);
  const client = new ApiClient({ baseUrl: BASE, ...options, runtime });
  return { client, runtime };
}

/** The ApiError a promise rejects with; fails the test when it resolves or rejects with something else. */
export function apiError(promise: Promise<unknown>): Promise<ApiError> {
  return rejection(promise, ApiError);
}

export interface RawServer {
  url: string;
  /** Requests received so far. */
  requests: http.IncomingMessage[];
  close(): Promise<void>;
}

/** A plain node:http server on 127.0.0.1 and a free port, for what nock cannot fake (timeouts, dropped bodies). */
export async function rawServer(
  handler: (req: http.IncomingMessage, res: http.ServerResponse) => void,
): Promise<RawServer> {
  const requests: http.IncomingMessage[] = [];
  const server = http.createServer((req, res) => {
    requests.push(req);
    handler(req, res);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** A loopback port nothing listens on (bound, then released). */
export async function closedPort(): Promise<number> {
  const server = http.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

/** Reads a request's whole body. */
export function readBody(req: http.IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.once('end', () => resolve(Buffer.concat(chunks)));
    req.once('error', reject);
  });
}

export interface Blackhole {
  port: number;
  close(): void;
}

/**
 * A loopback port where TCP connects never complete, like a firewall dropping SYNs: a listener in a stopped child
 * process whose accept queue is full, so the kernel drops every further SYN.
 */
export async function blackholePort(): Promise<Blackhole> {
  const child = spawn(
    process.execPath,
    [
      '-e',
      "const s = require('net').createServer(); s.listen({ port: 0, host: '127.0.0.1', backlog: 1 }, () => console.log(s.address().port));",
    ],
    { stdio: ['ignore', 'pipe', 'inherit'] },
  );
  const port = await new Promise<number>((resolve) =>
    child.stdout.once('data', (data) => resolve(Number(String(data)))),
  );
  process.kill(child.pid!, 'SIGSTOP');
  // Fill the accept queue (its length is the backlog plus one) with connections nobody accepts.
  const fillers: net.Socket[] = [];
  for (let i = 0; i < 4; i++) {
    const socket = net.connect(port, '127.0.0.1');
    socket.on('error', () => undefined);
    fillers.push(socket);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  return {
    port,
    close: () => {
      for (const socket of fillers) socket.destroy();
      child.kill('SIGKILL');
    },
  };
}

export interface SilentProxy {
  url: string;
  /** Connections the proxy accepted, and whether each is closed by now. */
  connections: { closed: boolean; received: string }[];
  close(): Promise<void>;
}

/** A proxy that accepts connections, reads the CONNECT request, and then answers with `answer` (or never). */
export async function fakeProxy(answer?: (request: string, socket: net.Socket) => void): Promise<SilentProxy> {
  const connections: SilentProxy['connections'] = [];
  const sockets = new Set<net.Socket>();
  const server = net.createServer((socket) => {
    const connection = { closed: false, received: '' };
    connections.push(connection);
    sockets.add(socket);
    socket.on('error', () => undefined);
    socket.on('close', () => {
      connection.closed = true;
      sockets.delete(socket);
    });
    socket.on('data', (data) => {
      const before = connection.received;
      connection.received += String(data);
      if (!before.includes('\r\n\r\n') && connection.received.includes('\r\n\r\n'))
        answer?.(connection.received, socket);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    connections,
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}
