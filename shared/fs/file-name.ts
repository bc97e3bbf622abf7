/** File names built from inputs or vendor text, which must never name a path. */
import * as path from 'node:path';

/** The most bytes one file name may have on Linux, macOS and Windows file systems alike. */
export const FILE_NAME_MAX_BYTES = 255;

/**
 * A name as a single file name on every OS: path separators, reserved and control characters become `_`, leading
 * dots go (no `..`, no hidden file), e.g. "Package-1-2-2025-01-27 09-44" → "Package-1-2-2025-01-27_09-44" and
 * "../../x" → "x". Never empty: `fallback` when nothing is left. With `extension` (".json") the whole name, the
 * extension kept whole, fits in 255 UTF-8 bytes: the file systems' limit counts bytes, not characters.
 */
export function safeFileName(name: string, fallback = 'file', extension = ''): string {
  const safe = name
    // eslint-disable-next-line no-control-regex -- control characters are not allowed in file names
    .replace(/[<>:"/\\|?*\u0000-\u001f]/g, '_')
    .replace(/\s+/g, '_')
    .replace(/^[.\s_]+|[.\s]+$/g, '');
  const room = FILE_NAME_MAX_BYTES - Buffer.byteLength(extension);
  return `${cutUtf8(safe, room).replace(/[.\s]+$/, '') || cutUtf8(fallback, room)}${extension}`;
}

/** The longest start of `text` that fits in `maxBytes` of UTF-8, never splitting a character. */
export function cutUtf8(text: string, maxBytes: number): string {
  if (Buffer.byteLength(text) <= maxBytes) return text;
  let bytes = 0;
  let end = 0;
  for (const character of text) {
    const size = Buffer.byteLength(character);
    if (bytes + size > maxBytes) break;
    bytes += size;
    end += character.length;
  }
  return text.slice(0, end);
}

/**
 * A file as the job summary names it: its path from the workspace when inside it, else its base name (a runner-temp
 * path says nothing to the reader; the output and the artifact hold the file).
 */
export function summaryFileName(file: string, workspace = process.cwd()): string {
  const relative = path.relative(workspace, file);
  return relative && !relative.startsWith('..') && !path.isAbsolute(relative) ? relative : path.basename(file);
}
