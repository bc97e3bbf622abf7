/**
 * What cdm-upload sends: one item per upload, built from `content`, `file` or `files` and checked locally (exists,
 * inside the workspace, size, format, JSON/YAML parses) so that every problem is reported before the first request.
 * A file is read once to check it and again when it is uploaded; no item holds its bytes in between, so memory
 * stays flat however many files match. The glob matcher (shared/fs/glob.ts) and the YAML and JSON-position
 * parsers load when an input needs them: together they are most of the bundle, and loading them up front would
 * delay every run's first request.
 */
import { readFile } from 'node:fs/promises';
import * as path from 'node:path';
import { InputError } from '../../../shared/errors.js';
import { findFiles } from '../../../shared/fs/glob.js';
import { checkWorkspaceFile } from '../../../shared/fs/workspace.js';
import { throwIfPastDeadline } from '../../../shared/pacer.js';
import type { ParseError } from 'jsonc-parser';
import type { InputReader } from '../../../shared/inputs/reader.js';
import { formatBytes, type Runtime } from '../../../shared/runtime.js';
import type { UploadDataFormat, UploadTarget } from '../../../shared/vendors/servicenow/cdm-uploads.js';

export interface UploadItem {
  /** Absolute path of the source file; undefined for inline `content`. */
  file?: string;
  /** How the log and summary name it: the path relative to the working directory, or "content". */
  label: string;
  namePath?: string;
  /** For data uploads; undefined for file-node uploads. */
  dataFormat?: UploadDataFormat;
  fileName?: string;
  fileNodeName?: string;
  /** The input it came from, for a problem found when it is read for upload. */
  source: 'content' | 'file' | 'files';
  /** Inline content; a file's bytes are read when it is uploaded (readItemBody). */
  content?: Buffer;
  contentType: string;
}

export interface SourceSettings {
  target: UploadTarget;
  namePath?: string;
  dataFormat?: UploadDataFormat;
  asFile: boolean;
  fileName?: string;
  fileNodeName?: string;
  /** 0: no limit. */
  maxUploadBytes: number;
  filesRoot: string;
}

const FORMAT_BY_EXTENSION: Record<string, UploadDataFormat> = {
  '.json': 'json',
  '.yaml': 'yaml',
  '.yml': 'yaml',
  '.xml': 'xml',
  '.ini': 'ini',
  '.properties': 'properties',
  '.csv': 'csv',
};
const TEXT_CONTENT_TYPE = 'text/plain; charset=utf-8';

/**
 * Reads the source inputs and builds the items; problems go to the reader. Finding and checking files count against
 * the run's deadline: a TimeoutError while finding them, or between two files, when it has passed.
 */
export async function collectItems(
  inputs: InputReader,
  settings: SourceSettings,
  runtime: Pick<Runtime, 'deadline' | 'signal'>,
): Promise<UploadItem[]> {
  const source = inputs.exactlyOne(['content', 'file', 'files'] as const);
  inputs.onlyWith('files-root', source === 'files', 'files');
  if (source === undefined) return [];
  if (source === 'content') return [await contentItem(inputs, settings)].filter((item) => item !== undefined);
  const files =
    source === 'file' ? [path.resolve(inputs.string('file') ?? '')] : await findFiles(inputs, 'files', runtime);
  if (source === 'files' && files.length > 1) {
    for (const name of ['file-name', 'file-node-name']) {
      if (inputs.has(name)) inputs.problem(name, 'applies to a single file; with files each file keeps its own name');
    }
  }
  const items: UploadItem[] = [];
  for (const [index, file] of files.entries()) {
    throwIfPastDeadline(
      runtime.deadline,
      `checking the files to upload (${index} of ${files.length} checked, nothing sent yet)`,
    );
    const item = await fileItem(inputs, settings, source, file);
    if (item) items.push(item);
  }
  return items;
}

