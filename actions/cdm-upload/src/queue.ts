/**
 * The uploads in flight, followed together (docs/vendor-apis.md: the upload endpoints queue each request on the
 * server). Uploads are queued in file order, at most `bound` at a time, each file read only when it is queued. Each
 * tick of the one poller is one status round over the open uploads that are due, then the queue is topped up.
 * Until ServiceNow says which changeset the first upload opened, the others wait for it; the committing (last)
 * upload waits until every other one has completed. After a failure nothing more is queued: the open uploads are
 * followed to their end and the failure of the first file in order is thrown.
 */
import { ApiError, CancelledError } from '../../../shared/errors.js';
import { nextIntervalMs, type PollStep } from '../../../shared/poll/poll.js';
import { classifyState, jobStates, type StateClass } from '../../../shared/poll/states.js';
import { getUploadStatus, requestUpload, type UploadStatus } from '../../../shared/vendors/servicenow/cdm-uploads.js';
import { formatDuration } from '../../../shared/runtime.js';
import { CDM_REQUEST_STATES, CHANGESET_STATES } from '../../../shared/vendors/servicenow/states.js';
import { readItemBody } from './items.js';
import type { UploadConfig, UploadDeps, UploadedFile } from './types.js';

/** The first status check of an upload: a quick upload is noticed in tens of ms, not after the poller's 0.5 s. */
export const FIRST_CHECK_MS = 25;

export interface OpenUpload {
  /** Index in the run's files. */
  index: number;
  uploadId: string;
  /** Carries autoCommit: the run's last upload. */
  commits: boolean;
  queuedAt: number;
  intervalMs: number;
  dueAt: number;
  classify: (state: string) => StateClass;
  /** The last state logged; only the committing upload's are, as the changeset goes through the commit. */
  logged?: string;
}

/** What happens to an upload that has ended: the queue marks it, and records a failure with the file's index. */
export type Judge = (upload: OpenUpload, status: UploadStatus) => void;

export class UploadQueue {
  private next = 0;
  private readonly open: OpenUpload[] = [];
  private bound: number;
  /** Until when a slow-down asked by the server holds, so one burst of 429s halves the bound once. */
  private calmUntil = 0;
  /** The failure of the first file in order; built when thrown, with a hint that says where the run ended. */
  private failure?: { index: number; error: (hint: string) => Error };
  private completedCount = 0;
  /** Known from the input, or from the first upload's status. */
  changesetNumber?: string;

  constructor(
    private readonly config: UploadConfig,
    private readonly deps: UploadDeps,
    private readonly files: UploadedFile[],
    private readonly judge: Judge,
  ) {
    this.bound = config.maxParallel;
    this.changesetNumber = config.changesetNumber;
  }

  /** One tick: a status round over the uploads that are due, then as many new uploads as may go. */
  async tick(): Promise<PollStep<void>> {
    await this.round();
    await this.topUp();
    if (this.open.length === 0) return { done: true, value: undefined };
    const now = this.deps.runtime.clock.now();
    const waitMs = Math.max(0, Math.min(...this.open.map((upload) => upload.dueAt - now)));
    return { done: false, state: this.progress(), waitMs };
  }

  /** Queues what may go now; before the first tick, the first upload(s). */
  async topUp(): Promise<void> {
    while (this.mayQueue()) await this.queueNext();
  }

  /** Records that the upload of `index` failed; the first file in order wins. */
  fail(index: number, error: (hint: string) => Error): void {
    if (!this.failure) this.deps.report({ state: 'error' });
    if (!this.failure || index < this.failure.index) this.failure = { index, error };
  }

  /** The failure to throw once nothing is open any more, with `hint` (what to do next) in it. */
  failed(hint: string): Error | undefined {
    return this.failure?.error(hint);
  }

  completed(): void {
    this.completedCount += 1;
  }

  /** "120 of 1000 completed, 8 in flight". */
  progress(): string {
    return `${this.completedCount} of ${this.files.length} completed, ${this.open.length} in flight`;
  }

  /** The ids of the uploads still open, for a hint after a timeout or cancel. */
  openIds(): string[] {
    return this.open.map((upload) => upload.uploadId);
  }

  private mayQueue(): boolean {
    const { items, autoCommit } = this.config;
    if (this.failure || this.next >= items.length || this.open.length >= this.bound) return false;
    if (this.deps.runtime.signal.aborted) throw new CancelledError();
    // The first upload opens the changeset; the others go into it once ServiceNow has said which it is.
    if (!this.changesetNumber && this.next > 0) return false;
    // Commit once, with the last upload, after every other one has completed.
    return !(autoCommit && this.next === items.length - 1 && this.open.length > 0);
  }

