/** Streaming file transfer through the one HTTP layer: downloads to disk and multipart uploads from disk. */
import { randomBytes } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import * as path from 'node:path';
import { Readable } from 'node:stream';
import { ApiError } from '../errors.js';
import { writeStreamAtomic, type WrittenFile } from '../fs/atomic.js';
import type { ApiClient } from './client.js';
import type { RequestSpec, StreamBody } from './request.js';
import { contentCodings } from './encoding.js';

/** Checks the first bytes of a download; returns what is wrong with them (e.g. "it is an HTML page"), if anything. */
export interface DownloadHeadCheck {
  bytes: number;
  problem: (head: Buffer, contentType: string | undefined) => string | undefined;
  /** What to do about a download that fails the check. */
  hint?: string;
}

/**
 * Downloads the answer's body straight to `destination` (atomically), with its size and sha256. An empty body, one
 * whose length disagrees with Content-Length, or one whose first bytes fail `head`, fails and leaves no file.
 */
export function downloadToFile(
  client: ApiClient,
  spec: RequestSpec,
  destination: string,
  head?: DownloadHeadCheck,
): Promise<WrittenFile> {
  return client.execute(spec, (res) => {
    const declared = res.headers['content-length'];
    const fail = (vendorMessage: string, hint?: string) =>
      new ApiError({ method: spec.method, url: client.displayUrl(spec), status: res.statusCode, vendorMessage, hint });
    const contentType = res.headers['content-type'];
    // Requests ask for no coding; a compressed file would be written as its compressed bytes.
    const codings = contentCodings(res.headers['content-encoding']);
    if (codings.length) {
      res.resume();
      throw fail(
        `the download is ${codings.join(', ')}-encoded, which was not asked for; nothing was written to ${destination}`,
        'A proxy between the runner and the server may compress answers: let it pass them unchanged',
      );
    }
    return writeStreamAtomic(
      destination,
      res,
      ({ bytes }) => {
        if (bytes === 0) throw fail(`the download was empty; nothing was written to ${destination}`);
        if (declared !== undefined && Number(declared) !== bytes) {
          throw fail(`the download stopped at ${bytes} of ${declared} bytes; nothing was written to ${destination}`);
        }
      },
      head && {
        bytes: head.bytes,
        check: (first) => {
          const problem = head.problem(first, contentType);
          if (problem) throw fail(`the download ${problem}; nothing was written to ${destination}`, head.hint);
        },
      },
    );
  });
}

export interface MultipartFile {
  /** The form field's name, e.g. `files[]`. */
  field: string;
  filePath: string;
  /** The file name the server sees; default the file's base name. */
  fileName?: string;
  contentType?: string;
}

/**
 * A multipart/form-data body that streams the file from disk (never held in memory), with an exact
 * Content-Length so servers that refuse chunked uploads take it.
 */
export async function multipartFileBody(file: MultipartFile): Promise<StreamBody> {
  const { size } = await stat(file.filePath);
  const boundary = `----config-promotion-${randomBytes(12).toString('hex')}`;
  const fileName = (file.fileName ?? path.basename(file.filePath)).replace(/["\r\n]/g, '_');
  const head = Buffer.from(
    `--${boundary}\r\n` +
      `Content-Disposition: form-data; name="${file.field}"; filename="${fileName}"\r\n` +
      `Content-Type: ${file.contentType ?? 'application/octet-stream'}\r\n\r\n`,
  );
  const tail = Buffer.from(`\r\n--${boundary}--\r\n`);
  return {
    contentType: `multipart/form-data; boundary=${boundary}`,
    length: head.length + size + tail.length,
    open: () =>
      Readable.from(
        (async function* () {
          yield head;
          yield* createReadStream(file.filePath);
          yield tail;
        })(),
      ),
  };
}

/** A body already in memory, sent exactly as it is (never re-serialised). */
export function bufferBody(data: Buffer, contentType: string): StreamBody {
  return { contentType, length: data.length, open: () => Readable.from([data]) };
}
