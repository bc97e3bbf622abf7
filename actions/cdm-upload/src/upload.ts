/**
 * The cdm-upload flow: upload each item in order into one changeset (the first upload creates it unless one is
 * given), follow each to its end, commit with the last, and fail with ServiceNow's reasons. Never touches
 * @actions/core: it reports what it learns through `report` and returns the result.
 */
import { JobFailedError } from '../../../shared/errors.js';
import type { ApiClient } from '../../../shared/http/client.js';
import { poll } from '../../../shared/poll/poll.js';
import type { Report } from '../../../shared/report/known.js';
import type { Runtime } from '../../../shared/runtime.js';
import { classifyState, jobStates, sameState } from '../../../shared/poll/states.js';
import {
  getUploadStatus,
  requestUpload,
  type PublishOption,
  type UploadOptions,
  type UploadStatus,
} from '../../../shared/vendors/servicenow/cdm-uploads.js';
import type { ServiceNowConnection } from '../../../shared/vendors/servicenow/connection.js';
import { CDM_REQUEST_STATES, CHANGESET_STATES } from '../../../shared/vendors/servicenow/states.js';
import { readItemBody, type UploadItem } from './items.js';

export interface UploadConfig {
  connection: ServiceNowConnection;
  options: UploadOptions;
  items: UploadItem[];
  changesetNumber?: string;
  autoCommit: boolean;
  autoValidate: boolean;
  publishOption: PublishOption;
  pollIntervalMs: number;
}

export interface UploadedFile {
  /** Absolute path; null for inline content. */
  file: string | null;
  namePath: string | null;
  uploadId: string | null;
  /** The upload's last state: completed, error, or not_started for the ones after a failure. */
  state: string;
}

export interface UploadDeps {
  client: ApiClient;
  runtime: Runtime;
  report: Report<UploadResult>;
}

export interface UploadResult {
  /** Where each item stands, also the ones after a failure. */
  files: UploadedFile[];
  changesetNumber: string;
  /** The changeset's state after the last upload, as ServiceNow gave it. */
  changesetState?: string;
  /** The upload started last. */
  uploadId?: string;
  /** `completed`, or `error` once an upload or the commit failed. */
  state: 'completed' | 'error';
}

/** Where each file stands before the first upload. */
export function plannedFiles(items: UploadItem[]): UploadedFile[] {
  return items.map((item) => ({
    file: item.file ?? null,
    namePath: item.namePath ?? null,
    uploadId: null,
    state: 'not_started',
  }));
}

/**
 * Each upload id is reported the moment the upload starts; `files` once, when the run ends on any path: reported
 * after every upload, its outputs would grow GITHUB_OUTPUT with the square of the number of files.
 */
export async function runUploads(config: UploadConfig, deps: UploadDeps): Promise<UploadResult> {
  const files = plannedFiles(config.items);
  try {
    return await uploadAll(config, deps, files);
  } finally {
    deps.report({ files });
  }
}

