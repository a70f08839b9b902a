import { describe, expect, it } from 'vitest';
import {
  logGamma,
  logRegularizedGammaP,
  logRegularizedGammaQ,
  regularizedGammaP,
  regularizedGammaQ,
} from '../../src/analytic/gamma.js';

function poissonCdfBySum(k: number, mean: number): number {
  let term = Math.exp(-mean);
  let total = term;
  for (let j = 1; j <= k; j++) {
    term *= mean / j;
    total += term;
  }
  return total;
}

describe('logGamma', () => {
  it('gives ln of factorials, of Γ(1/2) = √π and of Γ(100)', () => {
    expect(logGamma(5)).toBeCloseTo(Math.log(24), 13);
    expect(logGamma(1)).toBeCloseTo(0, 14);
    expect(logGamma(0.5)).toBeCloseTo(0.5 * Math.log(Math.PI), 13);
    expect(logGamma(100)).toBeCloseTo(359.1342053695754, 10);
  });

  it('obeys Γ(x + 1) = x·Γ(x) for small and large x', () => {
    for (const x of [0.1, 0.7, 3.3, 250, 4999.5]) expect(logGamma(x + 1) - logGamma(x)).toBeCloseTo(Math.log(x), 9);
  });
});

describe('regularised incomplete gamma', () => {
  it('P(1, x) = 1 − e^(−x) (series and continued-fraction branches)', () => {
    for (const x of [0.01, 0.5, 1.9, 2.1, 10, 30]) expect(regularizedGammaP(1, x)).toBeCloseTo(-Math.expm1(-x), 14);
  });

  it('P(1/2, x) = erf(√x): erf(1) = 0.8427007929497149', () => {
    expect(regularizedGammaP(0.5, 1)).toBeCloseTo(0.8427007929497149, 14);
  });

  it('Q(n, x) is the Poisson(x) CDF at n − 1', () => {
    for (const [n, x] of [[1, 0.3], [5, 2], [20, 20], [19, 20], [60, 45], [30, 70]] as const) {
      expect(regularizedGammaQ(n, x) / poissonCdfBySum(n - 1, x)).toBeCloseTo(1, 12);
    }
  });

  it('P + Q = 1 on both sides of the branch point x = a + 1', () => {
    for (const [a, x] of [[3, 3.9], [3, 4.1], [200, 180], [200, 230], [5000, 5001], [5000, 5002]] as const) {
      expect(regularizedGammaP(a, x) + regularizedGammaQ(a, x)).toBeCloseTo(1, 13);
    }
  });

  it('follows the recurrence P(a + 1, x) = P(a, x) − x^a·e^(−x)/Γ(a + 1)', () => {
    for (const [a, x] of [[2.5, 1], [40, 38], [40, 55]] as const) {
      const step = Math.exp(a * Math.log(x) - x - logGamma(a + 1));
      expect(regularizedGammaP(a + 1, x)).toBeCloseTo(regularizedGammaP(a, x) - step, 13);
    }
  });

  it('stays finite in log form where P or Q underflows (a in the thousands)', () => {
    const a = 5000;
    const logP = logRegularizedGammaP(a, 2000);
    expect(regularizedGammaP(a, 2000)).toBe(0);
    expect(Number.isFinite(logP)).toBe(true);
    // ln P(a, x) ≈ −x + a ln x − ln Γ(a + 1) − ln(1 − x/(a + 1)) for x ≪ a.
    expect(logP).toBeCloseTo(-2000 + a * Math.log(2000) - logGamma(a + 1) - Math.log(1 - 2000 / (a + 1)), 3);
    const logQ = logRegularizedGammaQ(a, 9000);
    expect(Number.isFinite(logQ)).toBe(true);
    expect(logQ).toBeLessThan(-700);
  });

  it('is 0 and 1 at x = 0', () => {
    expect(regularizedGammaP(3, 0)).toBe(0);
    expect(regularizedGammaQ(3, 0)).toBe(1);
  });

  it('rejects a ≤ 0 and x < 0', () => {
    expect(() => regularizedGammaP(0, 1)).toThrow(RangeError);
    expect(() => regularizedGammaP(1, -1)).toThrow(RangeError);
  });
});
