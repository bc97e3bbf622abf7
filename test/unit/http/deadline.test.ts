/**
 * The run's deadline bounds every phase of a request on the real clock, against loopback servers that misbehave
 * the ways real ones do: a body that trickles, a connect that never completes, a proxy that never opens the tunnel.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from '@jest/globals';
import { existsSync } from 'node:fs';
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { CancelledError, TimeoutError } from '../../../shared/errors.js';
import { ApiClient } from '../../../shared/http/client.js';
import { bufferBody, downloadToFile } from '../../../shared/http/transfer.js';
import { Deadline, systemClock, type Runtime } from '../../../shared/runtime.js';
import { MemoryLogger } from '../../support/fakes.js';
import { rejection } from '../../support/rejection.js';
import { apiError, blackholePort, type Blackhole, fakeProxy, rawServer, type RawServer } from './helpers.js';

/** A runtime on the real clock whose deadline is `timeoutMs` from now. */
function realRuntime(timeoutMs: number, controller = new AbortController()): Runtime {
  return {
    clock: systemClock,
    logger: new MemoryLogger(),
    signal: controller.signal,
    deadline: new Deadline(systemClock, timeoutMs),
  };
}

/** How long `promise` takes to settle, in ms, and what it rejected with. */
async function timed<T extends Error>(promise: Promise<unknown>, kind: new (message: string) => T) {
  const started = performance.now();
  const error = await rejection(promise, kind);
  return { error, ms: performance.now() - started };
}

let trickle: RawServer;
const trickleTimers = new Set<NodeJS.Timeout>();
beforeAll(async () => {
  // A 200 whose body arrives one byte at a time, for ever: never idle, never done.
  trickle = await rawServer((_req, res) => {
    res.writeHead(200, { 'Content-Type': 'application/json', 'Content-Length': '1000000' });
    res.write('[');
    const timer = setInterval(() => res.write(' '), 100);
    trickleTimers.add(timer);
    res.on('close', () => clearInterval(timer));
  });
});
afterAll(async () => {
  for (const timer of trickleTimers) clearInterval(timer);
  await trickle.close();
});

describe('a body that trickles after a 200', () => {
  it('is cut off at the deadline, saying it was reading the answer', async () => {
    const client = new ApiClient({ baseUrl: trickle.url, runtime: realRuntime(800) });

    const { error, ms } = await timed(
      client.json({ method: 'GET', path: '/status', what: 'read the status' }),
      TimeoutError,
    );

    expect(error.message).toBe(
      `Timed out after 0.8s (the action's timeout) while reading the answer to GET ${trickle.url}/status, trying to read the status`,
    );
    expect(ms).toBeGreaterThanOrEqual(700);
    expect(ms).toBeLessThan(4000); // the deadline, not the 60 s idle limit or the server, ended it (slack for a loaded CI machine)
  });

  it('as a download: cut off at the deadline, and no file (not even a partial one) is left', async () => {
    const folder = await mkdtemp(path.join(tmpdir(), 'deadline-'));
    try {
      const client = new ApiClient({ baseUrl: trickle.url, runtime: realRuntime(800) });
      const destination = path.join(folder, 'package.zip');

      const { error, ms } = await timed(
        downloadToFile(client, { method: 'GET', path: '/file', what: 'download the package' }, destination),
        TimeoutError,
      );

      expect(error.message).toContain('while reading the answer to GET');
      expect(ms).toBeLessThan(4000); // the deadline, not the 60 s idle limit or the server, ended it (slack for a loaded CI machine)
      expect(existsSync(destination)).toBe(false);
      expect(await readdir(folder)).toEqual([]);
    } finally {
      await rm(folder, { recursive: true, force: true });
    }
  });
});

describe('an upload the server stops reading', () => {
  it('is cut off at the deadline, saying it was sending, and that the upload may have started', async () => {
    const stalled = await rawServer((req) => req.pause()); // takes the request, never reads its body
    try {
      // The 64 MiB body is built before the deadline's clock starts, and the deadline leaves a loaded machine time
      // to connect: the test is about the send phase, not about getting there.
      const body = bufferBody(Buffer.alloc(64 * 2 ** 20, 'p'), 'application/zip');
      const client = new ApiClient({ baseUrl: stalled.url, runtime: realRuntime(2000) });

      const { error, ms } = await timed(
        client.json({ method: 'POST', path: '/upload', body, what: 'upload the package' }),
        TimeoutError,
      );

      expect(error.message).toBe(
        `Timed out after 2s (the action's timeout) while sending POST ${stalled.url}/upload, trying to upload ` +
          'the package. The request had reached the server, which may upload the package anyway: check on the ' +
          'server whether it did before running again',
      );
      expect(ms).toBeLessThan(5000); // the deadline, not the 60 s idle limit or the server, ended it (slack for a loaded CI machine)
    } finally {
      await stalled.close();
    }
  });
});

