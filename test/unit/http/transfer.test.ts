/**
 * Streaming transfers: downloads land atomically on disk with their size and sha256; multipart uploads from disk.
 * Real loopback servers only, without nock (see test/support/nock.ts on retried downloads).
 */
import { createHash, randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import type { IncomingHttpHeaders, IncomingMessage, ServerResponse } from 'node:http';
import * as path from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterEach, beforeEach, describe, expect, it } from '@jest/globals';
import { FileWriteError } from '../../../shared/errors.js';
import { ApiClient } from '../../../shared/http/client.js';
import { downloadToFile, multipartFileBody } from '../../../shared/http/transfer.js';
import { fakeRuntime } from '../../support/fakes.js';
import { apiError, rawServer, readBody, type RawServer } from './helpers.js';

const DATA = randomBytes(256 * 1024);
const SHA256 = createHash('sha256').update(DATA).digest('hex');
const download = { method: 'GET', path: '/api/export/1/file', what: 'download the export' } as const;

let folder: string;
let server: RawServer | undefined;
beforeEach(async () => {
  folder = await mkdtemp(path.join(tmpdir(), 'http-transfer-'));
});
afterEach(async () => {
  await server?.close();
  server = undefined;
  await rm(folder, { recursive: true, force: true });
});

/** Answers 200 with a Content-Length for all of DATA, sends `sent` bytes of it, then drops the connection. */
function dropAfter(sent: number) {
  return (_req: IncomingMessage, res: ServerResponse) => {
    res.writeHead(200, { 'Content-Length': String(DATA.length) });
    res.write(DATA.subarray(0, sent), () => setTimeout(() => res.socket?.destroy(), 20));
  };
}

describe('downloadToFile', () => {
  it('streams the answer to the destination, with its byte count and sha256', async () => {
    server = await rawServer((_req, res) => {
      res.writeHead(200, { 'Content-Type': 'application/zip' }); // chunked: no Content-Length
      res.end(DATA);
    });
    const client = new ApiClient({ baseUrl: server.url, runtime: fakeRuntime() });
    const destination = path.join(folder, 'out', 'export.zip');

    const written = await downloadToFile(client, download, destination);

    expect(written).toEqual({ path: destination, bytes: DATA.length, sha256: SHA256 });
    expect((await readFile(destination)).equals(DATA)).toBe(true);
    expect(await readdir(path.join(folder, 'out'))).toEqual(['export.zip']);
  });

  it('a connection dropped mid-body leaves neither a partial file nor a temporary file', async () => {
    server = await rawServer(dropAfter(100_000));
    const runtime = fakeRuntime();
    const client = new ApiClient({ baseUrl: server.url, runtime, maxAttempts: 1 });
    const destination = path.join(folder, 'export.zip');

    const error = await apiError(downloadToFile(client, download, destination));

    expect(error.message).toMatch(
      /^GET http:\/\/127\.0\.0\.1:\d+\/api\/export\/1\/file failed \(no answer\): could not download the export: .*\(ECONNRESET\)$/,
    );
    expect(existsSync(destination)).toBe(false);
    expect(await readdir(folder)).toEqual([]);
  });

  it('a dropped download keeps the file that was there, and a retry then replaces it whole', async () => {
    let calls = 0;
    server = await rawServer((req, res) => {
      calls++;
      if (calls === 1) return dropAfter(50_000)(req, res);
      res.writeHead(200, { 'Content-Length': String(DATA.length) });
      res.end(DATA);
    });
    const runtime = fakeRuntime();
    const client = new ApiClient({ baseUrl: server.url, runtime });
    const destination = path.join(folder, 'export.zip');
    await writeFile(destination, 'the previous export');

    const written = await downloadToFile(client, download, destination);

    expect(calls).toBe(2);
    expect(runtime.clock.sleeps).toHaveLength(1);
    expect(written.sha256).toBe(SHA256);
    expect((await readFile(destination)).equals(DATA)).toBe(true);
    expect(await readdir(folder)).toEqual(['export.zip']);
  });

  it('replaces an existing destination atomically: the old content stays until the new file is complete', async () => {
    const destination = path.join(folder, 'export.zip');
    await writeFile(destination, 'the previous export');
    const seenMidway: { content: string; files: string[] }[] = [];
    server = await rawServer((_req, res) => {
      res.writeHead(200, { 'Content-Length': String(DATA.length) });
      res.write(DATA.subarray(0, 1000), async () => {
        // Once the client has started its temporary file, look at the folder, then send the rest.
        for (let i = 0; i < 200 && !(await readdir(folder)).some((name) => name.endsWith('.partial')); i++) {
          await new Promise((resolve) => setTimeout(resolve, 10));
        }
        seenMidway.push({ content: await readFile(destination, 'utf8'), files: await readdir(folder) });
        res.end(DATA.subarray(1000));
      });
    });
    const client = new ApiClient({ baseUrl: server.url, runtime: fakeRuntime() });

    await downloadToFile(client, download, destination);

    expect(seenMidway).toHaveLength(1);
    expect(seenMidway[0].content).toBe('the previous export');
    expect(seenMidway[0].files).toEqual(
      expect.arrayContaining(['export.zip', expect.stringMatching(/^\.export\.zip\..+\.partial$/)]),
    );
    expect((await readFile(destination)).equals(DATA)).toBe(true);
    expect(await readdir(folder)).toEqual(['export.zip']);
  });

  it('asks for no coding, and refuses a compressed download rather than write its compressed bytes', async () => {
    server = await rawServer((_req, res) => {
      res.writeHead(200, { 'Content-Type': 'application/zip', 'Content-Encoding': 'gzip' });
      res.end(gzipSync(DATA));
    });
    const client = new ApiClient({ baseUrl: server.url, runtime: fakeRuntime(), maxAttempts: 1 });
    const destination = path.join(folder, 'export.zip');

    const error = await apiError(downloadToFile(client, download, destination));

    expect(server.requests[0].headers['accept-encoding']).toBe('identity');
    expect(error.vendorMessage).toBe(
      `the download is gzip-encoded, which was not asked for; nothing was written to ${destination}`,
    );
    expect(await readdir(folder)).toEqual([]);
  });

  it('an error status writes nothing', async () => {
    server = await rawServer((_req, res) => {
      res.writeHead(404, { 'Content-Type': 'application/json' });
      res.end('{"message":"No export 1"}');
    });
    const client = new ApiClient({ baseUrl: server.url, runtime: fakeRuntime() });
    const destination = path.join(folder, 'export.zip');

    const error = await apiError(downloadToFile(client, download, destination));

    expect(error.message).toContain('failed (HTTP 404): No export 1');
    expect(await readdir(folder)).toEqual([]);
  });

  it('a destination that cannot be written is the file’s error, not a network error to retry', async () => {
    let requests = 0;
    server = await rawServer((_req, res) => {
      requests++;
      res.writeHead(200, { 'Content-Type': 'application/zip' });
      res.end(DATA);
    });
    const client = new ApiClient({ baseUrl: server.url, runtime: fakeRuntime() });
    const destination = path.join(folder, 'export.zip');
    await mkdir(destination);

    const error = await downloadToFile(client, download, destination).catch((e: unknown) => e as Error);

    expect(error).toBeInstanceOf(FileWriteError);
    expect((error as Error).message).toBe(`Could not write ${destination}: it is a folder. Name a file, not a folder`);
    expect(requests).toBe(1);
  });
});

