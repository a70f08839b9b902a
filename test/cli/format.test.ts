import { describe, expect, it } from 'vitest';
import { decimalsFor, displayWidth, formatFixed, pluralUnit, renderTable, terminalColumns } from '../../src/cli/format.js';
import { shortAxisNames } from '../../src/cli/sweep-table.js';

describe('terminal formatting', () => {
  it('an estimate keeps two significant digits of its CI half-width, mean and bounds alike', () => {
    expect([7.05, 0.141, 0.0612, 16, 0.00004].map((half) => decimalsFor(half, 1))).toEqual([1, 2, 3, 0, 4]);
    expect(formatFixed(411.49, decimalsFor(7.05, 411.49))).toBe('411.5');
    // Rounding that carries into the next decade keeps two digits: 9.97 is 10, not 10.0.
    expect([9.97, 0.0997, 99.6, 9.94, 0.000099].map((half) => decimalsFor(half, 1))).toEqual([0, 2, 0, 1, 4]);
    expect(formatFixed(9.97, decimalsFor(9.97, 35.9))).toBe('10');
    expect(formatFixed(12_345.6, 0)).toBe('12,346');
    expect(formatFixed(null, 2)).toBe('—');
    expect(formatFixed(NaN, 2)).toBe('—');
  });

  it('a value that rounds to zero is 0, never -0; a negative one keeps its sign', () => {
    expect([-0, -0.00001, -0.004, -0.006, -1234.5].map((v) => formatFixed(v, 2))).toEqual(['0.00', '0.00', '0.00', '-0.01', '-1,234.50']);
    expect(formatFixed(-0.3, 0)).toBe('0');
  });

  it('without a CI, numbers get fewer decimals as they grow', () => {
    expect([0.01234, 1.234, 123.45, 0].map((v) => formatFixed(v, decimalsFor(null, v)))).toEqual(['0.012', '1.23', '123.5', '0.00']);
  });

  it('a half-width of floating-point noise is no CI: a value the same in every replication', () => {
    expect(decimalsFor(3e-14, 209.6861)).toBe(decimalsFor(null, 209.6861));
    expect(decimalsFor(3e-6, 209.6861)).toBe(4);
  });

  it('a unit is made plural once: minute → minutes, hours stays hours, an abbreviation stays as it is', () => {
    expect(pluralUnit('minute')).toBe('minutes');
    expect(pluralUnit('hours')).toBe('hours');
    expect(['h', 'hr', 'min', 'sec', 'Min'].map(pluralUnit)).toEqual(['h', 'hr', 'min', 'sec', 'Min']);
    expect(pluralUnit('day')).toBe('days');
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
      { indent: '' },
    ).split('\n');
    expect(table.map(displayWidth)).toEqual([15, 15, 15, 15]);
  });

  it('splits a table wider than the terminal into blocks that fit, each with the row labels', () => {
    const rows = [
      ['station', 'period', 'utilisation', 'waitMean', 'waitP90', 'abandonmentRate'],
      ['counter', 'morning', '72.3%', '0.88', '2.70', '9.6%'],
      ['counter', 'lunch', '88.3%', '1.53', '4.07', '15.9%'],
    ];
    const align = ['left', 'left', 'right', 'right', 'right', 'right'] as const;
    const whole = renderTable(rows, [...align]);
    expect(whole.split('\n')).toHaveLength(4); // piped (not a terminal): whole rows, as before
    expect(renderTable(rows, [...align], { maxWidth: 200 })).toBe(whole);
    const split = renderTable(rows, [...align], { maxWidth: 40, labels: 2 });
    const blocks = split.split('\n\n').map((b) => b.split('\n'));
    expect(blocks.length).toBeGreaterThan(1);
    for (const lines of blocks) {
      expect(lines).toHaveLength(4);
      for (const line of lines) expect(displayWidth(line)).toBeLessThanOrEqual(40);
      expect(lines[0]).toMatch(/^ {2}station {2}period /);
      expect(lines[2]).toMatch(/^ {2}counter {2}morning/);
    }
    // Every column once, in order.
    expect(blocks.flatMap((lines) => lines[0]!.trim().split(/\s+/).slice(2))).toEqual(rows[0]!.slice(2));
  });

  it('repeats the label columns the caller names (the first by default, even a number) in every block, whole', () => {
    const search = [
      ['evaluation', 'servers', 'periods missing', 'step'],
      ['1', '3 4 5', '0', 'start: SIPP'],
      ['2', '3 4 4', '1', 'lowered counter afternoon: missed at counter afternoon, undone'],
    ];
    const blocks = renderTable(search, ['right', 'left', 'right', 'left'], { maxWidth: 60 }).split('\n\n');
    expect(blocks.length).toBeGreaterThan(1);
    for (const block of blocks) expect(block.split('\n')[0]).toMatch(/^ {2}evaluation/); // the step column is too wide even alone: it keeps its label and wraps
    const wideLabels = [
      ['stations.counter.servers.lunch', 'segments.quick.patience.mean', 'waitMean', 'served'],
      ['3', '5', '1.2', '410'],
    ];
    // Labels wider than the terminal are kept whole in every block (review: cut, two axes read alike); those lines wrap.
    const plain = renderTable(wideLabels, ['left', 'left', 'right', 'right'], { maxWidth: 40, labels: 2 });
    const blocks2 = plain.split('\n\n');
    expect(blocks2).toHaveLength(2);
    for (const block of blocks2) expect(block.split('\n')[0]).toMatch(/^ {2}stations\.counter\.servers\.lunch {2}segments\.quick\.patience\.mean /);
  });

  it('reads the width of a terminal only', () => {
    expect(terminalColumns({ isTTY: true, columns: 80 })).toBe(80);
    expect(terminalColumns({ isTTY: false, columns: 80 })).toBe(Infinity);
    expect(terminalColumns({ isTTY: true, columns: 0 })).toBe(Infinity);
  });
});

describe('sweep axes on a narrow terminal', () => {
  it('go by the shortest ends of their key paths that still tell them apart', () => {
    expect(shortAxisNames(['stations.counter.servers.lunch', 'stations.counter.servers.afternoon'])).toEqual(['lunch', 'afternoon']);
    expect(shortAxisNames(['stations.0.servers.lunch', 'stations.1.servers.lunch'])).toEqual(['0.servers.lunch', '1.servers.lunch']);
    expect(shortAxisNames(['segments.quick.patience.mean'])).toEqual(['mean']);
  });
});
