/**
 * The job summary: a heading, key/value tables and lists, rendered as GitHub-flavoured markdown. The verdict, set
 * once the run knows it, always renders first so a reader sees what happened before any table.
 *
 * Bounded: GitHub drops a step summary over 1 MiB whole, verdict included. Tables and lists share a byte budget
 * when rendered: small ones stay whole, long ones are cut (none past its own budget) with a line that says how many
 * rows were left out and where all of them are. Every plain string is escaped (see markdown.ts).
 */
import { bold, code, inline, Markdown, type Inline } from './markdown.js';

export type SummaryRow = [label: string, value: Inline | undefined];

/** GitHub drops a step summary over 1 MiB whole: what is written is cut to this, the last resort. */
export const SUMMARY_LIMIT_BYTES = 1024 * 1024 - 1024;
/** The whole summary, in UTF-8 bytes: under GitHub's 1 MiB with room for the title and for redaction. */
export const SUMMARY_BUDGET_BYTES = 1_000_000;
/** No one table or list takes more than this, so a long one leaves room for the others and stays readable. */
export const TABLE_BUDGET_BYTES = 512 * 1024;

export interface RowsOptions {
  /** Where every row can be found when the summary shows only part of them, e.g. "every finding is in x.json". */
  rest?: string;
}

export interface TableOptions extends RowsOptions {
  align?: ('left' | 'right')[];
}

type Block =
  | { kind: 'fixed'; text: string }
  | { kind: 'rows'; head: string; rows: string[]; rest?: string }
  | { kind: 'fold'; title: string; inner: Block[] };

export class Summary {
  private readonly blocks: Block[] = [];
  private verdictLine?: string;
  private verdictDetail?: string;

  /**
   * The one-line outcome shown above everything else; a later call replaces an earlier one. `detail` (the URL,
   * the vendor's whole message) is the line under it.
   */
  verdict(text: string, detail?: string): this {
    this.verdictLine = inline(text);
    this.verdictDetail = detail === undefined ? undefined : inline(detail);
    return this;
  }

  heading(text: Inline, level = 2): this {
    return this.fixed(`${'#'.repeat(level)} ${inline(text)}\n`);
  }

  text(text: Inline): this {
    return this.fixed(`${inline(text)}\n`);
  }

  /** A two-column table; rows whose value is undefined or empty are left out. */
  details(rows: SummaryRow[]): this {
    const kept = rows.filter((row): row is [string, Inline] => row[1] !== undefined && row[1] !== '');
    if (kept.length)
      this.table(
        ['field', 'value'],
        kept.map(([label, value]) => [bold(label), typeof value === 'string' ? jsonCell(value) : value]),
      );
    return this;
  }

  /** Each cell one escaped span (a `|` or a line break in vendor text cannot break the table); `align` per column. */
  table(header: Inline[], rows: Inline[][], options: TableOptions = {}): this {
    const line = (cells: Inline[]) => `| ${cells.map(inline).join(' | ')} |`;
    const rule = `| ${header.map((_, i) => (options.align?.[i] === 'right' ? '---:' : '---')).join(' | ')} |`;
    this.blocks.push({ kind: 'rows', head: `${line(header)}\n${rule}\n`, rows: rows.map(line), rest: options.rest });
    return this;
  }

  list(items: Inline[], options: RowsOptions = {}): this {
    if (items.length)
      this.blocks.push({ kind: 'rows', head: '', rows: items.map((item) => `- ${inline(item)}`), rest: options.rest });
    return this;
  }

  /** A section folded into `<details>`: long tables stay out of the way of the verdict but one click away. */
  fold(summaryText: Inline, build: (inner: Summary) => void): this {
    const inner = new Summary();
    build(inner);
    if (inner.blocks.length) this.blocks.push({ kind: 'fold', title: inline(summaryText), inner: inner.blocks });
    return this;
  }

  /** The markdown, at most `budget` UTF-8 bytes, the verdict always first. */
  toMarkdown(budget = SUMMARY_BUDGET_BYTES): string {
    const verdict = this.verdictLine ? [`**${this.verdictLine}**\n`] : [];
    if (this.verdictDetail) verdict.push(`${this.verdictDetail}\n`);
    const fixedBytes = bytes(verdict.join('\n')) + bytes(render(this.blocks, new Map()).join('\n'));
    const allowances = shareBudget(rowBlocks(this.blocks), budget - fixedBytes);
    return cutToBytes([...verdict, ...render(this.blocks, allowances)].join('\n'), budget);
  }

