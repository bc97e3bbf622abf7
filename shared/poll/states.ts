/**
 * The one way a vendor job's state is read. Each flow names the states it knows; matching ignores case and
 * surrounding spaces. A state the flow does not know but that speaks of failure, an error, an abort or a cancel is a
 * failure at once; any other unknown state is taken as still running (the timeout bounds it), with one warning.
 */
import type { Logger } from '../runtime.js';

export interface KnownStates {
  /** The job is still going. */
  running: readonly string[];
  /** The job finished as it should. */
  done: readonly string[];
  /** The job finished and failed (states naming a failure need not be listed). */
  failed?: readonly string[];
}

export type StateClass = 'running' | 'done' | 'failed';

const FAILURE_WORDS = /fail|error|abort|cancel/i;

function normalized(state: string): string {
  return state.trim().toLowerCase();
}

/** Whether two vendor states are the same, whatever their case. */
export function sameState(a: string | undefined, b: string): boolean {
  return a !== undefined && normalized(a) === normalized(b);
}

/** Whether `state` is one of `states`, whatever its case. */
function isOneOf(state: string | undefined, states: readonly string[]): boolean {
  return state !== undefined && states.some((known) => sameState(state, known));
}

/** Whether a state speaks of failure (FAILED, commit_failed, Error, ABORTED, cancelled, ...). */
export function namesFailure(state: string): boolean {
  return FAILURE_WORDS.test(state);
}

/** The class of `state`; `unknown` for a state that is not listed and does not name a failure. */
export function classifyState(state: string, known: KnownStates): StateClass | 'unknown' {
  if (isOneOf(state, known.failed ?? [])) return 'failed';
  if (isOneOf(state, known.done)) return 'done';
  if (isOneOf(state, known.running)) return 'running';
  if (namesFailure(state)) return 'failed';
  return 'unknown';
}

/**
 * A classifier for one job: unknown states count as running, and each is reported once as a warning naming the
 * state and the job, so a wait on a state nobody expected is visible long before the timeout.
 */
export function jobStates(what: string, known: KnownStates, logger: Logger): (state: string) => StateClass {
  const reported = new Set<string>();
  return (state) => {
    const kind = classifyState(state, known);
    if (kind !== 'unknown') return kind;
    if (!reported.has(state)) {
      reported.add(state);
      logger.warning(
        `${what} is in the state '${state}', which this action does not know: it waits on as if the job were running ` +
          `(known states: ${[...known.running, ...known.done, ...(known.failed ?? [])].join(', ')}).`,
        'Unknown job state',
      );
    }
    return 'running';
  };
}
