import { describe, expect, it } from 'vitest';
import { studentTCdf, studentTQuantile } from '../../src/metrics/student-t.js';
import { summariseValues } from '../../src/metrics/summarise.js';

describe('studentTQuantile', () => {
  const table: [number, number][] = [
    [1, 12.7062],
    [2, 4.3027],
    [5, 2.5706],
    [9, 2.2622],
    [19, 2.093],
    [29, 2.0452],
    [100, 1.984],
  ];
  for (const [df, value] of table) {
    it(`t(0.975, ${df}) = ${value} to 1e-4`, () => {
      expect(Math.abs(studentTQuantile(0.975, df) - value)).toBeLessThan(1e-4);
    });
  }

  it('approaches the normal quantile 1.95996 for large df', () => {
    expect(Math.abs(studentTQuantile(0.975, 1e6) - 1.959964)).toBeLessThan(1e-4);
  });

  it('is symmetric: t(1 - p) = -t(p), and t(0.5) = 0', () => {
    expect(studentTQuantile(0.025, 7)).toBeCloseTo(-studentTQuantile(0.975, 7), 10);
    expect(studentTQuantile(0.5, 7)).toBe(0);
  });

  it('inverts the CDF', () => {
    for (const df of [1, 3, 10, 40]) {
      for (const p of [0.6, 0.9, 0.95, 0.995]) expect(studentTCdf(studentTQuantile(p, df), df)).toBeCloseTo(p, 10);
    }
  });

  it('the CDF of df = 1 is the Cauchy CDF', () => {
    for (const t of [-3, -0.5, 0, 1, 10]) expect(studentTCdf(t, 1)).toBeCloseTo(0.5 + Math.atan(t) / Math.PI, 12);
  });
});

describe('summariseValues', () => {
  it('gives the mean, the sample sd (n - 1) and the Student-t 95% CI of the mean', () => {
    const values = [2, 4, 4, 4, 5, 5, 7, 9];
    const summary = summariseValues(values);
    const mean = 5;
    const sd = Math.sqrt(32 / 7);
    const half = 2.364624 * (sd / Math.sqrt(8)); // t(0.975, 7)
    expect(summary.mean).toBeCloseTo(mean, 12);
    expect(summary.sd).toBeCloseTo(sd, 12);
    expect(summary.ci95![0]).toBeCloseTo(mean - half, 5);
    expect(summary.ci95![1]).toBeCloseTo(mean + half, 5);
    expect(summary.n).toBeUndefined();
  });

  it('leaves NaN values out and says how many replications it used in n', () => {
    const summary = summariseValues([1, NaN, 3, NaN, 5]);
    expect(summary.mean).toBe(3);
    expect(summary.sd).toBe(2);
    expect(summary.n).toBe(3);
    const half = 4.302653 * (2 / Math.sqrt(3)); // t(0.975, 2)
    expect(summary.ci95![0]).toBeCloseTo(3 - half, 5);
    expect(summary.ci95![1]).toBeCloseTo(3 + half, 5);
  });

  it('gives n when the values are fewer than the replications asked for', () => {
    expect(summariseValues([1, 2], 5).n).toBe(2);
    expect(summariseValues([1, 2], 2).n).toBeUndefined();
  });

  it('has a mean but null sd and CI with a single defined value', () => {
    const summary = summariseValues([4, NaN]);
    expect(summary.mean).toBe(4);
    expect(summary.sd).toBeNull();
    expect(summary.ci95).toBeNull();
    expect(summary.n).toBe(1);
  });

  it('is all null when no value is defined', () => {
    const summary = summariseValues([NaN, NaN, NaN]);
    expect(summary).toEqual({ mean: null, sd: null, ci95: null, n: 0 });
    expect(summariseValues([])).toEqual({ mean: null, sd: null, ci95: null });
  });

  it('has a zero-width CI when every value is the same', () => {
    const summary = summariseValues([3, 3, 3]);
    expect(summary.sd).toBe(0);
    expect(summary.ci95).toEqual([3, 3]);
  });
});
