/**
 * Reading a Dev2Prod import (or dry run) status body. The gate is decided from it, so nothing is guessed: counts
 * sent as strings are read as numbers, every other odd value (a negative or fractional count too) is kept as a
 * problem the judgement fails on, and failures are collected from every place they can show (Totals, each result's
 * statistics, Errors and Failed, and any message about the whole job).
 */
import { isRecord } from '../../http/body.js';
import { describeValue, jsonText, vendorNumber } from '../../json.js';
import { readSmaxMessage } from './session.js';

/** How much of an odd Errors or Warnings value a message quotes. */
const QUOTE_CHARS = 500;

export interface ImportResult {
  packageName: string;
  statistics: Record<string, number>;
  /** The entry's own `Failed` (a count, or true), apart from its statistics. */
  failed: number;
  errors: string[];
  warnings: string[];
}

export interface ImportStatus {
  status: string;
  /** The file repository id of the package the job imports (`FileId`), when the answer names it. */
  fileId?: string;
  dryRun?: boolean;
  studioLocked?: boolean;
  systemLocked?: boolean;
  results: ImportResult[];
  /** Undefined when the answer has no readable `Totals` object. */
  totals?: Record<string, number>;
  /** Errors and warnings given beside `Results`, at the top of the answer. */
  errors: string[];
  warnings: string[];
  /** Values that should be counts (or lists, or flags) but are not, each as "where is what arrived". */
  unreadable: string[];
  /** `Results` and `Totals` as SMAX sent them, for the outputs. */
  rawResults: unknown;
  rawTotals: unknown;
  /** What the answer says about the whole job (ErrorMessage, Error, message, ...), in any state. */
  message?: string;
}

/** The parts of a status body that decide the gate; `Status` has been checked by the caller. */
export function readImportStatus(body: Record<string, unknown> & { Status: string }): ImportStatus {
  const unreadable: string[] = [];
  const rawResults = body.Results;
  let results: ImportResult[] = [];
  if (Array.isArray(rawResults)) {
    results = rawResults.map((entry, index) => readResult(entry, `Results[${index}]`, unreadable));
  } else if (rawResults !== undefined && rawResults !== null) {
    unreadable.push(`Results is ${describeValue(rawResults)}`);
  }
  let totals: Record<string, number> | undefined;
  if (isRecord(body.Totals)) totals = counts(body.Totals, 'Totals', unreadable);
  else if (body.Totals !== undefined && body.Totals !== null)
    unreadable.push(`Totals is ${describeValue(body.Totals)}`);
  return {
    status: body.Status,
    dryRun: flag(body.DryRun, 'DryRun', unreadable),
    studioLocked: flag(body.StudioLocked, 'StudioLocked', unreadable),
    systemLocked: flag(body.SystemLocked, 'SystemLocked', unreadable),
    results,
    totals,
    errors: texts(body.Errors, 'Errors', unreadable),
    warnings: texts(body.Warnings, 'Warnings', unreadable),
    unreadable,
    rawResults: rawResults ?? [],
    rawTotals: body.Totals ?? {},
    message: jobMessage(body, unreadable),
  };
}

/** Where a status answer can carry a message about the whole job; none is documented, so each is read. */
const MESSAGE_FIELDS = ['ErrorMessage', 'Error', 'errorMessage', 'error', 'error_description', 'message', 'Message'];

/**
 * Every message the answer carries about the whole job, joined: a finished job with one is not a clean one, so
 * none may be dropped because another came first or because it arrived as an object.
 */
function jobMessage(body: Record<string, unknown>, unreadable: string[]): string | undefined {
  const found = new Set<string>();
  for (const field of MESSAGE_FIELDS) for (const text of texts(body[field], field, unreadable)) found.add(text);
  return found.size ? [...found].join('; ') : undefined;
}

function readResult(entry: unknown, where: string, unreadable: string[]): ImportResult {
  if (!isRecord(entry)) {
    unreadable.push(`${where} is ${describeValue(entry)}`);
    return { packageName: where, statistics: {}, failed: 0, errors: [], warnings: [] };
  }
  const packageName = typeof entry.PackageName === 'string' && entry.PackageName ? entry.PackageName : where;
  let statistics: Record<string, number> = {};
  if (isRecord(entry.Statistics)) statistics = counts(entry.Statistics, `${where}.Statistics`, unreadable);
  else if (entry.Statistics !== undefined && entry.Statistics !== null)
    unreadable.push(`${where}.Statistics is ${describeValue(entry.Statistics)}`);
  let failed = 0;
  if (entry.Failed === true) failed = 1;
  else if (entry.Failed !== false) failed = count(entry.Failed, `${where}.Failed`, unreadable) ?? 0;
  return {
    packageName,
    statistics,
    failed,
    errors: texts(entry.Errors, `${where}.Errors`, unreadable),
    warnings: texts(entry.Warnings, `${where}.Warnings`, unreadable),
  };
}

/** Every field of a statistics object must be a count. */
function counts(value: Record<string, unknown>, where: string, unreadable: string[]): Record<string, number> {
  const read: Record<string, number> = {};
  for (const [name, raw] of Object.entries(value)) {
    const counted = count(raw, `${where}.${name}`, unreadable);
    if (counted !== undefined) read[name] = counted;
  }
  return read;
}

/**
 * A count: a whole number, 0 or more, sent as a number or as text. Anything else is kept as a problem and left out,
 * so a -2 cannot cancel another package's 2 in a sum.
 */
function count(raw: unknown, where: string, unreadable: string[]): number | undefined {
  const read = vendorNumber(raw);
  if (read.kind === 'unreadable') unreadable.push(`${where} is ${read.got}`);
  if (read.kind !== 'number') return undefined;
  if (Number.isSafeInteger(read.value) && read.value >= 0) return read.value;
  unreadable.push(`${where} is ${read.value}, not a count (a whole number, 0 or more)`);
  return undefined;
}

function flag(value: unknown, where: string, unreadable: string[]): boolean | undefined {
  if (typeof value === 'boolean') return value;
  if (typeof value === 'string' && /^(true|false)$/i.test(value.trim())) return value.trim().toLowerCase() === 'true';
  if (value !== undefined && value !== null) unreadable.push(`${where} is ${describeValue(value)}`);
  return undefined;
}

/**
 * Errors and Warnings have no documented shape: a list (of strings, or objects shown as their message or JSON), a
 * single string, or anything else non-empty, which is kept as one entry showing what it holds.
 */
function texts(value: unknown, where: string, unreadable: string[]): string[] {
  if (value === undefined || value === null || value === '' || value === 0 || value === false) return [];
  if (typeof value === 'string') return [value];
  if (Array.isArray(value)) {
    return value
      .filter((item) => item !== null && item !== undefined && item !== '')
      .map((item) =>
        typeof item === 'string' ? item : (isRecord(item) && readSmaxMessage(item)) || jsonText(item, QUOTE_CHARS),
      );
  }
  if (isRecord(value)) {
    if (!Object.keys(value).length) return [];
    return [readSmaxMessage(value) || jsonText(value, QUOTE_CHARS)];
  }
  unreadable.push(`${where} is ${describeValue(value)}`);
  return [`${where}: ${jsonText(value, QUOTE_CHARS)}`];
}
