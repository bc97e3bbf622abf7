import { describe, expect, it, jest } from '@jest/globals';
import { ApiError, CancelledError, TimeoutError } from '../../../shared/errors.js';
import { nextIntervalMs, poll, type PollStep } from '../../../shared/poll/poll.js';
import { Deadline, systemClock } from '../../../shared/runtime.js';
import { fakeRuntime, MemoryLogger, type FakeRuntime } from '../../support/fakes.js';
import { rejection } from '../../support/rejection.js';

const WHAT = 'export 64b5f79f';
const HINT = "Look it up with export-id '64b5f79f'";

/** A check answering `state(n, now)` for the n-th call (from 0); `undefined` means done. */
function checker(runtime: FakeRuntime, state: (n: number, elapsedMs: number) => string | undefined) {
  const started = runtime.clock.now();
  const calls: number[] = [];
  const check = jest.fn(async (): Promise<PollStep<string>> => {
    const n = calls.length;
    calls.push(runtime.clock.now());
    const s = state(n, runtime.clock.now() - started);
    return s === undefined ? { done: true, value: `result after ${n + 1} checks` } : { done: false, state: s };
  });
  return { check, calls };
}

describe('poll: adaptive interval', () => {
  it('waits 0.5 s first, then about a tenth of the elapsed time, capped at maxIntervalMs', async () => {
    const runtime = fakeRuntime({ timeoutMs: 3_600_000 });
    const { check } = checker(runtime, (_n, elapsed) => (elapsed < 600_000 ? 'in_progress' : undefined));
    await expect(poll(check, { what: WHAT, runtime, maxIntervalMs: 15_000 })).resolves.toMatch(/^result after/);
    const sleeps = runtime.clock.sleeps;
    expect(sleeps[0]).toBe(500);
    // 0.5 s until 5 s have passed (a tenth of 5 s is 0.5 s), then 10 % of the elapsed time.
    expect(sleeps.slice(0, 11)).toEqual(Array(11).fill(500));
    expect(sleeps[11]).toBe(550);
    let elapsed = 0;
    for (const ms of sleeps) {
      expect(ms).toBeCloseTo(Math.min(15_000, Math.max(500, elapsed / 10)), 2);
      elapsed += ms;
    }
    expect(Math.max(...sleeps)).toBe(15_000);
    expect(sleeps.at(-1)).toBe(15_000);
    // A 10-minute job costs few requests, yet is noticed soon after it finishes.
    expect(check.mock.calls.length).toBeLessThan(80);
    expect(runtime.clock.slept - 600_000).toBeLessThanOrEqual(15_000);
  });

  it('counts the time a check takes as elapsed', async () => {
    const runtime = fakeRuntime();
    const { check } = checker(runtime, (n) => {
      runtime.clock.advance(20_000); // each check takes 20 s
      return n < 3 ? 'running' : undefined;
    });
    await poll(check, { what: WHAT, runtime, maxIntervalMs: 60_000 });
    expect(runtime.clock.sleeps).toEqual([500, 2050, 4255, 6680.5]);
  });

  it('never waits longer than a small maxIntervalMs, even at first', async () => {
    const runtime = fakeRuntime();
    const { check } = checker(runtime, (n) => (n < 3 ? 'running' : undefined));
    await poll(check, { what: WHAT, runtime, maxIntervalMs: 200 });
    expect(runtime.clock.sleeps).toEqual([200, 200, 200, 200]);
  });

  it('nextIntervalMs honours minIntervalMs and the cap', () => {
    expect(nextIntervalMs(0, 30_000)).toBe(500);
    expect(nextIntervalMs(60_000, 30_000)).toBe(6000);
    expect(nextIntervalMs(3_600_000, 30_000)).toBe(30_000);
    expect(nextIntervalMs(0, 30_000, 2000)).toBe(2000);
    expect(nextIntervalMs(0, 0)).toBe(1);
  });

  it('doubles from a minimum below 0.5 s up to 0.5 s, then grows as before', () => {
    let elapsed = 0;
    const waits: number[] = [];
    while (elapsed < 7000) {
      const wait = nextIntervalMs(elapsed, 10_000, 25);
      waits.push(wait);
      elapsed += wait;
    }
    expect(waits.slice(0, 8)).toEqual([25, 25, 50, 100, 200, 400, 500, 500]);
    // Never later than max(0.5 s, 10 %) after a job ends, from the first check on.
    let at = 0;
    for (const wait of waits) {
      expect(wait).toBeLessThanOrEqual(Math.max(500, at / 10) + 1e-6);
      at += wait;
    }
    expect(nextIntervalMs(60_000, 10_000, 25)).toBe(6000);
  });
});

