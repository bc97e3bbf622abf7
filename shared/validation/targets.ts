/**
 * Which snapshots the gate looks at: those a committed changeset created (after waiting for their generation),
 * or each named deployable's latest or named snapshot.
 */
import { JobFailedError } from '../errors.js';
import type { ApiClient } from '../http/client.js';
import { poll } from '../poll/poll.js';
import type { Runtime } from '../runtime.js';
import {
  findDeployables,
  getChangeset,
  getDeployableAppName,
  getImpactedDeployables,
  type Changeset,
  type Deployable,
} from '../vendors/servicenow/cdm-changesets.js';
import {
  findChangesetSnapshot,
  findLatestSnapshot,
  findNamedSnapshot,
  type Snapshot,
  type SnapshotOwner,
} from '../vendors/servicenow/cdm-snapshots.js';
import type { ServiceNowConnection } from '../vendors/servicenow/connection.js';
import type { GatedSnapshot, GateSettings } from './types.js';

export interface TargetDeps {
  client: ApiClient;
  connection: ServiceNowConnection;
  runtime: Runtime;
  /** Called as each snapshot is found. */
  onSnapshot: (snapshot: GatedSnapshot) => void;
}

/** Changeset states in which no snapshot will come. */
const DEAD_CHANGESET_STATES = new Set(['open', 'blocked', 'commit_failed']);
const FINAL_SNAPSHOT_STATUSES = new Set(['created', 'none', 'error']);

export async function findGatedSnapshots(settings: GateSettings, deps: TargetDeps): Promise<GatedSnapshot[]> {
  const { client } = deps;
  const { logger } = deps.runtime;
  const explicit = settings.deployableNames;
  const gated: GatedSnapshot[] = [];
  const owner = (deployable: Deployable): SnapshotOwner => ({
    deployableSysId: deployable.sysId,
    appSysId: deployable.appSysId,
    appName: settings.appName,
  });
  const add = (deployable: Deployable, snapshot: Snapshot, source: GatedSnapshot['source']) => {
    const entry = gatedSnapshot(deployable, snapshot, source);
    gated.push(entry);
    deps.onSnapshot(entry);
    logger.info(
      `${deployable.name}: snapshot ${snapshot.name} (${snapshot.number || snapshot.sysId}), validation ${snapshot.validation}${snapshot.published ? ', published' : ''}.`,
    );
  };

  if (!settings.changesetNumber) {
    for (const deployable of await lookUpDeployables(settings.appName, explicit, client)) {
      const snapshot = settings.snapshotName
        ? await findNamedSnapshot(client, owner(deployable), settings.snapshotName)
        : await findLatestSnapshot(client, owner(deployable));
      if (!snapshot) {
        throw new JobFailedError(
          settings.snapshotName
            ? `Deployable ${deployable.name} has no snapshot named '${settings.snapshotName}'`
            : `Deployable ${deployable.name} has no snapshot yet`,
          {
            jobId: `Deployable ${deployable.name}`,
            state: 'no snapshot',
            errors: [],
            hint: 'A snapshot is created when a changeset is committed: upload and commit its configuration first',
          },
        );
      }
      add(deployable, snapshot, settings.snapshotName ? 'named' : 'latest');
    }
    return gated;
  }

  const number = settings.changesetNumber;
  const changeset = await waitForGeneration(number, settings, deps);
  if (changeset.snapshotStatus === 'error') {
    throw new JobFailedError(`ServiceNow could not generate the snapshots of changeset ${number}`, {
      jobId: `Changeset ${number}`,
      state: 'snapshot_status error',
      errors: [],
      hint: 'Look at the changeset and its deployables in DevOps Config, fix the cause, and commit again',
    });
  }
  const impacted = await impactedDeployables(changeset, settings.appName, deps);
  const deleted = impacted.filter((d) => d.state === 'deleted');
  if (deleted.length) logger.info(`Skipped deleted deployable(s): ${deleted.map((d) => d.name).join(', ')}.`);
  const active = impacted.filter((d) => d.state !== 'deleted');
  const same = (a: string, b: string) => a.toLowerCase() === b.toLowerCase();

  let targets: Deployable[] = active;
  if (explicit.length) {
    const missing = explicit.filter((name) => !active.some((d) => same(d.name, name)));
    const others = missing.length ? await lookUpDeployables(settings.appName, missing, client) : [];
    targets = explicit
      .map((name) => active.find((d) => same(d.name, name)) ?? others.find((d) => same(d.name, name)))
      .filter((d): d is Deployable => d !== undefined);
  } else if (!targets.length) {
    throw new JobFailedError(`Changeset ${number} impacted no active deployable: there is no snapshot to gate`, {
      jobId: `Changeset ${number}`,
      state: `snapshot_status ${changeset.snapshotStatus ?? 'unknown'}`,
      errors: [],
      hint: 'Give deployable-name to gate the latest snapshot of a deployable instead',
    });
  }

  for (const deployable of targets) {
    const own =
      changeset.snapshotStatus !== 'none' && active.some((d) => d.sysId === deployable.sysId)
        ? await findChangesetSnapshot(client, changeset.sysId, owner(deployable))
        : undefined;
    if (own) {
      add(deployable, own, 'changeset');
      continue;
    }
    const why = `Changeset ${number} created no snapshot for deployable ${deployable.name}${changeset.snapshotStatus === 'none' ? ' (snapshot_status: none, e.g. nothing changed for it)' : ''}`;
    if (!explicit.length) {
      throw new JobFailedError(why, {
        jobId: `Changeset ${number}`,
        state: `snapshot_status ${changeset.snapshotStatus ?? 'unknown'}`,
        errors: [],
        hint: `Name the deployable in deployable-name to gate its latest snapshot instead`,
      });
    }
    const latest = await findLatestSnapshot(client, owner(deployable));
    if (!latest) {
      throw new JobFailedError(`${why}, and it has no snapshot at all`, {
        jobId: `Deployable ${deployable.name}`,
        state: 'no snapshot',
        errors: [],
      });
    }
    logger.warning(
      `${why}; gating its latest snapshot ${latest.name} (${latest.number || latest.sysId}, changeset ${latest.changesetNumber || latest.changesetSysId || 'unknown'}) instead.`,
      'No new snapshot',
    );
    add(deployable, latest, 'latest');
  }
  return gated;
}

