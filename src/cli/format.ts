/** Number and table formatting for the terminal. */

export { decimalsFor, formatFixed } from '../metrics/format.js';

export { pluralUnit } from '../model/units.js';

export type Align = 'left' | 'right';

/** The terminal's width when stdout is one (tables wider than it are split); Infinity otherwise, so piped output keeps whole rows. */
export function terminalColumns(stream: { isTTY?: boolean; columns?: number } = process.stdout): number {
  return stream.isTTY === true && stream.columns !== undefined && stream.columns > 0 ? stream.columns : Infinity;
}

/**
 * Renders rows as aligned columns; the first row is the header, underlined. A table wider
 * than `maxWidth` is split into blocks of columns that fit, one under the other, each
 * repeating the leading left-aligned columns (the row's labels), so a terminal never wraps
 * a row and loses the alignment.
 */
export function renderTable(given: string[][], align: Align[], indent = '  ', maxWidth = terminalColumns()): string {
  let rows = given;
  const widthsOf = (table: string[][]) => table[0]!.map((_, column) => Math.max(...table.map((row) => displayWidth(row[column] ?? ''))));
  let widths = widthsOf(rows);
  const span = (columns: readonly number[]) => displayWidth(indent) + columns.reduce((sum, c) => sum + widths[c]!, 0) + 2 * Math.max(0, columns.length - 1);
  const all = widths.map((_, c) => c);
  if (span(all) <= maxWidth) return block(rows, align, widths, all, indent);
  // The row's labels: the leading left-aligned columns (the first one at least).
  let labels = 1;
  while (labels < all.length - 1 && align[labels] === 'left') labels++;
  const narrowest = Math.min(...all.slice(labels).map((c) => widths[c]!));
  const roomy = () => span(all.slice(0, labels)) + 2 + narrowest <= maxWidth;
  if (!roomy()) {
    // Labels too wide to leave room beside them for another column: a long heading (a key
    // path) keeps its end, down to the width of the labels' values.
    const header = rows[0]!.map((text, c) => {
      if (c >= labels) return text;
      const values = Math.max(...rows.slice(1).map((row) => displayWidth(row[c] ?? '')));
      return cutFromLeft(text, Math.max(values, 12));
    });
    rows = [header, ...rows.slice(1)];
    widths = widthsOf(rows);
  }
  // As many labels as leave room for the narrowest other column beside them.
  while (labels > 1 && !roomy()) labels--;
  const kept = all.slice(0, labels);
  const blocks: number[][] = [];
  for (const column of all.slice(labels)) {
    const current = blocks.at(-1);
    if (current !== undefined && current.length > kept.length && span([...current, column]) <= maxWidth) current.push(column);
    // A column that fits alone but not beside the labels stands alone; one too wide even alone keeps them (the terminal wraps it).
    else blocks.push(span([...kept, column]) > maxWidth && span([column]) <= maxWidth ? [column] : [...kept, column]);
  }
  return blocks.map((columns) => block(rows, align, widths, columns, indent)).join('\n\n');
}

/** `text` cut to `width` columns from its start, keeping its end: "…servers.lunch". */
function cutFromLeft(text: string, width: number): string {
  if (displayWidth(text) <= width) return text;
  const parts = [...graphemes.segment(text)].map((g) => g.segment);
  let kept = '';
  for (let i = parts.length - 1; i >= 0 && displayWidth(parts[i]! + kept) <= width - 1; i--) kept = parts[i]! + kept;
  return `…${kept}`;
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
