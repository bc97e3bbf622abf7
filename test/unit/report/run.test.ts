import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, jest } from '@jest/globals';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { ApiError, CancelledError, InputError, JobFailedError, TimeoutError } from '../../../shared/errors.js';
import { runAction, type ActionContext } from '../../../shared/report/run.js';
import { parseOutputFile } from '../../support/run-action.js';

const SECRET = 'Sup3r-S3cret!';
const ENV = ['GITHUB_OUTPUT', 'GITHUB_STEP_SUMMARY', 'RUNNER_DEBUG'] as const;
const savedEnv = Object.fromEntries(ENV.map((name) => [name, process.env[name]]));

let dir: string;
let outputFile: string;
// @actions/core remembers the summary file after its first use, so one file serves the whole file.
let summaryFile: string;
let stdout: string[];

beforeAll(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'run-action-test-'));
  outputFile = path.join(dir, 'output');
  summaryFile = path.join(dir, 'summary');
});

beforeEach(() => {
  writeFileSync(outputFile, '');
  writeFileSync(summaryFile, '');
  process.env.GITHUB_OUTPUT = outputFile;
  process.env.GITHUB_STEP_SUMMARY = summaryFile;
  delete process.env.RUNNER_DEBUG;
  stdout = [];
  jest.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
    stdout.push(String(chunk));
    return true;
  });
});

afterEach(() => {
  jest.restoreAllMocks();
  process.exitCode = undefined;
  for (const name of ENV) {
    if (savedEnv[name] === undefined) delete process.env[name];
    else process.env[name] = savedEnv[name];
  }
});

afterAll(() => rmSync(dir, { recursive: true, force: true }));

interface Annotation {
  level: string;
  title?: string;
  message: string;
}

const unescape = (text: string) =>
  text.replace(/%0D/g, '\r').replace(/%0A/g, '\n').replace(/%3A/g, ':').replace(/%2C/g, ',').replace(/%25/g, '%');

/** The workflow-command lines `::error title=...::message` printed to stdout. */
function annotations(level = 'error'): Annotation[] {
  return stdout
    .join('')
    .split('\n')
    .flatMap((line) => {
      const match = /^::(\w+)(?: title=([^:]*))?::(.*)$/.exec(line);
      if (!match || match[1] !== level) return [];
      return [{ level, title: match[2] === undefined ? undefined : unescape(match[2]), message: unescape(match[3]) }];
    });
}

const summary = () => readFileSync(summaryFile, 'utf8');

async function run(main: (context: ActionContext) => Promise<string>, inputs: Record<string, string> = {}) {
  await runAction({ title: 'CDM export', source: (name) => inputs[name] ?? '' }, main);
}

const fail = (error: unknown) => async (): Promise<string> => {
  throw error;
};

/** The log's lines as printed, without the workflow's masking commands. */
const logLines = () =>
  stdout
    .join('')
    .split('\n')
    .filter((line) => line && !line.startsWith('::add-mask::') && !line.startsWith('::debug::'));

describe('runAction: success', () => {
  it('opens the summary with the verdict main returns, ends the log with it, and leaves the exit code alone', async () => {
    await run(
      async ({ inputs, outputs, summary, logger }) => {
        const app = inputs.string('app-name', { required: true });
        inputs.finish();
        outputs.set('export-id', 'exp-1');
        summary.details([['Application', app]]);
        logger.info('in_progress (0.5s elapsed)');
        return `✅ Exported ${app}.`;
      },
      { 'app-name': 'shop' },
    );
    expect(process.exitCode).toBeUndefined();
    expect(annotations()).toEqual([]);
    expect(summary()).toBe(
      '## CDM export\n\n**✅ Exported shop.**\n\n|  |  |\n| --- | --- |\n| **Application** | shop |\n\n',
    );
    expect(logLines().at(-1)).toBe('✅ Exported shop.');
    expect(parseOutputFile(readFileSync(outputFile, 'utf8'))).toEqual({ 'export-id': 'exp-1' });
  });
});

