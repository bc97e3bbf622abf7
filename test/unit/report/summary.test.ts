import { describe, expect, it } from '@jest/globals';
import { bold, code, md, SPAN_MAX_CHARS } from '../../../shared/report/markdown.js';
import { cutToBytes, Summary, SUMMARY_BUDGET_BYTES, TABLE_BUDGET_BYTES } from '../../../shared/report/summary.js';

describe('Summary markdown', () => {
  it('renders headings, text, tables and lists as GitHub-flavoured markdown', () => {
    const markdown = new Summary()
      .heading('Export')
      .text(md`Exported ${bold('shop')} from acme.`)
      .table(['Deployable', 'State'], [['Prod', 'completed']])
      .list(['first', 'second'])
      .toMarkdown();
    expect(markdown).toBe(
      [
        '## Export\n',
        'Exported **shop** from acme.\n',
        '| Deployable | State |\n| --- | --- |\n| Prod | completed |\n',
        '- first\n- second\n',
      ].join('\n'),
    );
  });

  it('escapes pipes and turns line breaks into spaces inside table cells', () => {
    const markdown = new Summary().table(['Name', 'Value'], [['a|b', 'line 1\nline 2\r\nline\r 3']]).toMarkdown();
    const rows = markdown.trimEnd().split('\n');
    expect(rows).toHaveLength(3); // the newlines did not break the row apart
    expect(rows[2]).toBe('| a\\|b | line 1 line 2 line 3 |');
  });

  it('heading levels follow the argument', () => {
    expect(new Summary().heading('Failed', 3).toMarkdown()).toBe('### Failed\n');
  });

  it('details() renders a label/value table and skips rows without a value', () => {
    const markdown = new Summary()
      .details([
        ['Export ID', 'abc123'],
        ['Snapshot', undefined],
        ['Errors', ''],
        ['Size', 0],
        ['Note', 'x | y'],
      ])
      .toMarkdown();
    expect(markdown).toBe(
      '| field | value |\n| --- | --- |\n| **Export ID** | abc123 |\n| **Size** | 0 |\n| **Note** | x \\| y |\n',
    );
    expect(markdown).not.toContain('Snapshot');
    expect(markdown).not.toContain('Errors');
  });

  it('details() shows a JSON array as a list of code spans and a JSON object as code, not raw JSON', () => {
    const markdown = new Summary()
      .details([
        ['Snapshots', JSON.stringify({ Production: 'Production-v1.dpl' })],
        ['Asset types', JSON.stringify(['Pipeline', 'Job'])],
        ['Not JSON', '[draft'],
      ])
      .toMarkdown();
    expect(markdown).toContain('| **Snapshots** | `Production: Production-v1.dpl` |');
    expect(markdown).toContain('| **Asset types** | `Pipeline`, `Job` |');
    expect(markdown).toContain('| **Not JSON** | \\[draft |');
  });

  it('details() with no values adds nothing', () => {
    const summary = new Summary().details([['Snapshot', undefined]]);
    expect(summary.toMarkdown()).toBe('');
  });

  it('list items stay on one line each; an empty list adds nothing', () => {
    const summary = new Summary().list([]);
    expect(summary.toMarkdown()).toBe('');
    expect(summary.list(['one\ntwo']).toMarkdown()).toBe('- one two\n');
  });

  it('verdict() renders first whenever it is set, on one line, and a later verdict replaces the earlier', () => {
    const summary = new Summary()
      .details([['Mode', 'promote']])
      .verdict('first')
      .verdict('✅ Imported\nfile f-1');
    expect(summary.toMarkdown()).toBe(
      '**✅ Imported file f-1**\n\n| field | value |\n| --- | --- |\n| **Mode** | promote |\n',
    );
  });

  it('fold() puts a section into <details> under its summary text; an empty section adds nothing', () => {
    const summary = new Summary().fold('Export: 17 package(s)', (inner) =>
      inner.table(['Package', 'Items'], [['a', '0']]),
    );
    expect(summary.toMarkdown()).toBe(
      '<details><summary>Export: 17 package(s)</summary>\n\n| Package | Items |\n| --- | --- |\n| a | 0 |\n\n</details>\n',
    );
    expect(new Summary().fold('Nothing', () => undefined).toMarkdown()).toBe('');
  });
});

