/**
 * Test doubles for what every shared piece receives through `Runtime`: a clock that never really waits, a logger
 * that records every line (with the same redaction the real one applies), and a runtime built from them.
 */
import { CancelledError } from '../../shared/errors.js';
import { SecretRedactor } from '../../shared/report/logger.js';
import { Deadline, type AnnotationLocation, type Clock, type Logger, type Runtime } from '../../shared/runtime.js';

/** A clock whose `sleep` resolves at once, records the requested ms and moves `now()` forward by them. */
export class FakeClock implements Clock {
  /** Every completed sleep, in ms, in order. */
  readonly sleeps: number[] = [];
  /** What `random()` returns; set it to steer jitter. */
  randomValue = 0.5;
  /** Called at the start of each sleep (before the abort check), e.g. to abort or move time. */
  onSleep?: (ms: number) => void;

  constructor(private time = 1_700_000_000_000) {}

  now(): number {
    return this.time;
  }

  random(): number {
    return this.randomValue;
  }

  async sleep(ms: number, signal?: AbortSignal): Promise<void> {
    this.onSleep?.(ms);
    if (signal?.aborted) throw new CancelledError();
    this.sleeps.push(ms);
    this.time += ms;
  }

  /** Moves time forward without a sleep (e.g. the time a request took). */
  advance(ms: number): void {
    this.time += ms;
  }

  /** Sum of all sleeps. */
  get slept(): number {
    return this.sleeps.reduce((sum, ms) => sum + ms, 0);
  }
}

export type LogLevel = 'debug' | 'info' | 'warning' | 'error' | 'notice';

export interface LogLine {
  level: LogLevel;
  /** The line as it would be printed: registered secrets replaced, like the real logger does. */
  message: string;
  title?: string;
  /** The message exactly as the code passed it, before redaction. */
  raw: string;
  /** The file and line an annotation points at. */
  location?: AnnotationLocation;
}

/** A Logger that keeps every line; `mask`/`redact` use the real SecretRedactor. */
export class MemoryLogger implements Logger {
  readonly lines: LogLine[] = [];
  /** Every value passed to `mask`, in order. */
  readonly masked: string[] = [];
  readonly redactor = new SecretRedactor();

  constructor(readonly isDebug = false) {}

  debug(message: string): void {
    this.record('debug', message);
  }
  info(message: string): void {
    this.record('info', message);
  }
  warning(message: string, title?: string, location?: AnnotationLocation): void {
    this.record('warning', message, title, location);
  }
  error(message: string, title?: string, location?: AnnotationLocation): void {
    this.record('error', message, title, location);
  }
  notice(message: string, title?: string, location?: AnnotationLocation): void {
    this.record('notice', message, title, location);
  }

  mask(secret: string): void {
    if (!secret) return;
    this.masked.push(secret);
    this.redactor.add(secret);
  }

  redact(text: string): string {
    return this.redactor.redact(text);
  }

  /** The (redacted) messages of one level, or of every level. */
  messages(level?: LogLevel): string[] {
    return this.lines.filter((line) => level === undefined || line.level === level).map((line) => line.message);
  }

  /** Every printed line joined, for "never appears anywhere" assertions. */
  get text(): string {
    return this.lines.map((line) => `${line.level} ${line.title ?? ''} ${line.message}`).join('\n');
  }

  private record(level: LogLevel, message: string, title?: string, location?: AnnotationLocation): void {
    this.lines.push({
      level,
      message: this.redact(message),
      title: title === undefined ? undefined : this.redact(title),
      raw: message,
      ...(location ? { location } : {}),
    });
  }
}

export interface FakeRuntimeOptions {
  clock?: FakeClock;
  logger?: MemoryLogger;
  /** The run's time budget; default 10 minutes. */
  timeoutMs?: number;
  /** Use this controller's signal (default: a fresh one). */
  controller?: AbortController;
  isDebug?: boolean;
}

export interface FakeRuntime extends Runtime {
  clock: FakeClock;
  logger: MemoryLogger;
  /** Abort it to cancel the run. */
  controller: AbortController;
}

export function fakeRuntime(options: FakeRuntimeOptions = {}): FakeRuntime {
  const clock = options.clock ?? new FakeClock();
  const logger = options.logger ?? new MemoryLogger(options.isDebug ?? false);
  const controller = options.controller ?? new AbortController();
  return {
    clock,
    logger,
    controller,
    signal: controller.signal,
    deadline: new Deadline(clock, options.timeoutMs ?? 600_000),
  };
}
