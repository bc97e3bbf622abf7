/**
 * The one way a text file leaves a run (SARIF, results, an export, the job summary): through the same redaction as
 * the log. A file whose content had to be redacted says so in a warning naming it, so whoever reads `***` there
 * knows why, and knows that the vendor sent back a credential.
 */
import * as path from 'node:path';
import { writeFileAtomic, type WrittenFile } from '../fs/atomic.js';
import type { Logger } from '../runtime.js';

/**
 * `text` redacted for the file that `where` names (a path, or "The job summary"); `alsoIn` names other surfaces that
 * carry the same text (an output, an artifact), for the warning; `redactedBefore` says parts of it were redacted
 * before they were put together (the summary's spans), so the warning is due even if nothing is left to remove.
 */
export function redactFileText(
  text: string,
  where: string,
  logger: Logger,
  options: { alsoIn?: string; redactedBefore?: boolean } = {},
): string {
  const { alsoIn } = options;
  const redacted = logger.redact(text);
  if (redacted !== text || options.redactedBefore) {
    logger.warning(
      `${where} contained a secret given to this run (a password, a token or a value made from them); it is written with *** in its place${alsoIn ? `, and so is ${alsoIn}` : ''}.`,
      'Secret removed from a file',
    );
  }
  return redacted;
}

/** Writes a text file atomically, redacted. Binary downloads (packages) are not text and do not come here. */
export function writeTextFile(destination: string, text: string, logger: Logger): Promise<WrittenFile> {
  return writeFileAtomic(destination, redactFileText(text, path.resolve(destination), logger));
}
