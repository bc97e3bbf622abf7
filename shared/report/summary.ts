/**
 * The job summary: a heading, key/value tables and lists, rendered as GitHub-flavoured markdown. The verdict, set
 * once the run knows it, always renders first so a reader sees what happened before any table.
 */

export type SummaryRow = [label: string, value: string | number | undefined];

export class Summary {
  private readonly parts: string[] = [];
  private verdictLine?: string;

  /** The one-line outcome shown above everything else; a later call replaces an earlier one. */
  verdict(text: string): this {
    this.verdictLine = text.replace(/\r?\n/g, ' ');
    return this;
  }

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

  /** A section folded into `<details>`: long tables stay out of the way of the verdict but one click away. */
  fold(summaryText: string, build: (inner: Summary) => void): this {
    const inner = new Summary();
    build(inner);
    const body = inner.toMarkdown();
    if (body) this.parts.push(`<details><summary>${summaryText}</summary>\n\n${body}\n</details>\n`);
    return this;
  }

  toMarkdown(): string {
    return [...(this.verdictLine ? [`**${this.verdictLine}**\n`] : []), ...this.parts].join('\n');
  }
}

function escapeCell(text: string): string {
  return text.replace(/\|/g, '\\|').replace(/\r?\n/g, '<br>');
}
