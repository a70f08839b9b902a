/** Number and table formatting for the terminal. */

export { decimalsFor, formatFixed } from '../metrics/format.js';

export { pluralUnit } from '../model/units.js';

export type Align = 'left' | 'right';

/** Renders rows as aligned columns; the first row is the header, underlined. */
export function renderTable(rows: string[][], align: Align[], indent = '  '): string {
  const widths = rows[0]!.map((_, column) => Math.max(...rows.map((row) => displayWidth(row[column] ?? ''))));
  const line = (row: string[]) =>
    indent +
    row
      .map((cell, column) => {
        const pad = ' '.repeat(widths[column]! - displayWidth(cell));
        return align[column] === 'right' ? pad + cell : cell + pad;
      })
      .join('  ')
      .trimEnd();
  const [header, ...body] = rows;
  const rule = indent + widths.map((w) => '─'.repeat(w)).join('  ');
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
