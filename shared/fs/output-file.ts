/**
 * Where an output file (an export, SARIF, results, a download) may be written, and how. A regular file is replaced
 * atomically; a character device or FIFO the user named (/dev/null, /dev/stdout, a pipe) is written in place, since
 * renaming a file over it would put a regular file where the device was (as root, that breaks the machine); a folder,
 * socket or disk is refused.
 *
 * Links: the rule for reads (files/workspace.ts) holds for writes too. A path inside the workspace or RUNNER_TEMP
 * must really land inside it: a folder link in a contributor's pull request (`reports -> /etc`) must not carry a
 * write out of it. A path outside both was named by the user as it is, and is taken as given.
 */
import { randomBytes } from 'node:crypto';
import { lstatSync, realpathSync, statSync, type Stats } from 'node:fs';
import * as path from 'node:path';
import { FileWriteError, errorMessage } from '../errors.js';
import { cutUtf8, FILE_NAME_MAX_BYTES } from './file-name.js';

export interface OutputTarget {
  /** `replace`: a temporary file renamed over it; `in-place`: opened and written (a device or FIFO). */
  how: 'replace' | 'in-place';
  /** Where the bytes land, links followed. */
  real: string;
  fifo: boolean;
}

/** Why `file` cannot be written (cause, then what to do), or how it is written. Reads the file system. */
export function inspectOutputFile(file: string): OutputTarget | { problem: string } {
  try {
    return inspect(path.resolve(file));
  } catch (error) {
    return { problem: causeOf(error) }; // e.g. EACCES on a folder on the way
  }
}

function inspect(absolute: string): OutputTarget | { problem: string } {
  const nameBytes = Buffer.byteLength(path.basename(absolute));
  if (nameBytes > FILE_NAME_MAX_BYTES) {
    return {
      problem: `its name is ${nameBytes} bytes long, over the ${FILE_NAME_MAX_BYTES} bytes a file name may have. Choose a shorter name`,
    };
  }
  const parent = realFolder(path.dirname(absolute));
  if ('problem' in parent) return parent;
  const info = statSync(absolute, { throwIfNoEntry: false });
  const kind = info && refusedKind(info);
  if (kind) return { problem: kind };
  const inPlace = info !== undefined && (info.isCharacterDevice() || info.isFIFO());
  // A replaced file lands beside its link (the rename replaces the link); an in-place write goes where it leads.
  const real = inPlace ? realpathSync(absolute) : path.join(parent.real, path.basename(absolute));
  const escape = leavesRoot(absolute, real);
  if (escape) return { problem: escape };
  return { how: inPlace ? 'in-place' : 'replace', real, fifo: inPlace && info.isFIFO() };
}

/** For an input: why the file it names cannot be written, or undefined. */
export function outputFileProblem(file: string): string | undefined {
  const target = inspectOutputFile(file);
  return 'problem' in target ? target.problem : undefined;
}

/**
 * `folder/stem` for a set of files to be written beside each other (`.sarif`, `.json`), none of which exists yet:
 * `stem`, else `stem-2`, `stem-3`, ... A default name never replaces a file an earlier step wrote.
 */
export function unusedPath(folder: string, stem: string, extensions: string[]): string {
  const suffix = '-'.length + 8; // room for the longest suffix, `-` and 8 hex digits
  const room = FILE_NAME_MAX_BYTES - Math.max(0, ...extensions.map((e) => Buffer.byteLength(e))) - suffix;
  const base = path.join(path.resolve(folder), cutUtf8(stem, room));
  for (let n = 1; n < 1000; n++) {
    const candidate = n === 1 ? base : `${base}-${n}`;
    if (extensions.every((extension) => !exists(`${candidate}${extension}`))) return candidate;
  }
  return `${base}-${randomBytes(4).toString('hex')}`;
}

/** Anything there, a dangling link too; a path that cannot be looked at counts as free (writing it says why). */
function exists(file: string): boolean {
  try {
    return lstatSync(file, { throwIfNoEntry: false }) !== undefined;
  } catch {
    return false;
  }
}

