/** dev2prod-promote: inputs → export / transfer / dry run / import by mode → outputs, summary, PR comment. */
import * as path from 'node:path';
import { checkWorkspaceFile } from '../../../shared/fs/workspace.js';
import { errorMessage } from '../../../shared/errors.js';
import { zipFileProblem } from '../../../shared/fs/zip.js';
import type { InputReader } from '../../../shared/inputs/reader.js';
import { readPollInterval } from '../../../shared/poll/poll.js';
import { readArtifactInputs, uploadArtifact } from '../../../shared/report/artifact.js';
import { Known } from '../../../shared/report/known.js';
import { setOutputs, type OutputValue } from '../../../shared/report/outputs.js';
import { COMMENT_BUDGET_BYTES, upsertPullRequestComment } from '../../../shared/report/pr-comment.js';
import { runAction, type ActionContext, type RunOptions } from '../../../shared/report/run.js';
import { bold, code, md } from '../../../shared/report/markdown.js';
import { Summary } from '../../../shared/report/summary.js';
import { formatDuration } from '../../../shared/runtime.js';
import { smaxClient } from '../../../shared/vendors/smax/dev2prod.js';
import type { SmaxTenant } from '../../../shared/vendors/smax/session.js';
import { importReport } from './judge.js';
import {
  MODES,
  runPromote,
  type Mode,
  type PackageSource,
  type PromoteConfig,
  type PromoteResult,
  type PromoteSettings,
} from './promote.js';

export function run(options: Partial<RunOptions> = {}): Promise<void> {
  return runAction({ title: 'SMAX Dev2Prod promotion', ...options }, main);
}

