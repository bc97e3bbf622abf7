/**
 * A small streaming `multipart/form-data` parser (RFC 7578) for the SMAX file repository simulator: part bodies go
 * to sinks chunk by chunk, so a 1 GiB file part is never held in memory. Backpressure: the parser awaits each
 * sink write before it reads the next chunk of the request.
 */

export class MultipartError extends Error {}

export interface MultipartPart {
  /** `name` of the Content-Disposition header (empty if missing). */
  name: string;
  filename?: string;
  /** The part's Content-Type; default `text/plain` for fields and `application/octet-stream` for files. */
  contentType: string;
  /** Header names in lower case. */
  headers: Record<string, string>;
}

export interface PartSink {
  write(chunk: Buffer): void | Promise<void>;
  end(): void | Promise<void>;
  /** Called instead of end() when the body turns out malformed or the request breaks. */
  abort?(): void | Promise<void>;
}

const CRLF = Buffer.from('\r\n');
const HEADER_END = Buffer.from('\r\n\r\n');
const MAX_HEADER_BYTES = 16 * 1024;

/** The boundary of a `multipart/form-data` Content-Type, or undefined for any other type. */
export function boundaryOf(contentType: string | undefined): string | undefined {
  if (!contentType || !/^\s*multipart\/form-data\s*(;|$)/i.test(contentType)) return undefined;
  const match = /;\s*boundary\s*=\s*(?:"([^"]+)"|([^;\s]+))/i.exec(contentType);
  const boundary = match?.[1] ?? match?.[2];
  return boundary && boundary.length <= 70 ? boundary : undefined;
}

/** Parses the body; `onPart` picks the sink of each part. Throws MultipartError on a malformed body. */
export async function parseMultipart(
  source: AsyncIterable<Buffer>,
  boundary: string,
  onPart: (part: MultipartPart) => PartSink | Promise<PartSink>,
): Promise<void> {
  const delimiter = Buffer.from(`\r\n--${boundary}`);
  const keep = delimiter.length - 1;
  // The leading CRLF lets the first boundary (which has none) match the delimiter like the others.
  let buf: Buffer = CRLF;
  // (asserted: the closure below changes it, which control-flow narrowing would not see)
  let state = 'preamble' as 'preamble' | 'boundary' | 'headers' | 'body' | 'done';
  let sink: PartSink | undefined;

  /** Consumes what `buf` allows; returns when more input is needed. */
  const advance = async (): Promise<void> => {
    for (;;) {
      if (state === 'done') return;
      if (state === 'preamble' || state === 'body') {
        const index = buf.indexOf(delimiter);
        if (index < 0) {
          if (state === 'body' && buf.length > keep) await sink?.write(buf.subarray(0, buf.length - keep));
          if (buf.length > keep) buf = buf.subarray(buf.length - keep);
          return;
        }
        if (state === 'body') {
          if (index > 0) await sink?.write(buf.subarray(0, index));
          const finished = sink;
          sink = undefined;
          await finished?.end();
        }
        buf = buf.subarray(index + delimiter.length);
        state = 'boundary';
      } else if (state === 'boundary') {
        if (buf.length < 2) return;
        if (buf[0] === 0x2d && buf[1] === 0x2d) {
          state = 'done';
          return;
        }
        const eol = buf.indexOf(CRLF);
        if (eol < 0) {
          if (buf.length > 256) throw new MultipartError('Boundary line is not terminated');
          return;
        }
        if (!/^[ \t]*$/.test(buf.subarray(0, eol).toString('latin1'))) {
          throw new MultipartError('Unexpected characters after a boundary');
        }
        buf = buf.subarray(eol + 2);
        state = 'headers';
      } else {
        let headerText: string;
        if (buf.length >= 2 && buf[0] === 0x0d && buf[1] === 0x0a) {
          headerText = '';
          buf = buf.subarray(2);
        } else {
          const end = buf.indexOf(HEADER_END);
          if (end < 0) {
            if (buf.length > MAX_HEADER_BYTES) throw new MultipartError('Part headers are too long');
            return;
          }
          headerText = buf.subarray(0, end).toString('utf8');
          buf = buf.subarray(end + HEADER_END.length);
        }
        sink = await onPart(parsePartHeaders(headerText));
        state = 'body';
      }
    }
  };

  try {
    for await (const chunk of source) {
      if (state === 'done') continue; // the epilogue is ignored
      buf = buf.length > 0 ? Buffer.concat([buf, chunk]) : chunk;
      await advance();
    }
    if (state !== 'done') throw new MultipartError('The body ended before the closing boundary');
  } catch (err) {
    await sink?.abort?.();
    throw err;
  }
}

function parsePartHeaders(text: string): MultipartPart {
  const headers: Record<string, string> = {};
  for (const line of text.split('\r\n')) {
    if (line === '') continue;
    const colon = line.indexOf(':');
    if (colon <= 0) throw new MultipartError(`Malformed part header '${line}'`);
    headers[line.slice(0, colon).trim().toLowerCase()] = line.slice(colon + 1).trim();
  }
  const disposition = headers['content-disposition'] ?? '';
  if (!/^\s*form-data\s*(;|$)/i.test(disposition)) {
    throw new MultipartError('Each part needs a Content-Disposition: form-data header');
  }
  const params = dispositionParams(disposition);
  const filename = params['filename*'] ?? params.filename;
  return {
    name: params.name ?? '',
    filename,
    contentType: headers['content-type'] ?? (filename === undefined ? 'text/plain' : 'application/octet-stream'),
    headers,
  };
}

function dispositionParams(disposition: string): Record<string, string> {
  const params: Record<string, string> = {};
  const pattern = /;\s*([^=;\s]+)\s*=\s*(?:"((?:[^"\\]|\\.)*)"|([^;]*))/g;
  for (const match of disposition.matchAll(pattern)) {
    const key = match[1].toLowerCase();
    const quoted = match[2];
    let value = quoted !== undefined ? quoted.replace(/\\(.)/g, '$1') : match[3].trim();
    if (key.endsWith('*')) {
      const extended = /^[^']*'[^']*'(.*)$/.exec(value); // RFC 5987: charset'language'percent-encoded
      value = safeDecode(extended ? extended[1] : value);
    }
    params[key] = value;
  }
  return params;
}

function safeDecode(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}
