import { describe, expect, it } from '@jest/globals';
import { Known } from '../../../shared/report/known.js';
import { setOutputs, type Outputs, type OutputValue } from '../../../shared/report/outputs.js';

/** Records every set, in order, the way GITHUB_OUTPUT would see it (unchanged values are not written twice). */
function recordingOutputs(): Outputs & { writes: [string, string][] } {
  const values = new Map<string, string>();
  const writes: [string, string][] = [];
  return {
    values,
    writes,
    set(name: string, value: OutputValue) {
      const text = typeof value === 'object' ? JSON.stringify(value) : String(value);
      if (values.get(name) === text) return;
      values.set(name, text);
      writes.push([name, text]);
    },
  };
}

interface JobResult {
  jobId: string;
  state: string;
  count: number;
}

describe('Known: one typed callback for what a flow learns', () => {
  it('collects the parts in order and passes each part on as it comes', () => {
    const parts: Partial<JobResult>[] = [];
    const known = new Known<JobResult>((part) => parts.push(part));
    known.report({ jobId: 'J1' });
    known.report({ state: 'running' });
    known.report({ state: 'done', count: 3 });
    expect(parts).toEqual([{ jobId: 'J1' }, { state: 'running' }, { state: 'done', count: 3 }]);
    expect(known.value).toEqual({ jobId: 'J1', state: 'done', count: 3 });
  });

  it('keeps what was known when the flow fails part-way', async () => {
    const known = new Known<JobResult>();
    const flow = async (report: (part: Partial<JobResult>) => void) => {
      report({ jobId: 'J2', state: 'running' });
      throw new Error('the vendor said no');
    };
    await expect(flow(known.report)).rejects.toThrow('the vendor said no');
    expect(known.value).toEqual({ jobId: 'J2', state: 'running' });
  });
});

describe('setOutputs', () => {
  it('sets the outputs that have a value and leaves the others as they were', () => {
    const outputs = recordingOutputs();
    setOutputs(outputs, { 'job-id': 'J1', state: undefined, count: 0, ok: false });
    setOutputs(outputs, { 'job-id': 'J1', state: 'done' });
    expect(outputs.writes).toEqual([
      ['job-id', 'J1'],
      ['count', '0'],
      ['ok', 'false'],
      ['state', 'done'],
    ]);
  });
});
