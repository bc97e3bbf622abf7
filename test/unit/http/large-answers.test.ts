/**
 * Huge answers stay bounded: an error answer is read for its first megabyte only, a 2xx answer up to its limit,
 * and every message quotes a few KB at most. Real loopback servers that stream on demand (nothing held in memory).
 */
import { afterEach, describe, expect, it } from '@jest/globals';
import type { ServerResponse } from 'node:http';
import { ApiError, JobFailedError, QUOTE_MAX_CHARS } from '../../../shared/errors.js';
import { ApiClient } from '../../../shared/http/client.js';
import { getExportContent } from '../../../shared/vendors/servicenow/cdm-exports.js';
import { fakeRuntime } from '../../support/fakes.js';
import { apiError, rawServer, type RawServer } from './helpers.js';

const MB = 2 ** 20;

let server: RawServer | undefined;
let sent = 0;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

/** Streams `total` bytes of `head` followed by filler, writing only as fast as the client reads. */
function stream(res: ServerResponse, status: number, contentType: string, total: number, head = '') {
  res.writeHead(status, { 'Content-Type': contentType, 'Content-Length': String(total) });
  const chunk = Buffer.alloc(64 * 1024, 'x');
  sent = 0;
  const pump = () => {
    while (sent < total) {
      const first = sent === 0 && head ? Buffer.from(head) : chunk.subarray(0, Math.min(chunk.length, total - sent));
      sent += first.length;
      if (!res.write(first)) return void res.once('drain', pump);
    }
    res.end();
  };
  res.on('error', () => undefined);
  pump();
}

describe('an error answer of 200 MB', () => {
  it('becomes a short error: the first part quoted, the rest counted, not read', async () => {
    const total = 200 * MB;
    server = await rawServer((_req, res) => stream(res, 500, 'text/plain', total, 'Internal error: '));
    const client = new ApiClient({ baseUrl: server.url, runtime: fakeRuntime(), maxAttempts: 1 });

    const error = await apiError(client.json({ method: 'GET', path: '/api/items', what: 'list the items' }));

    expect(error.status).toBe(500);
    expect(error.message.length).toBeLessThan(1000);
    expect(error.vendorMessage).toMatch(
      /^text\/plain body: Internal error: x{284}…\((\d{3},\d{3},\d{3}) more bytes\)$/,
    );
    const more = Number(/\(([\d,]+) more bytes\)/.exec(error.vendorMessage)![1].replace(/,/g, ''));
    expect(more).toBe(total - 300);
    // The client stopped reading after its first megabyte (plus what the sockets buffer).
    expect(sent).toBeLessThan(32 * MB);
  });

  it('a JSON error whose message is huge is quoted to a few KB', async () => {
    const message = `boom ${'y'.repeat(500_000)}`;
    server = await rawServer((_req, res) => {
      res.writeHead(500, { 'Content-Type': 'application/json' });
      res.end(JSON.stringify({ message }));
    });
    const client = new ApiClient({ baseUrl: server.url, runtime: fakeRuntime(), maxAttempts: 1 });

    const error = await apiError(client.json({ method: 'GET', path: '/api/items', what: 'list the items' }));

    expect(error.vendorMessage).toBe(
      `${message.slice(0, QUOTE_MAX_CHARS)}…(${(message.length - QUOTE_MAX_CHARS).toLocaleString('en-US')} more bytes)`,
    );
  });
});

describe('a 2xx answer larger than the limit', () => {
  it('over 512 MB (more than a string can hold): a clear ApiError naming the limit, not a crash', async () => {
    const total = 600 * MB;
    server = await rawServer((_req, res) => stream(res, 200, 'application/json', total, '{"result": "'));
    const client = new ApiClient({ baseUrl: server.url, runtime: fakeRuntime(), maxAttempts: 1 });

    const error = await apiError(client.json({ method: 'GET', path: '/api/status', what: 'read the status' }));

    expect(error).toBeInstanceOf(ApiError);
    expect(error.kind).toBe('too-large');
    expect(error.message).toBe(
      `GET ${server.url}/api/status failed (HTTP 200): the answer is larger than 16 MB, the most this action reads ` +
        'to read the status (it has 600 MB); it stopped reading there',
    );
    expect(sent).toBeLessThan(64 * MB);
  });

  it('a request may allow more (the export content), and within it the answer is read whole', async () => {
    const body = JSON.stringify({ result: 'z'.repeat(17 * MB) });
    server = await rawServer((_req, res) => {
      res.writeHead(200, { 'Content-Type': 'application/json' });
      res.end(body);
    });
    const client = new ApiClient({ baseUrl: server.url, runtime: fakeRuntime() });

    const answer = await client.json({ method: 'GET', path: '/c', what: 'fetch the content', maxAnswerBytes: 32 * MB });

    expect((answer as { result: string }).result).toHaveLength(17 * MB);
  });
});

describe('the CDM export content, the one legitimately large answer', () => {
  it('is read whole at 20 MB and more', async () => {
    const exported = { cdi: 'v'.repeat(20 * MB) };
    server = await rawServer((_req, res) => {
      res.writeHead(200, { 'Content-Type': 'application/json' });
      res.end(JSON.stringify({ result: { state: 'completed', exporter_result: exported } }));
    });
    const client = new ApiClient({ baseUrl: server.url, runtime: fakeRuntime() });

    const content = await getExportContent(client, {}, 'e1');

    expect(content.exporterResult).toEqual(exported);
  });

  it('has a limit too (256 MB), named in the error', async () => {
    server = await rawServer((_req, res) => stream(res, 200, 'application/json', 300 * MB, '{"result": "'));
    const client = new ApiClient({ baseUrl: server.url, runtime: fakeRuntime(), maxAttempts: 1 });

    const error = await apiError(getExportContent(client, {}, 'e1'));

    expect(error.vendorMessage).toBe(
      'the answer is larger than 256 MB, the most this action reads to fetch the export content (it has 300 MB); ' +
        'it stopped reading there',
    );
  });
});

describe('messages quote a few KB of vendor text', () => {
  it('a job failure quotes each vendor error to a few KB', () => {
    const huge = 'e'.repeat(QUOTE_MAX_CHARS + 10);
    const error = new JobFailedError('The import failed', { jobId: 'j1', state: 'FAILED', errors: [huge] });
    expect(error.errors[0]).toBe(`${'e'.repeat(QUOTE_MAX_CHARS)}…(10 more bytes)`);
    expect(error.message.length).toBeLessThan(QUOTE_MAX_CHARS + 100);
  });
});
