/** Streaming file transfer through the one HTTP layer: downloads to disk and multipart uploads from disk. */
import { randomBytes } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import * as path from 'node:path';
import { Readable } from 'node:stream';
import { ApiError } from '../errors.js';
import { writeStreamAtomic, type WrittenFile } from '../fs/atomic.js';
import type { ApiClient, RequestSpec, StreamBody } from './client.js';

/**
 * Downloads the answer's body straight to `destination` (atomically), with its size and sha256. An empty body, or
 * one whose length disagrees with Content-Length, fails and leaves no file.
 */
export function downloadToFile(client: ApiClient, spec: RequestSpec, destination: string): Promise<WrittenFile> {
  return client.execute(spec, (res) => {
    const declared = res.headers['content-length'];
    return writeStreamAtomic(destination, res, ({ bytes }) => {
      const fail = (vendorMessage: string) =>
        new ApiError({ method: spec.method, url: client.displayUrl(spec), status: res.statusCode, vendorMessage });
      if (bytes === 0) throw fail(`the download was empty; nothing was written to ${destination}`);
      if (declared !== undefined && Number(declared) !== bytes) {
        throw fail(`the download stopped at ${bytes} of ${declared} bytes; nothing was written to ${destination}`);
      }
    });
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
