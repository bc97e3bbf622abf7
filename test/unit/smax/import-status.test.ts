import { describe, expect, it } from '@jest/globals';
import { judgeImport } from '../../../actions/dev2prod-promote/src/judge.js';
import { readImportStatus } from '../../../shared/vendors/smax/import-status.js';

const clean = () => ({
  Status: 'COMPLETED',
  DryRun: true,
  Results: [{ PackageName: 'metadata', Statistics: { Modified: 300, Failed: 0 }, Errors: [], Warnings: [] }],
  Totals: { Added: 0, Modified: 300, Failed: 0 },
});
const judge = (body: Record<string, unknown>, failOnWarnings = false) =>
  judgeImport(readImportStatus({ ...body, Status: String(body.Status) }), failOnWarnings);

describe('readImportStatus and judgeImport', () => {
  it('passes a clean finished job, also when its Status is in lower case', () => {
    expect(judge(clean())).toEqual({ passed: true, reasons: [] });
    expect(judge({ ...clean(), Status: 'completed' }).passed).toBe(true);
  });

  it('reads counts sent as text and flags sent as text', () => {
    const status = readImportStatus({
      ...clean(),
      DryRun: 'TRUE',
      Totals: { Modified: '300', Failed: ' 2 ' },
    });
    expect(status.totals).toEqual({ Modified: 300, Failed: 2 });
    expect(status.dryRun).toBe(true);
    expect(judgeImport(status, false).reasons).toEqual([
      'Totals.Failed is 2, but the packages add up to 0',
      '2 item(s) failed',
    ]);
  });

  it('fails on failures in any place: a result statistic, a result Failed count, errors in any shape', () => {
    const body = clean();
    body.Results.push({ PackageName: 'forms', Statistics: { Modified: 1, Failed: 4 }, Errors: [], Warnings: [] }, {
      PackageName: 'rules',
      Failed: '2',
    } as never);
    expect(judge(body).reasons).toEqual([
      'Totals.Modified is 300, but the packages add up to 301',
      'Totals.Failed is 0, but the packages add up to 4',
      '6 item(s) failed',
    ]);
    const errors = { ...clean(), Errors: 'Lock lost' } as Record<string, unknown>;
    (errors.Results as Array<Record<string, unknown>>)[0].Errors = { code: 7, detail: 'x' };
    expect(judge(errors).reasons).toEqual(['2 error(s)']);
    expect(readImportStatus({ ...errors, Status: 'COMPLETED' }).results[0].errors).toEqual(['{"code":7,"detail":"x"}']);
  });

  it('fails a finished job without Totals or without Totals.Failed, but not one still running', () => {
    expect(judge({ ...clean(), Totals: undefined }).reasons).toEqual([
      'the finished job reported no Totals, so its failures cannot be counted',
    ]);
    expect(judge({ ...clean(), Totals: { Modified: 300 } }).reasons).toEqual([
      'Totals has no Failed count, so its failures cannot be counted',
    ]);
    expect(judge({ ...clean(), Status: 'FAILED', Totals: undefined }).reasons).toEqual(['status FAILED']);
  });

  it('fails on values it cannot read, saying what arrived', () => {
    const odd = {
      ...clean(),
      Totals: { Failed: 'a few', Modified: [1] },
      Results: [{ PackageName: 'm', Statistics: 'n/a', Warnings: 3, Failed: { n: 1 } }, 'oops'],
      StudioLocked: 'maybe',
    };
    expect(judge(odd).reasons).toEqual([
      'unreadable answer: Results[0].Statistics is "n/a"',
      'unreadable answer: Results[0].Failed is an object: {"n":1}',
      'unreadable answer: Results[0].Warnings is a number: 3',
      'unreadable answer: Results[1] is "oops"',
      'unreadable answer: Totals.Failed is "a few"',
      'unreadable answer: Totals.Modified is an array: [1]',
      'unreadable answer: StudioLocked is "maybe"',
      'Totals has no Failed count, so its failures cannot be counted',
    ]);
  });

  it('takes only whole numbers, 0 or more, as counts, so none cancels another', () => {
    const body = {
      ...clean(),
      Results: [
        { PackageName: 'a', Statistics: { Modified: 1.5, Failed: 2 } },
        { PackageName: 'b', Statistics: { Failed: '-2' }, Failed: -1 },
      ],
      Totals: { Modified: 1.5, Failed: 0 },
    };
    expect(judge(body).reasons).toEqual([
      'unreadable answer: Results[0].Statistics.Modified is 1.5, not a count (a whole number, 0 or more)',
      'unreadable answer: Results[1].Statistics.Failed is -2, not a count (a whole number, 0 or more)',
      'unreadable answer: Results[1].Failed is -1, not a count (a whole number, 0 or more)',
      'unreadable answer: Totals.Modified is 1.5, not a count (a whole number, 0 or more)',
      'Totals.Failed is 0, but the packages add up to 2',
      '2 item(s) failed',
    ]);
  });

  it('fails when Totals leaves out a statistic the packages count', () => {
    const body = clean();
    body.Results[0].Statistics = { ...body.Results[0].Statistics, Skipped: 4 } as never;
    expect(judge(body).reasons).toEqual(['Totals.Skipped is missing, but the packages add up to 4']);
  });

  it('fails a COMPLETED job with any message about it, of any shape, keeping every one', () => {
    expect(judge({ ...clean(), ErrorMessage: 'Import aborted: 3 entities rejected' }).reasons).toEqual([
      "SMAX's message: Import aborted: 3 entities rejected",
    ]);
    const both = readImportStatus({ ...clean(), Status: 'COMPLETED', Error: 'Lock lost', ErrorMessage: { code: 9 } });
    expect(both.message).toBe('{"code":9}; Lock lost');
    expect(judge({ ...clean(), ErrorMessage: 7 }).reasons).toEqual([
      "SMAX's message: ErrorMessage: 7",
      'unreadable answer: ErrorMessage is a number: 7',
    ]);
    expect(judge({ ...clean(), Status: 'FAILED', ErrorMessage: 'No space' }).reasons).toEqual([
      'status FAILED (No space)',
    ]);
  });

  it('counts warnings from everywhere only with fail-on-warnings', () => {
    const body = { ...clean(), Warnings: ['Group inactive'] };
    expect(judge(body).passed).toBe(true);
    expect(judge(body, true).reasons).toEqual(['1 warning(s), and fail-on-warnings is on']);
  });
});
