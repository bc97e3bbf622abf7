/**
 * Files are written atomically: into a temporary file beside the target, then renamed over it, so a reader never
 * sees half a file and a failure leaves the old file (or none) rather than a fragment. A device or FIFO the user
 * named is written in place instead, and what cannot be written is an error naming the file and the cause
 * (output-file.ts decides which).
 */
import { createHash, randomBytes } from 'node:crypto';
import { once } from 'node:events';
import { constants, createReadStream, createWriteStream, type WriteStream } from 'node:fs';
import { mkdir, open, rename, rm, type FileHandle } from 'node:fs/promises';
import * as path from 'node:path';
import { Readable, Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { setTimeout as sleep } from 'node:timers/promises';
import { FileWriteError } from '../errors.js';
import { cutUtf8, FILE_NAME_MAX_BYTES } from './file-name.js';
import { fileWriteError, inspectOutputFile } from './output-file.js';

/** How long a write into a FIFO waits for a reader at its other end before it fails. */
const FIFO_READER_WAIT_MS = 10_000;
/** `.<name>.<12 hex>.partial`: what the temporary name adds to the target's, kept within one file name's bytes. */
const TEMPORARY_NAME_EXTRA_BYTES = '.'.length + '.'.length + 12 + '.partial'.length;

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
  const found = inspectOutputFile(target);
  if ('problem' in found) throw new FileWriteError(`Could not write ${target}: ${found.problem}`);
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
  // Errors of the file system are the file's (named, with their cause); the source's and the checks' pass as they are.
  const intoFile = async (stream: () => Promise<WriteStream>) => {
    let sink: WriteStream;
    try {
      sink = await stream();
    } catch (error) {
      throw fileWriteError(target, error);
    }
    // pipeline hands the first error to every stream, so note which one it started from.
    const upstream = new Set<unknown>();
    for (const stream of [source, measure]) stream.once('error', (error) => upstream.add(error));
    await pipeline(source, measure, sink).catch(async (error: unknown) => {
      // A file still being opened when the source fails is created after pipeline gives up: wait until it is
      // closed, so the caller's clean-up finds (and removes) it instead of racing it.
      if (!sink.closed) await once(sink, 'close').catch(() => undefined);
      throw upstream.has(error) ? error : fileWriteError(target, error);
    });
    const sha256 = hash.digest('hex');
    verify?.({ bytes, sha256 });
    return sha256;
  };

  if (found.how === 'in-place') {
    // Nothing is atomic about a device or pipe: its reader sees the bytes as they come.
    const sha256 = await intoFile(async () => (await openInPlace(found.real, found.fifo)).createWriteStream());
    return { path: target, bytes, sha256 };
  }
  const temporary = path.join(
    path.dirname(target),
    `.${cutUtf8(path.basename(target), FILE_NAME_MAX_BYTES - TEMPORARY_NAME_EXTRA_BYTES)}.${randomBytes(6).toString('hex')}.partial`,
  );
  let sha256: string;
  try {
    sha256 = await intoFile(async () => {
      await mkdir(path.dirname(target), { recursive: true });
      return createWriteStream(temporary, { flags: 'wx' });
    });
    await rename(temporary, target).catch((error: unknown) => {
      throw fileWriteError(target, error);
    });
  } catch (error) {
    await rm(temporary, { force: true });
    throw error;
  }
  return { path: target, bytes, sha256 };
}

/**
 * Opens a device, or a FIFO once a reader holds its other end: a plain open would block a thread until one came,
 * beyond the run's timeout. The probe stays open until the real handle is, so the reader never sees an early end.
 */
async function openInPlace(file: string, fifo: boolean): Promise<FileHandle> {
  if (!fifo) return open(file, 'w');
  const started = Date.now();
  for (;;) {
    try {
      const probe = await open(file, constants.O_WRONLY | constants.O_NONBLOCK);
      try {
        return await open(file, 'w');
      } finally {
        await probe.close();
      }
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENXIO' || Date.now() - started > FIFO_READER_WAIT_MS) throw error;
      await sleep(50);
    }
  }
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
