import { describe, expect, it } from 'vitest';
import { pairedDifference, welchInterval } from '../../src/metrics/paired.js';
import { studentTQuantile } from '../../src/metrics/student-t.js';

describe('paired differences', () => {
  it('summarise b − a replication by replication, with the Student-t CI of the differences', () => {
    const a = [10, 12, 14, 16];
    const b = [11, 12.5, 15.5, 17]; // differences 1, 0.5, 1.5, 1: mean 1, sd √(1/6)
    const d = pairedDifference(a, b);
    const half = studentTQuantile(0.975, 3) * Math.sqrt(1 / 6) / 2;
    expect(d.mean).toBeCloseTo(1, 12);
    expect(d.ci95![0]).toBeCloseTo(1 - half, 12);
    expect(d.ci95![1]).toBeCloseTo(1 + half, 12);
    expect(d.differs).toBe(true);
  });

  it('are much narrower than the unpaired interval when both share the replication-to-replication noise', () => {
    const a = [10, 12, 14, 16];
    const b = [11, 12.5, 15.5, 17];
    const d = pairedDifference(a, b);
    const paired = d.ci95![1] - d.ci95![0];
    const unpaired = d.ci95Unpaired![1] - d.ci95Unpaired![0];
    expect(paired).toBeLessThan(unpaired / 3);
    expect(unpaired).toBeGreaterThan(0);
  });

  it('are exactly zero, and differ from nothing, for identical samples', () => {
    const d = pairedDifference([1, 2, 3], [1, 2, 3]);
    expect(d).toMatchObject({ mean: 0, ci95: [0, 0], sd: 0, differs: false });
  });

  it('count values that differ only by floating-point rounding as equal: no difference is marked', () => {
    // The same quantity summed in another order (0.1 + 0.2 against 0.3) in every replication.
    const a = [0.1 + 0.2, 1.1 + 2.2, 4.35 * 100];
    const b = [0.3, 3.3, 435];
    expect(a.map((x, r) => x - b[r]!).every((x) => x !== 0)).toBe(true);
    expect(pairedDifference(a, b)).toMatchObject({ mean: 0, ci95: [0, 0], differs: false });
    // A real difference, however small against the values, is kept.
    expect(pairedDifference([1000, 1000, 1000], [1000.001, 1000.002, 1000.0015]).differs).toBe(true);
  });

  it('leave out replications where either side is undefined, and say how many remain', () => {
    const d = pairedDifference([1, NaN, 3, 4], [2, 5, NaN, 6]);
    expect(d.n).toBe(2);
    expect(d.mean).toBe(1.5);
  });

  it('Welch: equal variances and sizes give the pooled-t interval with 2n − 2 degrees of freedom', () => {
    const a = [1, 2, 3, 4];
    const b = [3, 4, 5, 6];
    const half = studentTQuantile(0.975, 6) * Math.sqrt((5 / 3) / 4 * 2);
    const [lo, hi] = welchInterval(a, b)!;
    expect(lo).toBeCloseTo(2 - half, 10);
    expect(hi).toBeCloseTo(2 + half, 10);
  });

  it('refuse samples of different replications', () => {
    expect(() => pairedDifference([1, 2], [1])).toThrow(/same replications/);
  });

  it('Welch: unequal sizes and variances give the Welch–Satterthwaite interval (scipy.stats.ttest_ind, equal_var=False)', () => {
    // scipy 1.17: ttest_ind([2,4,6,8,10], [1,2,3], equal_var=False).confidence_interval(0.95),
    // df = 5.157894736842106.
    const [lo, hi] = welchInterval([1, 2, 3], [2, 4, 6, 8, 10])!;
    expect(lo).toBeCloseTo(0.1092517213558919, 9);
    expect(hi).toBeCloseTo(7.890748278644108, 9);
    // A replication where the metric is undefined is no observation: n counts only the others.
    expect(welchInterval([1, 2, 3, 4, NaN], [3, 4, 5, 6, NaN])).toEqual(welchInterval([1, 2, 3, 4], [3, 4, 5, 6]));
  });

  it('judge rounding relative to the values: large values one rounding apart are equal too', () => {
    const a = [(0.1 + 0.2) * 1e6, (1.1 + 2.2) * 1e6, 4.35 * 1e8];
    const b = [0.3e6, 3.3e6, 435e6];
    expect(a.map((x, r) => Math.abs(x - b[r]!)).every((x) => x > 1e-12)).toBe(true); // far above any absolute tolerance
    expect(pairedDifference(a, b)).toMatchObject({ mean: 0, differs: false });
  });
});
