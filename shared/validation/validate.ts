/**
 * Brings each gated snapshot to a final validation state: use the stored one, wait for a running one, or start
 * one; then wait for all of them in one poll. A validation that was requested but never leaves not_validated (or
 * its old final state) within the start grace did not start.
 */
import { ApiError, JobFailedError } from '../errors.js';
import type { ApiClient } from '../http/client.js';
import { poll } from '../poll/poll.js';
import type { Runtime } from '../runtime.js';
import {
  FINAL_VALIDATION_STATES,
  PENDING_VALIDATION_STATES,
  getSnapshotValidation,
  isValidationState,
  validateSnapshot,
} from '../vendors/servicenow/cdm-snapshots.js';
import type { ServiceNowConnection } from '../vendors/servicenow/connection.js';
import type { GatedSnapshot, GateSettings } from './types.js';

export interface ValidateDeps {
  client: ApiClient;
  connection: ServiceNowConnection;
  runtime: Runtime;
  /** Called whenever a snapshot's state changes. */
  onChange: () => void;
}

interface Waiting {
  snapshot: GatedSnapshot;
  /** Set when the action or the server was asked to validate: the state before, and when. */
  requested?: { at: number; validation: string; lastValidated: string; checks: number };
}

/** Checks that must have seen the validation not started, besides the grace time, before it counts as not started. */
const MIN_START_CHECKS = 2;

export async function bringToFinalState(
  snapshots: GatedSnapshot[],
  settings: GateSettings,
  deps: ValidateDeps,
): Promise<void> {
  const { client, runtime } = deps;
  const { logger, clock } = runtime;
  const waiting: Waiting[] = [];
  for (const snapshot of snapshots) {
    const state = snapshot.validation;
    failOnUnknownState(snapshot);
    if (PENDING_VALIDATION_STATES.has(state)) {
      logger.info(`${snapshot.name}: a validation is already ${state.replace('_', ' ')}; waiting for it.`);
      waiting.push({ snapshot });
    } else if (snapshot.published) {
      logger.info(
        `${snapshot.name} is published, so ServiceNow cannot validate it again; using its stored validation state: ${state}.`,
      );
    } else if (state !== 'not_validated' && !settings.revalidate) {
      logger.info(`${snapshot.name} was already validated: ${state} (set revalidate: true to validate it again).`);
    } else {
      const before = await getSnapshotValidation(client, snapshot.sysId);
      const requested = {
        at: clock.now(),
        validation: before.validation,
        lastValidated: before.lastValidated,
        checks: 0,
      };
      if (settings.serverValidates && state === 'not_validated') {
        logger.info(`${snapshot.name}: ServiceNow validates it after the commit (auto-validate); waiting for it.`);
      } else {
        await validateSnapshot(client, deps.connection, snapshot.sysId).catch((error: unknown) => {
          if (!(error instanceof ApiError) || error.status !== 400) throw error;
          throw new ApiError({
            method: error.method,
            url: error.url,
            status: error.status,
            vendorMessage: error.vendorMessage,
            hint: `ServiceNow refused to validate ${snapshot.name}: a snapshot that was published meanwhile cannot be validated, and one that no longer exists cannot either. Look at it in DevOps Config, then run again`,
          });
        });
        logger.info(`${snapshot.name}: validation requested.`);
      }
      waiting.push({ snapshot, requested });
    }
  }
  if (!waiting.length) return;

  let pending = waiting;
  await poll(
    async () => {
      const still: Waiting[] = [];
      for (const entry of pending) {
        const { snapshot, requested } = entry;
        const now = await getSnapshotValidation(client, snapshot.sysId);
        const changed = now.validation !== snapshot.validation || now.published !== snapshot.published;
        snapshot.validation = now.validation;
        snapshot.published = now.published;
        if (changed) deps.onChange();
        failOnUnknownState(snapshot);
        const unchanged =
          requested !== undefined &&
          now.validation === requested.validation &&
          now.lastValidated === requested.lastValidated &&
          !PENDING_VALIDATION_STATES.has(now.validation);
        if (PENDING_VALIDATION_STATES.has(now.validation)) {
          if (requested) requested.checks = -Infinity; // it started
          still.push(entry);
        } else if (unchanged && requested) {
          requested.checks += 1;
          if (requested.checks >= MIN_START_CHECKS && clock.now() - requested.at >= settings.startGraceMs) {
            snapshot.didNotStart = true;
            deps.onChange();
            logger.warning(
              `${snapshot.name}: the validation did not start: ServiceNow still reports ${now.validation} ${Math.round((clock.now() - requested.at) / 1000)} s after it was requested.`,
              'Validation did not start',
            );
          } else {
            still.push(entry);
          }
        } else if (!FINAL_VALIDATION_STATES.has(now.validation)) {
          // not_validated after a validation started: treat like pending until the grace ends.
          still.push(entry);
        }
      }
      pending = still;
      if (!pending.length) return { done: true, value: undefined };
      return { done: false, state: pending.map((e) => `${e.snapshot.name} ${e.snapshot.validation}`).join(', ') };
    },
    {
      what: `the validation of ${waiting.length === 1 ? waiting[0].snapshot.name : `${waiting.length} snapshots`}`,
      runtime,
      maxIntervalMs: settings.pollIntervalMs,
      resumeHint: resumeHint(
        settings,
        waiting.map((e) => e.snapshot),
      ),
    },
  );
}

/**
 * The validation goes on in ServiceNow: the same snapshots are simply gated again, named by the input that finds
 * them (the changeset, or the one snapshot), without revalidate so the running validation is waited on.
 */
function resumeHint(settings: GateSettings, snapshots: GatedSnapshot[]): string {
  const input = settings.changesetNumber
    ? `changeset-number: ${settings.changesetNumber}`
    : snapshots.length === 1
      ? `snapshot-name: ${snapshots[0].name}`
      : undefined;
  return `The validation may still finish: run again${input ? ` with ${input}` : ''} (and revalidate: false) to gate on its result`;
}

/** An unknown state is never taken for a pass. */
function failOnUnknownState(snapshot: GatedSnapshot): void {
  if (isValidationState(snapshot.validation)) return;
  throw new JobFailedError(
    `ServiceNow reports the validation state '${snapshot.validation}' for snapshot ${snapshot.name}, which this action does not know`,
    {
      jobId: `Snapshot ${snapshot.name}`,
      state: snapshot.validation,
      errors: [],
      hint: 'The gate fails rather than guess; look at the snapshot in DevOps Config',
    },
  );
}
