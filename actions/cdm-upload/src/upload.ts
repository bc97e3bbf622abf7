/**
 * The cdm-upload flow: queue the items in order into one changeset (the first upload creates it unless one is
 * given), at most `max-parallel` in flight (queue.ts), commit with the last once every other one has completed, and
 * fail with ServiceNow's reasons. Never touches @actions/core: it reports what it learns through `report` and
 * returns the result.
 */
import { JobFailedError } from '../../../shared/errors.js';
import { poll } from '../../../shared/poll/poll.js';
import { classifyState, sameState } from '../../../shared/poll/states.js';
import type { UploadStatus } from '../../../shared/vendors/servicenow/cdm-uploads.js';
import { CHANGESET_STATES } from '../../../shared/vendors/servicenow/states.js';
import type { UploadItem } from './items.js';
import { FIRST_CHECK_MS, UploadQueue } from './queue.js';
import type { UploadConfig, UploadDeps, UploadedFile, UploadResult } from './types.js';

/** How many file names a hint quotes. */
const HINT_NAMES = 10;

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
  const { runtime, report } = deps;
  const { logger } = runtime;
  if (config.changesetNumber) report({ changesetNumber: config.changesetNumber });
  let changesetState: string | undefined;

  const queue: UploadQueue = new UploadQueue(config, deps, files, (upload, status) => {
    const item = config.items[upload.index];
    const jobId = `Upload ${upload.uploadId}`;
    files[upload.index].state = status.state;
    if (upload.classify(status.state) === 'failed') {
      queue.fail(
        upload.index,
        (hint) =>
          new JobFailedError(`Upload of ${item.label} failed`, {
            jobId,
            state: status.state,
            errors: status.errors.length
              ? status.errors
              : ['ServiceNow reported the upload as failed without a reason'],
            hint,
          }),
      );
      return;
    }
    const number = status.changeset?.number;
    queue.changesetNumber ??= number;
    const changesetNumber = queue.changesetNumber;
    if (!changesetNumber || (number && number !== changesetNumber)) {
      files[upload.index].state = 'error';
      queue.fail(upload.index, () => changesetUnknown(item.label, jobId, changesetNumber, number));
      return;
    }
    // A later answer without the state leaves the last one known.
    changesetState = status.changeset?.state || changesetState;
    report({ changesetNumber, changesetState });
    if (status.errors.length) {
      // A completed upload that still carries errors did not do all it was asked: not a pass.
      files[upload.index].state = 'error';
      queue.fail(
        upload.index,
        (hint) =>
          new JobFailedError(
            `Upload of ${item.label} completed with errors (changeset ${changesetNumber}, ${changesetStateText(status)})`,
            {
              jobId,
              state: `completed with errors, changeset ${changesetStateText(status)}`,
              errors: status.errors,
              hint: upload.commits
                ? `Look at upload ${upload.uploadId} in the CDM Request Queue and at changeset ${changesetNumber} in DevOps Config, fix the cause and run again`
                : hint,
            },
          ),
      );
      return;
    }
    const commitFailure = upload.commits ? checkCommitted(changesetNumber, upload.uploadId, status) : undefined;
    if (commitFailure) queue.fail(upload.index, () => commitFailure);
    else queue.completed();
  });

  const hint = () => openChangesetHint(queue.changesetNumber, files, queue.openIds());
  await queue.topUp();
  await poll(() => queue.tick(), {
    what: `${files.length} upload(s)`,
    runtime,
    maxIntervalMs: config.pollIntervalMs,
    minIntervalMs: FIRST_CHECK_MS,
    progress: 'periodic',
    resumeHint: hint,
  });
  const failure = queue.failed(hint());
  if (failure) throw failure;

  const changesetNumber = queue.changesetNumber;
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

/** The upload completed, but ServiceNow did not say its changeset, or named another one than the run's. */
function changesetUnknown(
  label: string,
  jobId: string,
  expected: string | undefined,
  got: string | undefined,
): JobFailedError {
  if (expected && got) {
    return new JobFailedError(`Upload of ${label} went into changeset ${got}, not ${expected}`, {
      jobId,
      state: 'completed',
      errors: [],
      hint: `Look at both changesets in DevOps Config: the run's uploads were meant to go into ${expected} only`,
    });
  }
  return new JobFailedError(`Upload of ${label} completed but ServiceNow did not say which changeset it used`, {
    jobId,
    state: 'completed',
    errors: [],
    hint: 'Look at the upload in the CDM Request Queue (sn_cdm_request_queue) and re-run with changeset-number',
  });
}

/** The committing upload passes only when its changeset says `committed`; any other state, or none, fails. */
function checkCommitted(changesetNumber: string, uploadId: string, status: UploadStatus): JobFailedError | undefined {
  const state = status.changeset?.state;
  if (state !== undefined && classifyState(state, CHANGESET_STATES) === 'done') return undefined;
  return new JobFailedError(`Changeset ${changesetNumber} was not committed`, {
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

/**
 * Says which changeset stays open, what is already in it (the first few files named: the files output has all) and
 * which uploads may still finish, so the user can fix and re-run.
 */
function openChangesetHint(changesetNumber: string | undefined, files: UploadedFile[], openIds: string[]): string {
  const done = files.filter((f) => sameState(f.state, 'completed')).map((f) => f.file ?? 'content');
  const stillOpen = openIds.length ? `; upload(s) ${listed(openIds)} may still finish, see the CDM Request Queue` : '';
  if (!changesetNumber) {
    return `ServiceNow did not say which changeset the upload used (it may have opened one: see the open changesets of the application in DevOps Config)${stillOpen}; fix the problem and run again`;
  }
  return (
    `Changeset ${changesetNumber} is left open with ${done.length} of ${files.length} upload(s) in it` +
    (done.length ? ` (${listed(done)})` : '') +
    stillOpen +
    `; fix the problem and re-run with changeset-number: ${changesetNumber}`
  );
}

/** The first few of a list, and how many more: a hint stays short with thousands of files. */
function listed(names: string[]): string {
  const shown = names.slice(0, HINT_NAMES);
  return shown.join(', ') + (names.length > shown.length ? ` and ${names.length - shown.length} more` : '');
}
