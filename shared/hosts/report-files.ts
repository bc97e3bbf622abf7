/**
 * The report files every host off GitHub writes, each only when its flag names a path: the outputs as one JSON
 * object of strings, the summary's markdown, JUnit XML and GitLab Code Quality JSON. Each is redacted (outputs and
 * JSON string by string, so they stay JSON; the XML and markdown as text, which knows their escaped forms) and
 * bounded, and written atomically. A file the user asked for that cannot be written fails the run: a later step
 * would look for it.
 */
import { errorMessage } from '../errors.js';
import { writeFileAtomic } from '../fs/atomic.js';
import { redactedOutputText } from '../report/outputs.js';
import { writeTextFile } from '../report/redacted-file.js';
import type { RunFinding, RunResults, TestCase } from '../report/test-results.js';
import { withRunFailure } from '../report/test-results.js';
import type { Logger } from '../runtime.js';
import type { Host, HostOptions } from './host.js';

/** The paths a user asked for; each file is written only when given. */
export interface ReportFilePaths {
  outputsFile?: string;
  summaryFile?: string;
  junitFile?: string;
  codequalityFile?: string;
}

/** More test cases or findings than a CI shows usefully; the rest are counted in one more entry. */
export const MAX_REPORT_ENTRIES = 10_000;
/** What one failure's text keeps: enough for a reader, never a whole vendor answer. */
export const MAX_FAILURE_CHARS = 8_000;

/** Writes one report file; a failure is the run's failure (exit code 1), named in an error line. */
export async function writeReportFile(what: string, file: string, write: () => Promise<unknown>, logger: Logger) {
  try {
    await write();
  } catch (error) {
    logger.error(`The ${what} ${file} was not written: ${errorMessage(error)}`, 'Report file not written');
    process.exitCode = 1;
  }
}

/** Every output known by now; the values are already redacted and bounded by the host's outputs. */
export function writeOutputsFile(file: string, values: ReadonlyMap<string, string>): Promise<unknown> {
  return writeFileAtomic(file, `${JSON.stringify(Object.fromEntries(values), null, 2)}\n`);
}

export function writeJunitFile(file: string, title: string, results: RunResults, logger: Logger): Promise<unknown> {
  return writeTextFile(file, junitXml(title, results.testCases), logger);
}

export function writeCodeQualityFile(file: string, findings: readonly RunFinding[], logger: Logger): Promise<unknown> {
  const report = findings.slice(0, MAX_REPORT_ENTRIES).map((finding) => ({
    description: finding.description,
    check_name: finding.checkName,
    fingerprint: finding.fingerprint,
    severity: finding.severity,
    location: { path: finding.path, lines: { begin: finding.line ?? 1 } },
  }));
  if (findings.length > MAX_REPORT_ENTRIES) {
    logger.warning(
      `The Code Quality report ${file} holds the first ${MAX_REPORT_ENTRIES} of ${findings.length} findings; every finding is in the results file.`,
    );
  }
  return writeFileAtomic(file, `${redactedOutputText(report, logger)}\n`);
}

export function junitXml(title: string, testCases: readonly TestCase[]): string {
  const kept = testCases.slice(0, MAX_REPORT_ENTRIES);
  const left = testCases.length - kept.length;
  if (left > 0) kept.push({ suite: title, name: `${left} more test case(s) not listed`, failure: undefined });
  const suites = new Map<string, TestCase[]>();
  for (const testCase of kept) suites.set(testCase.suite, [...(suites.get(testCase.suite) ?? []), testCase]);
  const failures = (cases: readonly TestCase[]) => cases.filter((c) => c.failure !== undefined).length;
  const lines = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<testsuites name="${xmlAttribute(title)}" tests="${kept.length}" failures="${failures(kept)}" errors="0">`,
  ];
  for (const [suite, cases] of suites) {
    lines.push(
      `  <testsuite name="${xmlAttribute(suite)}" tests="${cases.length}" failures="${failures(cases)}" errors="0" skipped="0">`,
    );
    for (const testCase of cases) {
      const attributes = `name="${xmlAttribute(testCase.name)}" classname="${xmlAttribute(testCase.classname ?? suite)}"`;
      if (testCase.failure === undefined) {
        lines.push(`    <testcase ${attributes}/>`);
        continue;
      }
      const text = testCase.failure.slice(0, MAX_FAILURE_CHARS);
      const message = text.split('\n', 1)[0];
      lines.push(
        `    <testcase ${attributes}>`,
        `      <failure message="${xmlAttribute(message)}">${xml(text)}</failure>`,
        '    </testcase>',
      );
    }
    lines.push('  </testsuite>');
  }
  lines.push('</testsuites>', '');
  return lines.join('\n');
}

/**
 * Escaped for XML text, in the form secretForms knows (`&`, `<`, `>`), so redaction finds a secret in it; characters
 * XML 1.0 cannot hold at all (most control characters) dropped.
 */
function xml(text: string): string {
  return text
    .replace(/[^\t\n\r\u0020-\ud7ff\ue000-\ufffd\u{10000}-\u{10ffff}]/gu, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;');
}

/** Escaped for a double-quoted attribute: also the quotes (as secretForms' quoted form) and line breaks. */
function xmlAttribute(text: string): string {
  return xml(text).replace(/"/g, '&quot;').replace(/'/g, '&#39;').replace(/\n/g, '&#10;').replace(/\r/g, '&#13;');
}

/** The summary's markdown, already redacted and bounded by runAction. */
export function writeSummaryFile(file: string, markdown: string): Promise<unknown> {
  return writeFileAtomic(file, markdown);
}

/**
 * Writes the report files the options ask for, at the end of a run: the outputs known by then, JUnit and Code
 * Quality from the results the action reported (one test case for the job when it reported none).
 */
export async function writeReportFiles(
  options: HostOptions,
  values: ReadonlyMap<string, string>,
  results: RunResults | undefined,
  failure: string | undefined,
  logger: Logger,
): Promise<void> {
  const { outputsFile, junitFile, codequalityFile } = options;
  const final = withRunFailure(results, options.action, failure);
  if (outputsFile)
    await writeReportFile('outputs file', outputsFile, () => writeOutputsFile(outputsFile, values), logger);
  if (junitFile) {
    const title = `config-promotion ${options.action}`;
    await writeReportFile('JUnit file', junitFile, () => writeJunitFile(junitFile, title, final, logger), logger);
  }
  if (codequalityFile) {
    const write = () => writeCodeQualityFile(codequalityFile, final.findings, logger);
    await writeReportFile('Code Quality file', codequalityFile, write, logger);
  }
}

/** GitHub through the command: the actions' own behaviour, plus the report files its flags ask for. */
export function withReportFiles(host: Host, options: HostOptions): Host {
  let outputs: ReadonlyMap<string, string> = new Map();
  let results: RunResults | undefined;
  return {
    ...host,
    outputs(logger) {
      const made = host.outputs(logger);
      outputs = made.values;
      return made;
    },
    async writeSummary(markdown, logger) {
      await host.writeSummary(markdown, logger);
      const file = options.summaryFile;
      if (file) await writeReportFile('summary file', file, () => writeSummaryFile(file, markdown), logger);
    },
    reportResults(reported) {
      results = reported;
    },
    async close(logger, outcome) {
      await host.close(logger, outcome);
      await writeReportFiles(options, outputs, results, outcome.failure, logger);
    },
  };
}