/** The bytes to upload: inline content, or the file read now (and checked to still be inside the workspace). */
export async function readItemBody(item: UploadItem): Promise<Buffer> {
  if (item.content || !item.file) return item.content ?? Buffer.alloc(0);
  const checked = await checkWorkspaceFile(item.file, item.label);
  if ('problem' in checked) throw new InputError([{ input: item.source, message: checked.problem }]);
  return readFile(checked.file.path);
}

async function contentItem(inputs: InputReader, settings: SourceSettings): Promise<UploadItem | undefined> {
  const body = Buffer.from(inputs.verbatim('content'), 'utf8');
  if (settings.maxUploadBytes > 0 && body.length > settings.maxUploadBytes) {
    inputs.problem(
      'content',
      `is ${formatBytes(body.length)}, over max-upload-size (${formatBytes(settings.maxUploadBytes)})`,
    );
  }
  if (settings.asFile) {
    if (!settings.fileName) inputs.problem('file-name', 'is required with content and as-file: true');
    const fileName = settings.fileName ?? 'content';
    return checked(inputs, settings, {
      label: 'content',
      namePath: settings.namePath,
      fileName,
      fileNodeName: settings.fileNodeName ?? fileName,
      source: 'content',
      content: body,
      contentType: fileContentType(fileName),
    });
  }
  if (!settings.dataFormat) inputs.problem('data-format', 'is required with content');
  return checked(
    inputs,
    settings,
    {
      label: 'content',
      namePath: settings.namePath,
      dataFormat: settings.dataFormat,
      source: 'content',
      content: body,
      contentType: TEXT_CONTENT_TYPE,
    },
    body,
  );
}

async function fileItem(
  inputs: InputReader,
  settings: SourceSettings,
  source: 'file' | 'files',
  file: string,
): Promise<UploadItem | undefined> {
  const label = path.relative(process.cwd(), file).split(path.sep).join('/') || file;
  const found = await checkWorkspaceFile(file, label);
  if ('problem' in found) {
    inputs.problem(source, found.problem);
    return undefined;
  }
  const size = found.file.bytes;
  if (settings.maxUploadBytes > 0 && size > settings.maxUploadBytes) {
    inputs.problem(
      source,
      `${label} is ${formatBytes(size)}, over max-upload-size (${formatBytes(settings.maxUploadBytes)}); split it, or raise max-upload-size if the server allows more`,
    );
    return undefined;
  }
  const namePath = source === 'file' ? fileNamePath(settings, file) : filesNamePath(inputs, settings, file);
  if (settings.asFile) {
    const fileName = settings.fileName ?? path.basename(file);
    return checked(inputs, settings, {
      file,
      label,
      namePath,
      fileName,
      fileNodeName: settings.fileNodeName ?? path.basename(file),
      source,
      contentType: fileContentType(file),
    });
  }
  const dataFormat = settings.dataFormat ?? FORMAT_BY_EXTENSION[path.extname(file).toLowerCase()];
  if (!dataFormat) {
    inputs.problem('data-format', `cannot tell the format of ${label} from its extension: set data-format`);
    return undefined;
  }
  const item: UploadItem = { file, label, namePath, dataFormat, source, contentType: TEXT_CONTENT_TYPE };
  // Only JSON and YAML are parsed here; the text is dropped once checked and read again at upload time.
  return checked(inputs, settings, item, PARSED_FORMATS.has(dataFormat) ? await readFile(found.file.path) : undefined);
}

/** `file`: name-path is the node itself (default the file's name without extension). */
function fileNamePath(settings: SourceSettings, file: string): string | undefined {
  if (settings.asFile) return settings.namePath;
  return settings.namePath ?? path.basename(file, path.extname(file));
}

