/**
 * Policy result rows → findings: the severity of each row, and the file and line its node path points at.
 */
import { readFile, realpath, stat } from 'node:fs/promises';
import * as path from 'node:path';
import type { Logger } from '../runtime.js';
import type { PolicyResultRow } from '../vendors/servicenow/cdm-policy-results.js';
import { lineOfKeyPath } from './lines.js';
import { locateNode, repositoryPath } from './locate.js';
import type { Finding, GatedSnapshot, Severity, UploadedFileRef } from './types.js';

const KNOWN_DECISIONS = new Set(['compliant', 'non_compliant', 'compliant_with_exception']);
/** Files larger than this are not parsed for lines (the finding points at line 1). */
const MAX_PARSED_FILE_BYTES = 5 * 1024 * 1024;

/**
 * A row excepted by an approved exception (decision compliant_with_exception) is an exception even though its
 * type is still `failure`. Any other failure row is a failure, whatever the snapshot's state: a decision that is
 * missing or unreadable does not prove an exception. An unknown type counts as a failure (and is logged), never as
 * nothing.
 */
function severityOf(row: PolicyResultRow, logger: Logger): Severity {
  if (row.decision === 'compliant_with_exception') return 'exception';
  switch (row.type) {
    case 'failure':
      return 'failure';
    case 'warning':
      return 'warning';
    case '':
    case 'information':
      return 'information';
    default:
      logger.warning(
        `Policy ${row.policy} wrote a result of type '${row.type}', which this action does not know; it is counted as a failure.`,
        'Unknown result type',
      );
      return 'failure';
  }
}

export function describe(row: PolicyResultRow): string {
  const notes = [
    row.decision && !KNOWN_DECISIONS.has(row.decision) ? `decision: ${row.decision}` : undefined,
    row.outputProblem,
  ].filter(Boolean);
  const text = row.description.trim() || `${row.policy} reported this node`;
  return notes.length ? `${text} (${notes.join('; ')})` : text;
}

/** Reads uploaded files once each, only from inside the workspace. */
export class FileLines {
  private readonly texts = new Map<string, Promise<string | undefined>>();

  constructor(
    private readonly workspace: string,
    private readonly logger: Logger,
  ) {}

  async line(file: string, keyPath: string[]): Promise<number> {
    let text = this.texts.get(file);
    if (!text) {
      text = this.read(file);
      this.texts.set(file, text);
    }
    const content = await text;
    return content === undefined ? 1 : lineOfKeyPath(content, keyPath, file);
  }

  private async read(file: string): Promise<string | undefined> {
    try {
      const real = await realpath(path.resolve(this.workspace, file));
      const root = await realpath(this.workspace);
      if (real !== root && !real.startsWith(`${root}${path.sep}`)) return undefined;
      if ((await stat(real)).size > MAX_PARSED_FILE_BYTES) return undefined;
      return await readFile(real, 'utf8');
    } catch (error) {
      this.logger.debug(`Could not read ${file} to find finding lines: ${String(error)}`);
      return undefined;
    }
  }
}

export async function toFindings(
  snapshot: GatedSnapshot,
  rows: readonly PolicyResultRow[],
  uploadedFiles: readonly UploadedFileRef[],
  lines: FileLines,
  workspace: string,
  logger: Logger,
): Promise<Finding[]> {
  const findings: Finding[] = [];
  for (const row of rows) {
    const nodePath = row.nodePathUi || row.impactedNode || row.nodePath;
    const finding: Finding = {
      deployable: snapshot.deployable,
      snapshot: snapshot.name,
      policy: row.policy,
      severity: severityOf(row, logger),
      description: describe(row),
      nodePath,
    };
    const located = row.nodePathUi ? locateNode(row.nodePathUi, uploadedFiles) : undefined;
    const file = located && repositoryPath(located.file, workspace);
    if (located && file) {
      finding.file = file;
      finding.line = await lines.line(file, located.keyPath);
    }
    findings.push(finding);
  }
  return findings;
}