async function main(context: ActionContext): Promise<string> {
  const { inputs, outputs, summary, logger } = context;
  const mode = inputs.choice('mode', MODES, { default: 'promote' }) ?? 'promote';
  const packageId = inputs.string('package-id');
  const packageFile = inputs.string('package-file');
  const fileId = inputs.string('file-id');
  inputs.exactlyOne(['package-id', 'package-file', 'file-id']);
  if (mode === 'export' && (packageFile || fileId))
    inputs.problem(packageFile ? 'package-file' : 'file-id', 'mode export needs package-id');
  if (packageId !== undefined && !/^[\w.-]+$/.test(packageId))
    inputs.problem('package-id', 'must be a Package Manager package id such as 54321', packageId);
  if (fileId !== undefined && !/^[\w.-]+$/.test(fileId))
    inputs.problem('file-id', 'must be a file repository id such as 9bf82520-f087-4763-af10-cf1ed38d893d', fileId);

  const sourceInputs = readTenant(inputs, 'source', packageId !== undefined);
  const source = complete(sourceInputs);
  const targetInputs = mode === 'export' ? undefined : readTenant(inputs, 'target', true, sourceInputs);
  const target = targetInputs && complete(targetInputs);
  // The clock starts before the package file is checked: local work counts against timeout too.
  const timeoutMs = inputs.duration('timeout', '60m');
  const runtime = context.runtime(timeoutMs);
  const resolvedPackageFile = packageFile && (await checkPackageFile(inputs, packageFile));
  // Only a file inside the workspace is opened to look for the zip signature.
  if (resolvedPackageFile) await checkPackageIsZip(inputs, resolvedPackageFile);
  const artifact = readArtifactInputs(inputs);
  if (artifact && fileId)
    inputs.problem('artifact-name', 'needs a package file on disk: give package-id or package-file');
  const failOnWarnings = inputs.boolean('fail-on-warnings', false);
  const commentOnPr = inputs.boolean('comment-on-pr', false);
  const githubToken = inputs.secret('github-token');
  inputs.requiredWith('github-token', commentOnPr, 'comment-on-pr (the default is the workflow token)');
  const pollIntervalMs = readPollInterval(inputs, '15s');
  const settings = {
    downloadDir: path.resolve(inputs.string('download-dir') ?? process.env.RUNNER_TEMP ?? '.'),
    keepEarlierFiles: !inputs.has('download-dir'),
    artifact,
    failOnWarnings,
    pollIntervalMs,
  };
  const packageSource: PackageSource | undefined =
    packageId !== undefined
      ? source && { kind: 'export', packageId, source }
      : resolvedPackageFile
        ? { kind: 'file', path: resolvedPackageFile }
        : fileId !== undefined
          ? { kind: 'file-id', fileId }
          : undefined;
  const { config } = inputs.finish({ config: promoteConfig(mode, packageSource, target, settings) });
  if (config.target && targetInputs?.sourceCredentials)
    logger.info(
      `target-username/target-password not given: the target (${config.target.url}) is the source's server, so the source's ${targetInputs.sourceCredentials} used there.`,
    );

  const known = new Known<PromoteResult>((part) => setOutputs(outputs, promoteOutputs(part)));
  try {
    const result = await runPromote(config, {
      runtime,
      report: known.report,
      clientFor: (tenant) => smaxClient(tenant, runtime),
      uploadArtifact: (request) => uploadArtifact(request, logger),
    });
    known.report(result);
    return promoteVerdict(config, result);
  } finally {
    const done = known.value;
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

/**
 * The config the inputs describe: export takes a package to export and no target; the other modes a target.
 * Undefined when the inputs did not make one (their problems say why).
 */
function promoteConfig(
  mode: Mode,
  pkg: PackageSource | undefined,
  target: SmaxTenant | undefined,
  settings: PromoteSettings,
): PromoteConfig | undefined {
  if (!pkg) return undefined;
  if (mode === 'export') return pkg.kind === 'export' ? { ...settings, mode, package: pkg } : undefined;
  return target && { ...settings, mode, package: pkg, target };
}

type TenantInputs = Partial<SmaxTenant> & {
  /** Which source credentials the target falls back to ("user name is", "password is", ...); undefined: none. */
  sourceCredentials?: string;
};

/**
 * `source-*` or `target-*` inputs, as far as given. The target falls back to the source's URL; to the source's
 * credentials only on the source's own server (same scheme, host and port), so development credentials never
 * travel to another server because a production secret was missing or misnamed.
 */
function readTenant(
  inputs: InputReader,
  side: 'source' | 'target',
  needed: boolean,
  fallback?: Partial<SmaxTenant>,
): TenantInputs {
  const ownUrl = inputs.url(`${side}-url`, {
    required: needed && !fallback?.url,
    expected: 'the SMAX server address, e.g. https://smax.example.com',
  });
  const url = ownUrl ?? fallback?.url;
  const tenantId = inputs.string(`${side}-tenant-id`, { required: needed });
  if (tenantId !== undefined && !/^\d+$/.test(tenantId))
    inputs.problem(`${side}-tenant-id`, 'must be the numeric tenant id', tenantId);
  const sameServer = !ownUrl || !fallback?.url || sameOrigin(ownUrl, fallback.url);
  const borrowed: string[] = [];
  const credential = (name: 'username' | 'password', value: string | undefined): string | undefined => {
    const input = `${side}-${name}`;
    if (value !== undefined || !needed) return value;
    if (!fallback?.[name]) inputs.problem(input, 'is required');
    else if (!sameServer)
      inputs.problem(
        input,
        `is required: target-url (${ownUrl}) is another server than source-url (${fallback.url}), and the source's credentials are only sent to the source's server`,
      );
    else {
      borrowed.push(name === 'username' ? 'user name' : 'password');
      return fallback[name];
    }
    return undefined;
  };
  const username = credential('username', inputs.string(`${side}-username`));
  const password = credential('password', inputs.secret(`${side}-password`));
  const sourceCredentials = borrowed.length
    ? `${borrowed.join(' and ')} ${borrowed.length > 1 ? 'are' : 'is'}`
    : undefined;
  return { url, tenantId, username, password, sourceCredentials };
}

/** Same scheme, host and port. */
function sameOrigin(a: string, b: string): boolean {
  return new URL(a).origin === new URL(b).origin;
}

/** `package-file` must be a file inside the workspace (links followed); returns its real path. */
async function checkPackageFile(inputs: InputReader, packageFile: string): Promise<string | undefined> {
  const checked = await checkWorkspaceFile(packageFile);
  if ('problem' in checked) {
    inputs.problem('package-file', checked.problem);
    return undefined;
  }
  return checked.file.path;
}

function complete(tenant: Partial<SmaxTenant>): SmaxTenant | undefined {
  const { url, tenantId, username, password } = tenant;
  return url && tenantId && username && password ? { url, tenantId, username, password } : undefined;
}

/** A package file must be a zip archive: an empty file or another kind of file would be uploaded and imported. */
async function checkPackageIsZip(inputs: InputReader, file: string): Promise<void> {
  const problem = await zipFileProblem(file).catch((error: unknown) => `could not be read (${errorMessage(error)})`);
  if (problem) inputs.problem('package-file', `${file} ${problem}; give the package zip that Dev2Prod exported`);
}

/** The run's outcome in one line: what reached the target, or what was checked or exported. */
function promoteVerdict(config: PromoteConfig, done: PromoteResult): string {
  const tenant = config.target && `tenant ${config.target.tenantId}`;
  if (done.importId)
    return `✅ Imported file ${done.fileId} into ${tenant} (import ${done.importId}: ${done.importStatus}).`;
  if (done.dryRunId)
    return `✅ Dry run ${done.dryRunId} passed on ${tenant}; nothing was imported (mode ${config.mode}).`;
  const items = done.export?.itemCount === undefined ? '' : ` (${done.export.itemCount} item(s))`;
  const where = done.packageFile ? ` to ${done.packageFile.path}` : '';
  return `✅ Exported package ${done.export?.packageBundleName ?? done.exportId ?? ''}${items}${where}.`;
}

function writeSummary(summary: Summary, config: PromoteConfig, done: Partial<PromoteResult>, elapsed: string): void {
  const { packageFile, dryRun } = done;
  const pkg = config.package;
  summary.details([
    ['Mode', config.mode],
    ['Source', pkg.kind === 'export' ? `${pkg.source.url} tenant ${pkg.source.tenantId}` : undefined],
    ['Target', config.target && `${config.target.url} tenant ${config.target.tenantId}`],
    ['Package', pkg.kind === 'export' ? pkg.packageId : pkg.kind === 'file' ? pkg.path : `file ${pkg.fileId}`],
    ['Export id', done.exportId],
    ['Package bundle', done.export?.packageBundleName],
    ['Items', done.export?.itemCount],
    ['Package file', packageFile?.path],
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
