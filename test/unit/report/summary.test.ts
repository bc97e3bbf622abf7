import { describe, expect, it } from '@jest/globals';
import { Summary } from '../../../shared/report/summary.js';

describe('Summary markdown', () => {
  it('renders headings, text, tables and lists as GitHub-flavoured markdown', () => {
    const markdown = new Summary()
      .heading('Export')
      .text('Exported **shop** from acme.')
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

  it('escapes pipes and turns newlines into <br> inside table cells', () => {
    const markdown = new Summary().table(['Name', 'Value'], [['a|b', 'line 1\nline 2\r\nline 3']]).toMarkdown();
    const rows = markdown.trimEnd().split('\n');
    expect(rows).toHaveLength(3); // the newlines did not break the row apart
    expect(rows[2]).toBe('| a\\|b | line 1<br>line 2<br>line 3 |');
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
      '|  |  |\n| --- | --- |\n| **Export ID** | abc123 |\n| **Size** | 0 |\n| **Note** | x \\| y |\n',
    );
    expect(markdown).not.toContain('Snapshot');
    expect(markdown).not.toContain('Errors');
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
    expect(summary.toMarkdown()).toBe('**✅ Imported file f-1**\n\n|  |  |\n| --- | --- |\n| **Mode** | promote |\n');
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
