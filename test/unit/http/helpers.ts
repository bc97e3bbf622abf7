/**
 * Shared set-up for the HTTP layer's unit tests: a client on the fake clock, raw loopback servers. nock lives in
 * test/support/nock.ts, so a test file that needs only real loopback servers does not load it (see there why).
 */
import * as http from 'node:http';
import type { AddressInfo } from 'node:net';
import { ApiError } from '../../../shared/errors.js';
import { ApiClient, type ApiClientOptions } from '../../../shared/http/client.js';
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
