/**
 * File repository half of the SMAX simulator (one repository per tenant), registered by SmaxSandbox:
 *   GET  /rest/{tenant}/ces/attachment/{file_id}   the file's bytes, streamed from disk
 *   POST /rest/{tenant}/ces/attachment             multipart/form-data, file in part `files[]`, streamed to disk
 * plus the generation of export packages. Files live in `storageDir`; nothing is held whole in memory.
 */
import { randomBytes, randomUUID } from 'node:crypto';
import { once } from 'node:events';
import { createReadStream, createWriteStream } from 'node:fs';
import { open, rm } from 'node:fs/promises';
import type * as http from 'node:http';
import * as path from 'node:path';
import { finished, pipeline } from 'node:stream/promises';
import { MultipartError, boundaryOf, parseMultipart, type MultipartPart, type PartSink } from './smax-multipart.js';
import type { SandboxRequest, SandboxResponse } from './server.js';

/** Name of the multipart part that carries the file. */
export const FILE_PART = 'files[]';
/** Marker line written near the start of generated packages: `SANDBOX-PACKAGE:<package_id>\n`. */
export const PACKAGE_MARKER = 'SANDBOX-PACKAGE:';
/** Answer of an upload made to fail with failNextUpload(). */
export const UPLOAD_FAILURE_MESSAGE = 'Attachment could not be stored';

const CHUNK_BYTES = 1024 * 1024;
let filler: Buffer | undefined;

export interface SmaxFile {
  tenant: string;
  /** The file's id in the repository (`FileId` of exports, `guid` of uploads). */
  id: string;
  path: string;
  name: string;
  contentType: string;
  bytes: number;
  origin: 'export' | 'upload';
  /** Settles once the file is completely on disk. */
  ready: Promise<void>;
}

export interface SmaxUpload {
  tenant: string;
  /** The stored file's id (undefined when nothing was stored). */
  guid?: string;
  name?: string;
  contentType?: string;
  /** Bytes of the `files[]` part received (0 without one). */
  bytes: number;
  userAgent?: string;
  /** Names of all parts, in order. */
  parts: string[];
  /** What the sandbox answered. */
  answer: 'guid' | 'Id' | 'failure' | 'bad-request';
  at: number;
}

export interface SmaxDownload {
  tenant: string;
  fileId: string;
  /** The Content-Length sent. */
  declaredBytes: number;
  /** Bytes actually written before the answer ended or the socket closed. */
  sentBytes: number;
  outcome: 'complete' | 'truncated' | 'empty';
  userAgent?: string;
  at: number;
}

/** Writes a generated package: a zip-like header, the marker line, then filler, in 1 MiB chunks. */
export async function writePackage(file: string, packageId: string, bytes: number): Promise<number> {
  filler ??= randomBytes(CHUNK_BYTES);
  const header = Buffer.concat([
    Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x14, 0x00, 0x08, 0x00]),
    Buffer.from(`\n${PACKAGE_MARKER}${packageId}\n`),
  ]);
  const total = Math.max(bytes, header.length);
  const handle = await open(file, 'w');
  try {
    await handle.write(header);
    let written = header.length;
    while (written < total) {
      const size = Math.min(CHUNK_BYTES, total - written);
      await handle.write(filler, 0, size);
      written += size;
    }
  } finally {
    await handle.close();
  }
  return total;
}

/** The package id of a file's marker line (searched in its first 4 KiB), or undefined. */
export async function readPackageMarker(file: string): Promise<string | undefined> {
  const handle = await open(file, 'r');
  try {
    const head = Buffer.alloc(4096);
    const { bytesRead } = await handle.read(head, 0, head.length, 0);
    const match = new RegExp(`${PACKAGE_MARKER}([^\\n]{1,64})\\n`).exec(head.subarray(0, bytesRead).toString('latin1'));
    return match?.[1];
  } finally {
    await handle.close();
  }
}

export interface SmaxFileHost {
  readonly storageDir: string;
  now(): number;
  /** Keeps close() waiting for background work. */
  track<T>(work: Promise<T>): Promise<T>;
}

export class SmaxFileRepository {
  readonly files = new Map<string, SmaxFile>();
  readonly uploads: SmaxUpload[] = [];
  readonly downloads: SmaxDownload[] = [];
  /** Pending one-shot faults, consumed in order by the next downloads / uploads (of any tenant). */
  pendingDownloadFaults: Array<'truncate' | 'empty'> = [];
  pendingUploadFaults: Array<'fail' | 'omit-guid'> = [];

  constructor(private readonly host: SmaxFileHost) {}

  get(tenant: string, id: string): SmaxFile | undefined {
    return this.files.get(key(tenant, id));
  }

  add(file: SmaxFile): void {
    this.files.set(key(file.tenant, file.id), file);
  }

  /** Registers the package file of an export; the file is written in the background. */
  addPackage(tenant: string, packageId: string, bytes: number, name: string): SmaxFile {
    const id = randomUUID();
    const file: SmaxFile = {
      tenant,
      id,
      path: path.join(this.host.storageDir, `export-${id}.zip`),
      name,
      contentType: 'application/octet-stream',
      bytes,
      origin: 'export',
      ready: Promise.resolve(),
    };
    file.ready = this.host.track(writePackage(file.path, packageId, bytes)).then((total) => {
      file.bytes = total;
    });
    file.ready.catch(() => undefined); // awaited (and reported) by whoever needs the file
    this.add(file);
    return file;
  }

