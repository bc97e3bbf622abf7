/**
 * cdm-upload's gates fail closed: a committing upload passes only with its changeset `committed`, a completed upload
 * carrying errors fails, and job states are read whatever their case, unknown ones with a warning.
 */
import { describe, expect, it } from '@jest/globals';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { ServiceNowCdmSandbox } from '../sandbox/servicenow-cdm.js';
import { runInProcess } from '../support/run-in-process.js';
import { useSandbox } from '../support/use-sandbox.js';

const STATUS_PATH = /\/applications\/upload-status\/[^/]+$/;
const sandbox = useSandbox(new ServiceNowCdmSandbox({ uploadDurationMs: 300 }), () => {
  sandbox.uploadApi.reset();
  sandbox.setUploadScenario('success');
});

interface StatusResult {
  state: string;
  errors?: unknown;
  output?: Record<string, unknown> & { state?: string; number?: string };
}

/** Every upload-status answer whose result satisfies `when` is changed by `change` before it is sent. */
function rewriteStatus(when: (result: StatusResult) => boolean, change: (result: StatusResult) => void): void {
  sandbox.server.inject({
    match: { method: 'GET', path: STATUS_PATH },
    kind: 'rewrite',
    json: (body: { result: StatusResult }) => {
      if (when(body.result)) change(body.result);
      return body;
    },
    times: Infinity,
  });
}
const committedAnswer = (r: StatusResult) => r.state === 'completed' && r.output?.state === 'committed';

const upload = (inputs: Record<string, string> = {}) => {
  const dir = mkdtempSync(path.join(tmpdir(), 'cdm-upload-gates-'));
  writeFileSync(path.join(dir, 'a.json'), '{"a": 1}');
  return runInProcess('cdm-upload', {
    inputs: {
      'instance-url': sandbox.url,
      username: sandbox.username,
      password: sandbox.password,
      'app-name': 'PaymentApp',
      file: 'a.json',
      'name-path': 'x',
      'poll-interval': '1s',
      ...inputs,
    },
    cwd: dir,
  });
};

describe('cdm-upload: the commit gate', () => {
  it.each(['open', 'pending_review'])(
    'fails when the committing upload completes with its changeset %s',
    async (state) => {
      rewriteStatus(committedAnswer, (r) => (r.output!.state = state));
      const run = await upload();
      expect(run.exitCode).toBe(1);
      expect(run.outputs.state).toBe('error');
      expect(run.outputs['changeset-state']).toBe(state);
      expect(run.stdout).toMatch(
        new RegExp(`Changeset (Chset-\\d+) was not committed: The changeset ended '${state}' after upload \\w+`),
      );
    },
  );

  it('fails when a completed upload carries errors, naming the changeset and its state', async () => {
    rewriteStatus(committedAnswer, (r) => (r.errors = ["Node 'x' could not be merged: conflicting value"]));
    const run = await upload();
    expect(run.exitCode).toBe(1);
    expect(run.outputs.state).toBe('error');
    const changeset = run.outputs['changeset-number'];
    expect(run.stdout).toContain(
      `Upload of a.json completed with errors (changeset ${changeset}, state 'committed'): Node 'x' could not be merged: conflicting value`,
    );
  });

  it('keeps waiting through a transitional changeset state in any case', async () => {
    let seen = 0;
    rewriteStatus(
      (r) => committedAnswer(r) && seen++ < 2,
      (r) => (r.output!.state = 'CHECKING_FOR_CONFLICT'),
    );
    const run = await upload();
    expect(run.exitCode).toBe(0);
    expect(run.outputs['changeset-state']).toBe('committed');
    expect(run.stdout).toContain('completed, changeset CHECKING_FOR_CONFLICT');
  });
});

describe('cdm-upload: job states', () => {
  it('fails at once on an upload state naming a cancel, in any case', async () => {
    rewriteStatus(
      (r) => r.state === 'in_progress' || r.state === 'completed',
      (r) => (r.state = 'cancelled'),
    );
    const run = await upload({ timeout: '20s' });
    expect(run.exitCode).toBe(1);
    expect(run.stdout).toContain('Upload of a.json failed');
    expect(run.stdout).not.toContain('Timed out');
    expect(run.durationMs).toBeLessThan(15_000);
  });

  it('reads known states whatever their case, and waits on an unknown one with one warning', async () => {
    let seen = 0;
    rewriteStatus(
      () => true,
      (r) => {
        if (r.state === 'in_progress' || (r.state === 'completed' && seen++ < 2)) r.state = 'PAUSED_BY_ADMIN';
        else r.state = r.state.toUpperCase();
      },
    );
    const run = await upload();
    expect(run.exitCode).toBe(0);
    const warnings = run.stdout.split('\n').filter((l) => l.startsWith('::warning title=Unknown job state::'));
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toContain(`Upload ${run.outputs['upload-id']} is in the state 'PAUSED_BY_ADMIN'`);
    expect(run.outputs['changeset-state']).toBe('committed');
  });
});
