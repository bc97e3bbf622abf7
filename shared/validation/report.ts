/**
 * What the gate's result becomes for the user, the same in every action that runs it: step outputs, annotations
 * on the file lines, and the job summary (verdict per deployable first, then the findings grouped by policy).
 */
import { summaryFileName } from '../fs/file-name.js';
import { uriPath } from '../fs/uri.js';
import { code, link, md, type Markdown } from '../report/markdown.js';
import type { Summary } from '../report/summary.js';
import type { Logger } from '../runtime.js';
import { snapshotSummary } from './gate.js';
import { snapshotStatus, worstStatus, type Finding, type GatedSnapshot, type GateResult } from './types.js';

/** GitHub refuses a step output over 1 MB; the findings output stays well below it (the results file is complete). */
export const FINDINGS_OUTPUT_LIMIT_BYTES = 900 * 1024;
/** Annotations per severity: GitHub shows only the first few of each kind per step anyway. */
const MAX_ANNOTATIONS = 50;
/** A policy with more findings than this folds them into <details>. */
const FOLD_AFTER = 5;
/** The order findings are listed in: what fails the gate first. */
const SEVERITIES: Finding['severity'][] = ['failure', 'warning', 'exception', 'information'];

/** What the gate step reports as it goes: the snapshots known so far, whether they are all found, and the result. */
export interface GateReport {
  snapshots: readonly GatedSnapshot[];
  /** True once every gated snapshot has been found: only then is the list final. */
  allFound: boolean;
  /** Once the gate has ended. */
  result: GateResult;
}

/**
 * The values behind the gate's outputs, for each action to map to its own output names; undefined for what is not
 * known yet. The snapshot list is there as soon as any is known; the names only once it is complete, and the single
 * `snapshotName`/`snapshotId` only when it then holds one snapshot (an output cannot be taken back).
 */
export function gateValues(part: Partial<GateReport>) {
  const snapshots = part.result?.snapshots ?? part.snapshots;
  const complete = part.result !== undefined || (part.allFound ?? false);
  const only = complete && snapshots?.length === 1 ? snapshots[0] : undefined;
  const findings = part.result?.findings;
  return {
    snapshots: snapshots?.map(snapshotSummary),
    snapshotName: only?.name,
    snapshotId: only?.sysId,
    // By deployable name, so a later step picks "the Production snapshot" with fromJSON(...).Production.
    snapshotNames: complete && snapshots ? Object.fromEntries(snapshots.map((s) => [s.deployable, s.name])) : undefined,
    validationStatus:
      part.result?.status ?? (snapshots?.length ? worstStatus(snapshots.map(snapshotStatus)) : undefined),
    validationResults: findings && boundedFindings(findings).kept,
    failures: findings?.filter((f) => f.severity === 'failure').length,
    warnings: findings?.filter((f) => f.severity === 'warning').length,
    sarifFile: part.result?.sarif.path,
    resultsFile: part.result?.results.path,
    published: part.result?.published,
  };
}

/** Says so when the findings output could not hold every finding. */
export function noticeShortenedFindings(result: GateResult, logger: Logger): void {
  const { kept, total } = boundedFindings(result.findings);
  if (kept.length === total) return;
  logger.notice(
    `validation-results holds ${kept.length} of ${total} findings (a step output must stay under 1 MB); every finding is in ${result.results.path}.`,
    'Findings output shortened',
  );
}

export function boundedFindings(findings: readonly Finding[]): { kept: Finding[]; total: number } {
  const kept: Finding[] = [];
  let bytes = 2;
  for (const finding of findings) {
    bytes += Buffer.byteLength(JSON.stringify(finding)) + 1;
    if (bytes > FINDINGS_OUTPUT_LIMIT_BYTES) break;
    kept.push(finding);
  }
  return { kept, total: findings.length };
}

/**
 * One annotation per failure and warning (exceptions as notices), on the file line when the finding has one. The
 * same finding from several deployables (the same policy, severity and text on the same line or node) is one
 * annotation naming them all; the results file and SARIF keep one result per snapshot.
 */
export function annotateFindings(findings: readonly Finding[], logger: Logger): void {
  const counts = { failure: 0, warning: 0, exception: 0 };
  for (const { finding, deployables } of sameFindings(findings)) {
    if (finding.severity === 'information') continue;
    if (++counts[finding.severity] > MAX_ANNOTATIONS) continue;
    const title = `${finding.policy} (${deployables.join(', ')})`;
    const message = `${finding.description}${finding.file ? '' : ` — node ${finding.nodePath || 'unknown'}`}`;
    const location = finding.file ? { file: finding.file, line: finding.line } : undefined;
    if (finding.severity === 'failure') logger.error(message, title, location);
    else if (finding.severity === 'warning') logger.warning(message, title, location);
    else logger.notice(`Excepted: ${message}`, title, location);
  }
}

