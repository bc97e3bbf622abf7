/**
 * The configuration the ServiceNow CDM sandbox keeps: each deployable starts from a baseline (an earlier release's
 * published snapshot), a commit's uploads change it, and the snapshot the commit makes holds exactly the result,
 * which exports return. Uploaded text is read as the API reads its data formats: json and yaml as nested keys,
 * properties and ini as `key=value` lines, anything else (xml, csv, raw, files) as one item holding the text.
 */
import { parseDocument } from 'yaml';
import type { UploadedConfig } from './servicenow-cdm-policies.js';

/** component → configuration data item → value. */
export type DeployableConfig = Record<string, Record<string, string>>;

/**
 * The exporters the sandbox knows; any other exporterName is refused. Each renders every data format.
 * `returnAllData-now` is the name the READMEs and the GitLab pipelines use.
 */
export const SANDBOX_EXPORTERS: readonly string[] = [
  'returnAllData-now',
  'json-exporter',
  'yaml-exporter',
  'xml-exporter',
  'ini-exporter',
  'properties-exporter',
];

/** What every deployable holds before this sandbox's first commit. */
export function baselineConfig(): DeployableConfig {
  return { COMP: { cdi_1: 'cdi-1-value', cdi_2: 'cdi-2-value', cdi_3: 'cdi-3-value' } };
}

/** One upload as the configuration needs it: where it went and in which format. */
export interface ConfigUpload extends UploadedConfig {
  dataFormat?: string;
  fileName?: string;
}

/**
 * `config` with the uploads that reach `deployable` applied in order: uploads into components, collections and vars
 * reach every deployable of the app, uploads into `deployables/<name>` only that one. The first segment of the name
 * path is the component; the rest, then the uploaded keys, name the item (`db.port`).
 */
export function applyUploads(
  config: DeployableConfig,
  deployable: string,
  uploads: readonly ConfigUpload[],
): DeployableConfig {
  const next: DeployableConfig = Object.fromEntries(
    Object.entries(config).map(([name, items]) => [name, { ...items }]),
  );
  for (const upload of uploads) {
    if (upload.folder.startsWith('deployables/') && upload.folder !== `deployables/${deployable}`) continue;
    const [component = upload.folder === 'vars' ? 'vars' : 'config', ...below] = upload.namePath
      .split('/')
      .filter((segment) => segment !== '');
    const items = (next[component] ??= {});
    for (const [key, value] of itemsOf(upload)) items[[...below, key].filter((k) => k !== '').join('.')] = value;
  }
  return next;
}

function itemsOf(upload: ConfigUpload): Array<[string, string]> {
  switch (upload.dataFormat) {
    case 'json':
    case 'yaml': {
      let data: unknown;
      try {
        data = parseDocument(upload.body).toJS();
      } catch {
        data = upload.body;
      }
      return flatten(data, []);
    }
    case 'properties':
    case 'ini':
      return keyValueLines(upload.body);
    default:
      return [[upload.fileName ?? 'content', upload.body]];
  }
}

function flatten(data: unknown, path: string[], depth = 0): Array<[string, string]> {
  if (typeof data !== 'object' || data === null || depth > 20) {
    return [[path.join('.'), typeof data === 'string' ? data : JSON.stringify(data)]];
  }
  const entries = Array.isArray(data) ? data.map((v, i) => [String(i), v] as const) : Object.entries(data);
  return entries.flatMap(([key, value]) => flatten(value, [...path, key], depth + 1));
}

/** `key=value` lines; `[section]` lines prefix the keys below them; `#` and `;` lines are comments. */
function keyValueLines(text: string): Array<[string, string]> {
  const items: Array<[string, string]> = [];
  let section = '';
  for (const raw of text.split(/\r?\n/)) {
    const line = raw.trim();
    if (line === '' || line.startsWith('#') || line.startsWith(';')) continue;
    const header = /^\[(.+)\]$/.exec(line);
    if (header) {
      section = `${header[1].trim()}.`;
      continue;
    }
    const at = line.search(/[=:]/);
    if (at > 0) items.push([`${section}${line.slice(0, at).trim()}`, line.slice(at + 1).trim()]);
  }
  return items;
}
