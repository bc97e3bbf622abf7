/** Whether a dry run or an import passed, and how it reads in annotations, the summary and a PR comment. */
import type { Logger } from '../../../shared/runtime.js';
import type { ImportStatus } from '../../../shared/vendors/smax/dev2prod.js';

export interface Judgement {
  passed: boolean;
  /** Why it did not pass, in a few words each. */
  reasons: string[];
}

/** Passes when Status is COMPLETED, Totals.Failed is 0 and no package has errors (nor warnings, when asked). */
export function judgeImport(status: ImportStatus, failOnWarnings: boolean): Judgement {
  const reasons: string[] = [];
  if (status.status !== 'COMPLETED')
    reasons.push(`status ${status.status}${status.message ? ` (${status.message})` : ''}`);
  const failed = status.totals.Failed ?? 0;
  if (failed > 0) reasons.push(`${failed} item(s) failed`);
  const errors = status.results.reduce((n, r) => n + r.errors.length, 0);
  if (errors > 0) reasons.push(`${errors} error(s)`);
  const warnings = status.results.reduce((n, r) => n + r.warnings.length, 0);
  if (failOnWarnings && warnings > 0) reasons.push(`${warnings} warning(s), and fail-on-warnings is on`);
  return { passed: reasons.length === 0, reasons };
}

/** One error annotation per Results[].Errors entry, one warning per warning, titled with the package. */
export function annotate(label: string, status: ImportStatus, logger: Logger): void {
  for (const result of status.results) {
    for (const error of result.errors) logger.error(error, `${label}: ${result.packageName}`);
    for (const warning of result.warnings) logger.warning(warning, `${label}: ${result.packageName}`);
  }
}

const STATISTICS = ['Added', 'Modified', 'Removed', 'Failed', 'Skipped'];

/** Markdown: a table per package (the statistics present), totals, locks, errors and warnings. */
export function importReport(title: string, status: ImportStatus, judgement: Judgement): string {
  const columns = STATISTICS.filter(
    (name) => name in status.totals || status.results.some((result) => name in result.statistics),
  );
  const row = (cells: (string | number | undefined)[]) => `| ${cells.map((c) => String(c ?? '')).join(' | ')} |`;
  const lines = [
    `### ${title}: ${judgement.passed ? 'passed' : 'did not pass'}`,
    '',
    judgement.passed ? '' : `Why: ${judgement.reasons.join('; ')}.\n`,
    row(['Package', ...columns, 'Errors', 'Warnings']),
    row(['---', ...columns.map(() => '---:'), '---:', '---:']),
    ...status.results.map((r) =>
      row([r.packageName, ...columns.map((c) => r.statistics[c]), r.errors.length, r.warnings.length]),
    ),
    row([
      '**Total**',
      ...columns.map((c) => (status.totals[c] === undefined ? '' : `**${status.totals[c]}**`)),
      `**${status.results.reduce((n, r) => n + r.errors.length, 0)}**`,
      `**${status.results.reduce((n, r) => n + r.warnings.length, 0)}**`,
    ]),
    '',
    `Status ${status.status}; StudioLocked ${status.studioLocked ?? 'unknown'}; SystemLocked ${status.systemLocked ?? 'unknown'}.`,
  ];
  const notes = status.results.flatMap((r) => [
    ...r.errors.map((e) => `- ❌ **${r.packageName}**: ${e.replace(/\n/g, ' ')}`),
    ...r.warnings.map((w) => `- ⚠️ **${r.packageName}**: ${w.replace(/\n/g, ' ')}`),
  ]);
  if (notes.length) lines.push('', ...notes);
  return lines.filter((line, i, all) => !(line === '' && all[i - 1] === '')).join('\n') + '\n';
}