  private fixed(text: string): this {
    this.blocks.push({ kind: 'fixed', text });
    return this;
  }
}

/** How many items of a JSON value a table cell shows, and how much of each. */
const CELL_ITEMS = 50;
const CELL_ITEM_CHARS = 200;

/**
 * A value that is a JSON array or object (an output such as `snapshot-names`) as a cell a reader can scan: each item
 * or `key: value` in code, comma-separated. Any other text is the plain escaped span.
 */
function jsonCell(value: string): Inline {
  if (!/^\s*[[{]/.test(value)) return value;
  let parsed: unknown;
  try {
    parsed = JSON.parse(value);
  } catch {
    return value;
  }
  if (parsed === null || typeof parsed !== 'object') return value;
  const items = Array.isArray(parsed)
    ? parsed.map((item) => scalarText(item))
    : Object.entries(parsed as Record<string, unknown>).map(([key, item]) => `${key}: ${scalarText(item)}`);
  const shown = items.slice(0, CELL_ITEMS).map((item) => code(item.slice(0, CELL_ITEM_CHARS)).text);
  const more = items.length > CELL_ITEMS ? `, … ${items.length - CELL_ITEMS} more` : '';
  return new Markdown(items.length ? shown.join(', ') + more : inline('(none)'));
}

function scalarText(value: unknown): string {
  return typeof value === 'string' ? value : (JSON.stringify(value) ?? String(value)).slice(0, CELL_ITEM_CHARS);
}

/**
 * Markdown cut to `limit` bytes at a line end, saying so: the last resort when even the text outside tables is too
 * long, and for what redaction made longer.
 */
export function cutToBytes(markdown: string, limit: number): string {
  const buffer = Buffer.from(markdown);
  if (buffer.length <= limit) return markdown;
  const note = `\n\n**…the rest is left out: a job summary must stay under 1 MiB.**\n`;
  const end = buffer.lastIndexOf(0x0a, Math.max(0, limit - bytes(note)));
  return buffer.subarray(0, Math.max(0, end)).toString() + note;
}

function bytes(text: string): number {
  return Buffer.byteLength(text);
}

function rowBlocks(blocks: Block[]): Extract<Block, { kind: 'rows' }>[] {
  return blocks.flatMap((block) =>
    block.kind === 'rows' ? [block] : block.kind === 'fold' ? rowBlocks(block.inner) : [],
  );
}

/** Water-filling: the smallest first, each gets what it needs up to an equal share of what is left. */
function shareBudget(blocks: Extract<Block, { kind: 'rows' }>[], available: number): Map<Block, number> {
  const needs = blocks.map((block) => ({
    block,
    need: Math.min(
      TABLE_BUDGET_BYTES,
      block.rows.reduce((n, row) => n + bytes(row) + 1, 0),
    ),
  }));
  needs.sort((a, b) => a.need - b.need);
  const allowances = new Map<Block, number>();
  let left = Math.max(0, available);
  needs.forEach(({ block, need }, i) => {
    const allowance = Math.min(need, Math.floor(left / (needs.length - i)));
    allowances.set(block, allowance);
    left -= allowance;
  });
  return allowances;
}

/** Each block as markdown; a rows block keeps the rows its allowance holds (none when it has no allowance). */
function render(blocks: Block[], allowances: Map<Block, number>): string[] {
  return blocks.map((block) => {
    if (block.kind === 'fixed') return block.text;
    if (block.kind === 'fold')
      return `<details><summary>${block.title}</summary>\n\n${render(block.inner, allowances).join('\n')}\n</details>\n`;
    let room = allowances.get(block) ?? 0;
    const kept: string[] = [];
    for (const row of block.rows) {
      room -= bytes(row) + 1;
      if (room < 0) break;
      kept.push(row);
    }
    const left = block.rows.length - kept.length;
    const where = block.rest ? `; ${inline(block.rest)}` : '';
    const cut = left ? `\n…${left} more row(s) left out to keep the job summary under 1 MiB${where}.\n` : '';
    return `${block.head}${kept.map((row) => `${row}\n`).join('')}${cut}`;
  });
}
