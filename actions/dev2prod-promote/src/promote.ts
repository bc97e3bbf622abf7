/**
 * The dev2prod-promote flow: export the package on the source, carry the file to the target, dry-run the import,
 * and import only when the dry run passed — each step optional by mode. Never touches @actions/core: it reports
 * what it learns through `report` (for the outputs, the summary and the PR comment) and returns the result.
 */
import * as path from 'node:path';
import { JobFailedError } from '../../../shared/errors.js';
import { fileDigest, type WrittenFile } from '../../../shared/fs/atomic.js';
import { safeFileName } from '../../../shared/fs/file-name.js';
import { unusedPath } from '../../../shared/fs/output-file.js';
import type { ApiClient } from '../../../shared/http/client.js';
import { waitForJob } from '../../../shared/poll/job.js';
import type { ArtifactRequest, UploadedArtifact } from '../../../shared/report/artifact.js';
import type { Report } from '../../../shared/report/known.js';
import type { Runtime } from '../../../shared/runtime.js';
import {
  downloadAttachment,
  getExport,
  SMAX_JOB_STATES,
  startExport,
  uploadAttachment,
  type ExportStatus,
} from '../../../shared/vendors/smax/dev2prod.js';
import type { SmaxTenant } from '../../../shared/vendors/smax/session.js';
import { runImport, type ImportJob, type ImportRun } from './imports.js';
import { nextStep } from './judge.js';

export const MODES = ['export', 'dry-run', 'promote', 'import'] as const;
export type Mode = (typeof MODES)[number];

/**
 * Where the package comes from: exported from the source tenant (or an export started earlier there), a zip on disk,
 * or a file the target already has. A dry run or import started earlier already has its file: `fileId`, when given,
 * must be the one its status names.
 */
export type PackageSource =
  | ExportSource
  | { kind: 'file'; path: string }
  | { kind: 'file-id'; fileId: string }
  | { kind: 'dry-run'; dryRunId: string; fileId?: string }
  | { kind: 'import'; importId: string; fileId?: string };

/** A package export to start, or one started earlier (`exportId`) to wait for, with its package id when known. */
export type ExportSource = { kind: 'export'; source: SmaxTenant } & (
  { packageId: string; exportId?: undefined } | { packageId?: string; exportId: string }
);

export interface PromoteSettings {
  downloadDir: string;
  /** The default folder (RUNNER_TEMP) is the job's: a second export there never replaces an earlier step's file. */
  keepEarlierFiles?: boolean;
  artifact?: Omit<ArtifactRequest, 'files'>;
  failOnWarnings: boolean;
  pollIntervalMs: number;
  /** mode import from a package it exports itself: imported with no dry run anywhere, on purpose. */
  skipDryRun: boolean;
}

/** Mode export only exports (so its package is exported); every other mode imports into a target. */
export type PromoteConfig = PromoteSettings &
  (
    | { mode: 'export'; package: ExportSource; target?: undefined }
    | { mode: Exclude<Mode, 'export'>; package: PackageSource; target: SmaxTenant }
  );

export interface PromoteDeps {
  runtime: Runtime;
  report: Report<PromoteResult>;
  clientFor: (tenant: SmaxTenant) => ApiClient;
  uploadArtifact: (request: ArtifactRequest) => Promise<UploadedArtifact | undefined>;
}

/** What the run learned; each part is reported as it is known, so a failed run still shows it. */
export interface PromoteResult {
  exportId?: string;
  /** The export's final status (also when it failed). */
  export?: ExportStatus;
  packageFile?: WrittenFile;
  /** The package's id in the target's file repository. */
  fileId?: string;
  dryRunId?: string;
  dryRun?: ImportRun;
  dryRunOutcome: 'passed' | 'failed' | 'skipped';
  importId?: string;
  /** The import's state while it runs, then its final one. */
  importStatus?: string;
  import?: ImportRun;
}

