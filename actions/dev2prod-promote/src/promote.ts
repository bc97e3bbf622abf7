/**
 * The dev2prod-promote flow: export the package on the source, carry the file to the target, dry-run the import,
 * and import only when the dry run passed — each step optional by mode. Never touches @actions/core: it reports
 * through `outputs` and fills `progress` for the summary and the PR comment.
 */
import * as path from 'node:path';
import { JobFailedError } from '../../../shared/errors.js';
import { fileDigest, type WrittenFile } from '../../../shared/fs/atomic.js';
import { safeFileName } from '../../../shared/fs/file-name.js';
import type { ApiClient } from '../../../shared/http/client.js';
import { poll } from '../../../shared/poll/poll.js';
import { jobStates } from '../../../shared/poll/states.js';
import type { ArtifactRequest, UploadedArtifact } from '../../../shared/report/artifact.js';
import type { Outputs } from '../../../shared/report/outputs.js';
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
import { annotate, judgeImport, type Judgement } from './judge.js';

export const MODES = ['export', 'dry-run', 'promote', 'import'] as const;
export type Mode = (typeof MODES)[number];

export interface PromoteConfig {
  mode: Mode;
  /** Set when the package is exported (package-id). */
  source?: SmaxTenant;
  /** Set unless mode is export. */
  target?: SmaxTenant;
  packageId?: string;
  packageFile?: string;
  fileId?: string;
  downloadDir: string;
  artifact?: Omit<ArtifactRequest, 'files'>;
  failOnWarnings: boolean;
  pollIntervalMs: number;
}

export interface PromoteDeps {
  runtime: Runtime;
  outputs: Outputs;
  clientFor: (tenant: SmaxTenant) => ApiClient;
  uploadArtifact: (request: ArtifactRequest) => Promise<UploadedArtifact | undefined>;
}

/** What the run learned so far; read by the summary and the PR comment, also after a failure. */
export interface PromoteProgress {
  export?: ExportStatus;
  packageFile?: WrittenFile;
  dryRun?: { id: string; status: ImportStatus; judgement: Judgement };
  import?: { id: string; status: ImportStatus; judgement: Judgement };
}

export async function runPromote(config: PromoteConfig, deps: PromoteDeps, progress: PromoteProgress): Promise<void> {
  const { outputs, runtime } = deps;
  const { logger } = runtime;

  if (config.packageId && config.source) {
    progress.packageFile = await exportAndDownload(config, config.source, config.packageId, deps, progress);
  } else if (config.packageFile) {
    progress.packageFile = await fileDigest(config.packageFile);
    outputs.set('package-file', progress.packageFile.path);
    outputs.set('package-sha256', progress.packageFile.sha256);
  }
  if (config.artifact && progress.packageFile) {
    await deps.uploadArtifact({ ...config.artifact, files: [progress.packageFile.path] });
  }
  if (config.mode === 'export' || !config.target) {
    outputs.set('dry-run-outcome', 'skipped');
    return;
  }

  const target = config.target;
  const client = deps.clientFor(target);
  let fileId = config.fileId;
  if (!fileId && progress.packageFile) {
    logger.info(
      `Uploading ${path.basename(progress.packageFile.path)} (${progress.packageFile.bytes} bytes) to tenant ${target.tenantId}.`,
    );
    fileId = await uploadAttachment(client, target.tenantId, progress.packageFile.path);
  }
  if (!fileId) throw new Error('nothing to import: no package-id, package-file or file-id');
  outputs.set('file-id', fileId);

  if (config.mode === 'dry-run' || config.mode === 'promote') {
    const dryRun = await runImport(client, target, fileId, true, config, deps);
    progress.dryRun = dryRun;
    outputs.set('dry-run-outcome', dryRun.judgement.passed ? 'passed' : 'failed');
    if (!dryRun.judgement.passed) {
      throw new JobFailedError(
        `Dry run ${dryRun.id} on tenant ${target.tenantId} did not pass (${dryRun.judgement.reasons.join('; ')}); nothing was imported`,
        {
          jobId: `Dry run ${dryRun.id}`,
          state: dryRun.status.status,
          errors: [],
          hint: 'The errors are annotated by package above; fix them on the source tenant, export again and re-run',
        },
      );
    }
    logger.info(`Dry run ${dryRun.id} passed.`);
  } else {
    outputs.set('dry-run-outcome', 'skipped');
  }

  if (config.mode === 'promote' || config.mode === 'import') {
    const result = await runImport(client, target, fileId, false, config, deps);
    progress.import = result;
    if (!result.judgement.passed) {
      throw new JobFailedError(
        `Import ${result.id} on tenant ${target.tenantId} did not pass (${result.judgement.reasons.join('; ')})`,
        {
          jobId: `Import ${result.id}`,
          state: result.status.status,
          errors: [],
          hint: 'The errors are annotated by package above; look at the import in Package Manager on the target tenant',
        },
      );
    }
    logger.info(`Import ${result.id} completed on tenant ${target.tenantId}.`);
  }
}

async function exportAndDownload(
  config: PromoteConfig,
  source: SmaxTenant,
  packageId: string,
  deps: PromoteDeps,
  progress: PromoteProgress,
): Promise<WrittenFile> {
  const { outputs, runtime } = deps;
  const client = deps.clientFor(source);
  const exportId = await startExport(client, source.tenantId, packageId);
  outputs.set('export-id', exportId);
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
  progress.export = exported;
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
  outputs.set('source-file-id', exported.fileId);
  if (exported.packageBundleName) outputs.set('package-bundle-name', exported.packageBundleName);
  if (exported.itemCount !== undefined) outputs.set('item-count', exported.itemCount);

  const destination = path.join(
    config.downloadDir,
    `${safeFileName(exported.packageBundleName ?? `package-${packageId}-${exportId}`, 'package')}.zip`,
  );
  const file = await downloadAttachment(client, source.tenantId, exported.fileId, destination);
  outputs.set('package-file', file.path);
  outputs.set('package-sha256', file.sha256);
  runtime.logger.info(`Downloaded ${file.bytes} bytes to ${file.path} (sha256 ${file.sha256}).`);
  return file;
}

async function runImport(
  client: ApiClient,
  target: SmaxTenant,
  fileId: string,
  dryRun: boolean,
  config: PromoteConfig,
  deps: PromoteDeps,
): Promise<{ id: string; status: ImportStatus; judgement: Judgement }> {
  const { outputs, runtime } = deps;
  const label = dryRun ? 'Dry run' : 'Import';
  const id = await startImport(client, target.tenantId, fileId, dryRun);
  outputs.set(dryRun ? 'dry-run-import-id' : 'import-id', id);
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
      onState: dryRun ? undefined : (state) => outputs.set('import-status', state),
    },
  );
  if (!dryRun) outputs.set('import-status', status.status);
  outputs.set('totals', status.rawTotals as object);
  outputs.set('results', status.rawResults as object);
  annotate(label, status, runtime.logger);
  return { id, status, judgement: judgeImport(status, config.failOnWarnings) };
}
