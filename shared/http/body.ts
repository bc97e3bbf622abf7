/** Turning an answer's body into words for an error message, whatever the server sent. */
import { scalarText } from '../json.js';

const EXCERPT_CHARS = 300;

/** Vendor modules pass one of these to pull the vendor's own message out of a JSON error body. */
export type VendorMessageReader = (body: unknown) => string | undefined;

export function isHtml(contentType: string | undefined, text: string): boolean {
  if (contentType?.toLowerCase().includes('text/html')) return true;
  return /^\s*(<!doctype html|<html)/i.test(text);
}

export function htmlTitle(text: string): string | undefined {
  const match = /<title[^>]*>([\s\S]*?)<\/title>/i.exec(text);
  return match ? match[1].replace(/\s+/g, ' ').trim() || undefined : undefined;
}

/** "an HTML page titled 'Sign in' (a login page or a proxy's error page, not the API)". */
export function describeHtml(text: string): string {
  const title = htmlTitle(text);
  return `an HTML page${title ? ` titled '${title}'` : ' with no title'} instead of JSON (a single sign-on login page or a proxy's error page answered, not the API)`;
}

export function excerpt(text: string): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > EXCERPT_CHARS ? `${flat.slice(0, EXCERPT_CHARS)}…` : flat;
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
): string {
  if (!text.trim()) return 'the answer had an empty body';
  if (isHtml(contentType, text)) return describeHtml(text);
  const json = tryParseJson(text);
  if (json !== undefined) {
    const message = readVendorMessage(json) ?? genericMessage(json);
    if (message) return message;
  }
  return `${contentType ? `${contentType} body` : 'body'}: ${excerpt(text)}`;
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
