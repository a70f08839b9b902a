import { describe, expect, it } from 'vitest';
import { displayWidth, formatNumber, formatPercent, renderTable } from '../../src/cli/format.js';

describe('terminal formatting', () => {
  it('numbers get fewer decimals as they grow, and undefined values a dash', () => {
    expect([0.01234, 1.234, 123.45, 12_345.6, 0].map(formatNumber)).toEqual(['0.012', '1.23', '123.5', '12,346', '0.00']);
    expect(formatNumber(null)).toBe('—');
    expect(formatNumber(NaN)).toBe('—');
    expect(formatPercent(0.8123)).toBe('81.2%');
  });

  it('measures the columns a string takes: wide scripts and emoji two, combining marks none', () => {
    expect(displayWidth('desk')).toBe(4);
    expect(displayWidth('東京')).toBe(4);
    expect(displayWidth('café')).toBe(4);
    expect(displayWidth('cafe\u0301')).toBe(4);
    expect(displayWidth('clients 😀')).toBe(10);
    expect(displayWidth('Acme™')).toBe(5); // text-style symbol: one column
    expect(displayWidth('VIP 👍🏽')).toBe(6); // emoji with a skin tone: one glyph, two columns
    expect(displayWidth('👨‍👩‍👧')).toBe(2); // joined family: one glyph
    expect(displayWidth('soft\u00adhyphen')).toBe(10);
  });

  it('aligns columns by display width', () => {
    const table = renderTable(
      [
        ['Segment', 'served'],
        ['東京', '1.00'],
        ['walkIn', '12.00'],
      ],
      ['left', 'right'],
      '',
    ).split('\n');
    expect(table.map(displayWidth)).toEqual([15, 15, 15, 15]);
  });
});
