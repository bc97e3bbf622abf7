import { describe, expect, it } from '@jest/globals';
import { JobFailedError } from '../../../shared/errors.js';
import { waitForJob } from '../../../shared/poll/job.js';
import { fakeRuntime } from '../../support/fakes.js';
import { rejection } from '../../support/rejection.js';

const STATES = { running: ['queued', 'running'], done: ['done'], failed: ['failed'] };

interface Status {
  state: string;
  part?: string;
}

/** A job that answers these statuses one check after another, the last one for ever. */
function answers(...statuses: Status[]) {
  let n = 0;
  return async () => statuses[Math.min(n++, statuses.length - 1)];
}

describe('waitForJob', () => {
  it('checks until the job is no longer running and returns its last status, reported before it is judged', async () => {
    const runtime = fakeRuntime();
    const ended: Status[] = [];
    const states: string[] = [];

    const end = await waitForJob({
      job: 'Export 42',
      states: STATES,
      check: answers({ state: 'queued' }, { state: 'running' }, { state: 'DONE' }),
      stateOf: (status) => status.state,
      onEnd: (status) => ended.push(status),
      onState: (state) => states.push(state),
      what: 'export 42',
      runtime,
      maxIntervalMs: 10_000,
    });

    expect(end).toEqual({ status: { state: 'DONE' }, outcome: 'done' });
    expect(ended).toEqual([{ state: 'DONE' }]);
    expect(states).toEqual(['queued', 'running']);
  });

  it('throws a failed job as a JobFailedError naming the job, its state and what `failed` says', async () => {
    const runtime = fakeRuntime();
    const ended: Status[] = [];

    const error = await rejection(
      waitForJob({
        job: 'Export 42',
        states: STATES,
        check: answers({ state: 'running' }, { state: 'failed' }),
        stateOf: (status) => status.state,
        onEnd: (status) => ended.push(status),
        failed: () => ({ message: 'Export 42 failed', errors: ['the snapshot is gone'], hint: 'Look at it' }),
        what: 'export 42',
        runtime,
        maxIntervalMs: 10_000,
      }),
      JobFailedError,
    );

    expect(error.message).toBe('Export 42 failed: the snapshot is gone. Look at it');
    expect(error).toMatchObject({ jobId: 'Export 42', state: 'failed', errors: ['the snapshot is gone'] });
    expect(ended).toEqual([{ state: 'failed' }]);
  });

  it('without `failed`, returns a failed job for the caller to judge', async () => {
    const end = await waitForJob({
      job: 'Import 7',
      states: STATES,
      check: answers({ state: 'Aborted' }),
      stateOf: (status) => status.state,
      what: 'import 7',
      runtime: fakeRuntime(),
      maxIntervalMs: 10_000,
    });

    expect(end.outcome).toBe('failed');
  });

  it('waits on an unknown state with one warning, and on a part still at work after the job is done', async () => {
    const runtime = fakeRuntime();
    const states: string[] = [];

    const end = await waitForJob({
      job: 'Export 42',
      states: STATES,
      check: answers(
        { state: 'paused' },
        { state: 'paused' },
        { state: 'done', part: 'exporter running' },
        { state: 'done' },
      ),
      stateOf: (status) => status.state,
      alsoRunning: (status) => status.part,
      onState: (state) => states.push(state),
      what: 'export 42',
      runtime,
      maxIntervalMs: 10_000,
    });

    expect(end.status).toEqual({ state: 'done' });
    expect(states).toEqual(['paused', 'done, exporter running']);
    expect(runtime.logger.messages('warning')).toEqual([
      expect.stringMatching(/^Export 42 is in the state 'paused', which this action does not know/),
    ]);
  });
});
