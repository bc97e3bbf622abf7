/** Whether a dry run or an import passed, and how it reads in annotations, the summary and a PR comment. */
import { bold, md } from '../../../shared/report/markdown.js';
import type { Summary } from '../../../shared/report/summary.js';
import type { Logger } from '../../../shared/runtime.js';
import { sameState } from '../../../shared/poll/states.js';
import type { ImportStatus } from '../../../shared/vendors/smax/dev2prod.js';

/** How errors, warnings and messages that belong to no one package are titled. */
const WHOLE_JOB = 'all packages';

export interface Judgement {
  passed: boolean;
  /** Why it did not pass, in a few words each. */
  reasons: string[];
}

/**
 * Passes only when Status is COMPLETED with no message about the job, Totals is there with a Failed count of 0 and
 * agrees with the sum over the packages, nothing failed in any result (its statistics or its own Failed), no errors
 * are reported anywhere (nor warnings, when asked), and every count could be read as a whole number, 0 or more.
 * Counts sent as text ("3") count like numbers.
 */
export function judgeImport(status: ImportStatus, failOnWarnings: boolean): Judgement {
  const reasons: string[] = [];
  const completed = sameState(status.status, 'COMPLETED');
  if (!completed) reasons.push(`status ${status.status}${status.message ? ` (${status.message})` : ''}`);
  else if (status.message) reasons.push(`SMAX's message: ${status.message}`);
  for (const odd of status.unreadable) reasons.push(`unreadable answer: ${odd}`);
  if (completed && !status.totals)
    reasons.push('the finished job reported no Totals, so its failures cannot be counted');
  else if (completed && status.totals && status.totals.Failed === undefined)
    reasons.push('Totals has no Failed count, so its failures cannot be counted');
  reasons.push(...totalsDisagreements(status));
  const fromTotals = status.totals?.Failed ?? 0;
  const fromResults = status.results.reduce((n, r) => n + (r.statistics.Failed ?? 0) + r.failed, 0);
  const failed = Math.max(fromTotals, fromResults);
  if (failed !== 0) reasons.push(`${failed} item(s) failed`);
  const errors = allErrors(status).length;
  if (errors > 0) reasons.push(`${errors} error(s)`);
  const warnings = allWarnings(status).length;
  if (failOnWarnings && warnings > 0) reasons.push(`${warnings} warning(s), and fail-on-warnings is on`);
  return { passed: reasons.length === 0, reasons };
}

/** Each statistic whose Totals differs from the sum over the packages (a statistic Totals leaves out counts as 0). */
function totalsDisagreements(status: ImportStatus): string[] {
  const totals = status.totals;
  if (!totals) return [];
  const names = new Set([...Object.keys(totals), ...status.results.flatMap((r) => Object.keys(r.statistics))]);
  const found: string[] = [];
  for (const name of names) {
    const sum = status.results.reduce((n, r) => n + (r.statistics[name] ?? 0), 0);
    const total = totals[name];
    if (total === undefined ? sum !== 0 : total !== sum)
      found.push(`Totals.${name} is ${total ?? 'missing'}, but the packages add up to ${sum}`);
  }
  return found;
}

/** Each error with the package it belongs to (errors given outside Results belong to the whole job). */
function allErrors(status: ImportStatus): { packageName: string; text: string }[] {
  return [
    ...status.errors.map((text) => ({ packageName: WHOLE_JOB, text })),
    ...status.results.flatMap((r) => r.errors.map((text) => ({ packageName: r.packageName, text }))),
  ];
}

function allWarnings(status: ImportStatus): { packageName: string; text: string }[] {
  return [
    ...status.warnings.map((text) => ({ packageName: WHOLE_JOB, text })),
    ...status.results.flatMap((r) => r.warnings.map((text) => ({ packageName: r.packageName, text }))),
  ];
}

/** Another Dev2Prod operation held the target's lock: the package itself may be fine. */
const TENANT_LOCKED = /locked by another Dev2Prod operation|lock timeout/i;

/**
 * What to do about a dry run or import that did not pass. A tenant busy with another operation needs only a wait
 * and a re-run of the same file; anything else needs the package fixed at its source.
 */
export function nextStep(status: ImportStatus, fileId: string, otherwise: string): string {
  const texts = [status.message ?? '', ...allErrors(status).map((e) => e.text)];
  if (texts.some((text) => TENANT_LOCKED.test(text)))
    return `The target tenant was locked by another Dev2Prod operation: wait for that operation to finish, then re-run with file-id: ${fileId} (the package is already on the target; no new export is needed)`;
  return otherwise;
}

/** One error annotation per error, one warning per warning, titled with the package. */
export function annotate(label: string, status: ImportStatus, logger: Logger): void {
  if (status.message) logger.error(status.message, `${label}: ${WHOLE_JOB}`);
  for (const error of allErrors(status)) logger.error(error.text, `${label}: ${error.packageName}`);
  for (const warning of allWarnings(status)) logger.warning(warning.text, `${label}: ${warning.packageName}`);
}

const STATISTICS = ['Added', 'Modified', 'Removed', 'Failed', 'Skipped'];

/** Where a report cut to the summary's budget says every row is. */
const ALL_RESULTS = "the step's results output holds every package's result, errors and warnings";

/**
 * Adds to `report` a table per package (the statistics present; totals first, so a cut table keeps them), locks,
 * errors and warnings.
 */
export function importReport(report: Summary, title: string, status: ImportStatus, judgement: Judgement): Summary {
  const columns = STATISTICS.filter(
    (name) => (status.totals && name in status.totals) || status.results.some((result) => name in result.statistics),
  );
  // A statistic a package leaves out counts as 0 (as the judgement counts it), so the cell says 0, not blank.
  const cells = (values: (string | number | undefined)[]) => values.map((value) => String(value ?? 0));
  report.heading(`${title}: ${judgement.passed ? 'passed' : 'did not pass'}`, 3);
  if (!judgement.passed) report.text(`Why: ${judgement.reasons.join('; ')}.`);
  return report
    .table(
      ['Package', ...columns, 'Errors', 'Warnings'],
      [
        [
          bold('Total'),
          ...columns.map((c) => (status.totals ? bold(status.totals[c] ?? 0) : '')),
          bold(allErrors(status).length),
          bold(allWarnings(status).length),
        ],
        ...status.results.map((r) =>
          cells([r.packageName, ...columns.map((c) => r.statistics[c]), r.errors.length, r.warnings.length]),
        ),
      ],
      { align: ['left', ...columns.map((): 'right' => 'right'), 'right', 'right'], rest: ALL_RESULTS },
    )
    .text(
      `Status ${status.status}; StudioLocked ${status.studioLocked ?? 'unknown'}; SystemLocked ${status.systemLocked ?? 'unknown'}.`,
    )
    .list(
      [
        ...(status.message ? [md`❌ ${bold(WHOLE_JOB)}: ${status.message}`] : []),
        ...allErrors(status).map((e) => md`❌ ${bold(e.packageName)}: ${e.text}`),
        ...allWarnings(status).map((w) => md`⚠️ ${bold(w.packageName)}: ${w.text}`),
      ],
      { rest: ALL_RESULTS },
    );
}
