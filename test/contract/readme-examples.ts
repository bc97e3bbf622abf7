/**
 * The READMEs' YAML examples, checked as a user would copy them by the command's own checker
 * (`config-promotion check-workflow`, cli/src/workflow-rules.ts says what it checks), against each action.yml as
 * it is in this checkout.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { checkFileText } from '../../cli/src/check-workflow.js';
import type { ActionLookup } from '../../cli/src/workflow-rules.js';
import { loadActionMetadata, REPO_ROOT, type ActionMetadata } from './action-contract.js';

export { yamlBlocks } from '../../cli/src/check-workflow.js';

/** This repository's action metadata by name (undefined for a name with no action). */
export function repositoryActions(root = REPO_ROOT): ActionLookup {
  const cache = new Map<string, ActionMetadata | undefined>();
  return (name) => {
    if (!cache.has(name)) {
      let meta: ActionMetadata | undefined;
      try {
        meta = loadActionMetadata(join(root, 'actions', name, 'action.yml'));
      } catch {
        meta = undefined;
      }
      cache.set(name, meta);
    }
    return cache.get(name);
  };
}

/** Each problem of a markdown file's examples as `file:line: message`. */
export function checkReadmeExamples(file: string, actions = repositoryActions()): string[] {
  return checkFileText(file, readFileSync(file, 'utf8'), actions).map((p) => `${p.file}:${p.line}: ${p.message}`);
}
