/**
 * One dry run or real import on the target: started with a file, or one started earlier followed by its id; polled
 * to its end, annotated and judged. A job started earlier names its own file, which must match a file-id given.
 */
import { JobFailedError } from '../../../shared/errors.js';
import type { ApiClient } from '../../../shared/http/client.js';
import { waitForJob } from '../../../shared/poll/job.js';
import type { Runtime } from '../../../shared/runtime.js';
import { getImport, SMAX_JOB_STATES, startImport, type ImportStatus } from '../../../shared/vendors/smax/dev2prod.js';
import type { SmaxTenant } from '../../../shared/vendors/smax/session.js';
import { annotate, judgeImport, type Judgement } from './judge.js';

/** A dry run or an import: its id as soon as it started, then its final status and whether it passed. */
export interface ImportRun {
  id: string;
  /** The file it imported (for a job started earlier, as its status names it). */
  fileId?: string;
  status: ImportStatus;
  judgement: Judgement;
}

/** What a job's run needs: the poll and judgement settings, and where its ids and file go as they are learned. */
export interface ImportDeps {
  runtime: Runtime;
  pollIntervalMs: number;
  failOnWarnings: boolean;
  learned: (part: { dryRunId?: string; importId?: string; importStatus?: string; fileId?: string }) => void;
}

/** A dry run or import to start with a file, or one started earlier to follow (its file may be given to check). */
export type ImportJob = { dryRun: boolean } & (
  { fileId: string; startedId?: undefined } | { startedId: string; fileId?: string }
);

export async function runImport(
  client: ApiClient,
  target: SmaxTenant,
  job: ImportJob,
  deps: ImportDeps,
): Promise<ImportRun> {
  const { runtime, learned } = deps;
  const { dryRun } = job;
  const label = dryRun ? 'Dry run' : 'Import';
  const input = dryRun ? 'dry-run-import-id' : 'import-id';
  let id: string;
  if (job.startedId === undefined) {
    id = await startImport(client, target.tenantId, job.fileId, dryRun);
    learned(dryRun ? { dryRunId: id } : { importId: id });
    runtime.logger.info(`${label} ${id} of file ${job.fileId} started on tenant ${target.tenantId}.`);
  } else {
    id = job.startedId;
    learned(dryRun ? { dryRunId: id } : { importId: id });
    runtime.logger.info(`Following ${label.toLowerCase()} ${id}, started earlier on tenant ${target.tenantId}.`);
  }
  const { status } = await waitForJob({
    job: `${label} ${id}`,
    states: SMAX_JOB_STATES,
    check: () => getImport(client, target.tenantId, id, dryRun),
    stateOf: (current) => current.status,
    onEnd: dryRun ? undefined : (final) => learned({ importStatus: final.status }),
    what: `${label.toLowerCase()} ${id}`,
    runtime,
    maxIntervalMs: deps.pollIntervalMs,
    onState: dryRun ? undefined : (state) => learned({ importStatus: state }),
    resumeHint: `The ${label.toLowerCase()} goes on in SMAX: run again with ${input}: ${id} to follow it`,
  });
  const fileId = importedFile(job, id, label, status);
  if (fileId && job.startedId !== undefined) learned({ fileId });
  annotate(label, status, runtime.logger);
  return { id, fileId, status, judgement: judgeImport(status, deps.failOnWarnings) };
}

/** The file a job imported: the one this run gave it, or the one its status names, which must match a given one. */
function importedFile(job: ImportJob, id: string, label: string, status: ImportStatus): string | undefined {
  if (job.startedId === undefined) return job.fileId;
  if (job.fileId && status.fileId && job.fileId !== status.fileId) {
    throw new JobFailedError(`${label} ${id} is not an import of file-id ${job.fileId}`, {
      jobId: `${label} ${id}`,
      state: status.status,
      errors: [`file-id is ${job.fileId}, but ${label.toLowerCase()} ${id} imports file ${status.fileId}`],
      hint: `Check ${job.dryRun ? 'dry-run-import-id' : 'import-id'} and file-id: both are outputs of the run that started it`,
    });
  }
  return status.fileId ?? job.fileId;
}
