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

/**
 * The most of a node path that is mapped. CDM's own paths are a few dozen segments; anything far longer is not a
 * path into an uploaded file, and following it would cost time in proportion to whatever a server sent.
 */
export const MAX_NODE_PATH_CHARS = 4096;
/** Segments, each `[n]` index counted as one more. */
export const MAX_NODE_PATH_SEGMENTS = 128;

export function splitNodePath(nodePath: string): string[] {
  return nodePath
    .split(/[/\\>\uFFFD]/)
    .map((segment) => segment.trim())
    .filter((segment) => segment !== '');
}

/** The node path's segments, or undefined when it is over the bounds above. Linear in its length. */
export function boundedNodePath(nodePath: string): string[] | undefined {
  if (nodePath.length > MAX_NODE_PATH_CHARS) return undefined;
  const segments = splitNodePath(nodePath);
  let count = segments.length;
  for (let i = 0; i < nodePath.length && count <= MAX_NODE_PATH_SEGMENTS; i++) if (nodePath[i] === '[') count++;
  return count > MAX_NODE_PATH_SEGMENTS ? undefined : segments;
}

interface NamedFile {
  file: string;
  segments: string[];
}

/**
 * The uploaded files, split once and indexed by their own node's name, so that locating a node path looks only at
 * the files whose node it names: the time per finding does not grow with the number of uploaded files.
 */
export class NodeLocator {
  private readonly exact = new Map<string, NamedFile[]>();
  private readonly ignoringCase = new Map<string, NamedFile[]>();

  constructor(files: readonly UploadedFileRef[]) {
    for (const { file, namePath } of files) {
      const segments = splitNodePath(namePath);
      const last = segments.at(-1);
      if (last === undefined) continue;
      add(this.exact, last, { file, segments });
      add(this.ignoringCase, last.toLowerCase(), { file, segments });
    }
  }

  /** `segments` as boundedNodePath gives them. */
  locate(segments: readonly string[]): Located | undefined {
    if (!segments.length) return undefined;
    for (const [index, fold] of [
      [this.exact, (s: string) => s],
      [this.ignoringCase, (s: string) => s.toLowerCase()],
    ] as const) {
      const folded = segments.map(fold);
      let best: { file: string; length: number; end: number } | undefined;
      let tie = false;
      // Ascending ends: of two equally long runs of one file, the later one wins, so that a name repeated higher
      // up in the path does not cut the key path short.
      for (let end = 0; end < folded.length; end++) {
        for (const candidate of index.get(folded[end]) ?? []) {
          const length = runLength(folded, end, candidate.segments, fold);
          if (!best || length > best.length) {
            best = { file: candidate.file, length, end: end + 1 };
            tie = false;
          } else if (length === best.length) {
            if (candidate.file === best.file) best.end = end + 1;
            else tie = true;
          }
        }
      }
      if (best && !tie) return { file: best.file, keyPath: segments.slice(best.end) };
      if (tie) return undefined;
    }
    return undefined;
  }
}

function add(index: Map<string, NamedFile[]>, key: string, file: NamedFile): void {
  const files = index.get(key);
  if (files) files.push(file);
  else index.set(key, [file]);
}

/** How many of the file's segments, from its last one back, match the node path's segments ending at `end`. */
function runLength(
  segments: readonly string[],
  end: number,
  fileSegments: readonly string[],
  fold: (s: string) => string,
): number {
  let length = 0;
  while (
    length < fileSegments.length &&
    end - length >= 0 &&
    segments[end - length] === fold(fileSegments[fileSegments.length - 1 - length])
  ) {
    length++;
  }
  return length;
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
