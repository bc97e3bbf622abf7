/**
 * Each action's main, loaded only when it is the one asked for: `import()` of a literal path, so webpack gives
 * each action a chunk of its own and the command compiles one action's code before its first request, not six.
 */
import type { RunOptions } from '../../shared/frame/run.js';
import type { ActionName } from './contracts.js';

export interface ActionModule {
  run(options: Partial<RunOptions>): Promise<void>;
}

export const ACTIONS: Record<ActionName, () => Promise<ActionModule>> = {
  'apim-migrate': () => import('../../actions/apim-migrate/src/main.js'),
  'cdm-application': () => import('../../actions/cdm-application/src/main.js'),
  'cdm-export': () => import('../../actions/cdm-export/src/main.js'),
  'cdm-upload': () => import('../../actions/cdm-upload/src/main.js'),
  'cdm-validate': () => import('../../actions/cdm-validate/src/main.js'),
  'dev2prod-promote': () => import('../../actions/dev2prod-promote/src/main.js'),
};
