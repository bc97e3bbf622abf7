/** Defensive parsing of the snapshot and validation answers: odd answers fail naming the endpoint. */
import { describe, expect, it } from '@jest/globals';
import nock from 'nock';
import { ApiError } from '../../../shared/errors.js';
import { getPolicyResults, readDecision } from '../../../shared/vendors/servicenow/cdm-policy-results.js';
import { findDeployables, getChangeset } from '../../../shared/vendors/servicenow/cdm-changesets.js';
import {
  findChangesetSnapshot,
  getSnapshotValidation,
  publishSnapshot,
  validateSnapshot,
} from '../../../shared/vendors/servicenow/cdm-snapshots.js';
import { serviceNowClient, type ServiceNowConnection } from '../../../shared/vendors/servicenow/connection.js';
import { fakeRuntime } from '../../support/fakes.js';
import { useNock } from '../../support/nock.js';
import { rejection } from '../../support/rejection.js';

const BASE = 'https://acme.service-now.com';
const connection: ServiceNowConnection = {
  instanceUrl: BASE,
  credentials: { kind: 'basic', username: 'admin', password: 'pw-secret' },
};
const client = () => serviceNowClient(connection, fakeRuntime());
const SNAPSHOT = {
  sys_id: 's1',
  number: 'SNAP0001',
  name: 'Production-v2.dpl',
  validation: 'Passed',
  published: 'false',
  changeset_id: 'c1',
  cdm_deployable_id: 'd1',
};

const OWNER = { deployableSysId: 'd1', appSysId: 'a1', appName: 'PaymentApp' };

useNock();

describe('snapshot answers', () => {
  it('matches states case-insensitively and reads references flat or as {value, link}', async () => {
    nock(BASE)
      .get('/api/now/table/sn_cdm_snapshot')
      .query(true)
      .reply(200, { result: [{ ...SNAPSHOT, changeset_id: { value: 'c1', link: 'x' } }] });
    const snapshot = await findChangesetSnapshot(client(), 'c1', OWNER);
    expect(snapshot).toMatchObject({ validation: 'passed', changesetSysId: 'c1', published: false });
  });

  it('refuses a row of another changeset (the Table API drops an unknown query field silently)', async () => {
    nock(BASE)
      .get('/api/now/table/sn_cdm_snapshot')
      .query(true)
      .reply(200, { result: [{ ...SNAPSHOT, changeset_id: 'other' }] });
    const error = await rejection(findChangesetSnapshot(client(), 'c1', OWNER), ApiError);
    expect(error.message).toContain('GET https://acme.service-now.com/api/now/table/sn_cdm_snapshot');
    expect(error.message).toContain('belongs to changeset other instead of c1');
  });

  it('reads whose a changeset is, and refuses one that does not say or a snapshot of another application', async () => {
    const changeset = { number: 'Chset-1', sys_id: 'c1', state: 'committed', cdm_application: 'a2' };
    nock(BASE)
      .get('/api/now/table/sn_cdm_changeset')
      .query((q) => String(q.sysparm_fields).includes('cdm_application.node.name'))
      .reply(200, { result: [{ ...changeset, 'cdm_application.node.name': 'SharedServices' }] });
    expect(await getChangeset(client(), 'Chset-1')).toMatchObject({ appSysId: 'a2', appName: 'SharedServices' });
    nock(BASE)
      .get('/api/now/table/sn_cdm_changeset')
      .query(true)
      .reply(200, { result: [changeset] });
    expect((await rejection(getChangeset(client(), 'Chset-1'), ApiError)).message).toContain(
      'the changeset carries no application name (cdm_application.name or cdm_application.node.name)',
    );
    nock(BASE)
      .get('/api/now/table/sn_cdm_snapshot')
      .query(true)
      .reply(200, { result: [{ ...SNAPSHOT, cdm_application_id: 'a2', 'cdm_application_id.name': 'SharedServices' }] });
    expect((await rejection(findChangesetSnapshot(client(), 'c1', OWNER), ApiError)).message).toContain(
      'snapshot Production-v2.dpl belongs to application SharedServices, not PaymentApp',
    );
  });

  it('names the endpoint and the field when a required field is missing or odd', async () => {
    nock(BASE)
      .get('/api/now/table/sn_cdm_snapshot/s1')
      .query(true)
      .reply(200, { result: { published: 'false' } });
    expect((await rejection(getSnapshotValidation(client(), 's1'), ApiError)).message).toMatch(
      /sn_cdm_snapshot\/s1.*unexpected answer: the snapshot has no validation state/,
    );
    nock(BASE)
      .get('/api/now/table/sn_cdm_snapshot/s1')
      .query(true)
      .reply(200, { result: { validation: 'passed', published: 'yes' } });
    expect((await rejection(getSnapshotValidation(client(), 's1'), ApiError)).message).toContain(
      "published flag is 'yes', not true or false",
    );
    nock(BASE)
      .get('/api/now/table/sn_cdm_changeset')
      .query(true)
      .reply(200, { result: [{ number: 'Chset-9', sys_id: 'x', state: 'committed' }] });
    expect((await rejection(getChangeset(client(), 'Chset-1'), ApiError)).message).toContain(
      'asked for changeset Chset-1, got Chset-9',
    );
  });

  it('accepts the documented non-JSON success body of validate, but not an error inside a 200 or an HTML page', async () => {
    const path = '/api/sn_cdm/snapshots/s1/validate';
    nock(BASE).post(path).reply(200, '{ "" }');
    await validateSnapshot(client(), connection, 's1');
    nock(BASE)
      .post(path)
      .reply(200, { error: { message: 'Invalid Snapshot id:s1', detail: '' }, status: 'failure' });
    expect((await rejection(validateSnapshot(client(), connection, 's1'), ApiError)).vendorMessage).toBe(
      'Invalid Snapshot id:s1',
    );
    nock(BASE)
      .post('/api/sn_cdm/snapshots/s1/publish')
      .reply(200, '<html><head><title>Log in</title></head></html>', { 'content-type': 'text/html' });
    expect((await rejection(publishSnapshot(client(), connection, 's1'), ApiError)).vendorMessage).toContain(
      "an HTML page titled 'Log in'",
    );
  });
});

