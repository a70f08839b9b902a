/** Number and table formatting for the terminal. */

export { decimalsFor, formatFixed } from '../metrics/format.js';

export { pluralUnit } from '../model/units.js';

export type Align = 'left' | 'right';

/** The terminal's width when stdout is one (tables wider than it are split); Infinity otherwise, so piped output keeps whole rows. */
export function terminalColumns(stream: { isTTY?: boolean; columns?: number } = process.stdout): number {
  return stream.isTTY === true && stream.columns !== undefined && stream.columns > 0 ? stream.columns : Infinity;
}

export interface TableOptions {
  /** Before every line (two spaces). */
  indent?: string;
  /** Columns the table may take (the terminal's width, Infinity when piped). */
  maxWidth?: number;
  /** Leading columns that label a row, repeated in every block of a split table (1). */
  labels?: number;
}

/**
 * Renders rows as aligned columns; the first row is the header, underlined. A table wider
 * than `maxWidth` is split into blocks of columns, one under the other, each repeating the
 * first `labels` columns (what identifies a row: a metric, a station and period, a sweep's
 * point), so a terminal does not wrap whole rows and lose the alignment. A block that cannot
 * fit even one column beside the labels still keeps them, and that line wraps.
 */
export function renderTable(rows: string[][], align: Align[], options: TableOptions = {}): string {
  const { indent = '  ', maxWidth = terminalColumns(), labels = 1 } = options;
  const widths = rows[0]!.map((_, column) => Math.max(...rows.map((row) => displayWidth(row[column] ?? ''))));
  const span = (columns: readonly number[]) => displayWidth(indent) + columns.reduce((sum, c) => sum + widths[c]!, 0) + 2 * Math.max(0, columns.length - 1);
  const all = widths.map((_, c) => c);
  if (span(all) <= maxWidth) return block(rows, align, widths, all, indent);
  const kept = all.slice(0, Math.min(labels, all.length - 1));
  const blocks: number[][] = [];
  for (const column of all.slice(kept.length)) {
    const current = blocks.at(-1);
    if (current !== undefined && span([...current, column]) <= maxWidth) current.push(column);
    else blocks.push([...kept, column]);
  }
  return blocks.map((columns) => block(rows, align, widths, columns, indent)).join('\n\n');
}

/** The rows' `columns`, aligned to `widths`, the header underlined. */
function block(rows: string[][], align: Align[], widths: number[], columns: readonly number[], indent: string): string {
  const line = (row: string[]) =>
    indent +
    columns
      .map((column) => {
        const cell = row[column] ?? '';
        const pad = ' '.repeat(widths[column]! - displayWidth(cell));
        return align[column] === 'right' ? pad + cell : cell + pad;
      })
      .join('  ')
      .trimEnd();
  const [header, ...body] = rows;
  const rule = indent + columns.map((c) => '─'.repeat(widths[c]!)).join('  ');
  return [line(header!), rule, ...body.map(line)].join('\n');
}

/**
 * Columns a string takes in a terminal, grapheme by grapheme (an approximation of wcwidth):
 * emoji shown as emoji and wide East Asian characters take two, combining marks and
 * invisible format characters none, everything else one.
 */
export function displayWidth(text: string): number {
  let width = 0;
  for (const { segment } of graphemes.segment(text)) width += graphemeWidth(segment);
  return width;
}

const graphemes = new Intl.Segmenter(undefined, { granularity: 'grapheme' });

/** `text` cut to `width` terminal columns, with an ellipsis where it was cut. */
export function fitToWidth(text: string, width: number): string {
  if (displayWidth(text) <= width) return text;
  let kept = '';
  let used = 0;
  for (const { segment } of graphemes.segment(text)) {
    used += graphemeWidth(segment);
    if (used > width - 1) break;
    kept += segment;
  }
  return `${kept}…`;
}

function graphemeWidth(grapheme: string): number {
  if (/^[\p{Mn}\p{Me}\p{Cf}]+$/u.test(grapheme)) return 0;
  if (/\p{Emoji_Presentation}|\ufe0f/u.test(grapheme)) return 2;
  return isWide(grapheme.codePointAt(0)!) ? 2 : 1;
}

function isWide(code: number): boolean {
  return (
    (code >= 0x1100 && code <= 0x115f) ||
    (code >= 0x2e80 && code <= 0xa4cf && code !== 0x303f) ||
    (code >= 0xac00 && code <= 0xd7a3) ||
    (code >= 0xf900 && code <= 0xfaff) ||
    (code >= 0xfe30 && code <= 0xfe4f) ||
    (code >= 0xff00 && code <= 0xff60) ||
    (code >= 0xffe0 && code <= 0xffe6) ||
    (code >= 0x20000 && code <= 0x3fffd)
  );
}
