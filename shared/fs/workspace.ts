/**
 * Files named by inputs are read only from inside the workspace: on pull_request workflows the files come from
 * the contributor, and a symlink such as `config/leak.properties -> /etc/passwd` must not carry a file of the
 * runner to a vendor. A link is followed to its real path; links that stay inside the workspace are fine.
 */
import { realpath, stat } from 'node:fs/promises';
import * as path from 'node:path';

export interface WorkspaceFile {
  /** The real path (links followed), inside the workspace. */
  path: string;
  bytes: number;
}

/** GITHUB_WORKSPACE, else the working directory, with its links followed too. */
export async function workspaceRoot(): Promise<string> {
  const root = path.resolve(process.env.GITHUB_WORKSPACE || process.cwd());
  return realpath(root).catch(() => root);
}

/**
 * The file at `file` (relative to the working directory), or why it cannot be read: missing, not a regular file,
 * or (after following links) outside the workspace. `label` names it in the reason.
 */
export async function checkWorkspaceFile(
  file: string,
  label = file,
): Promise<{ file: WorkspaceFile } | { problem: string }> {
  const absolute = path.resolve(file);
  const real = await realpath(absolute).catch(() => undefined);
  if (real === undefined) return { problem: `no file at ${label}` };
  const root = await workspaceRoot();
  const relative = path.relative(root, real);
  if (relative === '..' || relative.startsWith(`..${path.sep}`) || path.isAbsolute(relative)) {
    const via = real === absolute ? '' : ` (it links to ${real})`;
    return {
      problem: `${label} is outside the workspace ${root}${via}: files are read only from inside the workspace`,
    };
  }
  const info = await stat(real).catch(() => undefined);
  if (!info?.isFile()) return { problem: `${label} is not a file` };
  return { file: { path: real, bytes: info.size } };
}
