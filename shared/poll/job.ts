/**
 * Waiting for one vendor job, the way every flow does it: its status checked through the one poller until its state
 * (read with the one classifier, so an unknown state warns once and waits on) is no longer running, then judged.
 */
import { JobFailedError } from '../errors.js';
import { poll, type PollOptions } from './poll.js';
import { jobStates, type KnownStates } from './states.js';

/** What a failed job's error says beyond its id and state: the vendor's reasons and what to do next. */
export interface JobFailure {
  message: string;
  errors: string[];
  hint?: string;
}

export interface JobWait<T> extends PollOptions {
  /** The job as errors and warnings name it: "Export 64b5f79f". */
  job: string;
  states: KnownStates;
  /** One status check. */
  check: () => Promise<T>;
  stateOf: (status: T) => string;
  /**
   * Another part of the job still at work although its own state may be final ("exporter running"): it is waited
   * for, and named after the state in progress lines.
   */
  alsoRunning?: (status: T) => string | undefined;
  /** Called with the last status before it is judged (e.g. to report it). */
  onEnd?: (status: T) => void;
  /**
   * When given, a job that ended failed throws a JobFailedError naming the job and its state, saying this; the
   * place to report the failure too. Without it the caller judges the returned outcome.
   */
  failed?: (status: T) => JobFailure;
}

export interface JobEnd<T> {
  status: T;
  outcome: 'done' | 'failed';
}

export async function waitForJob<T>(wait: JobWait<T>): Promise<JobEnd<T>> {
  const { job, states, check, stateOf, alsoRunning, onEnd, failed, ...pollOptions } = wait;
  const classify = jobStates(job, states, pollOptions.runtime.logger);
  const status = await poll(async () => {
    const current = await check();
    const kind = classify(stateOf(current));
    const also = alsoRunning?.(current);
    if (kind === 'failed' || (kind === 'done' && also === undefined)) return { done: true, value: current };
    return { done: false, state: also === undefined ? stateOf(current) : `${stateOf(current)}, ${also}` };
  }, pollOptions);
  onEnd?.(status);
  const outcome = classify(stateOf(status)) === 'failed' ? 'failed' : 'done';
  if (outcome === 'failed' && failed) {
    const { message, ...details } = failed(status);
    throw new JobFailedError(message, { jobId: job, state: stateOf(status), ...details });
  }
  return { status, outcome };
}
