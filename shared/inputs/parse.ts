/** The text formats the input reader accepts: lists, durations, sizes and base URLs. Pure functions of text. */

const DURATION_UNITS_MS: Record<string, number> = { ms: 1, s: 1000, m: 60_000, h: 3_600_000 };

/** `a, b and c` (or `a, b or c`). */
export function listOf(names: readonly string[], conjunction: 'and' | 'or'): string {
  return names.length > 1
    ? `${names.slice(0, -1).join(', ')} ${conjunction} ${names[names.length - 1]}`
    : names.join('');
}

export function splitList(value: string): string[] {
  return value
    .split(/[\n,]/)
    .map((item) => item.trim())
    .filter((item) => item !== '');
}

export function parseDuration(text: string): number | undefined {
  const value = text.trim();
  if (/^\d+(\.\d+)?$/.test(value)) return Math.round(Number(value) * 1000);
  const pattern = /(\d+(?:\.\d+)?)(ms|h|m|s)/gy;
  let total = 0;
  let consumed = 0;
  for (let match = pattern.exec(value); match; match = pattern.exec(value)) {
    total += Number(match[1]) * DURATION_UNITS_MS[match[2]];
    consumed = pattern.lastIndex;
  }
  return consumed === value.length && consumed > 0 ? Math.round(total) : undefined;
}

const SIZE_UNITS: Record<string, number> = { '': 1, b: 1, kb: 1024, mb: 1024 * 1024, gb: 1024 * 1024 * 1024 };

export function parseSize(text: string): number | undefined {
  const match = /^(\d+(?:\.\d+)?)\s*([kmg]?b)?$/i.exec(text.trim());
  if (!match) return undefined;
  return Math.round(Number(match[1]) * SIZE_UNITS[(match[2] ?? '').toLowerCase()]);
}

/** An http(s) base URL without a trailing slash, or undefined when the text is not one (see InputReader.url). */
export function parseBaseUrl(text: string): string | undefined {
  const withScheme = /^[a-z][a-z0-9+.-]*:\/\//i.test(text) ? text : `https://${text}`;
  let url: URL;
  try {
    url = new URL(withScheme);
  } catch {
    return undefined;
  }
  if (!['http:', 'https:'].includes(url.protocol) || url.username || url.password || url.search || url.hash) {
    return undefined;
  }
  return `${url.origin}${url.pathname}`.replace(/\/+$/, '');
}

/**
 * The port written in a URL (with or without a scheme) when it is not one from 1 to 65535. `new URL` takes port 0
 * (nothing listens there) and refuses ports over 65535 only as an invalid URL, which would not say why.
 */
export function invalidPortOf(text: string): string | undefined {
  const authority = /^(?:[a-z][a-z0-9+.-]*:\/\/)?([^/?#]*)/i.exec(text.trim())?.[1] ?? '';
  const port = /:(\d+)$/.exec(authority.slice(authority.lastIndexOf('@') + 1))?.[1];
  return port !== undefined && (Number(port) < 1 || Number(port) > 65535) ? port : undefined;
}

/** The `user:password` part of a URL (with or without a scheme), or undefined when it has none. */
export function userinfoOf(text: string): string | undefined {
  return USERINFO.exec(text.trim())?.[2] || undefined;
}

/** `https://admin:secret@host/x` → `https://***@host/x`. */
export function withoutUserinfo(text: string): string {
  return text.trim().replace(USERINFO, '$1***@');
}

/** Scheme (optional), then userinfo up to the last `@` before the path, query or fragment. */
const USERINFO = /^((?:[a-z][a-z0-9+.-]*:)?\/\/|)([^/?#]*)@/i;

export function decodeURIComponentSafe(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

export function isLoopback(hostname: string): boolean {
  return hostname === 'localhost' || hostname.startsWith('127.') || hostname === '[::1]';
}
