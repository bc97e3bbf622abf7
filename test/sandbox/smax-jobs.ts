/**
 * Dev2Prod export and import jobs of the SMAX simulator: records, magic package ids and the status bodies of
 *   GET /rest/{tenant}/dev2prod/export/{id}   and   GET /rest/{tenant}/dev2prod/import/{id}
 * in the shape of the vendor document. `IN_PROGRESS` while running is not documented (only `COMPLETED` is).
 */
import type { SmaxFile } from './smax-files.js';

/**
 * The last three answer in ways a gate must not trust: two packages' Failed counts (2 and -2) cancelling out in
 * Totals, a negative Totals.Failed, and Status COMPLETED with an ErrorMessage.
 */
export type ImportScenario =
  'clean' | 'failures' | 'warnings' | 'failed-status' | 'cancelling-counts' | 'negative-total' | 'completed-with-error';
export type PackageScenario = ImportScenario | 'export-failed';
export type JobStatus = 'IN_PROGRESS' | 'COMPLETED' | 'FAILED';

export const DEFAULT_PACKAGE_ID = '54321';

/** Package ids that select an outcome without code; any other known package is clean. */
export const MAGIC_PACKAGE_IDS: ReadonlyArray<readonly [string, PackageScenario, string]> = [
  ['40001', 'failures', 'dry run and import report failures (Totals.Failed > 0, Results[].Errors)'],
  ['40002', 'warnings', 'dry run and import report warnings only'],
  ['40003', 'export-failed', 'the export ends with Status FAILED and an ErrorMessage'],
  ['40004', 'failed-status', 'dry run and import end with Status FAILED'],
];

export interface ExportStatistic {
  PackageName: string;
  ItemCount: number;
}

/** The statistics of the use-case document's example export (352 items). */
export const DEFAULT_EXPORT_STATISTICS: readonly ExportStatistic[] = Object.entries({
  metadata: 0,
  workflow: 24,
  formLayouts: 117,
  customAction: 0,
  indexConfiguration: 0,
  featureInstances: 26,
  uiComponentConfig: 0,
  notificationTemplateDefinitions: 88,
  notificationTemplateBodies: 97,
  SLTTenantSetting: 0,
  data: 0,
  userOptionMetadata: 0,
  rulesInEntity: 0,
  many2manyRelations: 0,
  attachments: 0,
  customAppSltSettings: 0,
  resourceBundles: 0,
}).map(([PackageName, ItemCount]) => ({ PackageName, ItemCount }));

export const EXPORT_FAILURE_MESSAGE =
  "Export of package 40003 failed: entity 'Incident' references the deleted form layout 'Incident.Legacy'";
export const IMPORT_FAILURE_MESSAGE =
  'Import aborted: the target tenant is locked by another Dev2Prod operation (PackageManager lock timeout)';
export const COMPLETED_ERROR_MESSAGE = 'Import aborted: 3 entities rejected';
export const PROCESSING_SERVER_NAME = 'smax-sandbox-server';

export interface SmaxExport {
  id: string;
  tenant: string;
  packageId: string;
  scenario: PackageScenario;
  bundleName: string;
  statistics: ExportStatistic[];
  /** The package file in the tenant's repository (none for a failing export). */
  file?: SmaxFile;
  createdAt: number;
}

export interface SmaxImport {
  id: string;
  tenant: string;
  fileId: string;
  dryRun: boolean;
  scenario: ImportScenario;
  /** Package id of the file's marker line, if it has one. */
  packageId?: string;
  packageManagerId: string;
  createdAt: number;
}

interface ResultStatistics {
  Added?: number;
  Modified: number;
  Removed: number;
  Failed: number;
  Skipped: number;
}

export interface ImportResult {
  PackageName: string;
  Statistics: ResultStatistics;
  Errors: string[];
  Warnings: string[];
}

/** `Package-{package}-{tenant}-{YYYY-MM-DD HH-mm}` (UTC), like the document's examples. */
export function bundleName(packageId: string, tenant: string, at: number): string {
  const iso = new Date(at).toISOString();
  return `Package-${packageId}-${tenant}-${iso.slice(0, 10)} ${iso.slice(11, 13)}-${iso.slice(14, 16)}`;
}

export function importScenarioOf(packageId: string | undefined): ImportScenario {
  const magic = MAGIC_PACKAGE_IDS.find(([id]) => id === packageId)?.[1];
  return magic === undefined || magic === 'export-failed' ? 'clean' : magic;
}

export function exportStatusOf(record: SmaxExport, now: number, durationMs: number): JobStatus {
  if (now - record.createdAt < durationMs) return 'IN_PROGRESS';
  return record.scenario === 'export-failed' ? 'FAILED' : 'COMPLETED';
}

