/** JUnit files read back with a real XML parser, their declared counts checked against their test cases. */
import { expect } from '@jest/globals';
import { XMLParser } from 'fast-xml-parser';
import { readFileSync } from 'node:fs';

export interface JunitCase {
  suite: string;
  name: string;
  failure?: string;
}

/** Every test case of a JUnit file, with the counts its suites declare checked against the cases. */
export function readJunit(file: string): { tests: number; failures: number; cases: JunitCase[] } {
  const parsed = new XMLParser({
    ignoreAttributes: false,
    attributeNamePrefix: '',
    textNodeName: 'text',
    htmlEntities: true,
  }).parse(readFileSync(file, 'utf8')) as { testsuites: Record<string, unknown> & { testsuite: unknown } };
  const asList = <T>(value: T | T[] | undefined): T[] =>
    value === undefined ? [] : Array.isArray(value) ? value : [value];
  type XmlCase = { name: string; failure?: { text?: string; message: string } | string };
  type XmlSuite = { name: string; tests: string; failures: string; testcase: XmlCase | XmlCase[] };
  const cases: JunitCase[] = [];
  for (const suite of asList(parsed.testsuites.testsuite as XmlSuite | XmlSuite[])) {
    const own = asList(suite.testcase);
    expect(Number(suite.tests)).toBe(own.length);
    expect(Number(suite.failures)).toBe(own.filter((c) => c.failure !== undefined).length);
    for (const c of own) {
      const failure =
        c.failure === undefined ? undefined : typeof c.failure === 'string' ? c.failure : (c.failure.text ?? '');
      cases.push({ suite: String(suite.name), name: String(c.name), ...(failure !== undefined ? { failure } : {}) });
    }
  }
  const tests = Number(parsed.testsuites.tests);
  const failures = Number(parsed.testsuites.failures);
  expect(tests).toBe(cases.length);
  expect(failures).toBe(cases.filter((c) => c.failure !== undefined).length);
  return { tests, failures, cases };
}
