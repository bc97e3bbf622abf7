/**
 * Policy result rows → findings: the severity of each row, and the file and line its node path points at.
 */
import { readFile, realpath, stat } from 'node:fs/promises';
import * as path from 'node:path';
import { Pacer } from '../pacer.js';
import type { Logger, Runtime } from '../runtime.js';
import type { PolicyResultRow } from '../vendors/servicenow/cdm-policy-results.js';
import { KeyLines } from './lines.js';
import { boundedNodePath, MAX_NODE_PATH_CHARS, MAX_NODE_PATH_SEGMENTS, NodeLocator, repositoryPath } from './locate.js';
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

/**
 * Maps findings to the uploaded files and their lines: each file is read and parsed once, only from inside the
 * workspace. The work is paced (see Pacer): `timeout` and the runner's cancel stop it wherever it is.
 */
export class FileLines {
  private readonly files = new Map<string, Promise<KeyLines | undefined>>();
  readonly pacer: Pacer;

  constructor(
    private readonly workspace: string,
    private readonly runtime: Runtime,
  ) {
    this.pacer = new Pacer(runtime, 'mapping findings to file lines', 'raise timeout, or give fewer uploaded files');
  }

  async line(file: string, keyPath: string[]): Promise<number> {
    let keyLines = this.files.get(file);
    if (!keyLines) {
      keyLines = this.read(file);
      this.files.set(file, keyLines);
    }
    return (await (await keyLines)?.lineOf(keyPath, this.pacer)) ?? 1;
  }

  private async read(file: string): Promise<KeyLines | undefined> {
    let text: string;
    try {
      const real = await realpath(path.resolve(this.workspace, file));
      const root = await realpath(this.workspace);
      if (real !== root && !real.startsWith(`${root}${path.sep}`)) return undefined;
      if ((await stat(real)).size > MAX_PARSED_FILE_BYTES) return undefined;
      text = await readFile(real, 'utf8');
    } catch (error) {
      this.runtime.logger.debug(`Could not read ${file} to find finding lines: ${String(error)}`);
      return undefined;
    }
    return KeyLines.parse(text, file, this.pacer);
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
  const locator = new NodeLocator(uploadedFiles);
  const mapped = uploadedFiles.length ? rows.filter((row) => row.nodePathUi).length : 0;
  if (mapped) logger.info(`Mapping ${mapped} finding(s) of ${snapshot.name} to file lines.`);
  let tooLong = 0;
  for (const row of rows) {
    await lines.pacer.step();
    const nodePath = row.nodePathUi || row.impactedNode || row.nodePath;
    const finding: Finding = {
      deployable: snapshot.deployable,
      snapshot: snapshot.name,
      policy: row.policy,
      severity: severityOf(row, logger),
      description: describe(row),
      nodePath,
    };
    const segments = mapped && row.nodePathUi ? boundedNodePath(row.nodePathUi) : undefined;
    if (mapped && row.nodePathUi && !segments) tooLong++;
    const located = segments && locator.locate(segments);
    const file = located && repositoryPath(located.file, workspace);
    if (located && file) {
      finding.file = file;
      finding.line = await lines.line(file, located.keyPath);
    }
    findings.push(finding);
  }
  if (tooLong) {
    logger.notice(
      `${snapshot.name}: ${tooLong} finding(s) have a node path too long to map to a file (over ${MAX_NODE_PATH_CHARS.toLocaleString('en-US')} characters or ${MAX_NODE_PATH_SEGMENTS} segments); they are reported without a file and line.`,
      'Findings not mapped to files',
    );
  }
  return findings;
}
