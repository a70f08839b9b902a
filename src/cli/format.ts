/** Number and table formatting for the terminal. */

/** A readable number: fewer decimals as values grow; "—" when undefined. */
export function formatNumber(value: number | null | undefined): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return '—';
  const abs = Math.abs(value);
  if (abs >= 10_000) return Math.round(value).toLocaleString('en-US');
  if (abs >= 100) return value.toFixed(1);
  if (abs >= 1 || abs === 0) return value.toFixed(2);
  return value.toFixed(3);
}

export function formatPercent(value: number | null | undefined): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return '—';
  return `${(value * 100).toFixed(1)}%`;
}

export type Align = 'left' | 'right';

/** Renders rows as aligned columns; the first row is the header, underlined. */
export function renderTable(rows: string[][], align: Align[], indent = '  '): string {
  const widths = rows[0]!.map((_, column) => Math.max(...rows.map((row) => visibleLength(row[column] ?? ''))));
  const line = (row: string[]) =>
    indent +
    row
      .map((cell, column) => {
        const pad = ' '.repeat(widths[column]! - visibleLength(cell));
        return align[column] === 'right' ? pad + cell : cell + pad;
      })
      .join('  ')
      .trimEnd();
  const [header, ...body] = rows;
  const rule = indent + widths.map((w) => '─'.repeat(w)).join('  ');
  return [line(header!), rule, ...body.map(line)].join('\n');
}

function visibleLength(text: string): number {
  return [...text].length;
}
