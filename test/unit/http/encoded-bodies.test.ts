/**
 * Compressed answers (Content-Encoding gzip, deflate, br): requests ask for none, but a server or proxy may send
 * one anyway. An error body is decoded before it is quoted, or described, never quoted as binary bytes; decoding
 * stays within the bound of the raw body (a zip bomb), and a 2xx answer is decoded before it is parsed.
 */
import { randomBytes } from 'node:crypto';
import * as zlib from 'node:zlib';
import { describe, expect, it } from '@jest/globals';
import nock from 'nock';
import { apiError, BASE, makeClient } from './helpers.js';
import { useNock } from '../../support/nock.js';

useNock();

const get = { method: 'GET', path: '/api/now/cdm/apps', what: 'list the applications' } as const;
const ENCODERS = { gzip: zlib.gzipSync, deflate: zlib.deflateSync, br: zlib.brotliCompressSync };
/** No replacement characters (bytes that were not text) and no control characters but tabs and line breaks. */
// eslint-disable-next-line no-control-regex -- control characters are what binary bytes look like as text
const BINARY = /[\uFFFD\x00-\x08\x0e-\x1f]/;

const answer = (status: number, body: Buffer, headers: Record<string, string>) =>
  nock(BASE).get('/api/now/cdm/apps').reply(status, body, headers);

describe('an encoded error body', () => {
  it.each(Object.entries(ENCODERS))('%s: decoded, so the vendor message is quoted', async (coding, encode) => {
    answer(500, encode(Buffer.from(JSON.stringify({ message: 'Database is locked' }))), {
      'Content-Type': 'application/json',
      'Content-Encoding': coding,
    });
    const { client } = makeClient({ maxAttempts: 1 });
    const error = await apiError(client.json(get));
    expect(error.vendorMessage).toBe('Database is locked');
  });

  it('decoded text is quoted as text', async () => {
    answer(502, zlib.gzipSync('Bad gateway: upstream timed out'), {
      'Content-Type': 'text/plain',
      'Content-Encoding': 'gzip',
    });
    const { client } = makeClient({ maxAttempts: 1 });
    expect((await apiError(client.json(get))).vendorMessage).toBe('text/plain body: Bad gateway: upstream timed out');
  });

  it('one that does not decode is described with its size, not quoted', async () => {
    answer(500, randomBytes(64), { 'Content-Type': 'application/json', 'Content-Encoding': 'gzip' });
    const { client } = makeClient({ maxAttempts: 1 });
    const error = await apiError(client.json(get));
    expect(error.vendorMessage).toBe(
      'application/json gzip-encoded body of 64 bytes that could not be decoded (incorrect header check)',
    );
    expect(error.message).not.toMatch(BINARY);
  });

  it('a coding it cannot decode is described', async () => {
    answer(503, randomBytes(40), { 'Content-Encoding': 'zstd' });
    const { client } = makeClient({ maxAttempts: 1 });
    const error = await apiError(client.json(get));
    expect(error.vendorMessage).toBe('zstd-encoded body of 40 bytes (a coding this action cannot decode)');
    expect(error.message).not.toMatch(BINARY);
  });

  it('a zip bomb is decoded no further than 1 MB, and described', async () => {
    const bomb = zlib.gzipSync(Buffer.alloc(64 * 2 ** 20, 'a'));
    answer(500, bomb, { 'Content-Type': 'text/plain', 'Content-Encoding': 'gzip' });
    const { client } = makeClient({ maxAttempts: 1 });
    const error = await apiError(client.json(get));
    expect(error.vendorMessage).toBe(
      `text/plain gzip-encoded body of ${bomb.length} bytes, over 1,048,576 bytes once decoded`,
    );
  });

  it('one cut at the 1 MB read limit is described or quoted in part, never as binary', async () => {
    const long = zlib.gzipSync(randomBytes(3 * 2 ** 20).toString('base64'));
    answer(500, long, { 'Content-Type': 'text/plain', 'Content-Encoding': 'gzip' });
    const { client } = makeClient({ maxAttempts: 1 });
    const error = await apiError(client.json(get));
    expect(error.vendorMessage.length).toBeLessThan(1000);
    expect(error.message).not.toMatch(BINARY);
  });
});

describe('an encoded 2xx answer', () => {
  it('asks for no coding, and decodes one sent anyway before parsing it', async () => {
    nock(BASE, { reqheaders: { 'accept-encoding': 'identity' } })
      .get('/api/now/cdm/apps')
      .reply(200, zlib.gzipSync(JSON.stringify({ result: [{ name: 'payments' }] })), {
        'Content-Type': 'application/json',
        'Content-Encoding': 'gzip',
      });
    const { client } = makeClient();
    expect(await client.json(get)).toEqual({ result: [{ name: 'payments' }] });
  });

  it('fails on one that decodes past the answer limit, as a too-large answer', async () => {
    answer(200, zlib.gzipSync(Buffer.alloc(8 * 2 ** 20, ' ')), {
      'Content-Type': 'application/json',
      'Content-Encoding': 'gzip',
    });
    const { client } = makeClient();
    const error = await apiError(client.json({ ...get, maxAnswerBytes: 2 ** 20 }));
    expect(error.kind).toBe('too-large');
    expect(error.vendorMessage).toMatch(/^the answer is larger than 1 MB, the most this action reads/);
  });

  it('fails on one that does not decode, describing it', async () => {
    answer(200, randomBytes(32), { 'Content-Type': 'application/json', 'Content-Encoding': 'br' });
    const { client } = makeClient();
    const error = await apiError(client.json(get));
    expect(error.kind).toBe('unreadable');
    expect(error.vendorMessage).toMatch(/^the answer is a br-encoded body of 32 bytes that could not be decoded/);
    expect(error.message).not.toMatch(BINARY);
  });
});
