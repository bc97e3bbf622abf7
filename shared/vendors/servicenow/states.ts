/** The states of ServiceNow CDM jobs, for the shared state classifier (shared/poll/states.ts). */
import type { KnownStates } from '../../poll/states.js';

/** Uploads and exports are rows of the CDM Request Queue; its state column takes these values. */
export const CDM_REQUEST_STATES: KnownStates = {
  running: ['new', 'ready', 'in_progress'],
  done: ['completed'],
  failed: ['error'],
};

/**
 * A changeset after an upload that commits it: `committed` is the only good end; `open` means the commit did not
 * happen; the transitional states are waited out.
 */
export const CHANGESET_STATES: KnownStates = {
  running: ['checking_for_conflict', 'commit_in_progress'],
  done: ['committed'],
  failed: ['commit_failed', 'blocked', 'open'],
};

/** What an exporter reports in `exporter_result.state` when it ran to its end. */
export const EXPORTER_STATES: KnownStates = {
  running: ['new', 'ready', 'in_progress', 'running'],
  done: ['completed', 'complete', 'success', 'successful', 'succeeded'],
  failed: ['failure', 'error'],
};