  download(req: SandboxRequest): SandboxResponse {
    const { tenant, id } = req.params;
    const file = this.get(tenant, id);
    if (!file) return { status: 404, json: { code: 404, message: `Attachment '${id}' was not found` } };
    const fault = this.pendingDownloadFaults.shift();
    const record: SmaxDownload = {
      tenant,
      fileId: id,
      declaredBytes: 0,
      sentBytes: 0,
      outcome: fault === 'truncate' ? 'truncated' : fault === 'empty' ? 'empty' : 'complete',
      userAgent: req.headers['user-agent'],
      at: this.host.now(),
    };
    this.downloads.push(record);
    return { write: (res) => this.sendFile(file, record, res) };
  }

  private async sendFile(file: SmaxFile, record: SmaxDownload, res: http.ServerResponse): Promise<void> {
    await file.ready;
    record.declaredBytes = record.outcome === 'empty' ? 0 : file.bytes;
    res.writeHead(200, {
      'content-type': 'application/octet-stream',
      'content-length': String(record.declaredBytes),
      'content-disposition': `attachment; filename="${file.name.replace(/["\\\r\n]/g, '_')}"`,
    });
    if (record.outcome === 'empty' || file.bytes === 0) {
      res.end();
      return;
    }
    const limit = record.outcome === 'truncated' ? Math.floor(file.bytes / 2) : file.bytes;
    if (limit === 0) {
      res.socket?.end();
      return;
    }
    const source = createReadStream(file.path, { start: 0, end: Math.max(0, limit - 1) });
    source.on('data', (chunk) => (record.sentBytes += chunk.length));
    if (record.outcome === 'complete') {
      await pipeline(source, res);
      return;
    }
    for await (const chunk of source) {
      if (!res.write(chunk)) await once(res, 'drain');
    }
    res.socket?.end(); // flushes what was written, then closes short of the Content-Length
  }

  async upload(req: SandboxRequest): Promise<SandboxResponse> {
    const tenant = req.params.tenant;
    const record: SmaxUpload = {
      tenant,
      bytes: 0,
      userAgent: req.headers['user-agent'],
      parts: [],
      answer: 'bad-request',
      at: this.host.now(),
    };
    this.uploads.push(record);
    const stream = req.stream;
    if (!stream) throw new Error('The upload route must be registered with streamBody');
    const boundary = boundaryOf(req.headers['content-type']);
    if (!boundary) {
      await drain(stream);
      return badRequest('The request must be multipart/form-data with a boundary');
    }
    let file: SmaxFile | undefined;
    try {
      await parseMultipart(stream, boundary, (part) => {
        record.parts.push(part.name);
        if (part.name !== FILE_PART || file) return discardSink();
        file = this.fileOfPart(tenant, part);
        record.name = file.name;
        record.contentType = file.contentType;
        return fileSink(file.path, (n) => (record.bytes += n));
      });
    } catch (err) {
      if (!(err instanceof MultipartError)) throw err;
      await drain(stream);
      return badRequest(`Malformed multipart body: ${err.message}`);
    }
    if (!file) return badRequest(`No file was found in the '${FILE_PART}' part of the request`);
    file.bytes = record.bytes;
    const fault = this.pendingUploadFaults.shift();
    if (fault === 'fail') {
      await rm(file.path, { force: true });
      record.answer = 'failure';
      return { json: { success: false, message: UPLOAD_FAILURE_MESSAGE } };
    }
    this.add(file);
    record.guid = file.id;
    if (fault === 'omit-guid') {
      record.answer = 'Id';
      return { json: { Id: file.id } };
    }
    record.answer = 'guid';
    return {
      json: { guid: file.id, name: file.name, contentLength: file.bytes, contentType: file.contentType, success: true },
    };
  }

  private fileOfPart(tenant: string, part: MultipartPart): SmaxFile {
    const id = randomUUID();
    return {
      tenant,
      id,
      path: path.join(this.host.storageDir, `upload-${id}`),
      name: part.filename ?? 'blob',
      contentType: part.contentType,
      bytes: 0,
      origin: 'upload',
      ready: Promise.resolve(),
    };
  }
}

function key(tenant: string, id: string): string {
  return `${tenant}\n${id.toLowerCase()}`;
}

function badRequest(message: string): SandboxResponse {
  return { status: 400, json: { success: false, message } };
}

function discardSink(): PartSink {
  return { write: () => undefined, end: () => undefined };
}

/** Streams a part to `file`, honouring the write stream's backpressure. */
function fileSink(file: string, count: (bytes: number) => void): PartSink {
  const out = createWriteStream(file);
  const failed = new Promise<never>((_, reject) => out.once('error', reject));
  failed.catch(() => undefined);
  return {
    async write(chunk) {
      count(chunk.length);
      if (!out.write(chunk)) await Promise.race([once(out, 'drain'), failed]);
    },
    async end() {
      out.end();
      await finished(out);
    },
    async abort() {
      out.destroy();
      await rm(file, { force: true });
    },
  };
}

async function drain(stream: http.IncomingMessage): Promise<void> {
  if (stream.readableEnded || stream.destroyed) return;
  stream.resume();
  await finished(stream).catch(() => undefined);
}
