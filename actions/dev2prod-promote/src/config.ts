/**
 * dev2prod-promote's inputs, read and checked into the typed config the flow runs with: which package (or which
 * job started earlier), which tenants, and the rules between them — every problem reported before any request.
 */
import * as path from 'node:path';
import { errorMessage } from '../../../shared/errors.js';
import { checkWorkspaceFile } from '../../../shared/fs/workspace.js';
import { zipFileProblem } from '../../../shared/fs/zip.js';
import type { InputReader } from '../../../shared/inputs/reader.js';
import { readPollInterval } from '../../../shared/poll/poll.js';
import { readArtifactInputs } from '../../../shared/report/artifact.js';
import type { Runtime } from '../../../shared/runtime.js';
import type { SmaxTenant } from '../../../shared/vendors/smax/session.js';
import { MODES, type Mode, type PackageSource, type PromoteConfig, type PromoteSettings } from './promote.js';

export interface PromoteInputs {
  config: PromoteConfig;
  runtime: Runtime;
  /** Which source credentials the target borrowed ("user name is", ...), to say so in the log; else undefined. */
  borrowedCredentials?: string;
  /** Package inputs given beside a job started earlier, which that job makes unnecessary. */
  unused: string[];
  commentOnPr: boolean;
  githubToken?: string;
}

/** The run's clock starts before the package file is checked: local work counts against timeout too. */
export async function readPromoteInputs(
  inputs: InputReader,
  startRuntime: (timeoutMs: number) => Runtime,
): Promise<PromoteInputs> {
  const mode = inputs.choice('mode', MODES, { default: 'promote' }) ?? 'promote';
  const packageId = readId(inputs, 'package-id', 'a Package Manager package id such as 54321');
  const packageFile = inputs.string('package-file');
  const fileId = readId(inputs, 'file-id', 'a file repository id such as 9bf82520-f087-4763-af10-cf1ed38d893d');
  const exportId = readId(inputs, 'export-id', 'an export id such as 67975cd8e4b0c0508491541f');
  const dryRunId = readId(inputs, 'dry-run-import-id', 'an import id such as 67975cd8e4b0c0508491541f');
  const importId = readId(inputs, 'import-id', 'an import id such as 67975cd8e4b0c0508491541f');
  const skipDryRun = inputs.boolean('skip-dry-run', false);
  const resumed = dryRunId ?? importId;
  const exporting = resumed === undefined && (packageId !== undefined || exportId !== undefined);

  checkPackageInputs(inputs, mode, { resumed: inputs.has('dry-run-import-id') || inputs.has('import-id') });
  checkModeRules(inputs, mode, exporting, skipDryRun);

  const sourceInputs = readTenant(inputs, 'source', exporting);
  const source = complete(sourceInputs);
  const targetInputs = mode === 'export' ? undefined : readTenant(inputs, 'target', true, sourceInputs);
  const target = targetInputs && complete(targetInputs);
  const timeoutMs = inputs.duration('timeout', '60m');
  const runtime = startRuntime(timeoutMs);
  const usesFile = resumed === undefined && packageFile !== undefined && !exporting;
  const resolvedPackageFile = usesFile ? await checkPackageFile(inputs, packageFile) : undefined;
  // Only a file inside the workspace is opened to look for the zip signature.
  if (resolvedPackageFile) await checkPackageIsZip(inputs, resolvedPackageFile);
  const artifact = readArtifactInputs(inputs);
  if (artifact && !exporting && !usesFile)
    inputs.problem('artifact-name', 'needs a package file on disk: give package-id, export-id or package-file');
  const commentOnPr = inputs.boolean('comment-on-pr', false);
  const githubToken = inputs.secret('github-token');
  inputs.requiredWith('github-token', commentOnPr, 'comment-on-pr (the default is the workflow token)');
  const settings: PromoteSettings = {
    downloadDir: path.resolve(inputs.string('download-dir') ?? process.env.RUNNER_TEMP ?? '.'),
    keepEarlierFiles: !inputs.has('download-dir'),
    artifact,
    failOnWarnings: inputs.boolean('fail-on-warnings', false),
    pollIntervalMs: readPollInterval(inputs, '15s'),
    skipDryRun,
  };
  const packageSource: PackageSource | undefined =
    dryRunId !== undefined
      ? { kind: 'dry-run', dryRunId, fileId }
      : importId !== undefined
        ? { kind: 'import', importId, fileId }
        : exporting
          ? source && exportSource(source, packageId, exportId)
          : resolvedPackageFile
            ? { kind: 'file', path: resolvedPackageFile }
            : fileId !== undefined
              ? { kind: 'file-id', fileId }
              : undefined;
  const { config } = inputs.finish({ config: promoteConfig(mode, packageSource, target, settings) });
  const unused = resumed === undefined ? [] : ['package-id', 'export-id', 'package-file'].filter((n) => inputs.has(n));
  return { config, runtime, borrowedCredentials: targetInputs?.sourceCredentials, unused, commentOnPr, githubToken };
}

