/**
 * Azure Pipelines: outputs, issues, the summary and secret masks as the agent's logging commands
 * (`##vso[area.action property=value;...]message`), with its documented escaping. Everything else is plain lines,
 * in which vendor text cannot start a command (neutralize.ts).
 */
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { safeFileName } from '../fs/file-name.js';
import type { AnnotationLocation } from '../runtime.js';
import type { Host, HostOptions } from './host.js';
import { cliHost, type IssueLevel } from './plain.js';

/** In a command's message or value: `%` first, so an escape is never escaped twice. */
export function escapeData(text: string): string {
  return text.replace(/%/g, '%AZP25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

/** In a property's value, also the characters that end one (`;`) or end the properties (`]`). */
export function escapeProperty(text: string): string {
  return escapeData(text).replace(/;/g, '%3B').replace(/\]/g, '%5D');
}

export function vso(command: string, properties: Record<string, string | number | undefined>, data = ''): string {
  const props = Object.entries(properties)
    .filter(([, value]) => value !== undefined)
    .map(([name, value]) => `${name}=${escapeProperty(String(value))}`)
    .join(';');
  return `##vso[${command}${props ? ` ${props}` : ''}]${escapeData(data)}`;
}

/** The output's name as a variable: `export-id` → `export_id`. */
export function azureVariableName(output: string): string {
  return output.replace(/-/g, '_');
}

export function azureHost(options: HostOptions): Host {
  return cliHost('azure', options, {
    artifactDocs: 'a PublishPipelineArtifact step, see docs/azure-pipelines.md',
    issue(level: IssueLevel, message: string, location?: AnnotationLocation) {
      // The agent knows errors and warnings only; a notice is a plain line.
      if (level === 'notice') return `NOTICE${location ? ` ${location.file}:${location.line ?? 1}` : ''} ${message}`;
      return vso('task.logissue', { type: level, sourcepath: location?.file, linenumber: location?.line }, message);
    },
    mask: (forms) => forms.map((form) => vso('task.setsecret', {}, form)),
    output: (name, value) => vso('task.setvariable', { variable: azureVariableName(name), isoutput: 'true' }, value),
    summary: (file) => vso('task.uploadsummary', {}, path.resolve(file)),
    // The agent uploads the summary from a file, so without --summary-file one goes to the agent's temp folder.
    defaultSummaryFile: () =>
      path.join(
        process.env.AGENT_TEMPDIRECTORY || tmpdir(),
        `config-promotion-${safeFileName(options.action, 'summary')}-${process.pid}.md`,
      ),
  });
}
