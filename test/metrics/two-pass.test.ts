import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { TwoPassMoments } from '../../src/metrics/two-pass.js';
import { studentTQuantile } from '../../src/metrics/student-t.js';

/** The textbook two-pass computation, written out as the published results were computed. */
function reference(values: number[]): { mean: number; sd: number; half: number } {
  const defined = values.filter((v) => Number.isFinite(v));
  const n = defined.length;
  const mean = defined.reduce((a, b) => a + b, 0) / n;
  const sd = Math.sqrt(defined.reduce((a, v) => a + (v - mean) ** 2, 0) / (n - 1));
  return { mean, sd, half: studentTQuantile(0.975, n - 1) * (sd / Math.sqrt(n)) };
}

describe('TwoPassMoments', () => {
  it('gives bit for bit the mean, sd and CI of a sequential sum from 0 and a second pass of squared deviations', () => {
    const value = fc.oneof(fc.double({ min: -1e6, max: 1e6, noNaN: true }), fc.constant(NaN), fc.constant(Infinity));
    fc.assert(
      fc.property(fc.array(fc.array(value, { minLength: 3, maxLength: 3 }), { minLength: 2, maxLength: 40 }), (rows) => {
        const moments = new TwoPassMoments(3);
        for (const row of rows) moments.add(row);
        for (const row of rows) moments.addDeviations(row);
        for (let c = 0; c < 3; c++) {
          const column = rows.map((r) => r[c]!);
          const n = column.filter((v) => Number.isFinite(v)).length;
          const summary = moments.summary(c, rows.length);
          if (n < 2) continue;
          const { mean, sd, half } = reference(column);
          expect(summary.mean).toBe(mean);
          expect(summary.sd).toBe(sd);
          expect(summary.ci95).toEqual([mean - half, mean + half]);
          expect(summary.n).toBe(n < rows.length ? n : undefined);
        }
      }),
    );
  });

  it('leaves non-finite values out and says how many replications had a value', () => {
    const moments = new TwoPassMoments(1);
    for (const v of [1, NaN, 3, Infinity]) moments.add([v]);
    for (const v of [1, NaN, 3, Infinity]) moments.addDeviations([v]);
    expect(moments.summary(0, 4)).toMatchObject({ mean: 2, n: 2 });
  });

  it('refuses first-pass values once the second pass has begun', () => {
    const moments = new TwoPassMoments(1);
    moments.add([1]);
    moments.addDeviations([1]);
    expect(() => moments.add([2])).toThrow(/second pass/);
  });
});
