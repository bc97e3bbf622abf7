/**
 * Writing output files: a regular file is replaced atomically; a device or FIFO the user named is written in place
 * (never replaced by a regular file); a folder, socket, full disk or overlong name is an error naming the file.
 */
import { execFileSync, spawn } from 'node:child_process';
import {
  lstatSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { createServer, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from '@jest/globals';
import { FileWriteError } from '../../../shared/errors.js';
import { writeFileAtomic } from '../../../shared/fs/atomic.js';
import { outputFileProblem } from '../../../shared/fs/output-file.js';

let folder: string;
const savedEnv = { ...process.env };
beforeEach(() => {
  folder = mkdtempSync(path.join(tmpdir(), 'fs-atomic-'));
});
afterEach(() => {
  process.env = { ...savedEnv };
  rmSync(folder, { recursive: true, force: true });
});

/** A character device like /dev/null (1,3) or /dev/full (1,7) in the test's folder, when this user may make one. */
function device(name: string, minor: number): string | undefined {
  const file = path.join(folder, name);
  try {
    execFileSync('mknod', [file, 'c', '1', String(minor)], { stdio: 'ignore' });
    return file;
  } catch {
    // Not root: the real one, which an old write could not have replaced either (no write access to /dev).
    return process.getuid?.() === 0 ? undefined : `/dev/${name}`;
  }
}

async function rejection(promise: Promise<unknown>): Promise<Error> {
  try {
    await promise;
  } catch (error) {
    return error as Error;
  }
  throw new Error('expected a rejection');
}

describe('writeFileAtomic into what is already there', () => {
  it('writes into a FIFO in place, for the reader at its other end, and leaves the FIFO', async () => {
    const fifo = path.join(folder, 'results.fifo');
    execFileSync('mkfifo', [fifo]);
    const reader = spawn('cat', [fifo]);
    let read = '';
    reader.stdout.on('data', (chunk: Buffer) => (read += chunk.toString()));
    const ended = new Promise((resolve) => reader.on('close', resolve));
    try {
      const written = await writeFileAtomic(fifo, 'through the pipe\n');
      await Promise.race([ended, new Promise((resolve) => setTimeout(resolve, 5000))]);
      expect(read).toBe('through the pipe\n');
      expect(written).toMatchObject({ path: fifo, bytes: 17 });
      expect(lstatSync(fifo).isFIFO()).toBe(true);
      expect(readdirSync(folder)).toEqual(['results.fifo']);
    } finally {
      reader.kill();
    }
  });

  it('writes into a character device in place: /dev/null stays a device', async () => {
    const devNull = device('null', 3);
    if (!devNull) return;
    const written = await writeFileAtomic(devNull, 'discarded');
    expect(written.bytes).toBe(9);
    expect(lstatSync(devNull).isCharacterDevice()).toBe(true);
  });

  it('names the file and the cause when the device is full, and leaves the device', async () => {
    const devFull = device('full', 7);
    if (!devFull) return;
    const error = await rejection(writeFileAtomic(devFull, 'x'.repeat(10_000)));
    expect(error).toBeInstanceOf(FileWriteError);
    expect(error.message).toBe(
      `Could not write ${devFull}: no space left on the device. Free space on the runner, or write the file elsewhere`,
    );
    expect(lstatSync(devFull).isCharacterDevice()).toBe(true);
  });

  it('refuses a folder, naming it, and leaves it as it was', async () => {
    const target = path.join(folder, 'report.sarif');
    mkdirSync(target);
    const error = await rejection(writeFileAtomic(target, '{}'));
    expect(error).toBeInstanceOf(FileWriteError);
    expect(error.message).toBe(`Could not write ${target}: it is a folder. Name a file, not a folder`);
    expect(lstatSync(target).isDirectory()).toBe(true);
    expect(readdirSync(folder)).toEqual(['report.sarif']);
  });

  it('refuses a socket, naming it', async () => {
    const target = path.join(folder, 'report.sock');
    const server: Server = createServer();
    await new Promise<void>((resolve) => server.listen(target, resolve));
    try {
      const error = await rejection(writeFileAtomic(target, '{}'));
      expect(error.message).toMatch(new RegExp(`^Could not write ${target}: it is a socket`));
      expect(lstatSync(target).isSocket()).toBe(true);
    } finally {
      await new Promise((resolve) => server.close(resolve));
    }
  });

  it('names the file and the cause for a name over 255 bytes and a folder that is a file', async () => {
    const long = path.join(folder, `${'é'.repeat(130)}.json`);
    expect((await rejection(writeFileAtomic(long, '{}'))).message).toBe(
      `Could not write ${long}: its name is 265 bytes long, over the 255 bytes a file name may have. Choose a shorter name`,
    );
    writeFileSync(path.join(folder, 'plain'), 'a file');
    const under = path.join(folder, 'plain', 'x.json');
    const error = await rejection(writeFileAtomic(under, '{}'));
    expect(error).toBeInstanceOf(FileWriteError);
    expect(error.message).toMatch(new RegExp(`^Could not write ${under}: `));
    expect(readFileSync(path.join(folder, 'plain'), 'utf8')).toBe('a file');
  });

  it('still replaces a regular file atomically, leaving no temporary file', async () => {
    const target = path.join(folder, 'out.json');
    writeFileSync(target, 'old');
    await writeFileAtomic(target, 'new');
    expect(readFileSync(target, 'utf8')).toBe('new');
    expect(readdirSync(folder)).toEqual(['out.json']);
  });
});

describe('writing through links', () => {
  /** A workspace holding a link to a folder outside it, and RUNNER_TEMP beside it. */
  function layout() {
    const workspace = path.join(folder, 'workspace');
    const temp = path.join(folder, 'runner-temp');
    const outside = path.join(folder, 'outside');
    for (const dir of [workspace, temp, outside]) mkdirSync(dir);
    symlinkSync(outside, path.join(workspace, 'reports'));
    mkdirSync(path.join(workspace, 'inside'));
    symlinkSync(path.join(workspace, 'inside'), path.join(workspace, 'local'));
    process.env.GITHUB_WORKSPACE = workspace;
    process.env.RUNNER_TEMP = temp;
    return { workspace, temp, outside };
  }

  it('refuses a folder link in the workspace that leads outside it, writing nothing there', async () => {
    const { workspace, outside } = layout();
    const target = path.join(workspace, 'reports', 'gate.sarif');
    const error = await rejection(writeFileAtomic(target, '{}'));
    expect(error).toBeInstanceOf(FileWriteError);
    expect(error.message).toBe(
      `Could not write ${target}: it leads outside the workspace ${workspace} (to ${path.join(outside, 'gate.sarif')}). Files are written only inside the workspace or RUNNER_TEMP when their path is in one of them; name the real path to write there`,
    );
    expect(readdirSync(outside)).toEqual([]);
    expect(outputFileProblem(target)).toMatch(/leads outside the workspace/);
  });

  it('writes through links that stay inside, into RUNNER_TEMP, and to a path outside both that the user named', async () => {
    const { workspace, temp, outside } = layout();
    await writeFileAtomic(path.join(workspace, 'local', 'a.json'), 'a');
    await writeFileAtomic(path.join(temp, 'b.json'), 'b');
    await writeFileAtomic(path.join(outside, 'c.json'), 'c');
    expect(readFileSync(path.join(workspace, 'inside', 'a.json'), 'utf8')).toBe('a');
    expect(readFileSync(path.join(temp, 'b.json'), 'utf8')).toBe('b');
    expect(readFileSync(path.join(outside, 'c.json'), 'utf8')).toBe('c');
    expect(outputFileProblem(path.join(workspace, 'local', 'new', 'a.json'))).toBeUndefined();
  });
});
