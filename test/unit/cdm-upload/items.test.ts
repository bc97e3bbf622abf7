/** cdm-upload's local file work: only files inside the workspace, no bytes held before upload, within the deadline. */
import { afterEach, beforeEach, describe, expect, it } from '@jest/globals';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import {
  collectItems,
  readItemBody,
  namePathUnderRoot,
  syntaxProblem,
  type SourceSettings,
} from '../../../actions/cdm-upload/src/items.js';
import { InputError, TimeoutError } from '../../../shared/errors.js';
import { InputReader } from '../../../shared/inputs/reader.js';
import { Deadline } from '../../../shared/runtime.js';
import { FakeClock, MemoryLogger } from '../../support/fakes.js';

let root: string;
let ws: string;
let outside: string;
const savedWorkspace = process.env.GITHUB_WORKSPACE;

beforeEach(() => {
  root = mkdtempSync(path.join(tmpdir(), 'items-test-'));
  ws = path.join(root, 'workspace');
  outside = path.join(root, 'elsewhere');
  mkdirSync(path.join(ws, 'config'), { recursive: true });
  mkdirSync(outside);
  process.env.GITHUB_WORKSPACE = ws;
});

afterEach(() => {
  if (savedWorkspace === undefined) delete process.env.GITHUB_WORKSPACE;
  else process.env.GITHUB_WORKSPACE = savedWorkspace;
  rmSync(root, { recursive: true, force: true });
});

const settings = (): SourceSettings => ({
  target: 'component',
  namePath: 'app',
  asFile: false,
  maxUploadBytes: 0,
  filesRoot: path.join(ws, 'config'),
});

function reader(inputs: Record<string, string>) {
  return new InputReader((name) => inputs[name] ?? '', new MemoryLogger());
}

/** What collectItems needs of the run: its deadline and cancel signal. */
const within = (deadline: Deadline) => ({ deadline, signal: new AbortController().signal });
const longDeadline = () => within(new Deadline(new FakeClock(), 60_000));

/** A clock that moves `step` ms every time it is read, as if each file took that long. */
class TickingClock extends FakeClock {
  constructor(private readonly step: number) {
    super();
  }
  override now(): number {
    this.advance(this.step);
    return super.now();
  }
}

describe('collectItems: files inside the workspace only', () => {
  it('refuses a link that leads out of the workspace, naming it and where it leads', async () => {
    writeFileSync(path.join(outside, 'passwd'), 'root:x:0:0\n');
    symlinkSync(path.join(outside, 'passwd'), path.join(ws, 'config', 'leak.properties'));
    writeFileSync(path.join(ws, 'config', 'ok.properties'), 'a=1\n');
    const inputs = reader({ files: `${ws}/config/**` });
    await collectItems(inputs, settings(), longDeadline());
    expect(inputs.problems).toHaveLength(1);
    expect(inputs.problems[0].input).toBe('files');
    expect(inputs.problems[0].message).toMatch(/leak\.properties is outside the workspace .*\(it links to .*passwd\)/);
  });

  it('refuses a file input outside the workspace and takes a link that stays inside', async () => {
    writeFileSync(path.join(outside, 'other.json'), '{}');
    writeFileSync(path.join(ws, 'real.json'), '{"a": 1}');
    symlinkSync(path.join(ws, 'real.json'), path.join(ws, 'config', 'linked.json'));
    const refused = reader({ file: path.join(outside, 'other.json') });
    await collectItems(refused, settings(), longDeadline());
    expect(refused.problems.map((p) => p.input)).toEqual(['file']);
    expect(refused.problems[0].message).toContain('is outside the workspace');
    const taken = reader({ file: path.join(ws, 'config', 'linked.json') });
    const items = await collectItems(taken, settings(), longDeadline());
    expect(taken.problems).toEqual([]);
    expect(items.map((i) => i.namePath)).toEqual(['app']);
    await expect(readItemBody(items[0])).resolves.toEqual(Buffer.from('{"a": 1}'));
  });

  it('still refuses the file at upload time when it was swapped for an outside link after the checks', async () => {
    writeFileSync(path.join(ws, 'config', 'a.json'), '{}');
    writeFileSync(path.join(outside, 'secret.json'), '{"secret": true}');
    const items = await collectItems(reader({ files: `${ws}/config/*.json` }), settings(), longDeadline());
    rmSync(path.join(ws, 'config', 'a.json'));
    symlinkSync(path.join(outside, 'secret.json'), path.join(ws, 'config', 'a.json'));
    await expect(readItemBody(items[0])).rejects.toThrow(InputError);
  });
});

