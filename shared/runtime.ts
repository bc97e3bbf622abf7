/**
 * What every flow and shared piece receives instead of reaching for globals: the clock (so tests never wait),
 * the logger, the cancellation signal and the run's deadline.
 */
import { CancelledError } from './errors.js';

export interface Clock {
  now(): number;
  /** Resolves after `ms`, or rejects with CancelledError as soon as `signal` aborts. */
  sleep(ms: number, signal?: AbortSignal): Promise<void>;
  /** In [0, 1); for jitter. */
  random(): number;
}

export const systemClock: Clock = {
  now: () => Date.now(),
  random: () => Math.random(),
  sleep: (ms, signal) =>
    new Promise<void>((resolve, reject) => {
      if (signal?.aborted) return reject(new CancelledError());
      const onAbort = () => {
        clearTimeout(timer);
        reject(new CancelledError());
      };
      const timer = setTimeout(() => {
        signal?.removeEventListener('abort', onAbort);
        resolve();
      }, ms);
      signal?.addEventListener('abort', onAbort, { once: true });
    }),
};

/** Where an annotation points: a file relative to the repository root, and a line in it. */
export interface AnnotationLocation {
  file: string;
  line?: number;
}

export interface Logger {
  readonly isDebug: boolean;
  debug(message: string): void;
  info(message: string): void;
  warning(message: string, title?: string, location?: AnnotationLocation): void;
  error(message: string, title?: string, location?: AnnotationLocation): void;
  notice(message: string, title?: string, location?: AnnotationLocation): void;
  /** Registers a secret: masked in the runner's log and removed from everything we print ourselves. */
  mask(secret: string): void;
  /** Replaces every registered secret in `text`. */
  redact(text: string): string;
}

/** The run's time budget (the `timeout` input). */
export class Deadline {
  readonly startedAt: number;
  readonly at: number;
  constructor(
    readonly clock: Clock,
    readonly timeoutMs: number,
  ) {
    this.startedAt = clock.now();
    this.at = this.startedAt + timeoutMs;
  }
  remaining(): number {
    return Math.max(0, this.at - this.clock.now());
  }
  elapsed(): number {
    return this.clock.now() - this.startedAt;
  }
}

export interface Runtime {
  clock: Clock;
  logger: Logger;
  signal: AbortSignal;
  deadline: Deadline;
}

/** `1m 05s`-style durations for progress lines and summaries. */
export function formatDuration(ms: number): string {
  const totalSeconds = Math.round(ms / 100) / 10;
  if (totalSeconds < 60) return `${totalSeconds}s`;
  const seconds = Math.round(totalSeconds);
  const h = Math.floor(seconds / 3600);
  const m = Math.floor((seconds % 3600) / 60);
  const s = seconds % 60;
  const mm = h ? String(m).padStart(2, '0') : String(m);
  return `${h ? `${h}h ` : ''}${mm}m ${String(s).padStart(2, '0')}s`;
}