/** `files`: the name path of one file, or an input problem when it lies outside files-root. */
function filesNamePath(inputs: InputReader, settings: SourceSettings, file: string): string | undefined {
  const namePath = namePathUnderRoot(settings.filesRoot, file, settings.namePath, settings.asFile);
  if (namePath === null) inputs.problem('files-root', `${file} is not under files-root (${settings.filesRoot})`);
  return namePath ?? undefined;
}

/**
 * name-path followed by the file's path relative to files-root without extension, `/`-separated on every OS (`p`
 * is the platform's path module: Windows paths are tested with path.win32). A file node (as-file) is named by
 * file-node-name, so its name path stops at the folder. Null when the file is not under the root.
 */
export function namePathUnderRoot(
  filesRoot: string,
  file: string,
  namePath: string | undefined,
  asFile: boolean,
  p: path.PlatformPath = path,
): string | undefined | null {
  const relative = p.relative(filesRoot, file);
  if (relative === '..' || relative.startsWith(`..${p.sep}`) || p.isAbsolute(relative)) return null;
  const parts = relative.split(p.sep);
  const last = parts.pop() ?? '';
  if (!asFile) parts.push(p.basename(last, p.extname(last)));
  return [namePath?.replace(/\/+$/, ''), ...parts].filter(Boolean).join('/') || undefined;
}

const PARSED_FORMATS = new Set<UploadDataFormat>(['json', 'yaml']);

/** Checks every item shares: csv only where the endpoint takes it, JSON and YAML (`text`) that parse. */
async function checked(
  inputs: InputReader,
  settings: SourceSettings,
  item: UploadItem,
  text?: Buffer,
): Promise<UploadItem> {
  if (item.dataFormat === 'csv' && settings.target === 'vars') {
    inputs.problem('data-format', `csv is not accepted for vars (${item.label})`);
  }
  const problem = item.dataFormat && text && (await syntaxProblem(item.dataFormat, text.toString('utf8')));
  if (problem)
    inputs.problem(
      item.source,
      `${item.label} is not valid ${item.dataFormat === 'json' ? 'JSON' : 'YAML'}: ${problem}`,
    );
  return item;
}

export async function syntaxProblem(format: UploadDataFormat, text: string): Promise<string | undefined> {
  if (format === 'json') {
    try {
      JSON.parse(text);
      return undefined;
    } catch (error) {
      // JSON.parse decides; V8's message often has no position ("Unexpected token"), so the position comes from a
      // parser that reports one for every error.
      return (await jsonErrorAt(text)) ?? (error as Error).message;
    }
  }
  if (format === 'yaml') {
    // Plain messages (no code frame, no position of their own): the position is added once, here.
    const { parseDocument } = await import('yaml');
    const [error] = parseDocument(text, { prettyErrors: false }).errors;
    if (!error) return undefined;
    const where = lineAndColumn(text, error.pos[0]);
    return `${error.message} (line ${where.line}, column ${where.column})`;
  }
  return undefined;
}

/** "property name expected (line 4, column 1)" for the first error in `text`, read as strict JSON. */
async function jsonErrorAt(text: string): Promise<string | undefined> {
  const jsonc = await import('jsonc-parser');
  const errors: ParseError[] = [];
  jsonc.parse(text, errors, { disallowComments: true, allowTrailingComma: false, allowEmptyContent: false });
  const [first] = errors;
  if (!first) return undefined;
  const words = jsonc
    .printParseErrorCode(first.error)
    .replace(/([a-z])([A-Z])/g, '$1 $2')
    .toLowerCase();
  const where = lineAndColumn(text, first.offset);
  return `${words} (line ${where.line}, column ${where.column})`;
}

function lineAndColumn(text: string, offset: number): { line: number; column: number } {
  const before = text.slice(0, offset).split('\n');
  return { line: before.length, column: before[before.length - 1].length + 1 };
}

function fileContentType(fileName: string): string {
  const extension = path.extname(fileName).toLowerCase();
  if (extension === '.zip') return 'application/zip';
  if (extension === '.json') return 'application/json';
  return 'text/plain';
}
