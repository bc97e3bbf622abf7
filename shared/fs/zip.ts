/** Telling a zip archive (a SMAX package) from what arrives instead: nothing, an HTML page, or other bytes. */
import { open } from 'node:fs/promises';
import { htmlTitle, isHtml } from '../html.js';

/** A local file header: every zip archive with content starts with it. */
const ZIP_SIGNATURE = Buffer.from([0x50, 0x4b, 0x03, 0x04]);
/** Enough of a file to find an HTML page's title. */
export const HEAD_BYTES = 8192;

/**
 * What is wrong with a file that should be a zip archive, from its first bytes (and the answer's content type, for a
 * download), said of the file ("is empty", "is an HTML page ..."); undefined when it starts like one.
 */
export function zipProblem(head: Buffer, contentType?: string, quoteStart = true): string | undefined {
  if (head.length === 0) return 'is empty';
  const text = head.toString('latin1');
  if (isHtml(contentType, text)) {
    const title = htmlTitle(text);
    return `is an HTML page${title ? ` titled '${title}'` : ' without a title'}${contentType ? ` (${contentType})` : ''}, not a zip archive: a login page or an error page came instead of the file`;
  }
  if (head.subarray(0, ZIP_SIGNATURE.length).equals(ZIP_SIGNATURE)) return undefined;
  if (!quoteStart) return 'is not a zip archive: it does not start with PK\\x03\\x04';
  const start = head.subarray(0, 16);
  const shown = /^[\x20-\x7e\t\r\n]*$/.test(start.toString('latin1'))
    ? `'${start.toString('latin1').replace(/\s+/g, ' ')}'`
    : `0x${start.toString('hex')}`;
  return `is not a zip archive: it starts with ${shown}${contentType ? ` (${contentType})` : ''}, where a zip archive starts with PK\\x03\\x04`;
}

/** The problem with a file on disk that should be a zip archive, as zipProblem says it (never quoting its bytes). */
export async function zipFileProblem(file: string): Promise<string | undefined> {
  const handle = await open(file, 'r');
  try {
    const head = Buffer.alloc(HEAD_BYTES);
    const { bytesRead } = await handle.read(head, 0, head.length, 0);
    return zipProblem(head.subarray(0, bytesRead), undefined, false);
  } finally {
    await handle.close();
  }
}
