import { describe, expect, it } from '@jest/globals';
import { classifyState, jobStates, sameState, type KnownStates } from '../../../shared/poll/states.js';
import { MemoryLogger } from '../../support/fakes.js';

const SMAX: KnownStates = { running: ['IN_PROGRESS'], done: ['COMPLETED'] };
const QUEUE: KnownStates = { running: ['new', 'ready', 'in_progress'], done: ['completed'], failed: ['error'] };

describe('classifyState', () => {
  it('matches known states whatever their case', () => {
    expect(classifyState('completed', SMAX)).toBe('done');
    expect(classifyState(' Completed ', SMAX)).toBe('done');
    expect(classifyState('in_progress', SMAX)).toBe('running');
    expect(classifyState('ERROR', QUEUE)).toBe('failed');
    expect(classifyState('IN_PROGRESS', QUEUE)).toBe('running');
    expect(sameState('Committed', 'committed')).toBe(true);
    expect(sameState(undefined, 'committed')).toBe(false);
  });

  it('takes any state naming a failure, an error, an abort or a cancel as failed', () => {
    for (const state of ['cancelled', 'CANCELED', 'Aborted', 'FAILED', 'commit_failed', 'ErrorState', 'failure'])
      expect(classifyState(state, SMAX)).toBe('failed');
  });

  it('leaves other states unknown', () => {
    expect(classifyState('PAUSED_BY_ADMIN', SMAX)).toBe('unknown');
    expect(classifyState('', SMAX)).toBe('unknown');
  });
});

describe('jobStates', () => {
  it('waits on an unknown state, warning once per state and naming the job', () => {
    const logger = new MemoryLogger();
    const classify = jobStates('Import 42', SMAX, logger);
    expect(classify('PAUSED_BY_ADMIN')).toBe('running');
    expect(classify('PAUSED_BY_ADMIN')).toBe('running');
    expect(classify('QUEUED_SOMEWHERE')).toBe('running');
    expect(classify('COMPLETED')).toBe('done');
    expect(classify('cancelled')).toBe('failed');
    const warnings = logger.lines.filter((l) => l.level === 'warning');
    expect(warnings.map((w) => w.message)).toEqual([
      expect.stringContaining("Import 42 is in the state 'PAUSED_BY_ADMIN', which this action does not know"),
      expect.stringContaining("Import 42 is in the state 'QUEUED_SOMEWHERE'"),
    ]);
    expect(warnings[0].title).toBe('Unknown job state');
  });
});
