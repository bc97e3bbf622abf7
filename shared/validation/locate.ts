/**
 * From a finding's node path to the uploaded file it came from. ServiceNow does not document the readable node
 * path, so the matching is tolerant: the path is split on `/`, `\`, `>` and U+FFFD (the separator CDM uses inside
 * name paths), empty segments dropped; an uploaded file matches when the node path holds a contiguous run of the
 * file's name-path segments that ends with the file's own node (its last segment). The longest run wins; two files
 * with an equally long run are ambiguous and neither is chosen. The segments after the run are the key path
 * inside the file. Names are compared exactly first, then ignoring case.
 */
import * as path from 'node:path';
import type { UploadedFileRef } from './types.js';

export interface Located {
  /** The uploaded file as given (absolute, possibly a Windows path). */
  file: string;
  keyPath: string[];
}

export function splitNodePath(nodePath: string): string[] {
  return nodePath
    .split(/[/\\>\uFFFD]/)
    .map((segment) => segment.trim())
    .filter((segment) => segment !== '');
}

export function locateNode(nodePath: string, files: readonly UploadedFileRef[]): Located | undefined {
  const segments = splitNodePath(nodePath);
  if (!segments.length) return undefined;
  for (const compare of [exact, ignoringCase]) {
    let best: { file: string; length: number; end: number } | undefined;
    let tie = false;
    for (const { file, namePath } of files) {
      const fileSegments = splitNodePath(namePath);
      const match = longestRun(segments, fileSegments, compare);
      if (!match) continue;
      if (!best || match.length > best.length) {
        best = { file, ...match };
        tie = false;
      } else if (match.length === best.length && file !== best.file) {
        tie = true;
      }
    }
    if (best && !tie) return { file: best.file, keyPath: segments.slice(best.end) };
    if (tie) return undefined;
  }
  return undefined;
}

const exact = (a: string, b: string) => a === b;
const ignoringCase = (a: string, b: string) => a.toLowerCase() === b.toLowerCase();

/**
 * The longest suffix of `fileSegments` found contiguously in `segments`, and where it ends there (the last such
 * place, so that a name repeated higher up in the path does not cut the key path short).
 */
function longestRun(
  segments: readonly string[],
  fileSegments: readonly string[],
  same: (a: string, b: string) => boolean,
): { length: number; end: number } | undefined {
  for (let length = fileSegments.length; length >= 1; length--) {
    const suffix = fileSegments.slice(fileSegments.length - length);
    for (let start = segments.length - length; start >= 0; start--) {
      if (suffix.every((segment, i) => same(segments[start + i], segment))) return { length, end: start + length };
    }
  }
  return undefined;
}

/**
 * The file relative to the repository root, `/`-separated, or undefined when it lies outside it. Windows paths
 * (`C:\repo\config\a.json`, as a Windows runner's cdm-upload reports them) are handled on any runner.
 */
export function repositoryPath(file: string, workspace: string): string | undefined {
  const windows = /^[A-Za-z]:[\\/]/.test(file) || /^[A-Za-z]:[\\/]/.test(workspace) || file.includes('\\');
  const paths = windows ? path.win32 : path.posix;
  const relative = paths.isAbsolute(file) ? paths.relative(workspace, file) : paths.normalize(file);
  if (!relative || relative.startsWith('..') || paths.isAbsolute(relative)) return undefined;
  return relative.split(paths.sep).join('/');
}