export async function runPromote(config: PromoteConfig, deps: PromoteDeps): Promise<PromoteResult> {
  const { report, runtime } = deps;
  const { logger } = runtime;
  const result: PromoteResult = { dryRunOutcome: 'skipped' };
  const learned = (part: Partial<PromoteResult>) => {
    Object.assign(result, part);
    report(part);
  };

  const pkg = config.package;
  if (pkg.kind === 'export') {
    await exportAndDownload(config, pkg, deps, learned);
  } else if (pkg.kind === 'file') {
    learned({ packageFile: await fileDigest(pkg.path) });
  }
  const packageFile = result.packageFile;
  if (config.artifact && packageFile) {
    await deps.uploadArtifact({ ...config.artifact, files: [packageFile.path] });
  }
  if (config.mode === 'export') {
    learned({ dryRunOutcome: 'skipped' });
    return result;
  }

  const target = config.target;
  const client = deps.clientFor(target);
  let fileId = pkg.kind === 'file-id' ? pkg.fileId : undefined;
  if (!fileId && packageFile) {
    logger.info(
      `Uploading ${path.basename(packageFile.path)} (${packageFile.bytes} bytes) to tenant ${target.tenantId}.`,
    );
    fileId = await uploadAttachment(client, target.tenantId, packageFile.path);
  }
  if (fileId) learned({ fileId });
  const job = (dryRun: boolean): ImportJob => {
    if (pkg.kind === 'dry-run' || pkg.kind === 'import') {
      const resumed = dryRun ? pkg.kind === 'dry-run' && pkg.dryRunId : pkg.kind === 'import' && pkg.importId;
      if (resumed) return { dryRun, startedId: resumed, fileId: pkg.fileId };
    }
    if (!fileId) throw new Error('nothing to import: no package, file-id or job started earlier');
    return { dryRun, fileId };
  };

  if (pkg.kind !== 'import' && (config.mode === 'dry-run' || config.mode === 'promote')) {
    const dryRun = await runImport(client, target, job(true), { ...config, runtime, learned });
    fileId = dryRun.fileId;
    learned({ dryRun, dryRunOutcome: dryRun.judgement.passed ? 'passed' : 'failed' });
    if (!dryRun.judgement.passed) {
      throw new JobFailedError(
        `Dry run ${dryRun.id} on tenant ${target.tenantId} did not pass (${dryRun.judgement.reasons.join('; ')}); nothing was imported`,
        {
          jobId: `Dry run ${dryRun.id}`,
          state: dryRun.status.status,
          errors: [],
          hint: nextStep(
            dryRun.status,
            fileId ?? 'the file-id output',
            'The errors are annotated by package above; fix them on the source tenant, export again and re-run',
          ),
        },
      );
    }
    logger.info(`Dry run ${dryRun.id} passed.`);
  } else {
    learned({ dryRunOutcome: 'skipped' });
  }

  if (config.mode === 'promote' || config.mode === 'import') {
    if (!result.dryRun) sayNoDryRun(config, logger);
    const imported = await runImport(client, target, job(false), { ...config, runtime, learned });
    learned({ import: imported });
    if (!imported.judgement.passed) {
      throw new JobFailedError(
        `Import ${imported.id} on tenant ${target.tenantId} did not pass (${imported.judgement.reasons.join('; ')})`,
        {
          jobId: `Import ${imported.id}`,
          state: imported.status.status,
          errors: [],
          hint: nextStep(
            imported.status,
            imported.fileId ?? 'the file-id output',
            'The errors are annotated by package above; look at the import in Package Manager on the target tenant',
          ),
        },
      );
    }
    logger.info(`Import ${imported.id} completed on tenant ${target.tenantId}.`);
  }
  return result;
}

/** An import with no dry run in the same run is said out loud; one with no dry run anywhere is a warning. */
function sayNoDryRun(config: PromoteConfig, logger: Runtime['logger']): void {
  if (config.package.kind === 'export') {
    logger.warning(
      'Importing without a dry run (skip-dry-run: true): the package was exported by this run and is imported with no dry run anywhere.',
      'Imported without a dry run',
    );
  } else if (config.package.kind === 'import') {
    logger.info('Following an import started earlier; this run does no dry run.');
  } else {
    logger.info(
      'Importing without a dry run in this run (mode import): the dry run is the earlier job of a gated workflow.',
    );
  }
}

async function exportAndDownload(
  config: PromoteConfig,
  pkg: ExportSource,
  deps: PromoteDeps,
  learned: Report<PromoteResult>,
): Promise<void> {
  const { runtime } = deps;
  const { source } = pkg;
  const client = deps.clientFor(source);
  const what = pkg.packageId === undefined ? '' : ` of package ${pkg.packageId}`;
  let exportId: string;
  if (pkg.exportId === undefined) {
    exportId = await startExport(client, source.tenantId, pkg.packageId);
    learned({ exportId });
    runtime.logger.info(`Export ${exportId}${what} started on tenant ${source.tenantId}.`);
  } else {
    exportId = pkg.exportId;
    learned({ exportId });
    runtime.logger.info(`Waiting for export ${exportId}${what}, started earlier on tenant ${source.tenantId}.`);
  }
  const { status: exported } = await waitForJob({
    job: `Export ${exportId}`,
    states: SMAX_JOB_STATES,
    check: () => getExport(client, source.tenantId, exportId),
    stateOf: (current) => current.status,
    onEnd: (final) => learned({ export: final }),
    failed: (final) => ({
      message: `Export ${exportId}${what} ended ${final.status}`,
      errors: final.message ? [final.message] : [],
      hint: 'Look at the export in Package Manager on the source tenant',
    }),
    what: `export ${exportId}`,
    runtime,
    maxIntervalMs: config.pollIntervalMs,
    resumeHint: `The export goes on in SMAX: run again with export-id: ${exportId} to wait for it, and nothing is exported again`,
  });
  if (!exported.fileId) {
    throw new JobFailedError(`Export ${exportId} completed without a FileId`, {
      jobId: `Export ${exportId}`,
      state: exported.status,
      errors: [],
      hint: 'Look at the export in Package Manager on the source tenant',
    });
  }

  const name = safeFileName(
    exported.packageBundleName ?? `package-${pkg.packageId ?? 'export'}-${exportId}`,
    'package',
    '.zip',
  );
  const destination = config.keepEarlierFiles
    ? `${unusedPath(config.downloadDir, name.slice(0, -'.zip'.length), ['.zip'])}.zip`
    : path.join(config.downloadDir, name);
  const file = await downloadAttachment(client, source.tenantId, exported.fileId, destination);
  learned({ packageFile: file });
  runtime.logger.info(`Downloaded ${file.bytes} bytes to ${file.path} (sha256 ${file.sha256}).`);
}