export function importStatusOf(record: SmaxImport, now: number, durationMs: number): JobStatus {
  if (now - record.createdAt < durationMs) return 'IN_PROGRESS';
  return record.scenario === 'failed-status' ? 'FAILED' : 'COMPLETED';
}

export function exportStatusBody(record: SmaxExport, now: number, durationMs: number): Record<string, unknown> {
  const status = exportStatusOf(record, now, durationMs);
  const done = status !== 'IN_PROGRESS';
  const statistics = status === 'COMPLETED' ? record.statistics : [];
  const body: Record<string, unknown> = {
    id: record.id,
    PackageBundleName: record.bundleName,
    Status: status,
    ...(status === 'COMPLETED' && record.file ? { FileId: record.file.id } : {}),
    StartTime: record.createdAt,
    LastUpdateTime: done ? record.createdAt + durationMs : now,
    ItemCount: statistics.reduce((sum, s) => sum + s.ItemCount, 0),
    Statistics: statistics,
    OperationType: 'Export',
  };
  if (status === 'FAILED') body.ErrorMessage = EXPORT_FAILURE_MESSAGE;
  return body;
}

export function importStatusBody(record: SmaxImport, now: number, durationMs: number): Record<string, unknown> {
  const status = importStatusOf(record, now, durationMs);
  const running = status === 'IN_PROGRESS';
  const results = running ? [] : resultsOf(record.scenario);
  const totals = totalsOf(results);
  if (!running && record.scenario === 'negative-total') totals.Failed = -1;
  return {
    TimeToLive: Math.max(0, 10_000_000 - (now - record.createdAt)),
    StudioLocked: running && !record.dryRun,
    SystemLocked: running && !record.dryRun,
    id: record.id,
    FileId: record.fileId,
    Status: status,
    DryRun: record.dryRun,
    PackageManagerId: record.packageManagerId,
    StartTime: record.createdAt,
    LastUpdateTime: running ? now : record.createdAt + durationMs,
    ProcessingServerName: PROCESSING_SERVER_NAME,
    Results: results,
    Totals: totals,
    OperationType: 'Import',
    ...(!running && record.scenario === 'completed-with-error' ? { ErrorMessage: COMPLETED_ERROR_MESSAGE } : {}),
  };
}

function result(PackageName: string, Statistics: Partial<ResultStatistics>, more: Partial<ImportResult> = {}) {
  return {
    PackageName,
    Statistics: { Modified: 0, Removed: 0, Failed: 0, Skipped: 0, ...Statistics },
    Errors: more.Errors ?? [],
    Warnings: more.Warnings ?? [],
  };
}

/** Results of a finished import per scenario; `clean` is the document's example. */
export function resultsOf(scenario: ImportScenario): ImportResult[] {
  switch (scenario) {
    case 'clean':
      return [
        result('metadata', { Modified: 300 }),
        result('SLTTenantSetting', {}),
        result('indexConfiguration', { Modified: 26 }),
      ];
    case 'failures':
      return [
        result('metadata', { Modified: 300 }),
        result(
          'formLayouts',
          { Added: 3, Modified: 112, Failed: 2 },
          {
            Errors: [
              "Form layout 'Incident.Default' references field 'ImpactScore' that does not exist",
              "Form layout 'Change.Emergency' references field 'RiskMatrix' that does not exist",
            ],
          },
        ),
        result('indexConfiguration', { Modified: 26 }),
      ];
    case 'warnings':
      return [
        result('metadata', { Modified: 300 }),
        result(
          'rulesInEntity',
          { Modified: 12 },
          {
            Warnings: [
              "Business rule 'AutoAssign' was disabled in the target",
              "Business rule 'EscalateP1' uses the group 'Major Incident Team' that is inactive in the target",
            ],
          },
        ),
      ];
    case 'failed-status':
      return [result('metadata', {}, { Errors: [IMPORT_FAILURE_MESSAGE] })];
    case 'cancelling-counts':
      return [result('metadata', { Modified: 300, Failed: 2 }), result('formLayouts', { Modified: 26, Failed: -2 })];
    case 'negative-total':
    case 'completed-with-error':
      return resultsOf('clean');
  }
}

function totalsOf(results: ImportResult[]): Required<ResultStatistics> {
  const totals = { Added: 0, Modified: 0, Removed: 0, Failed: 0, Skipped: 0 };
  for (const { Statistics: s } of results) {
    totals.Added += s.Added ?? 0;
    totals.Modified += s.Modified;
    totals.Removed += s.Removed;
    totals.Failed += s.Failed;
    totals.Skipped += s.Skipped;
  }
  return totals;
}
