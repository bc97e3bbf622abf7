/** The job summary: a heading, key/value tables and lists, rendered as GitHub-flavoured markdown. */

export type SummaryRow = [label: string, value: string | number | undefined];

export class Summary {
  private readonly parts: string[] = [];

  heading(text: string, level = 2): this {
    this.parts.push(`${'#'.repeat(level)} ${text}\n`);
    return this;
  }

  text(text: string): this {
    this.parts.push(`${text}\n`);
    return this;
  }

  /** A two-column table; rows whose value is undefined or empty are left out. */
  details(rows: SummaryRow[]): this {
    const kept = rows.filter(([, value]) => value !== undefined && value !== '');
    if (kept.length)
      this.table(
        ['', ''],
        kept.map(([label, value]) => [`**${label}**`, String(value)]),
      );
    return this;
  }

  /** Cells are escaped (a `|` or a line break in vendor text cannot break the table); `align` per column. */
  table(header: string[], rows: string[][], align: ('left' | 'right')[] = []): this {
    const line = (cells: string[]) => `| ${cells.map(escapeCell).join(' | ')} |`;
    const rule = `| ${header.map((_, i) => (align[i] === 'right' ? '---:' : '---')).join(' | ')} |`;
    this.parts.push([line(header), rule, ...rows.map(line)].join('\n') + '\n');
    return this;
  }

  list(items: string[]): this {
    if (items.length) this.parts.push(items.map((item) => `- ${item.replace(/\n/g, ' ')}`).join('\n') + '\n');
    return this;
  }

  toMarkdown(): string {
    return this.parts.join('\n');
  }
}

function escapeCell(text: string): string {
  return text.replace(/\|/g, '\\|').replace(/\r?\n/g, '<br>');
}
