/**
 * Errors tell the truth about what happened: "the server may have acted" only when the request reached it; a
 * redirect shows where it points; a cancel during a job-starting request says the job may have started.
 * Real loopback servers and proxies (no nock): the point is what happens on the wire.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from '@jest/globals';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import * as https from 'node:https';
import type { AddressInfo } from 'node:net';
import * as net from 'node:net';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { CancelledError } from '../../../shared/errors.js';
import { ApiClient } from '../../../shared/http/client.js';
import { fakeRuntime } from '../../support/fakes.js';
import { rejection } from '../../support/rejection.js';
import { apiError, fakeProxy, rawServer, readBody, type RawServer } from './helpers.js';

const start = { method: 'POST', path: '/api/jobs', json: { name: 'x' }, what: 'start the import' } as const;
const MAY_HAVE_ACTED = /may have acted|may start/;

const PROXY_ENV = ['HTTPS_PROXY', 'https_proxy', 'HTTP_PROXY', 'http_proxy', 'NO_PROXY', 'no_proxy'] as const;
const savedProxyEnv = Object.fromEntries(PROXY_ENV.map((name) => [name, process.env[name]]));
afterEach(() => {
  for (const name of PROXY_ENV) {
    if (savedProxyEnv[name] === undefined) delete process.env[name];
    else process.env[name] = savedProxyEnv[name];
  }
});
function useProxy(url: string) {
  for (const name of PROXY_ENV) delete process.env[name];
  process.env.HTTPS_PROXY = url;
  process.env.HTTP_PROXY = url;
}

describe('a TLS certificate the client does not trust', () => {
  let folder: string;
  let server: https.Server;
  let requests = 0;
  let url: string;
  beforeAll(async () => {
    folder = mkdtempSync(path.join(tmpdir(), 'tls-'));
    const key = path.join(folder, 'key.pem');
    const cert = path.join(folder, 'cert.pem');
    execFileSync('openssl', [
      'req', '-x509', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes', '-days', '1',
      '-subj', '/CN=127.0.0.1', '-keyout', key, '-out', cert,
    ], { stdio: 'ignore' }); // prettier-ignore
    server = https.createServer({ key: readFileSync(key), cert: readFileSync(cert) }, (_req, res) => {
      requests++;
      res.end('{}');
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    url = `https://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    await new Promise((resolve) => server.close(resolve));
    rmSync(folder, { recursive: true, force: true });
  });

  it('a job-starting POST: nothing was sent, so no "may have acted"; says how to trust a private CA', async () => {
    const client = new ApiClient({ baseUrl: url, runtime: fakeRuntime() });

    const error = await apiError(client.json(start));

    expect(error.message).toBe(
      `POST ${url}/api/jobs failed (no answer): could not start the import: self-signed certificate ` +
        "(DEPTH_ZERO_SELF_SIGNED_CERT). The server's TLS certificate was not accepted, so nothing was sent: " +
        "if a private CA signs it, point NODE_EXTRA_CA_CERTS at that CA's certificate",
    );
    expect(requests).toBe(0);
  });
});

describe('a header value Node refuses to send', () => {
  it('fails before sending, without "may have acted"', async () => {
    const server = await rawServer((_req, res) => res.end('{}'));
    try {
      const client = new ApiClient({ baseUrl: server.url, runtime: fakeRuntime() });

      const error = await apiError(client.json({ ...start, headers: { Cookie: 'token=<html>\n<body>' } }));

      expect(error.message).toMatch(
        /could not start the import: Invalid character in header content .*\(ERR_INVALID_CHAR\)$/,
      );
      expect(error.message).not.toMatch(MAY_HAVE_ACTED);
      expect(server.requests).toHaveLength(0);
    } finally {
      await server.close();
    }
  });
});

describe('proxies (HTTPS_PROXY / HTTP_PROXY)', () => {
  let target: RawServer;
  beforeAll(async () => {
    target = await rawServer(async (req, res) => {
      const body = await readBody(req);
      res.writeHead(201, { 'Content-Type': 'application/json' });
      res.end(JSON.stringify({ path: req.url, body: JSON.parse(String(body)) }));
    });
  });
  afterAll(() => target.close());

  it('tunnel through the proxy with CONNECT, sending the proxy credentials from its URL', async () => {
    // This proxy sends every tunnel to the loopback target, whatever host was asked for.
    const proxy = await fakeProxy((_request, socket) => {
      const upstream = net.connect(Number(new URL(target.url).port), '127.0.0.1', () => {
        socket.write('HTTP/1.1 200 Connection established\r\n\r\n');
        socket.pipe(upstream).pipe(socket);
      });
      upstream.on('error', () => socket.destroy());
    });
    try {
      useProxy(proxy.url.replace('http://', 'http://proxy-user:proxy%20pass@'));
      const client = new ApiClient({ baseUrl: 'http://instance.example.com', runtime: fakeRuntime() });

      await expect(client.json(start)).resolves.toEqual({ path: '/api/jobs', body: { name: 'x' } });

      const connect = proxy.connections[0].received;
      expect(connect).toMatch(/^CONNECT instance\.example\.com:80 HTTP\/1\.1\r\n/);
      expect(connect).toContain(
        `Proxy-Authorization: Basic ${Buffer.from('proxy-user:proxy pass').toString('base64')}\r\n`,
      );
    } finally {
      await proxy.close();
    }
  });

  it('a proxy answering 407: the request never reached the server; no "may have acted", no retry', async () => {
    const proxy = await fakeProxy((_request, socket) =>
      socket.end('HTTP/1.1 407 Proxy Authentication Required\r\nContent-Length: 0\r\n\r\n'),
    );
    try {
      useProxy(proxy.url.replace('http://', 'http://proxy-user:proxy-secret@'));
      const client = new ApiClient({ baseUrl: 'https://instance.example.com', runtime: fakeRuntime() });

      const error = await apiError(client.json(start));

      expect(error.message).toBe(
        'POST https://instance.example.com/api/jobs failed (no answer): could not start the import: the proxy ' +
          `${new URL(proxy.url).host} refused to open a tunnel to instance.example.com:443: HTTP 407 (407: the proxy ` +
          'wants credentials; check the user and password in HTTPS_PROXY) (PROXY_CONNECT_REFUSED)',
      );
      expect(error.message).not.toContain('proxy-secret');
      expect(proxy.connections).toHaveLength(1);
    } finally {
      await proxy.close();
    }
  });
});

describe('a redirect', () => {
  it('is reported with its status and Location (without userinfo), and not followed', async () => {
    const server = await rawServer((_req, res) => {
      res.writeHead(302, { Location: 'https://admin:hunter22@login.example.com/sso?next=%2Fapi' });
      res.end();
    });
    try {
      const client = new ApiClient({ baseUrl: server.url, runtime: fakeRuntime() });

      const error = await apiError(client.json({ method: 'GET', path: '/api/items', what: 'list the items' }));

      expect(error.kind).toBe('redirect');
      expect(error.message).toBe(
        `GET ${server.url}/api/items failed (HTTP 302): the server redirects to https://login.example.com/sso?next=%2Fapi. ` +
          'Redirects are not followed, so credentials never go to another address: check the URL, and use the new ' +
          'address if it is the right server',
      );
      expect(server.requests).toHaveLength(1);
    } finally {
      await server.close();
    }
  });
});

describe('cancelling while a job-starting request is in flight', () => {
  it('says the job may have started, and where to look for it', async () => {
    // The server takes the request and answers only after the run was cancelled.
    const server = await rawServer(() => undefined);
    try {
      const runtime = fakeRuntime();
      const client = new ApiClient({
        baseUrl: server.url,
        runtime,
        checkHint: 'look for it in Dev2Prod on tenant 1234',
      });
      const call = client.json(start);
      while (server.requests.length === 0) await new Promise((resolve) => setTimeout(resolve, 10));
      runtime.controller.abort();

      const error = await rejection(call, CancelledError);

      expect(error.message).toBe(
        `Cancelled while trying to start the import (waiting for the answer to POST ${server.url}/api/jobs). ` +
          'The request had reached the server, which may start the import anyway: look for it in Dev2Prod on ' +
          'tenant 1234 before running again',
      );
    } finally {
      await server.close();
    }
  });
});
