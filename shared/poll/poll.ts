/**
 * The one poller. The wait between checks grows with the time already waited (a tenth of it, at least
 * 0.5 s, at most `poll-interval`), so a job is noticed within max(0.5 s, 10 % of its duration) of finishing
 * while a long job costs few requests. `timeout` bounds the whole wait; cancellation stops it at once. A check that
 * follows several jobs at once (cdm-upload's queue) says itself when the next one is due.
 */
import { CancelledError, TimeoutError } from '../errors.js';
import { formatDuration, type Runtime } from '../runtime.js';
import type { InputReader } from '../inputs/reader.js';

/** `waitMs`: the wait before the next check, when the check knows it (the jobs it follows are due then). */
export type PollStep<T> = { done: true; value: T } | { done: false; state: string; waitMs?: number };

export interface PollOptions {
  /** What is waited for, e.g. "export 64b5f79f": used in progress lines and errors. */
  what: string;
  runtime: Runtime;
  /** The longest wait between two checks (the `poll-interval` input). */
  maxIntervalMs: number;
  /** The shortest wait between two checks. */
  minIntervalMs?: number;
  /** A progress line at least this often even when nothing changes. */
  progressEveryMs?: number;
  /** Said after a timeout or cancellation: how to pick the job up again (a function: as it is then). */
  resumeHint?: string | (() => string);
  /** `periodic`: a progress line every `progressEveryMs` only, for a state that changes at every check. */
  progress?: 'on-change' | 'periodic';
  /** Called with each new state (e.g. to set a `state` output as soon as it is known). */
  onState?: (state: string) => void;
}

export const MIN_INTERVAL_MS = 500;

/** The `poll-interval` input of every action that waits: a duration, never below MIN_INTERVAL_MS. */
export function readPollInterval(inputs: InputReader, fallback: string): number {
  return inputs.duration('poll-interval', fallback, { min: MIN_INTERVAL_MS });
}
const INTERVAL_FRACTION_OF_ELAPSED = 0.1;
const PROGRESS_EVERY_MS = 30_000;
/** Time kept for the last check's answer before the deadline: 5 s, or a tenth of a short timeout. */
const LAST_CHECK_RESERVE_MS = 5_000;
const LAST_CHECK_RESERVE_FRACTION = 0.1;

/**
 * The wait before the next check, given how long the job has been waited for. A minimum below 0.5 s (a queue
 * noticing quick jobs) doubles the wait from there up to 0.5 s, so a slow job costs a few checks more, not dozens.
 */
export function nextIntervalMs(elapsedMs: number, maxIntervalMs: number, minIntervalMs = MIN_INTERVAL_MS): number {
  const doubling = Math.min(elapsedMs, MIN_INTERVAL_MS);
  const proportional = Math.max(minIntervalMs, doubling, elapsedMs * INTERVAL_FRACTION_OF_ELAPSED);
  return Math.max(1, Math.min(maxIntervalMs, proportional));
}

/** Calls `check` until it reports done, and returns its value. */
export async function poll<T>(check: () => Promise<PollStep<T>>, options: PollOptions): Promise<T> {
  const { runtime, what } = options;
  const { clock, logger, deadline, signal } = runtime;
  const started = clock.now();
  const progressEvery = options.progressEveryMs ?? PROGRESS_EVERY_MS;
  let lastState: string | undefined;
  let lastProgressAt = started;
  const elapsed = () => formatDuration(clock.now() - started);
  const hint = () => (typeof options.resumeHint === 'function' ? options.resumeHint() : options.resumeHint);
  const stopped = (verb: string, detail?: string) =>
    `${verb} ${what} after ${elapsed()}; last state: ${lastState ?? 'unknown (no answer yet)'}` +
    (detail ? ` (${detail})` : '') +
    (hint() ? `. ${hint()}` : '');
  let askedWaitMs: number | undefined;

  // The deadline is absolute (every request is cut off there), so the last check happens a little before it, with
  // time left to be answered.
  const lastCheckReserve = Math.min(LAST_CHECK_RESERVE_MS, deadline.timeoutMs * LAST_CHECK_RESERVE_FRACTION);
  let lastCheckDone = false;
  for (;;) {
    const untilLastCheck = deadline.remaining() - lastCheckReserve;
    const interval = askedWaitMs ?? nextIntervalMs(clock.now() - started, options.maxIntervalMs, options.minIntervalMs);
    if (lastCheckDone || deadline.remaining() <= 0) throw new TimeoutError(stopped('Timed out waiting for'));
    lastCheckDone = untilLastCheck <= interval;
    const wait = Math.max(0, Math.min(interval, untilLastCheck));
    try {
      await clock.sleep(wait, signal);
    } catch (error) {
      if (error instanceof CancelledError) throw new CancelledError(stopped('Cancelled while waiting for'));
      throw error;
    }
    let step: PollStep<T>;
    try {
      step = await check();
    } catch (error) {
      if (error instanceof CancelledError) throw new CancelledError(stopped('Cancelled while waiting for'));
      // The last check's request ran into the deadline: say what the request was doing, too.
      if (error instanceof TimeoutError) throw new TimeoutError(stopped('Timed out waiting for', error.message));
      throw error;
    }
    if (step.done) return step.value;
    askedWaitMs = step.waitMs;
    const now = clock.now();
    const changed = step.state !== lastState && options.progress !== 'periodic';
    if (changed || now - lastProgressAt >= progressEvery) {
      logger.info(`${what}: ${step.state} (${elapsed()} elapsed)`);
      lastProgressAt = now;
    }
    if (step.state !== lastState) options.onState?.(step.state);
    lastState = step.state;
  }
}