async function uploadAll(config: UploadConfig, deps: UploadDeps, files: UploadedFile[]): Promise<UploadResult> {
  const { client, runtime, report } = deps;
  const { logger } = runtime;
  let changesetNumber = config.changesetNumber;
  let changesetState: string | undefined;
  if (changesetNumber) report({ changesetNumber });

  for (const [index, item] of config.items.entries()) {
    const commits = config.autoCommit && index === config.items.length - 1;
    const uploadId = await requestUpload(client, config.connection, config.options, {
      namePath: item.namePath,
      dataFormat: item.dataFormat,
      fileName: item.fileName,
      fileNodeName: item.fileNodeName,
      changesetNumber,
      commit: commits ? { autoValidate: config.autoValidate, publishOption: config.publishOption } : undefined,
      body: await readItemBody(item),
      contentType: item.contentType,
    });
    files[index].uploadId = uploadId;
    files[index].state = 'new';
    report({ uploadId });
    logger.info(
      `Upload ${uploadId} started: ${item.label} → ${item.namePath ?? '(top level)'}${commits ? ' (commits the changeset)' : ''}.`,
    );

    const classify = jobStates(`Upload ${uploadId}`, CDM_REQUEST_STATES, logger);
    const status = await poll(
      async () => {
        const current = await getUploadStatus(client, config.connection, uploadId);
        const changesetState = current.changeset?.state;
        const kind = classify(current.state);
        // The committing upload is done once its changeset has left the commit's transitional states.
        const settling =
          commits && changesetState !== undefined && classifyState(changesetState, CHANGESET_STATES) === 'running';
        if (kind === 'failed' || (kind === 'done' && !settling)) return { done: true, value: current };
        return { done: false, state: changesetState ? `${current.state}, changeset ${changesetState}` : current.state };
      },
      {
        what: `upload ${uploadId} (${item.label})`,
        runtime,
        maxIntervalMs: config.pollIntervalMs,
        resumeHint: openChangesetHint(changesetNumber, files),
      },
    );
    files[index].state = status.state;
    if (classify(status.state) === 'failed') {
      report({ state: 'error' });
      throw new JobFailedError(`Upload of ${item.label} failed`, {
        jobId: `Upload ${uploadId}`,
        state: status.state,
        errors: status.errors.length ? status.errors : ['ServiceNow reported the upload as failed without a reason'],
        hint: openChangesetHint(changesetNumber, files),
      });
    }
    changesetNumber = changesetNumber ?? status.changeset?.number;
    if (!changesetNumber) {
      report({ state: 'error' });
      throw new JobFailedError(`Upload of ${item.label} completed but ServiceNow did not say which changeset it used`, {
        jobId: `Upload ${uploadId}`,
        state: 'completed',
        errors: [],
        hint: 'Look at the upload in the CDM Request Queue (sn_cdm_request_queue) and re-run with changeset-number',
      });
    }
    // A later answer without the state leaves the last one known.
    changesetState = status.changeset?.state || changesetState;
    report({ changesetNumber, changesetState });
    if (status.errors.length) {
      // A completed upload that still carries errors did not do all it was asked: not a pass.
      files[index].state = 'error';
      report({ state: 'error' });
      throw new JobFailedError(
        `Upload of ${item.label} completed with errors (changeset ${changesetNumber}, ${changesetStateText(status)})`,
        {
          jobId: `Upload ${uploadId}`,
          state: `completed with errors, changeset ${changesetStateText(status)}`,
          errors: status.errors,
          hint: commits
            ? `Look at upload ${uploadId} in the CDM Request Queue and at changeset ${changesetNumber} in DevOps Config, fix the cause and run again`
            : openChangesetHint(changesetNumber, files),
        },
      );
    }
    if (commits) checkCommitted(changesetNumber, uploadId, status, report);
  }

  if (!config.autoCommit) {
    logger.notice(
      `Changeset ${changesetNumber} is left open (auto-commit: false): commit it in DevOps Config, or upload more with changeset-number: ${changesetNumber}.`,
      'Changeset left open',
    );
  }
  report({ state: 'completed' });
  const last = files.at(-1);
  return {
    files,
    changesetNumber: changesetNumber ?? '',
    changesetState,
    uploadId: last?.uploadId ?? undefined,
    state: 'completed',
  };
}

/** The committing upload passes only when its changeset says `committed`; any other state, or none, fails. */
function checkCommitted(
  changesetNumber: string,
  uploadId: string,
  status: UploadStatus,
  report: Report<UploadResult>,
): void {
  const state = status.changeset?.state;
  if (state !== undefined && classifyState(state, CHANGESET_STATES) === 'done') return;
  report({ state: 'error' });
  throw new JobFailedError(`Changeset ${changesetNumber} was not committed`, {
    jobId: `Changeset ${changesetNumber}`,
    state: state ?? 'unknown',
    errors: [
      state === undefined
        ? `ServiceNow did not say the changeset's state after upload ${uploadId}, so the commit cannot be confirmed`
        : `The changeset ended '${state}' after upload ${uploadId}`,
    ],
    hint:
      state?.toLowerCase() === 'blocked'
        ? 'It conflicts with other changes: resolve the conflict in DevOps Config, then commit it there'
        : 'Look at the changeset in DevOps Config for the reason, fix it, and commit it there or re-run',
  });
}

function changesetStateText(status: UploadStatus): string {
  return status.changeset?.state ? `state '${status.changeset.state}'` : 'state not given';
}

/** Says which changeset stays open and what is already in it, so the user can fix and re-run. */
function openChangesetHint(changesetNumber: string | undefined, files: UploadedFile[]): string {
  const done = files.filter((f) => sameState(f.state, 'completed')).map((f) => f.file ?? 'content');
  if (!changesetNumber) {
    return 'ServiceNow did not say which changeset the upload used (it may have opened one: see the open changesets of the application in DevOps Config); fix the problem and run again';
  }
  return (
    `Changeset ${changesetNumber} is left open with ${done.length} of ${files.length} upload(s) in it` +
    (done.length ? ` (${done.join(', ')})` : '') +
    `; fix the problem and re-run with changeset-number: ${changesetNumber}`
  );
}