/**
 * Where the package comes from: one of package-id (with export-id, or export-id alone: an export started earlier),
 * package-file or file-id; a job started earlier (dry-run-import-id or import-id) already has its file.
 */
function checkPackageInputs(inputs: InputReader, mode: Mode, { resumed }: { resumed: boolean }): void {
  if (inputs.has('dry-run-import-id') && inputs.has('import-id'))
    inputs.problem('import-id', 'give only one of dry-run-import-id and import-id');
  if (resumed) return;
  const exportGiven = inputs.has('package-id') || inputs.has('export-id');
  const given = [
    ...(exportGiven ? [inputs.has('package-id') ? 'package-id' : 'export-id'] : []),
    ...['package-file', 'file-id'].filter((name) => inputs.has(name)),
  ];
  if (!given.length) inputs.problem('package-id', 'give package-id (or export-id), package-file or file-id');
  else if (given.length > 1)
    inputs.problem(given[1], `give only one of package-id, package-file and file-id (got ${given.join(', ')})`);
  if (mode === 'export' && (inputs.has('package-file') || inputs.has('file-id')))
    inputs.problem(
      inputs.has('package-file') ? 'package-file' : 'file-id',
      'mode export needs package-id (or export-id)',
    );
}

/** Which resumed job each mode can follow, and the one import that would run without any dry run. */
function checkModeRules(inputs: InputReader, mode: Mode, exporting: boolean, skipDryRun: boolean): void {
  if (inputs.has('dry-run-import-id') && (mode === 'export' || mode === 'import'))
    inputs.problem(
      'dry-run-import-id',
      `does not apply to mode ${mode}: use mode dry-run to follow the dry run, or mode promote to follow it and import when it passes`,
    );
  if (inputs.has('import-id') && (mode === 'export' || mode === 'dry-run'))
    inputs.problem('import-id', `does not apply to mode ${mode}: use mode import (or promote) to follow an import`);
  // Only `true` is out of place: `false` is action.yml's default, which the runner (and the command) fill into every run.
  inputs.onlyWith('skip-dry-run', mode === 'import' || !skipDryRun, 'mode: import');
  if (mode === 'import' && exporting && !skipDryRun)
    inputs.problem(
      'mode',
      'import with package-id would export and import with no dry run anywhere. Use mode: promote (dry run, then ' +
        'import only when it passed), or the two-job pattern: mode: dry-run in one job, then mode: import with its ' +
        'file-id output after an approval. To import without any dry run on purpose, add skip-dry-run: true',
    );
}

function exportSource(source: SmaxTenant, packageId: string | undefined, exportId: string | undefined) {
  if (exportId !== undefined) return { kind: 'export', source, packageId, exportId } as const;
  return packageId === undefined ? undefined : ({ kind: 'export', source, packageId } as const);
}

/** An id that goes into a URL path: letters, digits, `_`, `.`, `-`. */
function readId(inputs: InputReader, name: string, example: string): string | undefined {
  const value = inputs.string(name);
  if (value === undefined || /^[\w.-]+$/.test(value)) return value;
  inputs.problem(name, `must be ${example}`, value);
  return undefined;
}

