/**
 * Long work that does not wait on I/O (mapping findings to file lines, parsing a large file) holds the event loop:
 * no timer fires and no signal handler runs until it ends, so neither `timeout` nor the runner's cancel could stop
 * it. A Pacer is called between small units of such work: it stops the work with a CancelledError or TimeoutError
 * once the run is cancelled or past its deadline, and every few milliseconds it lets the event loop turn so that
 * both can be noticed.
 */
import { CancelledError, TimeoutError } from './errors.js';
import { type Deadline, formatDuration, type Runtime } from './runtime.js';

/** How long work runs before the event loop gets a turn. */
const SLICE_MS = 5;

export class Pacer {
  private sliceStartedAt = performance.now();

  /** `doing` completes "Cancelled while …" and "Timed out after 5s while …". */
  constructor(
    private readonly runtime: Pick<Runtime, 'signal' | 'deadline'>,
    private readonly doing: string,
    private readonly hint?: string,
  ) {}

  /** Call between two units of work. */
  async step(): Promise<void> {
    if (performance.now() - this.sliceStartedAt >= SLICE_MS) {
      await new Promise<void>((resolve) => setImmediate(resolve));
      this.sliceStartedAt = performance.now();
    }
    this.check();
  }

  /** Throws when the run was cancelled or is past its deadline. */
  check(): void {
    if (this.runtime.signal.aborted) throw new CancelledError(`Cancelled while ${this.doing}`);
    throwIfPastDeadline(this.runtime.deadline, this.doing, this.hint);
  }
}

/** Local file work (finding, checking, reading files) counts against `timeout` like every request does. */
export function throwIfPastDeadline(
  deadline: Deadline,
  doing: string,
  hint = 'raise timeout, or give fewer files',
): void {
  if (deadline.remaining() <= 0) {
    throw new TimeoutError(`Timed out after ${formatDuration(deadline.elapsed())} while ${doing}: ${hint}`);
  }
}