  private async queueNext(): Promise<void> {
    const { config, files } = this;
    const { client, runtime, report } = this.deps;
    const index = this.next++;
    const item = config.items[index];
    const commits = config.autoCommit && index === config.items.length - 1;
    let uploadId: string;
    try {
      uploadId = await requestUpload(
        client,
        config.connection,
        config.options,
        {
          namePath: item.namePath,
          dataFormat: item.dataFormat,
          fileName: item.fileName,
          fileNodeName: item.fileNodeName,
          changesetNumber: this.changesetNumber,
          commit: commits ? { autoValidate: config.autoValidate, publishOption: config.publishOption } : undefined,
          body: await readItemBody(item),
          contentType: item.contentType,
        },
        { onThrottled: this.slowDown },
      );
    } catch (error) {
      if (!(error instanceof ApiError)) throw error;
      files[index].state = 'error';
      this.fail(index, (hint) => notStarted(error, item.label, hint));
      return;
    }
    files[index].uploadId = uploadId;
    files[index].state = 'new';
    report({ uploadId });
    runtime.logger.info(
      `Upload ${uploadId} started: ${item.label} → ${item.namePath ?? '(top level)'}${commits ? ' (commits the changeset)' : ''}.`,
    );
    const now = runtime.clock.now();
    this.open.push({
      index,
      uploadId,
      commits,
      queuedAt: now,
      intervalMs: FIRST_CHECK_MS,
      dueAt: now + FIRST_CHECK_MS,
      classify: jobStates(`Upload ${uploadId}`, CDM_REQUEST_STATES, runtime.logger),
    });
  }

  /**
   * Asks the status of every open upload that is due, or half an interval from due: uploads queued close together
   * are checked in the same round. An upload still running is due again after the poller's growing interval.
   */
  private async round(): Promise<void> {
    const { client, runtime } = this.deps;
    const now = runtime.clock.now();
    const due = this.open.filter((upload) => upload.dueAt - upload.intervalMs / 2 <= now);
    const statuses = await Promise.all(
      due.map((upload) =>
        getUploadStatus(client, this.config.connection, upload.uploadId, { onThrottled: this.slowDown }),
      ),
    );
    const checkedAt = runtime.clock.now();
    for (const [i, upload] of due.entries()) {
      const ended = this.judgeOne(upload, statuses[i]);
      if (ended) {
        this.open.splice(this.open.indexOf(upload), 1);
        continue;
      }
      upload.intervalMs = nextIntervalMs(checkedAt - upload.queuedAt, this.config.pollIntervalMs, FIRST_CHECK_MS);
      upload.dueAt = checkedAt + upload.intervalMs;
    }
  }

  /** True when the upload has ended (the judge has marked it); else its state is recorded. */
  private judgeOne(upload: OpenUpload, status: UploadStatus): boolean {
    const kind = upload.classify(status.state);
    // The committing upload is done once its changeset has left the commit's transitional states.
    const changesetState = status.changeset?.state;
    const settling =
      upload.commits && changesetState !== undefined && classifyState(changesetState, CHANGESET_STATES) === 'running';
    if (kind === 'failed' || (kind === 'done' && !settling)) {
      this.judge(upload, status);
      return true;
    }
    this.files[upload.index].state = status.state;
    const shown = changesetState ? `${status.state}, changeset ${changesetState}` : status.state;
    if (upload.commits && shown !== upload.logged) {
      const { clock, logger } = this.deps.runtime;
      const label = this.config.items[upload.index].label;
      const elapsed = formatDuration(clock.now() - upload.queuedAt);
      logger.info(`upload ${upload.uploadId} (${label}): ${shown} (${elapsed} elapsed)`);
      upload.logged = shown;
    }
    return false;
  }

  /** A 429 or 503: at most half as many uploads in flight from now on; the client waits out Retry-After. */
  private readonly slowDown = (waitMs: number): void => {
    const { clock, logger } = this.deps.runtime;
    const now = clock.now();
    if (now < this.calmUntil) return;
    this.calmUntil = now + waitMs;
    const halved = Math.max(1, Math.floor(this.bound / 2));
    if (halved === this.bound) return;
    this.bound = halved;
    logger.info(`ServiceNow asked to slow down: at most ${halved} upload(s) in flight from now on.`);
  };
}

/** A rejected upload request, naming the file; the request error keeps the vendor's words and its own hint. */
function notStarted(error: ApiError, label: string, next: string): ApiError {
  return new ApiError({
    method: error.method,
    url: error.url,
    status: error.status,
    vendorMessage: error.vendorMessage,
    kind: error.kind,
    hint: [error.hint, `This was the upload of ${label}`, next].filter(Boolean).join('. '),
  });
}