describe('poll: a check that says when it is due again', () => {
  it('waits what the check asked for, the first wait being minIntervalMs', async () => {
    const runtime = fakeRuntime();
    const asked = [30, 0, 120];
    let n = 0;
    const check = jest.fn(async (): Promise<PollStep<string>> =>
      n < asked.length ? { done: false, state: `round ${n}`, waitMs: asked[n++] } : { done: true, value: 'all' },
    );
    await expect(poll(check, { what: WHAT, runtime, maxIntervalMs: 10_000, minIntervalMs: 25 })).resolves.toBe('all');
    expect(runtime.clock.sleeps).toEqual([25, 30, 0, 120]);
  });

  it('logs a periodic progress line only, and takes the resume hint as it is when stopped', async () => {
    const runtime = fakeRuntime({ timeoutMs: 3_600_000 });
    let n = 0;
    const check = async (): Promise<PollStep<string>> => {
      n++;
      if (n === 400) runtime.controller.abort();
      return { done: false, state: `${n} of 1000 done`, waitMs: 250 };
    };
    const error = await rejection(
      poll(check, {
        what: 'uploads',
        runtime,
        maxIntervalMs: 10_000,
        progress: 'periodic',
        progressEveryMs: 30_000,
        resumeHint: () => `${n} are in`,
      }),
    );
    expect(error).toBeInstanceOf(CancelledError);
    expect(error.message).toMatch(
      /^Cancelled while waiting for uploads after 1m 40s; last state: 400 of 1000 done\. 400 are in$/,
    );
    // 100 s of checks every 0.25 s: a line every 30 s, not one per check.
    expect(runtime.logger.messages('info')).toHaveLength(3);
  });
});