/**
 * The config the inputs describe: export takes a package to export and no target; the other modes a target.
 * Undefined when the inputs did not make one (their problems say why).
 */
function promoteConfig(
  mode: Mode,
  pkg: PackageSource | undefined,
  target: SmaxTenant | undefined,
  settings: PromoteSettings,
): PromoteConfig | undefined {
  if (!pkg) return undefined;
  if (mode === 'export') return pkg.kind === 'export' ? { ...settings, mode, package: pkg } : undefined;
  return target && { ...settings, mode, package: pkg, target };
}

type TenantInputs = Partial<SmaxTenant> & {
  /** Which source credentials the target falls back to ("user name is", "password is", ...); undefined: none. */
  sourceCredentials?: string;
};

/**
 * `source-*` or `target-*` inputs, as far as given. The target falls back to the source's URL; to the source's
 * credentials only on the source's own server (same scheme, host and port), so development credentials never
 * travel to another server because a production secret was missing or misnamed.
 */
function readTenant(
  inputs: InputReader,
  side: 'source' | 'target',
  needed: boolean,
  fallback?: Partial<SmaxTenant>,
): TenantInputs {
  const ownUrl = inputs.url(`${side}-url`, {
    required: needed && !fallback?.url,
    expected: 'the SMAX server address, e.g. https://smax.example.com',
  });
  const url = ownUrl ?? fallback?.url;
  const tenantId = inputs.string(`${side}-tenant-id`, { required: needed });
  if (tenantId !== undefined && !/^\d+$/.test(tenantId))
    inputs.problem(`${side}-tenant-id`, 'must be the numeric tenant id', tenantId);
  const sameServer = !ownUrl || !fallback?.url || sameOrigin(ownUrl, fallback.url);
  const borrowed: string[] = [];
  const credential = (name: 'username' | 'password', value: string | undefined): string | undefined => {
    const input = `${side}-${name}`;
    if (value !== undefined || !needed) return value;
    if (!fallback?.[name]) inputs.problem(input, 'is required');
    else if (!sameServer)
      inputs.problem(
        input,
        `is required: target-url (${ownUrl}) is another server than source-url (${fallback.url}), and the source's credentials are only sent to the source's server`,
      );
    else {
      borrowed.push(name === 'username' ? 'user name' : 'password');
      return fallback[name];
    }
    return undefined;
  };
  const username = credential('username', inputs.string(`${side}-username`));
  const password = credential('password', inputs.secret(`${side}-password`));
  const sourceCredentials = borrowed.length
    ? `${borrowed.join(' and ')} ${borrowed.length > 1 ? 'are' : 'is'}`
    : undefined;
  return { url, tenantId, username, password, sourceCredentials };
}

/** Same scheme, host and port. */
function sameOrigin(a: string, b: string): boolean {
  return new URL(a).origin === new URL(b).origin;
}

/** `package-file` must be a file inside the workspace (links followed); returns its real path. */
async function checkPackageFile(inputs: InputReader, packageFile: string): Promise<string | undefined> {
  const checked = await checkWorkspaceFile(packageFile);
  if ('problem' in checked) {
    inputs.problem('package-file', checked.problem);
    return undefined;
  }
  return checked.file.path;
}

function complete(tenant: Partial<SmaxTenant>): SmaxTenant | undefined {
  const { url, tenantId, username, password } = tenant;
  return url && tenantId && username && password ? { url, tenantId, username, password } : undefined;
}

/** A package file must be a zip archive: an empty file or another kind of file would be uploaded and imported. */
async function checkPackageIsZip(inputs: InputReader, file: string): Promise<void> {
  const problem = await zipFileProblem(file).catch((error: unknown) => `could not be read (${errorMessage(error)})`);
  if (problem) inputs.problem('package-file', `${file} ${problem}; give the package zip that Dev2Prod exported`);
}
