/**
 * Files are written atomically: into a temporary file beside the target, then renamed over it, so a reader never
 * sees half a file and a failure leaves the old file (or none) rather than a fragment.
 */
import { createHash, randomBytes } from 'node:crypto';
import { createReadStream, createWriteStream } from 'node:fs';
import { mkdir, rename, rm } from 'node:fs/promises';
import * as path from 'node:path';
import { Readable, Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';

export interface WrittenFile {
  /** Absolute path. */
  path: string;
  bytes: number;
  /** Lowercase hex. */
  sha256: string;
}

export async function writeFileAtomic(destination: string, data: string | Buffer): Promise<WrittenFile> {
  return writeStreamAtomic(destination, Readable.from([Buffer.from(data)]));
}

/** A look at the first bytes of a stream as soon as they arrive (or at its end, when it is shorter). */
export interface HeadCheck {
  bytes: number;
  /** Throws to stop the write: the rest is not read and no file is left. Not called for an empty stream. */
  check: (head: Buffer) => void;
}

/**
 * Streams into the file, counting bytes and hashing on the way; the partial file is removed on failure.
 * `verify` may reject what arrived (a short body, say) before the file takes its place; `head` may reject it from
 * its first bytes (not the kind of file expected) without reading the rest.
 */
export async function writeStreamAtomic(
  destination: string,
  source: Readable,
  verify?: (written: Omit<WrittenFile, 'path'>) => void,
  head?: HeadCheck,
): Promise<WrittenFile> {
  const target = path.resolve(destination);
  await mkdir(path.dirname(target), { recursive: true });
  const temporary = path.join(
    path.dirname(target),
    `.${path.basename(target)}.${randomBytes(6).toString('hex')}.partial`,
  );
  const hash = createHash('sha256');
  let bytes = 0;
  let firstBytes: Buffer[] | undefined = head ? [] : undefined;
  /** Runs the head check once; true when it threw (the error went to `callback`). */
  const checkHead = (callback: (error?: Error | null) => void, atEnd: boolean): boolean => {
    if (!head || !firstBytes || (!atEnd && bytes < head.bytes) || bytes === 0) return false;
    const seen = Buffer.concat(firstBytes).subarray(0, head.bytes);
    firstBytes = undefined;
    try {
      head.check(seen);
      return false;
    } catch (error) {
      callback(error as Error);
      return true;
    }
  };
  const measure = new Transform({
    transform(chunk: Buffer, _encoding, callback) {
      hash.update(chunk);
      bytes += chunk.length;
      firstBytes?.push(chunk);
      if (!checkHead(callback, false)) callback(null, chunk);
    },
    flush(callback) {
      if (!checkHead(callback, true)) callback();
    },
  });
  let sha256: string;
  try {
    await pipeline(source, measure, createWriteStream(temporary, { flags: 'wx' }));
    sha256 = hash.digest('hex');
    verify?.({ bytes, sha256 });
    await rename(temporary, target);
  } catch (error) {
    await rm(temporary, { force: true });
    throw error;
  }
  return { path: target, bytes, sha256 };
}

/** Size and sha256 of a file on disk, read as a stream. */
export async function fileDigest(file: string): Promise<WrittenFile> {
  const hash = createHash('sha256');
  let bytes = 0;
  for await (const chunk of createReadStream(file) as AsyncIterable<Buffer>) {
    hash.update(chunk);
    bytes += chunk.length;
  }
  return { path: path.resolve(file), bytes, sha256: hash.digest('hex') };
}
