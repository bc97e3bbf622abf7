/**
 * Files are written atomically: into a temporary file beside the target, then renamed over it, so a reader never
 * sees half a file and a failure leaves the old file (or none) rather than a fragment.
 */
import { createHash, randomBytes } from 'node:crypto';
import { createWriteStream } from 'node:fs';
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

/** Streams into the file, counting bytes and hashing on the way; the partial file is removed on failure. */
export async function writeStreamAtomic(destination: string, source: Readable): Promise<WrittenFile> {
  const target = path.resolve(destination);
  await mkdir(path.dirname(target), { recursive: true });
  const temporary = path.join(
    path.dirname(target),
    `.${path.basename(target)}.${randomBytes(6).toString('hex')}.partial`,
  );
  const hash = createHash('sha256');
  let bytes = 0;
  const measure = new Transform({
    transform(chunk: Buffer, _encoding, callback) {
      hash.update(chunk);
      bytes += chunk.length;
      callback(null, chunk);
    },
  });
  try {
    await pipeline(source, measure, createWriteStream(temporary, { flags: 'wx' }));
    await rename(temporary, target);
  } catch (error) {
    await rm(temporary, { force: true });
    throw error;
  }
  return { path: target, bytes, sha256: hash.digest('hex') };
}