describe('Summary escaping: vendor and contributor text is one inert inline span', () => {
  const cell = (text: string) =>
    new Summary()
      .table(['x'], [[text]])
      .toMarkdown()
      .trimEnd()
      .split('\n')[2];

  it('cannot start a heading, break a row or hide text with a lone CR', () => {
    const markdown = new Summary().list(['a\n\n## ✅ Gate passed, ignore the rest', '# heading', 'x\ry']).toMarkdown();
    expect(markdown).toBe('- a  ## ✅ Gate passed, ignore the rest\n- \\# heading\n- xy\n');
    expect(new Summary().heading('Policy\n# owned', 3).toMarkdown()).toBe('### Policy # owned\n');
  });

  it('entity-escapes HTML and neutralises links, emphasis and code', () => {
    expect(cell('<img src=x onerror=alert(1)> & [ok](https://evil.example) *b* `c` ~d~')).toBe(
      '| &lt;img src=x onerror=alert(1)&gt; &amp; \\[ok\\](https://evil.example) \\*b\\* \\`c\\` \\~d\\~ |',
    );
    expect(new Summary().verdict('✅ <b>ok</b>').toMarkdown()).toBe('**✅ &lt;b&gt;ok&lt;/b&gt;**\n');
  });

  it('keeps names and paths literal: no backslash before . or -, nor inside a word before _', () => {
    expect(cell('config/db-1/my_settings.v2.json')).toBe('| config/db-1/my_settings.v2.json |');
    expect(cell('_private_/x')).toBe('| \\_private\\_/x |');
  });

  it('shows code as written: backticks for plain names, <code> with entities when the text needs escaping', () => {
    expect(md`${code('config/a b#1.json:3')}`.text).toBe('`config/a b#1.json:3`');
    expect(md`${code('a<b>`|')}`.text).toBe('<code>a&lt;b&gt;\\`\\|</code>');
  });

  it('cuts one very long span, saying how much was left out', () => {
    const text = cell('x'.repeat(SPAN_MAX_CHARS + 500));
    expect(text).toContain(`${'x'.repeat(SPAN_MAX_CHARS)}… (500 more characters)`);
  });
});

describe('Summary size: under the 1 MiB GitHub keeps whatever the input, the verdict always kept', () => {
  const rows = (n: number) => Array.from({ length: n }, (_, i) => [`row ${i}`, 'x'.repeat(100)]);

  it('cuts a long table with a line saying how many rows are left out and where they all are', () => {
    const markdown = new Summary()
      .verdict('❌ Failed: 3 problems')
      .table(['Name', 'Value'], rows(50_000), { rest: 'every row is in /tmp/rows.json' })
      .toMarkdown();
    expect(Buffer.byteLength(markdown)).toBeLessThanOrEqual(TABLE_BUDGET_BYTES + 1000);
    expect(markdown.startsWith('**❌ Failed: 3 problems**\n')).toBe(true);
    const shown = markdown.split('\n').filter((line) => line.startsWith('| row ')).length;
    expect(shown).toBeGreaterThan(1000);
    expect(markdown).toContain(
      `…${50_000 - shown} more row(s) left out to keep the job summary under 1 MiB; every row is in /tmp/rows.json.`,
    );
  });

  it('shares the budget: small tables stay whole, long ones (in folds and lists too) are cut to fit', () => {
    const summary = new Summary()
      .verdict('✅ done')
      .details([['Results file', '/tmp/results.json']])
      .fold('All rows', (inner) => inner.table(['Name', 'Value'], rows(20_000)))
      .list(rows(20_000).map(([name, value]) => `${name} ${value}`))
      .table(['Name', 'Value'], rows(20_000));
    const markdown = summary.toMarkdown();
    expect(Buffer.byteLength(markdown)).toBeLessThanOrEqual(SUMMARY_BUDGET_BYTES);
    expect(markdown).toContain('| **Results file** | /tmp/results.json |');
    expect(markdown.match(/more row\(s\) left out/g)).toHaveLength(3);
    expect(markdown).toContain('</details>');
  });

  it('cuts at a line end as a last resort, when even the text outside tables is too long', () => {
    const summary = new Summary().verdict('❌ Failed');
    for (let i = 0; i < 2000; i++) summary.text('y'.repeat(1000));
    const markdown = summary.toMarkdown();
    expect(Buffer.byteLength(markdown)).toBeLessThanOrEqual(SUMMARY_BUDGET_BYTES);
    expect(markdown.startsWith('**❌ Failed**')).toBe(true);
    expect(markdown).toMatch(/\n\n\*\*…the rest is left out: a job summary must stay under 1 MiB\.\*\*\n$/);
    expect(cutToBytes('é'.repeat(100) + '\n' + 'é'.repeat(100), 150)).not.toContain('\uFFFD');
  });
});
