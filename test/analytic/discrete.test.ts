import { describe, expect, it } from 'vitest';
import { binomialCdf, binomialPmf, binomialTail, poissonPmf, poissonTail } from '../../src/analytic/discrete.js';

describe('binomial distribution', () => {
  it('matches C(n, k) p^k (1 − p)^(n − k) for small n', () => {
    expect(binomialPmf(2, 5, 0.3)).toBeCloseTo(10 * 0.09 * 0.343, 14);
    expect(binomialPmf(17, 17, 0.96)).toBeCloseTo(0.96 ** 17, 14);
  });

  it('sums to 1, and cdf + tail = 1', () => {
    let total = 0;
    for (let k = 0; k <= 40; k++) total += binomialPmf(k, 40, 0.85);
    expect(total).toBeCloseTo(1, 13);
    expect(binomialCdf(15, 22, 0.85) + binomialTail(16, 22, 0.85)).toBeCloseTo(1, 13);
  });

  it('is exact at p = 0 and p = 1 and outside the support', () => {
    expect(binomialPmf(0, 10, 0)).toBe(1);
    expect(binomialPmf(10, 10, 1)).toBe(1);
    expect(binomialPmf(3, 10, 1)).toBe(0);
    expect(binomialPmf(11, 10, 0.5)).toBe(0);
    expect(binomialTail(0, 10, 0.5)).toBe(1);
  });

  it('keeps small tails for thousands of trials (log space)', () => {
    const tail = binomialTail(1990, 2000, 0.98);
    expect(tail).toBeGreaterThan(0);
    expect(tail).toBeLessThan(1e-4);
    expect(binomialPmf(1000, 2000, 0.5)).toBeCloseTo(0.017839, 6);
  });
});

describe('Poisson distribution', () => {
  it('P(D ≥ 19) = 0.6186 and P(D ≥ 20) = 0.5297 for mean 20 (V13)', () => {
    expect(poissonTail(19, 20)).toBeCloseTo(0.6186, 4);
    expect(poissonTail(20, 20)).toBeCloseTo(0.5297, 4);
  });

  it('the tail equals 1 minus the summed pmf', () => {
    let below = 0;
    for (let k = 0; k < 25; k++) below += poissonPmf(k, 20);
    expect(poissonTail(25, 20)).toBeCloseTo(1 - below, 13);
    expect(poissonTail(0, 20)).toBe(1);
  });
});
