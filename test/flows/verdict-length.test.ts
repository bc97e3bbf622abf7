/**
 * The verdict — the failure line that opens the summary and closes the log — says in at most 200 characters what
 * failed and what to check; the URL with its query and the vendor's whole message are the detail under it.
 */
import { describe, expect, it } from '@jest/globals';
import { ServiceNowCdmSandbox } from '../sandbox/servicenow-cdm.js';
import { SnapLogicApimSandbox } from '../sandbox/snaplogic-apim.js';
import type { ActionRun } from '../support/run-action.js';
import { lastLogLine, summaryOpening } from '../support/verdict.js';
import { runInProcess } from '../support/run-in-process.js';
import { useSandbox } from '../support/use-sandbox.js';

const cdm = useSandbox(new ServiceNowCdmSandbox());
const snapLogic = useSandbox(new SnapLogicApimSandbox({ migrationDurationMs: 100 }));

/** The verdict as the summary shows it and the log ends with it: both short, neither pointing at the summary. */
function expectShortVerdict(run: ActionRun): void {
  expect(run.exitCode).toBe(1);
  // As the reader sees it: without the bold markers and markdown escapes.
  const opening = summaryOpening(run)
    .replace(/^\*\*|\*\*$/g, '')
    .replace(/\\(.)/g, '$1')
    .replace(/&amp;/g, '&');
  expect(opening.length).toBeLessThanOrEqual(200);
  expect(lastLogLine(run).replace(/^::error title=[^:]*::/, '').length).toBeLessThanOrEqual(200);
  expect(opening).not.toMatch(/summary/i);
}

describe('the verdict line', () => {
  it('names the refused credentials and the inputs to check on a wrong password; the URL is the detail', async () => {
    const run = await runInProcess('cdm-validate', {
      inputs: {
        'instance-url': cdm.url,
        username: cdm.username,
        password: 'not-the-password',
        'app-name': 'PaymentApp',
        'changeset-number': 'Chset-1',
        'deployable-name': 'Production',
      },
    });
    expectShortVerdict(run);
    const verdict =
      "Could not read changeset Chset-1 (HTTP 401): ServiceNow refused basic auth as 'admin': check username and password";
    expect(summaryOpening(run)).toBe(`**❌ Failed: ${verdict}**`);
    expect(lastLogLine(run)).toBe(`::error title=HTTP 401::${verdict}`);
    // The second line of the summary and the line before the verdict in the log: the request with its query.
    expect(summaryOpening(run, 2).split('\n')[1]).toMatch(
      new RegExp(`^GET ${cdm.url}/api/now/table/sn_cdm_changeset\\?sysparm_query=.* failed \\(HTTP 401\\): User Not`),
    );
    expect(run.stdout).toMatch(/\nGET http:\/\/127\.0\.0\.1:\d+\/api\/now\/table\/sn_cdm_changeset\?sysparm_query=/);
  });

  it('stays short when the vendor refuses with a 5,000-character message, which the detail keeps', async () => {
    const message = `The destination rejected the request: ${'reason '.repeat(700)}end`;
    snapLogic.server.inject({
      match: { method: 'POST', path: /migrate_service_version/ },
      kind: 'status',
      status: 400,
      body: JSON.stringify({ response_map: { error: message } }),
      contentType: 'application/json',
    });
    const run = await runInProcess('apim-migrate', {
      inputs: {
        'control-plane-url': snapLogic.url,
        username: snapLogic.username,
        password: snapLogic.password,
        'source-path': '/Acme/Dev/Payments/OrdersAPI/2.0',
        'dest-path': '/Acme/Prod/Payments/OrdersAPI',
      },
    });
    expectShortVerdict(run);
    expect(summaryOpening(run)).toMatch(
      /^\*\*❌ Failed: Could not start the migration \(HTTP 400\): The destination rejected the request: reason .*…\*\*$/,
    );
    expect(run.stdout).toContain(message.slice(0, 3000));
  });

  it('stays short when the run times out in a long request', async () => {
    snapLogic.server.inject({ match: { method: 'POST', path: /migrate_service_version/ }, kind: 'delay', ms: 5000 });
    const run = await runInProcess('apim-migrate', {
      inputs: {
        'control-plane-url': snapLogic.url,
        username: snapLogic.username,
        password: snapLogic.password,
        'source-path': `/Acme/Dev/Payments/${'LongServiceName'.repeat(8)}/2.0`,
        'dest-path': `/Acme/Prod/Payments/${'LongServiceName'.repeat(8)}`,
        timeout: '1s',
      },
    });
    expectShortVerdict(run);
    expect(summaryOpening(run)).toMatch(/^\*\*❌ Failed: Timed out after 1s/);
  });
});

describe('a host that does not resolve', () => {
  it('fails after at most two retries, naming instance-url', async () => {
    const run = await runInProcess('cdm-export', {
      inputs: {
        'instance-url': 'https://no-such-instance.invalid',
        username: cdm.username,
        password: cdm.password,
        'app-name': 'PaymentApp',
        'deployable-name': 'Production',
        'exporter-name': 'json-exporter',
      },
    });
    expectShortVerdict(run);
    expect(lastLogLine(run)).toMatch(/The host no-such-instance\.invalid does not resolve: check instance-url$/);
    expect(run.stdout.match(/retrying in/g)?.length ?? 0).toBeLessThanOrEqual(2);
  });
});
