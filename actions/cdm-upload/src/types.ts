/**
 * What the cdm-upload flow is given and what it returns: upload.ts runs it, queue.ts carries its uploads, and both
 * speak these types (kept apart so that neither imports the other back).
 */
import type { ApiClient } from '../../../shared/http/client.js';
import type { Report } from '../../../shared/report/known.js';
import type { Runtime } from '../../../shared/runtime.js';
import type { PublishOption, UploadOptions } from '../../../shared/vendors/servicenow/cdm-uploads.js';
import type { ServiceNowConnection } from '../../../shared/vendors/servicenow/connection.js';
import type { UploadItem } from './items.js';

export interface UploadConfig {
  connection: ServiceNowConnection;
  options: UploadOptions;
  items: UploadItem[];
  changesetNumber?: string;
  autoCommit: boolean;
  autoValidate: boolean;
  publishOption: PublishOption;
  pollIntervalMs: number;
  /** How many uploads may be in flight at once (the `max-parallel` input); 1 follows each to its end first. */
  maxParallel: number;
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