describe('runAction: each error kind', () => {
  it('InputError with several problems: one failure line, one annotation per input, a Failed section', async () => {
    await run(
      async ({ inputs }) => {
        inputs.string('app-name', { required: true });
        inputs.boolean('restrict-export', false);
        inputs.finish();
        return 'not reached';
      },
      { 'restrict-export': 'yes' },
    );
    expect(process.exitCode).toBe(1);
    const errors = annotations();
    expect(errors).toEqual([
      { level: 'error', title: "Input 'app-name'", message: "Input 'app-name': is required" },
      {
        level: 'error',
        title: "Input 'restrict-export'",
        message: "Input 'restrict-export': must be true or false (got 'yes')",
      },
      { level: 'error', title: 'Invalid input', message: expect.stringMatching(/^2 input problems: 'app-name'/) },
    ]);
    expect(summary()).toMatch(/^## CDM export\n\n\*\*❌ Failed: 2 input problems/);
    expect(summary()).toContain("- Input 'app-name': is required\n- Input 'restrict-export': must be true or false");
  });

  it('InputError with one problem: only the failure line', async () => {
    await run(fail(new InputError([{ input: 'timeout', message: 'must be a positive duration' }])));
    expect(annotations()).toEqual([
      { level: 'error', title: 'Invalid input', message: "Input 'timeout': must be a positive duration" },
    ]);
    expect(process.exitCode).toBe(1);
  });

  it('JobFailedError with several errors: an annotation per vendor error, titled with job and state', async () => {
    const error = new JobFailedError('Export exp-1 failed', {
      jobId: 'exp-1',
      state: 'failure',
      errors: ['Deployable Prod not found', 'Exporter crashed'],
    });
    await run(fail(error));
    expect(annotations()).toEqual([
      { level: 'error', title: 'exp-1: failure', message: 'Deployable Prod not found' },
      { level: 'error', title: 'exp-1: failure', message: 'Exporter crashed' },
      { level: 'error', title: 'exp-1: failure', message: error.message },
    ]);
    expect(error.message).toContain('Deployable Prod not found (and 1 more, see the annotations)');
    expect(process.exitCode).toBe(1);
    expect(summary()).toContain(`## CDM export\n\n**❌ Failed: ${error.message}**\n`);
    expect(summary()).toContain('- Deployable Prod not found\n- Exporter crashed\n');
  });

  it.each([
    [
      'ApiError with a status',
      new ApiError({ method: 'GET', url: 'https://acme/x', status: 404, vendorMessage: 'No record' }),
      'HTTP 404',
    ],
    [
      'ApiError without an answer',
      new ApiError({ method: 'POST', url: 'https://acme/x', vendorMessage: 'ECONNREFUSED', hint: 'Check the URL' }),
      'Request failed',
    ],
    [
      'ApiError for an answer that lacks what the endpoint documents',
      new ApiError({ method: 'GET', url: 'https://acme/x', status: 200, vendorMessage: 'unexpected answer: no id' }),
      'Unexpected answer',
    ],
    [
      'ApiError for an HTML page',
      new ApiError({ method: 'GET', url: 'https://acme/x', status: 200, vendorMessage: 'an HTML page', kind: 'html' }),
      'HTML page instead of the API',
    ],
    [
      'ApiError for a redirect',
      new ApiError({ method: 'GET', url: 'https://acme/x', status: 302, vendorMessage: 'redirects', kind: 'redirect' }),
      'Redirect not followed (HTTP 302)',
    ],
    [
      'ApiError for an answer too large to read',
      new ApiError({ method: 'GET', url: 'https://acme/x', status: 200, vendorMessage: 'large', kind: 'too-large' }),
      'Answer too large',
    ],
    ['TimeoutError', new TimeoutError('Timed out waiting for export exp-1 after 15m 00s'), 'Timed out'],
    ['CancelledError', new CancelledError('Cancelled while waiting for export exp-1'), 'Cancelled'],
    ['a plain Error', new Error('Something odd'), 'Unexpected error'],
  ])('%s: one titled failure line, exit code 1, Failed section', async (_kind, error, title) => {
    await run(fail(error));
    expect(annotations()).toEqual([{ level: 'error', title, message: error.message }]);
    expect(process.exitCode).toBe(1);
    expect(summary()).toBe(`## CDM export\n\n**❌ Failed: ${error.message}**\n\n`);
  });

  it('a thrown non-Error value is still reported', async () => {
    await run(fail('just a string'));
    expect(annotations()).toEqual([{ level: 'error', title: 'Unexpected error', message: 'just a string' }]);
    expect(process.exitCode).toBe(1);
  });

  it('logs the stack of an unexpected error only as debug', async () => {
    await run(fail(new Error('Something odd')));
    expect(stdout.join('')).toMatch(/^::debug::Error: Something odd%0A\s+at /m);
  });

  it('keeps what the action wrote to the summary before failing', async () => {
    await run(async ({ summary }): Promise<string> => {
      summary.details([['Export ID', 'exp-1']]);
      throw new TimeoutError('Timed out');
    });
    expect(summary()).toBe(
      '## CDM export\n\n**❌ Failed: Timed out**\n\n|  |  |\n| --- | --- |\n| **Export ID** | exp-1 |\n\n',
    );
  });
});

describe('runAction: secrets', () => {
  it('never prints a masked secret, nor writes it to outputs or the summary', async () => {
    await run(
      async ({ inputs, logger, outputs, summary }): Promise<string> => {
        const password = inputs.secret('password', { required: true });
        inputs.finish();
        logger.info(`connecting with ${password}`);
        outputs.set('debug', { password });
        summary.text(`password was ${password}`);
        throw new ApiError({
          method: 'GET',
          url: `https://admin:${encodeURIComponent(SECRET)}@acme/x`,
          status: 401,
          vendorMessage: `bad password ${SECRET}`,
        });
      },
      { password: SECRET },
    );
    const printed = stdout.filter((line) => !line.startsWith('::add-mask::')).join('');
    expect(stdout).toContain(`::add-mask::${SECRET}\n`);
    expect(printed).toContain('connecting with ***');
    expect(printed).not.toContain(SECRET);
    expect(printed).not.toContain(encodeURIComponent(SECRET));
    expect(annotations()).toEqual([{ level: 'error', title: 'HTTP 401', message: expect.stringContaining('***') }]);
    expect(summary()).not.toContain(SECRET);
    expect(summary()).toContain('password was \\*\\*\\*');
    expect(readFileSync(outputFile, 'utf8')).not.toContain(SECRET);
  });
});

describe('runAction: summary file', () => {
  it('writes the summary redacted in every form of a secret, and says so in a warning', async () => {
    await run(async ({ logger, summary }): Promise<string> => {
      logger.mask('pa"ss\\w<rd');
      summary.text(`vendor said: {"password":"pa\\"ss\\\\w<rd"} / pa&quot;ss\\w&lt;rd`);
      return 'done';
    });
    expect(summary()).toContain('vendor said: {"password":"\\*\\*\\*"} / \\*\\*\\*');
    expect(summary()).not.toContain('ss\\');
    expect(annotations('warning')).toEqual([
      {
        level: 'warning',
        title: 'Secret removed from a file',
        message: expect.stringMatching(
          /^The job summary contained a secret given to this run .* with \*\*\* in its place\.$/,
        ),
      },
    ]);
  });

  it('prints the summary to the log without GITHUB_STEP_SUMMARY and still reports the failure', async () => {
    delete process.env.GITHUB_STEP_SUMMARY;
    await run(async ({ logger, summary }): Promise<string> => {
      logger.mask(SECRET);
      summary.text(`password was ${SECRET}`);
      throw new TimeoutError('Timed out');
    });
    expect(summary()).toBe('');
    expect(annotations()).toHaveLength(1);
    expect(process.exitCode).toBe(1);
    const log = stdout
      .join('')
      .split('\n')
      .filter((line) => !line.startsWith('::add-mask::'))
      .join('\n');
    expect(log).toContain('Job summary:\n## CDM export\n');
    expect(log).toContain('password was \\*\\*\\*');
    expect(log).not.toContain(SECRET);
    // The failure line comes after the printed summary: it is the last thing the log says.
    expect(log.indexOf('::error')).toBeGreaterThan(log.indexOf('Job summary:'));
    expect(logLines().at(-1)).toMatch(/^::error title=Timed out::Timed out$/);
  });

  it('sets the outputs through the toolkit without GITHUB_OUTPUT, as @github/local-action observes them', async () => {
    delete process.env.GITHUB_OUTPUT;
    await run(async ({ outputs }) => {
      outputs.set('export-id', 'abc123');
      return 'done';
    });
    expect(stdout.join('')).toContain('::set-output name=export-id::abc123\n');
    expect(readFileSync(outputFile, 'utf8')).toBe('');
    expect(process.exitCode).toBeUndefined();
  });

  it('gives the runtime a deadline from the timeout', async () => {
    let remaining = 0;
    await run(async ({ runtime }) => {
      remaining = runtime(60_000).deadline.remaining();
      return 'done';
    });
    expect(remaining).toBeGreaterThan(59_000);
    expect(remaining).toBeLessThanOrEqual(60_000);
  });
});
