/** dev2prod-promote: inputs → export / transfer / dry run / import by mode → outputs, summary, PR comment. */
import { summaryFileName } from '../../../shared/fs/file-name.js';
import { Known } from '../../../shared/report/known.js';
import { promoteRunResults } from './test-results.js';
import { setOutputs, type OutputValue } from '../../../shared/report/outputs.js';
import { COMMENT_BUDGET_BYTES, upsertPullRequestComment } from '../../../shared/report/pr-comment.js';
import { runAction, type ActionContext, type RunOptions } from '../../../shared/frame/run.js';
import { bold, code, md } from '../../../shared/report/markdown.js';
import { Summary } from '../../../shared/report/summary.js';
import { formatDuration } from '../../../shared/runtime.js';
import { smaxClient } from '../../../shared/vendors/smax/dev2prod.js';
import { readPromoteInputs } from './config.js';
import { importReport } from './judge.js';
import { runPromote, type PackageSource, type PromoteConfig, type PromoteResult } from './promote.js';

export function run(options: Partial<RunOptions> = {}): Promise<void> {
  return runAction({ title: 'SMAX Dev2Prod promotion', ...options }, main);
}

async function main(context: ActionContext): Promise<string> {
  const { inputs, outputs, summary, logger } = context;
  const { config, runtime, borrowedCredentials, unused, commentOnPr, githubToken } = await readPromoteInputs(
    inputs,
    context.runtime,
  );
  if (config.target && borrowedCredentials)
    logger.info(
      `target-username/target-password not given: the target (${config.target.url}) is the source's server, so the source's ${borrowedCredentials} used there.`,
    );
  if (unused.length)
    logger.info(`Not used: ${unused.join(', ')}. The job started earlier already has its package file.`);

  const known = new Known<PromoteResult>((part) => setOutputs(outputs, promoteOutputs(part)));
  try {
    const result = await runPromote(config, {
      runtime,
      report: known.report,
      clientFor: (tenant) => smaxClient(tenant, runtime),
      uploadArtifact: context.uploadArtifact,
    });
    known.report(result);
    return promoteVerdict(config, result);
  } finally {
    const done = known.value;
    const results = promoteRunResults(done);
    if (results) context.reportResults(results);
    writeSummary(summary, config, done, formatDuration(runtime.deadline.elapsed()));
    if (commentOnPr && githubToken && done.dryRun) {
      await upsertPullRequestComment(
        {
          token: githubToken,
          key: `dev2prod-promote ${process.env.GITHUB_WORKFLOW ?? ''} ${process.env.GITHUB_JOB ?? ''} ${config.target?.tenantId ?? ''}`,
          body: importReport(
            new Summary()
              .heading(`SMAX Dev2Prod dry run on tenant ${config.target?.tenantId}`)
              .text(
                md`${done.export?.packageBundleName ? md`Package ${bold(done.export.packageBundleName)}, ` : ''}file ${code(done.fileId ?? '')}.`,
              ),
            'Dry run',
            done.dryRun.status,
            done.dryRun.judgement,
          ).toMarkdown(COMMENT_BUDGET_BYTES),
        },
        logger,
      );
    }
  }
}

/** The run's outcome in one line: what reached the target, or what was checked or exported. */
function promoteVerdict(config: PromoteConfig, done: PromoteResult): string {
  const tenant = config.target && `tenant ${config.target.tenantId}`;
  const file = done.fileId ?? 'its file';
  if (done.importId && !done.dryRun)
    return `✅ File ${file} imported without a dry run in this run into ${tenant} (import ${done.importId}: ${done.importStatus}).`;
  if (done.importId) return `✅ Imported file ${file} into ${tenant} (import ${done.importId}: ${done.importStatus}).`;
  if (done.dryRunId)
    return `✅ Dry run ${done.dryRunId} passed on ${tenant}; nothing was imported (mode ${config.mode}).`;
  const items = done.export?.itemCount === undefined ? '' : ` (${done.export.itemCount} item(s))`;
  const where = done.packageFile ? ` to ${done.packageFile.path}` : '';
  return `✅ Exported package ${done.export?.packageBundleName ?? done.exportId ?? ''}${items}${where}.`;
}

function packageLabel(pkg: PackageSource): string | undefined {
  switch (pkg.kind) {
    case 'export':
      return pkg.packageId ?? `export ${pkg.exportId} (started earlier)`;
    case 'file':
      return pkg.path;
    case 'file-id':
      return `file ${pkg.fileId}`;
    case 'dry-run':
      return `the file of dry run ${pkg.dryRunId} (started earlier)`;
    case 'import':
      return `the file of import ${pkg.importId} (started earlier)`;
  }
}

function writeSummary(summary: Summary, config: PromoteConfig, done: Partial<PromoteResult>, elapsed: string): void {
  const { packageFile, dryRun } = done;
  const pkg = config.package;
  summary.details([
    ['Mode', config.mode],
    ['Source', pkg.kind === 'export' ? `${pkg.source.url} tenant ${pkg.source.tenantId}` : undefined],
    ['Target', config.target && `${config.target.url} tenant ${config.target.tenantId}`],
    ['Package', packageLabel(pkg)],
    ['Export id', done.exportId],
    ['Package bundle', done.export?.packageBundleName],
    ['Items', done.export?.itemCount],
    ['Package file', packageFile && summaryFileName(packageFile.path)],
    ['sha256', packageFile && code(packageFile.sha256)],
    ['Target file id', done.fileId],
    ['Dry run', done.dryRunId && `${done.dryRunId}: ${dryRun ? done.dryRunOutcome : 'not finished'}`],
    ['Import', done.importId && `${done.importId}: ${done.importStatus ?? 'started'}`],
    ['Elapsed', elapsed],
  ]);
  if (dryRun) importReport(summary, 'Dry run', dryRun.status, dryRun.judgement);
  if (done.import) importReport(summary, 'Import', done.import.status, done.import.judgement);
  const statistics = done.export?.statistics ?? [];
  if (statistics.length) {
    const nonEmpty = statistics.filter((s) => s.itemCount !== 0).length;
    // Most of an export's packages are empty: the table is there for who needs it, folded.
    summary.fold(`Export: ${statistics.length} package(s), ${nonEmpty} with items`, (inner) =>
      inner.table(
        ['Package', 'Items'],
        statistics.map((s) => [s.packageName, String(s.itemCount ?? 'not reported')]),
        { align: ['left', 'right'], rest: `export ${done.exportId ?? ''} in SMAX Dev2Prod lists every package` },
      ),
    );
  }
}

/** The step's outputs for what the promotion reported; the ones not reported yet are left out. */
export function promoteOutputs(part: Partial<PromoteResult>): Record<string, OutputValue | undefined> {
  const exported = part.export;
  // Totals and results of the import when there was one, else of the dry run.
  const judged = part.import ?? part.dryRun;
  return {
    'export-id': part.exportId,
    'source-file-id': exported?.fileId,
    'package-bundle-name': exported?.packageBundleName,
    'item-count': exported?.itemCount,
    'package-file': part.packageFile?.path,
    'package-sha256': part.packageFile?.sha256,
    'file-id': part.fileId,
    'dry-run-import-id': part.dryRunId,
    'import-id': part.importId,
    'import-status': part.importStatus,
    totals: judged?.status.rawTotals as OutputValue | undefined,
    results: judged?.status.rawResults as OutputValue | undefined,
    'dry-run-outcome': part.dryRunOutcome,
  };
}