/** Every named deployable of the application; a name it does not have is an error that lists them all. */
async function lookUpDeployables(appName: string, names: string[], client: ApiClient): Promise<Deployable[]> {
  const found = await findDeployables(client, appName, names);
  const missing = names.filter((name) => !found.some((d) => d.name.toLowerCase() === name.toLowerCase()));
  if (missing.length) {
    throw new JobFailedError(`Application ${appName} has no deployable named ${missing.join(', ')}`, {
      jobId: `Application ${appName}`,
      state: 'deployable not found',
      errors: [],
      hint: 'Check deployable-name and app-name against the deployables in DevOps Config',
    });
  }
  return found;
}

/**
 * The deployables the changeset impacted, each checked to belong to the changeset's application (which the caller
 * checked is the one asked about): a deployable of another application is never gated.
 */
async function impactedDeployables(changeset: Changeset, appName: string, deps: TargetDeps): Promise<Deployable[]> {
  const impacted = await getImpactedDeployables(deps.client, deps.connection, changeset.number);
  const foreign = impacted.find((d) => d.appSysId !== changeset.appSysId);
  if (foreign) {
    const owner = foreign.appSysId
      ? (await getDeployableAppName(deps.client, foreign.sysId).catch(() => '')) || foreign.appSysId
      : '';
    const what = `Deployable ${foreign.name}, impacted by changeset ${changeset.number},`;
    throw new JobFailedError(
      owner
        ? `${what} belongs to application ${owner}, not ${appName}`
        : `${what} does not say which application it belongs to (no cdm_app), so it is not gated for ${appName}`,
      {
        jobId: `Changeset ${changeset.number}`,
        state: 'deployable of another application',
        errors: [],
        hint: 'The gate judges only the application it was asked about and fails rather than guess; look at the changeset in DevOps Config',
      },
    );
  }
  return impacted;
}

