/** Which host the config-promotion command runs on: the one `--host` names, or the one its environment says. */
import { azureHost } from './azure.js';
import { githubHost } from './github.js';
import { gitlabHost } from './gitlab.js';
import type { Host, HostName, HostOptions } from './host.js';
import { commandExitCode, plainHost } from './plain.js';
import { withReportFiles } from './report-files.js';

export type { HostName, HostOptions } from './host.js';

export const HOST_NAMES: readonly HostName[] = ['github', 'gitlab', 'azure', 'jenkins', 'plain'];

export function createHost(name: HostName, options: HostOptions): Host {
  switch (name) {
    case 'github':
      // The command's exit codes hold on GitHub too; the actions' own steps keep GitHub's 1.
      return { ...withReportFiles(githubHost(options.inputs), options), exitCode: commandExitCode };
    case 'gitlab':
      return gitlabHost(options);
    case 'azure':
      return azureHost(options);
    case 'jenkins':
      return plainHost(options, 'jenkins');
    case 'plain':
      return plainHost(options);
  }
}

/** The variables each CI sets in every job (the values as they set them). */
export function detectHost(env: NodeJS.ProcessEnv): HostName {
  if (env.GITHUB_ACTIONS === 'true') return 'github';
  if (env.GITLAB_CI === 'true') return 'gitlab';
  if (env.TF_BUILD === 'True') return 'azure';
  if (env.JENKINS_URL) return 'jenkins';
  return 'plain';
}
