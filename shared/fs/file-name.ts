/** File names built from inputs or vendor text, which must never name a path. */

/**
 * A name as a single file name on every OS: path separators, reserved and control characters become `_`, leading
 * dots go (no `..`, no hidden file), e.g. "Package-1-2-2025-01-27 09-44" → "Package-1-2-2025-01-27_09-44" and
 * "../../x" → "x". Never empty: `fallback` when nothing is left.
 */
export function safeFileName(name: string, fallback = 'file'): string {
  const safe = name
    // eslint-disable-next-line no-control-regex -- control characters are not allowed in file names
    .replace(/[<>:"/\\|?*\u0000-\u001f]/g, '_')
    .replace(/\s+/g, '_')
    .replace(/^[.\s_]+|[.\s]+$/g, '');
  return safe.slice(0, 200) || fallback;
}