/** "Could not write <file>: <cause>. <what to do>" from a failed write's error (ENOSPC, EROFS, ...). */
export function fileWriteError(file: string, error: unknown): FileWriteError {
  if (error instanceof FileWriteError) return error;
  return new FileWriteError(`Could not write ${path.resolve(file)}: ${causeOf(error)}`);
}

function causeOf(error: unknown): string {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  const known = code ? CAUSES[code] : undefined;
  return known ?? `${errorMessage(error)}. Check the path, and that its folder is writable`;
}

const NO_SPACE = 'Free space on the runner, or write the file elsewhere';
const CAUSES: Record<string, string> = {
  ENOSPC: `no space left on the device. ${NO_SPACE}`,
  EDQUOT: `the disk quota is used up. ${NO_SPACE}`,
  EROFS: 'the file system is read-only. Write the file to a writable folder, such as RUNNER_TEMP',
  EACCES: 'permission denied. Write the file to a folder this user may write to, such as RUNNER_TEMP',
  EPERM: 'the operation is not permitted. Write the file to a folder this user may write to, such as RUNNER_TEMP',
  ENAMETOOLONG: `a name in its path is over ${FILE_NAME_MAX_BYTES} bytes. Choose a shorter name`,
  EISDIR: 'it is a folder. Name a file, not a folder',
  ENOTDIR: 'a folder in its path is a file. Check the path',
  ENXIO: 'nothing reads from the FIFO. Start its reader before this step',
  EIO: 'the device reported an input/output error. Check the disk, or write the file elsewhere',
};

function refusedKind(info: Stats): string | undefined {
  if (info.isDirectory()) return 'it is a folder. Name a file, not a folder';
  if (info.isSocket()) return 'it is a socket. Name a file, a FIFO or a device such as /dev/null';
  if (info.isBlockDevice()) return 'it is a block device (a disk). Name a file, not a disk';
  return undefined;
}

/** The real path of `folder`; for a folder not made yet, its nearest existing ancestor's real path joined by the rest. */
function realFolder(folder: string): { real: string } | { problem: string } {
  const rest: string[] = [];
  for (let current = folder; ; current = path.dirname(current)) {
    const info = lstatSync(current, { throwIfNoEntry: false });
    if (info) {
      const real = realOr(current, '');
      if (!real) return { problem: `${current} is a link that leads nowhere. Check the path` };
      if (!statSync(real).isDirectory()) return { problem: `${current} is not a folder. Check the path` };
      return { real: path.join(real, ...rest.reverse()) };
    }
    if (path.dirname(current) === current) return { real: folder };
    rest.push(path.basename(current));
  }
}

/** Why a path inside the workspace or RUNNER_TEMP lands outside it through a link, or undefined. */
function leavesRoot(absolute: string, real: string): string | undefined {
  const roots = [
    { name: 'the workspace', folder: process.env.GITHUB_WORKSPACE || process.cwd() },
    ...(process.env.RUNNER_TEMP ? [{ name: 'RUNNER_TEMP', folder: process.env.RUNNER_TEMP }] : []),
  ].map((root) => {
    const folder = path.resolve(root.folder);
    return { ...root, folder, real: realOr(folder) };
  });
  const holding = roots.filter((root) => inside(absolute, root.folder) || inside(absolute, root.real));
  if (!holding.length || holding.some((root) => inside(real, root.real))) return undefined;
  return (
    `it leads outside ${holding[0].name} ${holding[0].folder} (to ${real}). Files are written only inside the ` +
    'workspace or RUNNER_TEMP when their path is in one of them; name the real path to write there'
  );
}

function realOr(file: string, fallback = file): string {
  try {
    return realpathSync(file);
  } catch {
    return fallback;
  }
}

function inside(file: string, folder: string): boolean {
  const relative = path.relative(folder, file);
  return relative === '' || (!relative.startsWith(`..${path.sep}`) && relative !== '..' && !path.isAbsolute(relative));
}