describe('poll: deadline', () => {
  it('checks one last time 5 s before the deadline, so its answer fits in, then throws a TimeoutError', async () => {
    const runtime = fakeRuntime({ timeoutMs: 60_000 });
    const { check, calls } = checker(runtime, () => 'in_progress');
    const error = await rejection(poll(check, { what: WHAT, runtime, maxIntervalMs: 10_000, resumeHint: HINT }));
    expect(error).toBeInstanceOf(TimeoutError);
    expect(error.message).toBe(`Timed out waiting for ${WHAT} after 55s; last state: in_progress. ${HINT}`);
    expect(calls.at(-1)).toBe(runtime.deadline.at - 5000);
    expect(runtime.clock.slept).toBeCloseTo(55_000, 2);
  });

  it('keeps a tenth of a short timeout for the last check', async () => {
    const runtime = fakeRuntime({ timeoutMs: 10_000 });
    const { check, calls } = checker(runtime, () => 'queued');
    await rejection(poll(check, { what: WHAT, runtime, maxIntervalMs: 10_000 }));
    expect(calls.at(-1)).toBe(runtime.deadline.at - 1000);
  });

  it('says what the last check was doing when its request ran into the deadline', async () => {
    const runtime = fakeRuntime({ timeoutMs: 60_000 });
    const check = jest.fn(async (): Promise<PollStep<string>> => {
      if (check.mock.calls.length === 1) return { done: false, state: 'running' };
      throw new TimeoutError("Timed out after 1m 00s (the action's timeout) while waiting for the answer to GET x");
    });
    const error = await rejection(poll(check, { what: WHAT, runtime, maxIntervalMs: 10_000, resumeHint: HINT }));
    expect(error).toBeInstanceOf(TimeoutError);
    expect(error.message).toBe(
      `Timed out waiting for ${WHAT} after 1s; last state: running ` +
        "(Timed out after 1m 00s (the action's timeout) while waiting for the answer to GET x). " +
        HINT,
    );
  });

  it('uses what is left of the run deadline, not a fresh one', async () => {
    const runtime = fakeRuntime({ timeoutMs: 60_000 });
    runtime.clock.advance(50_000); // the rest of the action took 50 s already, and 5 s are kept for the last check
    const { check } = checker(runtime, () => 'queued');
    const error = await rejection(poll(check, { what: WHAT, runtime, maxIntervalMs: 10_000 }));
    expect(error).toBeInstanceOf(TimeoutError);
    expect(error.message).toBe(`Timed out waiting for ${WHAT} after 5s; last state: queued`);
    expect(runtime.clock.slept).toBe(5000);
  });

  it('says when no answer arrived before the deadline', async () => {
    const runtime = fakeRuntime({ timeoutMs: 1000 });
    const check = jest.fn(async (): Promise<PollStep<string>> => {
      runtime.clock.advance(5000); // a check slower than the whole budget
      return { done: false, state: 'new' };
    });
    const error = await rejection(poll(check, { what: WHAT, runtime, maxIntervalMs: 10_000 }));
    expect(error.message).toContain('last state: new');
    expect(check).toHaveBeenCalledTimes(1);
  });
});

describe('poll: cancellation', () => {
  it('stops with the last state when the signal aborts during a check', async () => {
    const runtime = fakeRuntime();
    const check = jest.fn(async (): Promise<PollStep<string>> => {
      if (check.mock.calls.length < 3) return { done: false, state: 'in_progress' };
      runtime.controller.abort(); // e.g. the HTTP client notices the abort mid-request
      throw new CancelledError();
    });
    const error = await rejection(poll(check, { what: WHAT, runtime, maxIntervalMs: 10_000, resumeHint: HINT }));
    expect(error).toBeInstanceOf(CancelledError);
    expect(error.message).toBe(`Cancelled while waiting for ${WHAT} after 1.5s; last state: in_progress. ${HINT}`);
    expect(check).toHaveBeenCalledTimes(3);
  });

  it('stops before the next wait when the signal aborted after a check', async () => {
    const runtime = fakeRuntime();
    const { check } = checker(runtime, (n) => {
      if (n === 1) runtime.controller.abort();
      return n === 0 ? 'ready' : 'in_progress';
    });
    const error = await rejection(poll(check, { what: WHAT, runtime, maxIntervalMs: 10_000 }));
    expect(error).toBeInstanceOf(CancelledError);
    expect(error.message).toContain('last state: in_progress');
    expect(check).toHaveBeenCalledTimes(2);
    expect(runtime.clock.sleeps).toHaveLength(2);
  });

  it('reports an unknown state when cancelled before the first answer', async () => {
    const runtime = fakeRuntime();
    runtime.controller.abort();
    const { check } = checker(runtime, () => 'x');
    const error = await rejection(poll(check, { what: WHAT, runtime, maxIntervalMs: 10_000 }));
    expect(error).toBeInstanceOf(CancelledError);
    expect(error.message).toContain('last state: unknown (no answer yet)');
    expect(check).not.toHaveBeenCalled();
  });

  it('interrupts a real wait at once', async () => {
    const controller = new AbortController();
    const runtime = {
      clock: systemClock,
      logger: new MemoryLogger(),
      signal: controller.signal,
      deadline: new Deadline(systemClock, 600_000),
    };
    const check = jest.fn(async (): Promise<PollStep<string>> => ({ done: false, state: 'running' }));
    const started = Date.now();
    setTimeout(() => controller.abort(), 20);
    const error = await rejection(poll(check, { what: WHAT, runtime, maxIntervalMs: 60_000, minIntervalMs: 5000 }));
    expect(error).toBeInstanceOf(CancelledError);
    expect(Date.now() - started).toBeLessThan(1000);
    expect(check).not.toHaveBeenCalled();
  });
});