describe('a TCP connect that never completes', () => {
  let blackhole: Blackhole;
  beforeAll(async () => {
    blackhole = await blackholePort();
  });
  afterAll(() => blackhole.close());

  it('ends at the deadline, and a GET is not retried past it', async () => {
    const runtime = realRuntime(1000);
    const client = new ApiClient({ baseUrl: `http://127.0.0.1:${blackhole.port}`, runtime });

    const { error, ms } = await timed(
      client.json({ method: 'GET', path: '/items', what: 'list the items' }),
      TimeoutError,
    );

    expect(error.message).toBe(
      `Timed out after 1s (the action's timeout) while connecting to the server for GET http://127.0.0.1:${blackhole.port}/items, trying to list the items`,
    );
    expect(ms).toBeLessThan(4000); // the deadline, not the 60 s idle limit or the server, ended it (slack for a loaded CI machine)
    expect((runtime.logger as MemoryLogger).messages('info')).toEqual([]); // no "retrying in"
  });

  it('a shorter idle limit ends the attempt first, saying no data came while connecting', async () => {
    const client = new ApiClient({
      baseUrl: `http://127.0.0.1:${blackhole.port}`,
      runtime: realRuntime(5000),
      maxAttempts: 1,
    });

    const error = await apiError(
      client.json({ method: 'POST', path: '/jobs', json: {}, what: 'start the job', timeoutMs: 300 }),
    );

    expect(error.message).toBe(
      `POST http://127.0.0.1:${blackhole.port}/jobs failed (no answer): could not start the job: no data for 0.3s while connecting to the server (REQUEST_TIMEOUT)`,
    );
  });

  it('cancelling while connecting says the job-starting request never reached the server', async () => {
    const controller = new AbortController();
    const client = new ApiClient({
      baseUrl: `http://127.0.0.1:${blackhole.port}`,
      runtime: realRuntime(60_000, controller),
    });
    setTimeout(() => controller.abort(), 200);

    const { error, ms } = await timed(
      client.json({ method: 'POST', path: '/jobs', json: {}, what: 'start the import' }),
      CancelledError,
    );

    expect(error.message).toBe(
      `Cancelled while trying to start the import (connecting to the server for POST http://127.0.0.1:${blackhole.port}/jobs)`,
    );
    expect(ms).toBeLessThan(2000);
  });
});

describe('an HTTPS proxy that never answers CONNECT', () => {
  const saved = {
    HTTPS_PROXY: process.env.HTTPS_PROXY,
    https_proxy: process.env.https_proxy,
    NO_PROXY: process.env.NO_PROXY,
    no_proxy: process.env.no_proxy,
  };
  afterEach(() => {
    for (const [name, value] of Object.entries(saved)) {
      if (value === undefined) delete process.env[name];
      else process.env[name] = value;
    }
  });

  it('ends at the deadline, saying it waited for the tunnel, and drops the connection to the proxy', async () => {
    const proxy = await fakeProxy(); // reads the CONNECT, never answers
    try {
      process.env.HTTPS_PROXY = proxy.url;
      delete process.env.https_proxy;
      delete process.env.NO_PROXY;
      delete process.env.no_proxy;
      const client = new ApiClient({ baseUrl: 'https://instance.example.com', runtime: realRuntime(800) });

      const { error, ms } = await timed(
        client.json({ method: 'GET', path: '/api/status', what: 'read the status' }),
        TimeoutError,
      );

      expect(error.message).toBe(
        "Timed out after 0.8s (the action's timeout) while waiting for the proxy to open a tunnel for " +
          'GET https://instance.example.com/api/status, trying to read the status',
      );
      expect(ms).toBeLessThan(4000); // the deadline, not the 60 s idle limit or the server, ended it (slack for a loaded CI machine)
      expect(proxy.connections).toHaveLength(1);
      expect(proxy.connections[0].received).toMatch(/^CONNECT instance\.example\.com:443 HTTP\/1\.1\r\n/);
      await new Promise((resolve) => setTimeout(resolve, 100));
      expect(proxy.connections[0].closed).toBe(true);
    } finally {
      await proxy.close();
    }
  });
});