/** Findings that differ only in their deployable (and snapshot), grouped in first-seen order. */
function sameFindings(findings: readonly Finding[]): { finding: Finding; deployables: string[] }[] {
  const groups = new Map<string, { finding: Finding; deployables: string[] }>();
  for (const finding of findings) {
    const { policy, severity, description, nodePath, file, line } = finding;
    const key = JSON.stringify(
      file ? [policy, severity, description, file, line] : [policy, severity, description, nodePath],
    );
    const group = groups.get(key);
    if (!group) groups.set(key, { finding, deployables: [finding.deployable] });
    else if (!group.deployables.includes(finding.deployable)) group.deployables.push(finding.deployable);
  }
  return [...groups.values()];
}

export function summarizeGate(summary: Summary, snapshots: readonly GatedSnapshot[], result?: GateResult): void {
  if (!snapshots.length) return;
  summary.heading('Policy validation', 3);
  summary.table(
    ['Deployable', 'Snapshot', 'Validation', 'Failures', 'Warnings', 'Exceptions', 'Published'],
    snapshots.map((s) => [
      s.deployable,
      `${s.name}${s.source === 'latest' ? ' (latest)' : ''}`,
      `${verdictIcon(snapshotStatus(s))} ${s.didNotStart ? 'did not start' : s.validation}`,
      s.failures,
      s.warnings,
      s.exceptions,
      s.published ? 'yes' : 'no',
    ]),
  );
  if (!result) return;
  if (result.problems.length)
    summary.list(result.problems, { rest: `every problem is in ${summaryFileName(result.results.path)}` });
  if (result.findings.length) summarizeFindings(summary, result);
}

/** Counts per policy, then every finding (failures first), folded when long; both cut to the summary's budget. */
function summarizeFindings(summary: Summary, result: GateResult): void {
  const rest = `every finding is in ${summaryFileName(result.results.path)} (the results-file output)`;
  const byPolicy = new Map<string, Record<Finding['severity'], number>>();
  for (const { policy, severity } of result.findings) {
    const counts = byPolicy.get(policy) ?? { failure: 0, warning: 0, exception: 0, information: 0 };
    counts[severity]++;
    byPolicy.set(policy, counts);
  }
  summary.heading('Findings by policy', 4);
  summary.table(
    ['Policy', 'Failures', 'Warnings', 'Exceptions', 'Information'],
    [...byPolicy].map(([policy, c]) => [policy, c.failure, c.warning, c.exception, c.information]),
    { align: ['left', 'right', 'right', 'right', 'right'], rest },
  );
  const order = new Map([...byPolicy.keys()].map((policy, i) => [policy, i]));
  const rank = (f: Finding) => SEVERITIES.indexOf(f.severity) * order.size + (order.get(f.policy) ?? 0);
  const findings = [...result.findings].sort((a, b) => rank(a) - rank(b));
  const table = (inner: Summary) =>
    inner.table(
      ['Policy', 'Severity', 'Where', 'Finding', 'Deployable'],
      findings.map((f) => [
        f.policy,
        `${severityIcon(f.severity)} ${f.severity}`,
        where(f),
        f.description,
        f.deployable,
      ]),
      { rest },
    );
  if (findings.length > FOLD_AFTER) summary.fold(`All ${findings.length} finding(s)`, table);
  else table(summary);
}

/** A passed gate in a few words, for the step's verdict. */
export function gateVerdict(result: GateResult): string {
  const published = result.published.length ? `; published ${result.published.join(', ')}` : '';
  const already = result.alreadyPublished.length ? `; already published ${result.alreadyPublished.join(', ')}` : '';
  return `policy validation ${result.status}: ${result.snapshots.length} snapshot(s), ${result.findings.length} finding(s)${published}${already}`;
}

function where(finding: Finding): Markdown {
  return finding.file ? fileLink(finding.file, finding.line) : md`node ${code(finding.nodePath || 'unknown')}`;
}

/** `file:line`, linked to the file at the commit being built when the run says which. */
function fileLink(file: string, line?: number): Markdown {
  const text = code(`${file}${line ? `:${line}` : ''}`);
  const { GITHUB_SERVER_URL: server, GITHUB_REPOSITORY: repo, GITHUB_SHA: sha } = process.env;
  if (!server || !repo || !sha) return text;
  return link(text, `${server}/${repo}/blob/${sha}/${uriPath(file)}${line ? `#L${line}` : ''}`);
}

function verdictIcon(status: string): string {
  return status === 'passed' ? '✅' : status === 'passed_with_exception' ? '☑️' : '❌';
}

function severityIcon(severity: Finding['severity']): string {
  return { failure: '❌', warning: '⚠️', exception: '☑️', information: 'ℹ️' }[severity];
}
