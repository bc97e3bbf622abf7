/** Reading an answer's body within bounds, and turning it into words for an error message, whatever was sent. */
import type { IncomingMessage } from 'node:http';
import { moreBytes } from '../errors.js';
import { describeHtml, isHtml } from '../html.js';
import { scalarText } from '../json.js';
import { contentCodings, decodeBody } from './encoding.js';

const EXCERPT_CHARS = 300;

/** A body read up to a limit. */
export interface BodyText {
  text: string;
  /** True when the body was longer than the limit and the rest was not read. */
  cut: boolean;
  /** How many bytes were left unread, when the answer said its length (and was not content-encoded). */
  unreadBytes?: number;
  /** A content-encoded body that could not be decoded within the limit: what it is, said instead of quoting it. */
  undecodable?: string;
}

/**
 * Reads the body as text, at most `maxBytes` of it: past that it stops reading (dropping the connection) rather
 * than holding a huge answer in memory, and keeps what it read only when `keepCut` asks for it (to quote an error
 * answer). A connection dropped mid-body is an error, not a short body.
 */
export function readBody(res: IncomingMessage, maxBytes: number, keepCut = true): Promise<BodyText> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let bytes = 0;
    let settled = false;
    const settle = (outcome: () => void) => {
      if (settled) return;
      settled = true;
      outcome();
    };
    const closedMidAnswer = () =>
      settle(() => reject(Object.assign(new Error('the connection closed mid-answer'), { code: 'ECONNRESET' })));
    res.on('data', (chunk: Buffer) => {
      if (settled) return;
      const room = maxBytes - bytes;
      if (chunk.length <= room) {
        chunks.push(chunk);
        bytes += chunk.length;
        return;
      }
      chunks.push(chunk.subarray(0, room));
      const declared = Number(res.headers['content-length']);
      const unreadBytes = Number.isSafeInteger(declared) && declared > maxBytes ? declared - maxBytes : undefined;
      const raw = keepCut ? Buffer.concat(chunks) : undefined;
      chunks.length = 0;
      settle(() => resolve(bodyText(res, raw, maxBytes, true, unreadBytes)));
      res.destroy();
    });
    res.once('error', (error) => settle(() => reject(error)));
    res.once('aborted', closedMidAnswer);
    res.once('end', () => {
      if (!res.complete) return closedMidAnswer();
      settle(() => resolve(bodyText(res, Buffer.concat(chunks), maxBytes, false)));
    });
  });
}

/**
 * The text of what was read: all of it, or (`cut`, `raw` kept) the part before the limit. A content-encoded body
 * is decoded first, to at most `maxBytes`; the unread length of an encoded body says nothing of its text.
 */
function bodyText(
  res: IncomingMessage,
  raw: Buffer | undefined,
  maxBytes: number,
  cut: boolean,
  unreadBytes?: number,
): BodyText {
  const encoding = res.headers['content-encoding'];
  if (!contentCodings(encoding).length) return { text: raw?.toString('utf8') ?? '', cut, unreadBytes };
  if (!raw) return { text: '', cut };
  const decoded = decodeBody(raw, encoding, maxBytes, cut);
  if (decoded.kind === 'undecodable')
    return { text: '', cut: cut || decoded.tooLarge, undecodable: decoded.description };
  return { text: decoded.data.toString('utf8'), cut };
}

/** Vendor modules pass one of these to pull the vendor's own message out of a JSON error body. */
export type VendorMessageReader = (body: unknown) => string | undefined;

/** The first few hundred characters, on one line, saying how much more there was. */
export function excerpt(text: string, body?: Omit<BodyText, 'text'>): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  if (flat.length <= EXCERPT_CHARS && !body?.cut) return flat;
  const shown = flat.slice(0, EXCERPT_CHARS);
  if (body?.cut && body.unreadBytes === undefined) return `${shown}${moreBytes(undefined)}`;
  return `${shown}${moreBytes(Buffer.byteLength(flat.slice(EXCERPT_CHARS)) + (body?.unreadBytes ?? 0))}`;
}

/** Parses JSON, or returns undefined when the text is not JSON. */
export function tryParseJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

/**
 * The message to show for an error answer: the vendor's words when the body is a JSON error we recognise,
 * else what the body was (an HTML page, or the content type and the first few hundred characters).
 */
export function describeErrorBody(
  contentType: string | undefined,
  text: string,
  readVendorMessage: VendorMessageReader,
  body?: Omit<BodyText, 'text'>,
): string {
  if (body?.undecodable) return `${contentType ? `${contentType} ` : ''}${body.undecodable}`;
  if (!text.trim() && !body?.cut) return 'the answer had an empty body';
  if (isHtml(contentType, text)) return describeHtml(text);
  const json = body?.cut ? undefined : tryParseJson(text);
  if (json !== undefined) {
    const message = readVendorMessage(json) ?? genericMessage(json);
    if (message) return message;
  }
  return `${contentType ? `${contentType} body` : 'body'}: ${excerpt(text, body)}`;
}

/** Common shapes: {message}, {error: "..."}, {error: {message}}, {errors: [...]}. */
export function genericMessage(json: unknown): string | undefined {
  if (!isRecord(json)) return undefined;
  if (typeof json.message === 'string' && json.message) return json.message;
  if (typeof json.error === 'string' && json.error) return json.error;
  if (isRecord(json.error) && typeof json.error.message === 'string') return json.error.message;
  if (Array.isArray(json.errors) && json.errors.length) return json.errors.map((e) => scalarText(e)).join('; ');
  return undefined;
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
