/**
 * Content-Encoding of an answer's body. Requests ask for `identity`, but a server or proxy may compress anyway;
 * such a body is decoded before it is read, within the same bound as the raw body (a few KB of gzip can inflate
 * to gigabytes), and described, never quoted as binary bytes, when it cannot be.
 */
import * as zlib from 'node:zlib';

/** What requests send: no content coding, so a body arrives as the server has it. */
export const ACCEPT_ENCODING = 'identity';

export type DecodedBody =
  | { kind: 'decoded'; data: Buffer; cut: boolean }
  /** The body cannot be shown: `description` says what it is ("gzip-encoded body of 120 bytes ..."). */
  | { kind: 'undecodable'; description: string; tooLarge: boolean };

type Decoder = (data: Buffer, options: zlib.ZlibOptions & zlib.BrotliOptions) => Buffer;

const DECODERS: Record<string, Decoder> = {
  gzip: zlib.gunzipSync,
  'x-gzip': zlib.gunzipSync,
  // "deflate" is zlib-wrapped by the standard, raw by some servers.
  deflate: (data, options) => {
    try {
      return zlib.inflateSync(data, options);
    } catch (error) {
      if ((error as { code?: string }).code === 'ERR_BUFFER_TOO_LARGE') throw error;
      return zlib.inflateRawSync(data, options);
    }
  },
  br: zlib.brotliDecompressSync,
};

/** The codings of a Content-Encoding header, in the order they were applied (`identity` left out). */
export function contentCodings(header: string | string[] | undefined): string[] {
  const text = Array.isArray(header) ? header.join(',') : (header ?? '');
  return text
    .split(',')
    .map((coding) => coding.trim().toLowerCase())
    .filter((coding) => coding !== '' && coding !== 'identity');
}

/**
 * The body with its codings undone, at most `maxBytes` of it. A body `cut` short (its reading stopped at the
 * limit) is decoded as far as it goes.
 */
export function decodeBody(
  raw: Buffer,
  header: string | string[] | undefined,
  maxBytes: number,
  cut: boolean,
): DecodedBody {
  const codings = contentCodings(header);
  let data = raw;
  const what = `${codings.join(', ')}-encoded body of ${raw.length} bytes`;
  for (const coding of [...codings].reverse()) {
    const decoder = DECODERS[coding];
    if (!decoder)
      return { kind: 'undecodable', description: `${what} (a coding this action cannot decode)`, tooLarge: false };
    try {
      data = decoder(data, {
        maxOutputLength: maxBytes,
        // A cut body ends mid-stream: decode what there is instead of failing on the missing end.
        ...(cut
          ? { finishFlush: coding === 'br' ? zlib.constants.BROTLI_OPERATION_FLUSH : zlib.constants.Z_SYNC_FLUSH }
          : {}),
      });
    } catch (error) {
      if ((error as { code?: string }).code === 'ERR_BUFFER_TOO_LARGE') {
        return {
          kind: 'undecodable',
          description: `${what}, over ${maxBytes.toLocaleString('en-US')} bytes once decoded`,
          tooLarge: true,
        };
      }
      return {
        kind: 'undecodable',
        description: `${what} that could not be decoded (${(error as Error).message})`,
        tooLarge: false,
      };
    }
  }
  return { kind: 'decoded', data, cut };
}
