/**
 * What every flow and shared piece receives instead of reaching for globals: the clock (so tests never wait),
 * the logger, the cancellation signal and the run's deadline.
 */
import { CancelledError, TimeoutError } from './errors.js';

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

  /**
   * One abort signal for one piece of work (a request from its DNS look-up to its body's last byte): it aborts
   * with a TimeoutError when the deadline passes and with a CancelledError when `cancel` aborts. Call `release`
   * when the work is over, so no timer or listener outlives it.
   */
  abortSignal(cancel: AbortSignal): { signal: AbortSignal; release(): void } {
    const controller = new AbortController();
    let timer: NodeJS.Timeout | undefined;
    const onCancel = () => {
      clearTimeout(timer);
      controller.abort(new CancelledError());
    };
    const expire = () => {
      controller.abort(new TimeoutError(`the action's timeout (${formatDuration(this.timeoutMs)}) ran out`));
      cancel.removeEventListener('abort', onCancel);
    };
    const arm = () => {
      const remaining = this.remaining();
      if (remaining <= 0) return expire();
      // setTimeout cannot wait longer than about 24.8 days in one go.
      timer = remaining > MAX_TIMER_MS ? setTimeout(arm, MAX_TIMER_MS) : setTimeout(expire, remaining);
      timer.unref();
    };
    if (cancel.aborted) onCancel();
    else {
      cancel.addEventListener('abort', onCancel, { once: true });
      arm();
    }
    return {
      signal: controller.signal,
      release: () => {
        clearTimeout(timer);
        cancel.removeEventListener('abort', onCancel);
      },
    };
  }
}

const MAX_TIMER_MS = 2 ** 31 - 1;

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

/** "16 MB", "256 MB", "1.5 KB", "300 bytes": sizes in messages, to one decimal. */
export function formatBytes(bytes: number): string {
  if (bytes >= 2 ** 20) return `${Math.round((bytes / 2 ** 20) * 10) / 10} MB`;
  if (bytes >= 1024) return `${Math.round((bytes / 1024) * 10) / 10} KB`;
  return `${bytes} bytes`;
}