/** A changeset of another application is never gated: the error names the application it belongs to. */
function checkApplication(changeset: Changeset, appName: string): void {
  if (changeset.appName.toLowerCase() === appName.toLowerCase()) return;
  throw new JobFailedError(
    `Changeset ${changeset.number} belongs to application ${changeset.appName}, not ${appName}`,
    {
      jobId: `Changeset ${changeset.number}`,
      state: 'other application',
      errors: [],
      hint: `Give the changeset-number of a changeset of ${appName} (cdm-upload's changeset-number output), or the app-name it belongs to`,
    },
  );
}

/** Waits until ServiceNow has generated the changeset's snapshots (or said it made none, or failed). */
async function waitForGeneration(number: string, settings: GateSettings, deps: TargetDeps): Promise<Changeset> {
  const { client } = deps;
  return poll<Changeset>(
    async () => {
      const changeset = await getChangeset(client, number);
      if (!changeset) {
        throw new JobFailedError(`Changeset ${number} was not found`, {
          jobId: `Changeset ${number}`,
          state: 'not found',
          errors: [],
          hint: 'Check changeset-number: it is the changeset-number output of cdm-upload, e.g. Chset-102',
        });
      }
      checkApplication(changeset, settings.appName);
      if (DEAD_CHANGESET_STATES.has(changeset.state)) {
        throw new JobFailedError(`Changeset ${number} is ${changeset.state}, so it has no snapshots to gate`, {
          jobId: `Changeset ${number}`,
          state: changeset.state,
          errors: [],
          hint:
            changeset.state === 'open'
              ? 'Snapshots are created when a changeset is committed: commit it (auto-commit: true) first'
              : 'Look at the changeset in DevOps Config, resolve the problem, and commit it again',
        });
      }
      if (changeset.state !== 'committed') return { done: false, state: changeset.state };
      const status = changeset.snapshotStatus;
      if (status !== undefined) {
        return FINAL_SNAPSHOT_STATUSES.has(status)
          ? { done: true, value: changeset }
          : { done: false, state: `committed, snapshot generation ${status || 'pending'}` };
      }
      // Instances without the snapshot_status field: done when every impacted deployable has its snapshot.
      const impacted = (await impactedDeployables(changeset, settings.appName, deps)).filter(
        (d) => d.state !== 'deleted',
      );
      const wanted = settings.deployableNames.length
        ? impacted.filter((d) => settings.deployableNames.some((n) => n.toLowerCase() === d.name.toLowerCase()))
        : impacted;
      let found = 0;
      for (const deployable of wanted) {
        const owner = { deployableSysId: deployable.sysId, appSysId: deployable.appSysId, appName: settings.appName };
        if (await findChangesetSnapshot(client, changeset.sysId, owner)) found++;
      }
      if (wanted.length && found === wanted.length)
        return { done: true, value: { ...changeset, snapshotStatus: 'created' } };
      return { done: false, state: `committed, ${found} of ${wanted.length} snapshot(s) created` };
    },
    {
      what: `the snapshots of changeset ${number}`,
      runtime: deps.runtime,
      maxIntervalMs: settings.pollIntervalMs,
      resumeHint: `Run again with changeset-number: ${number} to keep waiting`,
    },
  );
}

function gatedSnapshot(deployable: Deployable, snapshot: Snapshot, source: GatedSnapshot['source']): GatedSnapshot {
  return {
    deployable: deployable.name,
    deployableSysId: deployable.sysId,
    serviceId: deployable.serviceId,
    name: snapshot.name,
    sysId: snapshot.sysId,
    number: snapshot.number,
    changeset: snapshot.changesetNumber || snapshot.changesetSysId,
    source,
    validation: snapshot.validation,
    published: snapshot.published,
    failures: 0,
    warnings: 0,
    exceptions: 0,
  };
}