describe('poll: progress and state changes', () => {
  it('logs each state change and at least every 30 s while unchanged; onState on changes only', async () => {
    const runtime = fakeRuntime({ timeoutMs: 3_600_000 });
    const logged: { at: number; message: string }[] = [];
    const info = runtime.logger.info.bind(runtime.logger);
    runtime.logger.info = (message) => {
      logged.push({ at: runtime.clock.now() - runtime.deadline.startedAt, message });
      info(message);
    };
    const { check } = checker(runtime, (n, elapsed) => {
      if (n < 3) return 'new';
      if (elapsed < 150_000) return 'in_progress';
      if (elapsed < 160_000) return 'finishing';
      return undefined;
    });
    const onState = jest.fn();
    await poll(check, { what: WHAT, runtime, maxIntervalMs: 10_000, onState });

    expect(onState.mock.calls).toEqual([['new'], ['in_progress'], ['finishing']]);
    expect(logged[0].message).toBe(`${WHAT}: new (0.5s elapsed)`);
    expect(logged[1].message).toBe(`${WHAT}: in_progress (2s elapsed)`);
    expect(logged.at(-1)?.message).toMatch(new RegExp(`^${WHAT}: finishing \\(2m 3\\ds elapsed\\)$`));
    const inProgress = logged.filter((line) => line.message.includes('in_progress'));
    expect(inProgress.length).toBeGreaterThanOrEqual(5); // 2 s .. 150 s: at least every 30 s
    expect(inProgress.length).toBeLessThanOrEqual(6); // but not at every check
    const times = logged.map((line) => line.at);
    for (let i = 1; i < times.length; i++) expect(times[i] - times[i - 1]).toBeLessThanOrEqual(30_000 + 10_000);
    for (let i = 1; i < inProgress.length; i++)
      expect(inProgress[i].at - inProgress[i - 1].at).toBeGreaterThanOrEqual(30_000);
    expect(runtime.logger.lines.every((line) => line.level === 'info')).toBe(true);
  });

  it('honours progressEveryMs', async () => {
    const runtime = fakeRuntime();
    const { check } = checker(runtime, (_n, elapsed) => (elapsed < 20_000 ? 'running' : undefined));
    await poll(check, { what: WHAT, runtime, maxIntervalMs: 1000, progressEveryMs: 5000 });
    expect(runtime.logger.messages('info').length).toBeGreaterThanOrEqual(4);
  });

  it('logs nothing when the first check already finds the job done', async () => {
    const runtime = fakeRuntime();
    const onState = jest.fn();
    const { check } = checker(runtime, () => undefined);
    await expect(poll(check, { what: WHAT, runtime, maxIntervalMs: 1000, onState })).resolves.toBe(
      'result after 1 checks',
    );
    expect(runtime.logger.lines).toEqual([]);
    expect(onState).not.toHaveBeenCalled();
  });
});

describe('poll: check errors', () => {
  it('propagates an error from the check unchanged', async () => {
    const runtime = fakeRuntime();
    const failure = new ApiError({ method: 'GET', url: 'https://x/status', status: 500, vendorMessage: 'boom' });
    let n = 0;
    const check = async (): Promise<PollStep<string>> => {
      if (n++ < 2) return { done: false, state: 'running' };
      throw failure;
    };
    await expect(poll(check, { what: WHAT, runtime, maxIntervalMs: 1000 })).rejects.toBe(failure);
  });
});