describe('collectItems: memory and time', () => {
  it('keeps no file bytes in the items: each file is read when it is uploaded', async () => {
    for (let i = 0; i < 50; i++) writeFileSync(path.join(ws, 'config', `f${i}.json`), JSON.stringify({ i }));
    const inputs = reader({ files: `${ws}/config/*.json` });
    const items = await collectItems(inputs, settings(), longDeadline());
    expect(inputs.problems).toEqual([]);
    expect(items).toHaveLength(50);
    expect(items.filter((item) => item.content !== undefined)).toEqual([]);
    writeFileSync(path.join(ws, 'config', 'f7.json'), '{"changed": true}');
    const seventh = items.find((item) => item.file?.endsWith('f7.json'));
    await expect(readItemBody(seventh!)).resolves.toEqual(Buffer.from('{"changed": true}'));
  });

  it('still reports a file that does not parse before anything is sent', async () => {
    writeFileSync(path.join(ws, 'config', 'bad.json'), '{"a": ');
    const inputs = reader({ files: `${ws}/config/*.json` });
    await collectItems(inputs, settings(), longDeadline());
    expect(inputs.problems[0].message).toContain('bad.json is not valid JSON');
  });

  it('stops with a TimeoutError between two files once the deadline has passed', async () => {
    for (let i = 0; i < 5; i++) writeFileSync(path.join(ws, 'config', `f${i}.properties`), 'a=1\n');
    const deadline = new Deadline(new TickingClock(400), 1000);
    const promise = collectItems(reader({ files: `${ws}/config/*` }), settings(), within(deadline));
    await expect(promise).rejects.toThrow(TimeoutError);
    await expect(promise).rejects.toThrow(
      /while checking the files to upload \([1-4] of 5 checked, nothing sent yet\)/,
    );
  });
});

describe('syntaxProblem: where the file is broken', () => {
  it('gives line and column for JSON errors V8 reports without a position', async () => {
    expect(() => JSON.parse('{\n  "port": 5432,\n  "host": tru\n}')).toThrow(/^(?!.*position)/);
    expect(await syntaxProblem('json', '{\n  "port": 5432,\n  "host": tru\n}')).toBe(
      'invalid symbol (line 3, column 11)',
    );
    expect(await syntaxProblem('json', '{\n  "a": 1,\n}')).toBe('property name expected (line 3, column 1)');
    expect(await syntaxProblem('json', '{"a": 1} // note')).toBe('invalid comment token (line 1, column 10)');
  });

  it('accepts valid JSON and YAML', async () => {
    expect(await syntaxProblem('json', '{"a": [1, 2.5e3, "x\\u00e9"], "b": null}')).toBeUndefined();
    expect(await syntaxProblem('yaml', 'a: [1, 2]\nb: text\n')).toBeUndefined();
  });

  it('gives a YAML error its position once', async () => {
    const problem = (await syntaxProblem('yaml', 'a: [1, 2\nb: 3\n')) ?? '';
    expect(problem).toMatch(/\(line \d+, column \d+\)$/);
    expect(problem.match(/line \d+/g)).toHaveLength(1);
  });
});

describe('namePathUnderRoot: the same name paths on every OS', () => {
  it('joins name-path and the path under files-root with / on Windows as on POSIX', () => {
    expect(
      namePathUnderRoot(
        'C:\\work\\repo\\config',
        'C:\\work\\repo\\config\\db\\settings.json',
        'app',
        false,
        path.win32,
      ),
    ).toBe('app/db/settings');
    expect(namePathUnderRoot('/work/repo/config', '/work/repo/config/db/settings.json', 'app', false, path.posix)).toBe(
      'app/db/settings',
    );
  });

  it('treats Windows drive letters and separators as Windows does', () => {
    expect(namePathUnderRoot('c:\\Repo\\Config', 'C:\\repo\\config\\cache.yaml', 'app/', false, path.win32)).toBe(
      'app/cache',
    );
    expect(namePathUnderRoot('C:\\repo', 'C:/repo/config/a.json', undefined, false, path.win32)).toBe('config/a');
    expect(namePathUnderRoot('C:\\repo\\config', 'C:\\repo\\config\\db\\settings.json', 'app', true, path.win32)).toBe(
      'app/db',
    );
  });

  it('refuses a file outside files-root, also on another drive, but not a name that starts with two dots', () => {
    expect(namePathUnderRoot('C:\\repo\\config', 'C:\\repo\\other\\a.json', 'app', false, path.win32)).toBeNull();
    expect(namePathUnderRoot('C:\\repo\\config', 'D:\\config\\a.json', 'app', false, path.win32)).toBeNull();
    expect(namePathUnderRoot('/repo/config', '/repo/config/..hidden.json', undefined, false, path.posix)).toBe(
      '..hidden',
    );
  });
});
