import { describe, expect, it } from '@jest/globals';
import { collapseRepeats, JobFailedError } from '../../../shared/errors.js';

describe('collapseRepeats', () => {
  it('says a repeated line once with its count, in order of first appearance', () => {
    expect(collapseRepeats(['b', 'a', 'b', 'c', 'b'])).toEqual(['b (×3)', 'a', 'c']);
    expect(collapseRepeats([])).toEqual([]);
  });

  it('JobFailedError counts distinct errors, not repeats', () => {
    const error = new JobFailedError('Migration t-1 failed', {
      jobId: 'Migration t-1',
      state: 'Failed',
      errors: Array.from({ length: 9 }, () => "Destination Service '/o/s/p/svc' was not found"),
    });
    expect(error.errors).toEqual(["Destination Service '/o/s/p/svc' was not found (×9)"]);
    expect(error.message).toBe("Migration t-1 failed: Destination Service '/o/s/p/svc' was not found (×9)");
  });
});
