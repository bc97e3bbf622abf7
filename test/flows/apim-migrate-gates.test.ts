/**
 * apim-migrate's gate fails closed: failed assets in any shape fail the step and are shown, an odd `successful` is an
 * unexpected answer, states are read whatever their case, and a deeply nested response_map does not crash it.
 */
import { describe, expect, it } from '@jest/globals';
import { SnapLogicApimSandbox } from '../sandbox/snaplogic-apim.js';
import { runInProcess } from '../support/run-in-process.js';
import { useSandbox } from '../support/use-sandbox.js';

const STATUS_PATH = /\/public\/migrate\/[^/]+$/;
const DEPTH = 50_000;
const sandbox = useSandbox(new SnapLogicApimSandbox({ migrationDurationMs: 400 }), () => {
  sandbox.migrations.clear();
  sandbox.setMigrationScenario('success');
});

type ResponseMap = Record<string, unknown> & { status: string };
/** Every status answer whose response_map is Completed is changed by `change` before it is sent. */
const rewriteCompleted = (change: (map: ResponseMap) => void) =>
  sandbox.server.inject({
    match: { method: 'GET', path: STATUS_PATH },
    kind: 'rewrite',
    json: (body: { response_map: ResponseMap }) => {
      if (body.response_map.status === 'Completed') change(body.response_map);
      return body;
    },
    times: Infinity,
  });

const migrate = (inputs: Record<string, string> = {}) =>
  runInProcess('apim-migrate', {
    inputs: {
      'control-plane-url': sandbox.url,
      username: sandbox.username,
      password: sandbox.password,
      'source-path': '/Acme/Dev/Payments/OrdersAPI/2.0',
      'dest-path': '/Acme/Prod/Payments/OrdersAPI',
      'poll-interval': '1s',
      ...inputs,
    },
  });

describe('apim-migrate: failed assets in any shape', () => {
  it('fails on failed sent as an object, showing what it holds', async () => {
    rewriteCompleted((map) => (map.failed = { 'prod-db': 'requires a trusted destination org' }));
    const run = await migrate();
    expect(run.exitCode).toBe(1);
    expect(run.stdout).toContain(
      `'failed' is not a list of assets but an object: {"prod-db":"requires a trusted destination org"}`,
    );
    expect(JSON.parse(run.outputs.failed)).toEqual({ 'prod-db': 'requires a trusted destination org' });
  });

  it.each([
    ['a string', '2 assets failed', `'failed' is not a list of assets but "2 assets failed"`],
    ['a number', 3, `'failed' is not a list of assets but a number: 3`],
  ])('fails on failed sent as %s', async (_kind, value, shown) => {
    rewriteCompleted((map) => (map.failed = value));
    const run = await migrate();
    expect(run.exitCode).toBe(1);
    expect(run.stdout).toContain(shown);
  });

  it('passes with failed empty in another shape (0, {})', async () => {
    for (const empty of [0, {}]) {
      sandbox.server.clearFaults();
      rewriteCompleted((map) => (map.failed = empty));
      const run = await migrate();
      expect(run.exitCode).toBe(0);
    }
  });

  it('takes a successful that is not a list as an unexpected answer', async () => {
    rewriteCompleted((map) => (map.successful = { count: 12 }));
    const run = await migrate();
    expect(run.exitCode).toBe(1);
    expect(run.stdout).toContain('unexpected answer: response_map.successful is an object: {"count":12}, not a list');
  });
});

describe('apim-migrate: states and deep answers', () => {
  it('fails at once on a state naming a cancel, in any case', async () => {
    rewriteCompleted((map) => (map.status = 'CANCELLED'));
    const run = await migrate({ timeout: '20s' });
    expect(run.exitCode).toBe(1);
    expect(run.outputs.status).toBe('CANCELLED');
    expect(run.stdout).toMatch(/Migration [\w-]+ failed \(CANCELLED\)/);
    expect(run.stdout).not.toContain('Timed out');
  });

  it('waits on an unknown state with one warning, and reads "completed" in lower case', async () => {
    let seen = 0;
    rewriteCompleted((map) => (map.status = seen++ < 2 ? 'PAUSED_BY_ADMIN' : 'completed'));
    const run = await migrate();
    expect(run.exitCode).toBe(0);
    const warnings = run.stdout.split('\n').filter((l) => l.startsWith('::warning title=Unknown job state::'));
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toContain(`is in the state 'PAUSED_BY_ADMIN'`);
  });

  it('puts a response_map nested 50,000 deep into the result output instead of crashing', async () => {
    sandbox.server.inject({
      match: { method: 'GET', path: STATUS_PATH },
      kind: 'rewrite',
      text: (body: { response_map: ResponseMap }) => {
        if (body.response_map.status !== 'Completed') return JSON.stringify(body);
        const map = JSON.stringify(body.response_map).slice(0, -1);
        return `{"response_map":${map},"details":${'['.repeat(DEPTH)}${']'.repeat(DEPTH)}},"http_status_code":200}`;
      },
      times: Infinity,
    });
    const run = await migrate();
    expect(run.stderr).not.toContain('Maximum call stack size exceeded');
    expect(run.exitCode).toBe(0);
    expect(run.outputs.status).toBe('Completed');
    expect(run.outputs.result).toContain(`"details":${'['.repeat(DEPTH)}${']'.repeat(DEPTH)}}`);
  });
});
