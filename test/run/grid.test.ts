import { describe, expect, it } from 'vitest';
import { gridPoints, parseAxis, parseValues } from '../../src/run/grid.js';

const values = (text: string) => {
  const parsed = parseValues(text);
  if (!parsed.ok) throw new Error(parsed.message);
  return parsed.value;
};

describe('sweep grids', () => {
  it('read a..b as every whole step, both ends included', () => {
    expect(values('2..8')).toEqual([2, 3, 4, 5, 6, 7, 8]);
  });

  it('read a..b:step with decimal steps that land exactly', () => {
    expect(values('0.5..1.5:0.25')).toEqual([0.5, 0.75, 1, 1.25, 1.5]);
    expect(values('0.1..0.5:0.1')).toEqual([0.1, 0.2, 0.3, 0.4, 0.5]);
    expect(values('1..10:4')).toEqual([1, 5, 9]);
    // (0.3 − 0) / 0.1 is 2.9999999999999996 in floating point: the end is still a value.
    expect(values('0..0.3:0.1')).toEqual([0, 0.1, 0.2, 0.3]);
    expect(values('0..0.6:0.2')).toEqual([0, 0.2, 0.4, 0.6]);
  });

  it('take up to 10,000 values on an axis, and refuse one more', () => {
    expect(values('1..10000')).toHaveLength(10_000);
    expect(parseValues('1..10001')).toEqual({ ok: false, message: '10001 values is more than 10000: check the step' });
  });

  it('read lists', () => {
    expect(values('5, 10,20')).toEqual([5, 10, 20]);
    expect(values('7')).toEqual([7]);
  });

  it('refuse what is not a grid', () => {
    for (const bad of ['8..2', '1..5:0', '1..5:-1', 'a..b', '1,,2', '1,1', '1..1e9']) expect(parseValues(bad).ok, bad).toBe(false);
  });

  it('say that text values are for compare --set', () => {
    expect(parseValues('fifo,priority')).toEqual({ ok: false, message: expect.stringMatching(/^the value "fifo" is not a number: sweep varies numbers .*compare --set/) });
  });

  it('read KEY.PATH=VALUES, and need the =', () => {
    expect(parseAxis('stations.counter.servers=2..4')).toMatchObject({ ok: true, value: { path: 'stations.counter.servers', values: [2, 3, 4] } });
    expect(parseAxis('stations.counter.servers')).toMatchObject({ ok: false });
  });

  it('cross two axes, the first outermost', () => {
    const a = { path: 'a', parts: [], values: [1, 2] };
    const b = { path: 'b', parts: [], values: [10, 20, 30] };
    expect(gridPoints([a, b])).toEqual([[1, 10], [1, 20], [1, 30], [2, 10], [2, 20], [2, 30]]);
    expect(gridPoints([a])).toEqual([[1], [2]]);
  });
});
