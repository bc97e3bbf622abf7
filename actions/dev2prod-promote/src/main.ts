/** dev2prod-promote: inputs → export / transfer / dry run / import by mode → outputs, summary, PR comment. */
import * as path from 'node:path';
import { checkWorkspaceFile } from '../../../shared/fs/workspace.js';
import { errorMessage } from '../../../shared/errors.js';
import { zipFileProblem } from '../../../shared/fs/zip.js';
import type { InputReader } from '../../../shared/inputs/reader.js';
import { MIN_INTERVAL_MS } from '../../../shared/poll/poll.js';
import { uploadArtifact } from '../../../shared/report/artifact.js';
import { upsertPullRequestComment } from '../../../shared/report/pr-comment.js';
import { runAction, type ActionContext, type RunOptions } from '../../../shared/report/run.js';
import type { Summary } from '../../../shared/report/summary.js';
import { formatDuration } from '../../../shared/runtime.js';
import { smaxClient } from '../../../shared/vendors/smax/dev2prod.js';
import type { SmaxTenant } from '../../../shared/vendors/smax/session.js';
import { importReport } from './judge.js';
import { MODES, runPromote, type PromoteConfig, type PromoteProgress } from './promote.js';

export function run(options: Partial<RunOptions> = {}): Promise<void> {
  return runAction({ title: 'SMAX Dev2Prod promotion', ...options }, main);
}

async function main(context: ActionContext): Promise<void> {
  const { inputs, outputs, summary, logger } = context;
  const mode = inputs.choice('mode', MODES, { default: 'promote' }) ?? 'promote';
  const packageId = inputs.string('package-id');
  const packageFile = inputs.string('package-file');
  const fileId = inputs.string('file-id');
  const given = [packageId && 'package-id', packageFile && 'package-file', fileId && 'file-id'].filter(Boolean);
  if (given.length !== 1) {
    inputs.problem(
      given[1] ?? 'package-id',
      given.length
        ? `give only one of package-id, package-file and file-id (got ${given.join(', ')})`
        : 'give package-id, package-file or file-id',
    );
  }
  if (mode === 'export' && (packageFile || fileId))
    inputs.problem(packageFile ? 'package-file' : 'file-id', 'mode export needs package-id');
  if (packageId !== undefined && !/^[\w.-]+$/.test(packageId))
    inputs.problem('package-id', `must be a Package Manager package id such as 54321 (got '${packageId}')`);
  if (fileId !== undefined && !/^[\w.-]+$/.test(fileId))
    inputs.problem(
      'file-id',
      `must be a file repository id such as 9bf82520-f087-4763-af10-cf1ed38d893d (got '${fileId}')`,
    );

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
  const artifactName = inputs.string('artifact-name');
  const retentionDays = inputs.integer('retention-days', { min: 1, max: 90 });
  if (retentionDays !== undefined && !artifactName) inputs.problem('retention-days', 'only applies with artifact-name');
  if (artifactName && fileId)
    inputs.problem('artifact-name', 'needs a package file on disk: give package-id or package-file');
  const failOnWarnings = inputs.boolean('fail-on-warnings', false);
  const commentOnPr = inputs.boolean('comment-on-pr', false);
  const githubToken = inputs.secret('github-token');
  if (commentOnPr && !githubToken)
    inputs.problem('github-token', 'is required with comment-on-pr (the default is the workflow token)');
  const pollIntervalMs = inputs.duration('poll-interval', '15s', { min: MIN_INTERVAL_MS });
  inputs.finish();
  if (target && targetInputs?.sourceCredentials)
    logger.info(
      `target-username/target-password not given: the target (${target.url}) is the source's server, so the source's ${targetInputs.sourceCredentials} used there.`,
    );

  const config: PromoteConfig = {
    mode,
    source: packageId ? source : undefined,
    target,
    packageId,
    packageFile: resolvedPackageFile,
    fileId,
    downloadDir: path.resolve(inputs.string('download-dir') ?? process.env.RUNNER_TEMP ?? '.'),
    artifact: artifactName ? { name: artifactName, retentionDays } : undefined,
    failOnWarnings,
    pollIntervalMs,
  };
  const progress: PromoteProgress = {};
  try {
    await runPromote(
      config,
      {
        runtime,
        outputs,
        clientFor: (tenant) => smaxClient(tenant, runtime),
        uploadArtifact: (request) => uploadArtifact(request, logger),
      },
      progress,
    );
  } finally {
    writeSummary(summary, config, progress, outputs.values, formatDuration(runtime.deadline.elapsed()));
    if (commentOnPr && githubToken && progress.dryRun) {
      await upsertPullRequestComment(
        {
          token: githubToken,
          key: `dev2prod-promote ${process.env.GITHUB_WORKFLOW ?? ''} ${process.env.GITHUB_JOB ?? ''} ${config.target?.tenantId ?? ''}`,
          body: `## SMAX Dev2Prod dry run on tenant ${config.target?.tenantId}\n\n${
            progress.export?.packageBundleName ? `Package **${progress.export.packageBundleName}**, ` : ''
          }file \`${outputs.values.get('file-id') ?? ''}\`.\n\n${importReport('Dry run', progress.dryRun.status, progress.dryRun.judgement)}`,
        },
        logger,
      );
    }
  }
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
    inputs.problem(`${side}-tenant-id`, `must be the numeric tenant id (got '${tenantId}')`);
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

function writeSummary(
  summary: Summary,
  config: PromoteConfig,
  progress: PromoteProgress,
  out: ReadonlyMap<string, string>,
  elapsed: string,
): void {
  summary.details([
    ['Mode', config.mode],
    ['Source', config.source && `${config.source.url} tenant ${config.source.tenantId}`],
    ['Target', config.target && `${config.target.url} tenant ${config.target.tenantId}`],
    ['Package', config.packageId ?? config.packageFile ?? (config.fileId && `file ${config.fileId}`)],
    ['Export id', out.get('export-id')],
    ['Package bundle', out.get('package-bundle-name')],
    ['Items', out.get('item-count')],
    ['Package file', out.get('package-file')],
    ['sha256', out.get('package-sha256') && `\`${out.get('package-sha256')}\``],
    ['Target file id', out.get('file-id')],
    ['Dry run', out.get('dry-run-import-id') && `${out.get('dry-run-import-id')}: ${out.get('dry-run-outcome')}`],
    ['Import', out.get('import-id') && `${out.get('import-id')}: ${out.get('import-status')}`],
    ['Elapsed', elapsed],
  ]);
  if (progress.export?.statistics.length) {
    summary.heading('Export', 3).table(
      ['Package', 'Items'],
      progress.export.statistics.map((s) => [s.packageName, String(s.itemCount ?? '')]),
    );
  }
  if (progress.dryRun) summary.text(importReport('Dry run', progress.dryRun.status, progress.dryRun.judgement));
  if (progress.import) summary.text(importReport('Import', progress.import.status, progress.import.judgement));
}
