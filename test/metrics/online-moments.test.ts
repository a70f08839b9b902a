import { describe, expect, it } from 'vitest';
import { OnlineMoments } from '../../src/metrics/online-moments.js';
import { summariseValues } from '../../src/metrics/summarise.js';

describe('one-pass moments (the series bands)', () => {
  it('agree with the two-pass summary to rounding, quantity by quantity, leaving out undefined values', () => {
    const rows = [
      [1, 10, NaN],
      [2, 13, 4],
      [4, 11, NaN],
      [7, 12.5, 6],
    ];
    const moments = new OnlineMoments(3);
    for (const row of rows) moments.add(row);
    for (let i = 0; i < 3; i++) {
      const exact = summariseValues(rows.map((row) => row[i]!));
      expect(moments.mean(i)).toBeCloseTo(exact.mean!, 12);
      expect(moments.interval(i)[0]).toBeCloseTo(exact.ci95![0], 12);
      expect(moments.interval(i)[1]).toBeCloseTo(exact.ci95![1], 12);
    }
  });

  it('give a point band with one value and NaN with none', () => {
    const moments = new OnlineMoments(2);
    moments.add([3, NaN]);
    expect(moments.interval(0)).toEqual([3, 3]);
    expect(moments.mean(1)).toBeNaN();
  });
});