describe('multipartFileBody', () => {
  it('sends a well-formed multipart body with the file’s exact bytes under files[] and an exact Content-Length', async () => {
    // Bytes that look like multipart syntax must pass through untouched.
    const content = Buffer.concat([Buffer.from('--boundary\r\n\r\n'), randomBytes(64 * 1024), Buffer.from('\r\n--')]);
    const file = path.join(folder, 'update set.xml');
    await writeFile(file, content);
    const received: { headers: IncomingHttpHeaders; body: Buffer }[] = [];
    server = await rawServer(async (req, res) => {
      received.push({ headers: req.headers, body: await readBody(req) });
      res.writeHead(201, { 'Content-Type': 'application/json' });
      res.end('{"uploaded":1}');
    });
    const client = new ApiClient({ baseUrl: server.url, runtime: fakeRuntime() });
    const body = await multipartFileBody({ field: 'files[]', filePath: file, contentType: 'application/xml' });

    await expect(client.json({ method: 'POST', path: '/upload', body, what: 'upload the file' })).resolves.toEqual({
      uploaded: 1,
    });

    expect(received).toHaveLength(1);
    const [{ headers, body: sent }] = received;
    expect(headers['content-type']).toBe(body.contentType);
    expect(headers['content-length']).toBe(String(sent.length));
    expect(sent.length).toBe(body.length);
    expect(headers['transfer-encoding']).toBeUndefined();
    // Parsed by an independent multipart parser (undici's).
    const form = await new Response(sent, { headers: { 'Content-Type': headers['content-type'] ?? '' } }).formData();
    const part = form.get('files[]');
    expect(part).toBeInstanceOf(Blob);
    expect((part as File).name).toBe('update set.xml');
    expect((part as File).type).toBe('application/xml');
    expect(Buffer.from(await (part as File).arrayBuffer()).equals(content)).toBe(true);
    expect([...form.keys()]).toEqual(['files[]']);
  });

  it('can be sent again on a retry (the file is re-read for each attempt)', async () => {
    const content = randomBytes(10_000);
    const file = path.join(folder, 'a.bin');
    await writeFile(file, content);
    const bodies: Buffer[] = [];
    server = await rawServer(async (req, res) => {
      bodies.push(await readBody(req));
      res.writeHead(bodies.length === 1 ? 429 : 200, { 'Content-Type': 'application/json' });
      res.end('{}');
    });
    const client = new ApiClient({ baseUrl: server.url, runtime: fakeRuntime() });
    const body = await multipartFileBody({ field: 'files[]', filePath: file, fileName: 'renamed"\r\n.bin' });

    await client.json({ method: 'POST', path: '/upload', body, what: 'upload the file' });

    expect(bodies).toHaveLength(2);
    expect(bodies[1].equals(bodies[0])).toBe(true);
    expect(bodies[0].length).toBe(body.length);
    expect(bodies[0].toString('latin1')).toContain('name="files[]"; filename="renamed___.bin"\r\n');
  });
});