describe('deployable look-up', () => {
  const row = (app: Record<string, string>, sysId: string) => ({
    sys_id: sysId,
    name: 'Production',
    state: 'active',
    ...app,
  });

  it("keeps only the application's deployable, whichever field carries the application's name", async () => {
    nock(BASE)
      .get('/api/now/table/sn_cdm_deployable')
      .query((q) => q.sysparm_query === 'name=Production')
      .reply(200, {
        result: [
          row({ 'cdm_app.name': 'OtherApp' }, 'd1'),
          row({ 'cdm_app.node.name': 'PaymentApp', cmdb_ci: 'svc' }, 'd2'),
        ],
      });
    expect(await findDeployables(client(), 'paymentapp', ['Production'])).toEqual([
      { sysId: 'd2', name: 'Production', state: 'active', appSysId: '', serviceId: 'svc' },
    ]);
  });

  it('fails when no row says which application it belongs to', async () => {
    nock(BASE)
      .get('/api/now/table/sn_cdm_deployable')
      .query(true)
      .reply(200, { result: [row({}, 'd1')] });
    expect((await rejection(findDeployables(client(), 'PaymentApp', ['Production']), ApiError)).message).toContain(
      'the deployables carry no application name',
    );
  });
});

describe('policy results', () => {
  it('pages through the results and guards the execution output, which is JSON inside a string', async () => {
    const row = (i: number) => ({
      sys_id: `r${i}`,
      snapshot: 's1',
      'policy.name': 'P',
      type: 'Failure',
      'policy_execution.output': i === 0 ? '' : i === 1 ? '{not json' : '{"decision":"Compliant_With_Exception"}',
    });
    nock(BASE)
      .get('/api/now/table/sn_cdm_policy_validation_result')
      .query((q) => q.sysparm_offset === undefined)
      .reply(200, { result: Array.from({ length: 500 }, (_, i) => row(i)) });
    nock(BASE)
      .get('/api/now/table/sn_cdm_policy_validation_result')
      .query((q) => q.sysparm_offset === '500')
      .reply(200, { result: [row(2)] });
    const results = await getPolicyResults(client(), 's1');
    expect(results.rows).toHaveLength(501);
    expect(results.rows[0].type).toBe('failure');
    expect(results.rows[0].decision ?? results.rows[0].outputProblem).toBeUndefined();
    expect(results.rows[1].outputProblem).toBe('the policy execution output is not a JSON object');
    expect(results.rows[500].decision).toBe('compliant_with_exception');
  });

  it('refuses rows of another snapshot', async () => {
    nock(BASE)
      .get('/api/now/table/sn_cdm_policy_validation_result')
      .query(true)
      .reply(200, { result: [{ snapshot: 's2', 'policy.name': 'P' }] });
    expect((await rejection(getPolicyResults(client(), 's1'), ApiError)).message).toContain(
      'belongs to snapshot s2, not s1',
    );
  });

  it('reads a decision that is not text as a problem, not as a pass', () => {
    expect(readDecision('{"decision": 3}')).toEqual({ outputProblem: 'the policy decision is not text' });
    expect(readDecision('{"failures": []}')).toEqual({});
  });
});
