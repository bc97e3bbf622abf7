/**
 * Exported configuration data of the ServiceNow CDM sandbox: a plausible model built from the export request
 * and its rendering in the data formats the export API accepts.
 */
import { baselineConfig } from './servicenow-cdm-config.js';

export const DATA_FORMATS = ['ini', 'json', 'properties', 'raw', 'xml', 'yaml'] as const;
export type DataFormat = (typeof DATA_FORMATS)[number];

export interface AdditionalDeployable {
  app_name: string;
  deployable_name: string;
}

export interface ExportContentSource {
  appName: string;
  deployableName: string;
  exporterName: string;
  snapshotName?: string;
  additionalDeployables: AdditionalDeployable[];
  args: Record<string, unknown>;
  /** The snapshot each deployable exports (servicenow-cdm-export-source.ts); the baseline where none is given. */
  snapshots?: Record<string, { snapshot: string; config: Record<string, Record<string, string>> }>;
}

/** deployable → component → configuration data item → value. */
export type ExportModel = Record<string, Record<string, Record<string, string>>>;

const PAD_VALUE_LENGTH = 1000;

/**
 * Builds the exported data. `contentBytes` adds a `PADDING` component to the primary deployable so that the
 * JSON rendering is about that many bytes (other formats come out at a similar size).
 */
export function buildExportModel(source: ExportContentSource, contentBytes = 0): ExportModel {
  const model: ExportModel = {};
  const deployables: AdditionalDeployable[] = [
    { app_name: source.appName, deployable_name: source.deployableName },
    ...source.additionalDeployables,
  ];
  deployables.forEach((d, i) => {
    const kept = source.snapshots?.[d.deployable_name];
    const components: Record<string, Record<string, string>> = {
      ...(kept?.config ?? baselineConfig()),
    };
    components.vars = {
      ...components.vars,
      app_name: d.app_name,
      deployable_name: d.deployable_name,
      exporter: source.exporterName,
      snapshot:
        kept?.snapshot ?? (i === 0 && source.snapshotName ? source.snapshotName : `${d.deployable_name}-v1.dpl`),
    };
    const args = Object.entries(source.args);
    if (i === 0 && args.length > 0) {
      components.args = Object.fromEntries(
        args.map(([key, value]) => [key, typeof value === 'string' ? value : JSON.stringify(value)]),
      );
    }
    model[d.deployable_name] = { ...model[d.deployable_name], ...components };
  });

  const missing = contentBytes - Buffer.byteLength(JSON.stringify(model));
  if (missing > 0) {
    const padding: Record<string, string> = {};
    const entrySize = PAD_VALUE_LENGTH + 16; // "cdi_000001":"…",
    const count = Math.ceil(missing / entrySize);
    for (let i = 1; i <= count; i += 1) {
      const key = `cdi_${String(i).padStart(6, '0')}`;
      padding[key] = `${key}-`.padEnd(PAD_VALUE_LENGTH, 'x');
    }
    model[source.deployableName] = { ...model[source.deployableName], PADDING: padding };
  }
  return model;
}

/** The `exporter_result` of the content endpoint: an object for json, a string otherwise. */
export function renderExportContent(model: ExportModel, format: DataFormat): unknown {
  switch (format) {
    case 'json':
      return model;
    case 'raw':
      return JSON.stringify(model);
    case 'properties':
      return renderProperties(model);
    case 'ini':
      return renderIni(model);
    case 'yaml':
      return renderYaml(model);
    case 'xml':
      return renderXml(model);
  }
}

function* items(model: ExportModel): Generator<[string, string, string, string]> {
  for (const [deployable, components] of Object.entries(model)) {
    for (const [component, cdis] of Object.entries(components)) {
      for (const [key, value] of Object.entries(cdis)) yield [deployable, component, key, value];
    }
  }
}

function renderProperties(model: ExportModel): string {
  const escape = (s: string): string => s.replace(/\\/g, '\\\\').replace(/\n/g, '\\n');
  const lines: string[] = [];
  for (const [deployable, component, key, value] of items(model)) {
    lines.push(`${escape(deployable)}.${escape(component)}.${escape(key)}=${escape(value)}`);
  }
  return lines.join('\n');
}

function renderIni(model: ExportModel): string {
  const sections: string[] = [];
  for (const [deployable, components] of Object.entries(model)) {
    for (const [component, cdis] of Object.entries(components)) {
      const lines = Object.entries(cdis).map(([key, value]) => `${key}=${value.replace(/\n/g, '\\n')}`);
      sections.push([`[${deployable}.${component}]`, ...lines].join('\n'));
    }
  }
  return sections.join('\n\n');
}

function yamlKey(key: string): string {
  return /^[A-Za-z_][A-Za-z0-9_.-]*$/.test(key) ? key : JSON.stringify(key);
}

function renderYaml(model: ExportModel): string {
  const lines: string[] = [];
  for (const [deployable, components] of Object.entries(model)) {
    lines.push(`${yamlKey(deployable)}:`);
    for (const [component, cdis] of Object.entries(components)) {
      lines.push(`  ${yamlKey(component)}:`);
      for (const [key, value] of Object.entries(cdis)) lines.push(`    ${yamlKey(key)}: ${JSON.stringify(value)}`);
    }
  }
  return lines.join('\n');
}

function xmlEscape(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;');
}

function renderXml(model: ExportModel): string {
  const lines = ['<?xml version="1.0" encoding="UTF-8"?>', '<export>'];
  for (const [deployable, components] of Object.entries(model)) {
    lines.push(`  <deployable name="${xmlEscape(deployable)}">`);
    for (const [component, cdis] of Object.entries(components)) {
      lines.push(`    <component name="${xmlEscape(component)}">`);
      for (const [key, value] of Object.entries(cdis)) {
        lines.push(`      <cdi name="${xmlEscape(key)}">${xmlEscape(value)}</cdi>`);
      }
      lines.push('    </component>');
    }
    lines.push('  </deployable>');
  }
  lines.push('</export>');
  return lines.join('\n');
}
