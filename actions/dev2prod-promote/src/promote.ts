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
import { poll } from '../../../shared/poll/poll.js';
import { jobStates } from '../../../shared/poll/states.js';
import type { ArtifactRequest, UploadedArtifact } from '../../../shared/report/artifact.js';
import type { Report } from '../../../shared/report/known.js';
import type { Runtime } from '../../../shared/runtime.js';
import {
  downloadAttachment,
  getExport,
  getImport,
  SMAX_JOB_STATES,
  startExport,
  startImport,
  uploadAttachment,
  type ExportStatus,
  type ImportStatus,
} from '../../../shared/vendors/smax/dev2prod.js';
import type { SmaxTenant } from '../../../shared/vendors/smax/session.js';
import { annotate, judgeImport, nextStep, type Judgement } from './judge.js';

export const MODES = ['export', 'dry-run', 'promote', 'import'] as const;
export type Mode = (typeof MODES)[number];

/** Where the package comes from: exported from the source tenant, a zip on disk, or a file the target already has. */
export type PackageSource =
  | { kind: 'export'; packageId: string; source: SmaxTenant }
  | { kind: 'file'; path: string }
  | { kind: 'file-id'; fileId: string };

export interface PromoteSettings {
  downloadDir: string;
  /** The default folder (RUNNER_TEMP) is the job's: a second export there never replaces an earlier step's file. */
  keepEarlierFiles?: boolean;
  artifact?: Omit<ArtifactRequest, 'files'>;
  failOnWarnings: boolean;
  pollIntervalMs: number;
}

/** Mode export only exports (so its package is exported); every other mode imports into a target. */
export type PromoteConfig = PromoteSettings &
  (
    | { mode: 'export'; package: Extract<PackageSource, { kind: 'export' }>; target?: undefined }
    | { mode: Exclude<Mode, 'export'>; package: PackageSource; target: SmaxTenant }
  );

export interface PromoteDeps {
  runtime: Runtime;
  report: Report<PromoteResult>;
  clientFor: (tenant: SmaxTenant) => ApiClient;
  uploadArtifact: (request: ArtifactRequest) => Promise<UploadedArtifact | undefined>;
}

/** A dry run or an import: its id as soon as it started, then its final status and whether it passed. */
export interface ImportRun {
  id: string;
  status: ImportStatus;
  judgement: Judgement;
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
    await exportAndDownload(config, pkg.source, pkg.packageId, deps, learned);
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
  if (!fileId) throw new Error('nothing to import: no package-id, package-file or file-id');
  learned({ fileId });

  if (config.mode === 'dry-run' || config.mode === 'promote') {
    const dryRun = await runImport(client, target, fileId, true, config, deps, learned);
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
            fileId,
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
    const imported = await runImport(client, target, fileId, false, config, deps, learned);
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
            fileId,
            'The errors are annotated by package above; look at the import in Package Manager on the target tenant',
          ),
        },
      );
    }
    logger.info(`Import ${imported.id} completed on tenant ${target.tenantId}.`);
  }
  return result;
}

async function exportAndDownload(
  config: PromoteConfig,
  source: SmaxTenant,
  packageId: string,
  deps: PromoteDeps,
  learned: Report<PromoteResult>,
): Promise<void> {
  const { runtime } = deps;
  const client = deps.clientFor(source);
  const exportId = await startExport(client, source.tenantId, packageId);
  learned({ exportId });
  runtime.logger.info(`Export ${exportId} of package ${packageId} started on tenant ${source.tenantId}.`);
  const classify = jobStates(`Export ${exportId}`, SMAX_JOB_STATES, runtime.logger);
  const exported = await poll(
    async () => {
      const current = await getExport(client, source.tenantId, exportId);
      if (classify(current.status) !== 'running') return { done: true, value: current };
      return { done: false, state: current.status };
    },
    { what: `export ${exportId}`, runtime, maxIntervalMs: config.pollIntervalMs },
  );
  learned({ export: exported });
  if (classify(exported.status) !== 'done') {
    throw new JobFailedError(`Export ${exportId} of package ${packageId} ended ${exported.status}`, {
      jobId: `Export ${exportId}`,
      state: exported.status,
      errors: exported.message ? [exported.message] : [],
      hint: 'Look at the export in Package Manager on the source tenant',
    });
  }
  if (!exported.fileId) {
    throw new JobFailedError(`Export ${exportId} completed without a FileId`, {
      jobId: `Export ${exportId}`,
      state: exported.status,
      errors: [],
      hint: 'Look at the export in Package Manager on the source tenant',
    });
  }

  const name = safeFileName(exported.packageBundleName ?? `package-${packageId}-${exportId}`, 'package', '.zip');
  const destination = config.keepEarlierFiles
    ? `${unusedPath(config.downloadDir, name.slice(0, -'.zip'.length), ['.zip'])}.zip`
    : path.join(config.downloadDir, name);
  const file = await downloadAttachment(client, source.tenantId, exported.fileId, destination);
  learned({ packageFile: file });
  runtime.logger.info(`Downloaded ${file.bytes} bytes to ${file.path} (sha256 ${file.sha256}).`);
}

async function runImport(
  client: ApiClient,
  target: SmaxTenant,
  fileId: string,
  dryRun: boolean,
  config: PromoteConfig,
  deps: PromoteDeps,
  learned: Report<PromoteResult>,
): Promise<ImportRun> {
  const { runtime } = deps;
  const label = dryRun ? 'Dry run' : 'Import';
  const id = await startImport(client, target.tenantId, fileId, dryRun);
  learned(dryRun ? { dryRunId: id } : { importId: id });
  runtime.logger.info(`${label} ${id} of file ${fileId} started on tenant ${target.tenantId}.`);
  const classify = jobStates(`${label} ${id}`, SMAX_JOB_STATES, runtime.logger);
  const status = await poll(
    async () => {
      const current = await getImport(client, target.tenantId, id, dryRun);
      if (classify(current.status) !== 'running') return { done: true, value: current };
      return { done: false, state: current.status };
    },
    {
      what: `${label.toLowerCase()} ${id}`,
      runtime,
      maxIntervalMs: config.pollIntervalMs,
      onState: dryRun ? undefined : (state) => learned({ importStatus: state }),
    },
  );
  if (!dryRun) learned({ importStatus: status.status });
  annotate(label, status, runtime.logger);
  return { id, status, judgement: judgeImport(status, config.failOnWarnings) };
}
