import { describe, expect, it } from 'vitest';
import { averageRates, integrateRate } from '../../src/analytic/piecewise-rate.js';

describe('piecewise-constant rates', () => {
  const rates = [30, 45, 60];

  it('integrates across period boundaries', () => {
    expect(integrateRate(rates, 1, 0.5, 2.25, 0)).toBeCloseTo(0.5 * 30 + 45 + 0.25 * 60, 12);
  });

  it('averages each period moved back by a lag: λ_i − (λ_i − λ_{i−1})·lag/L', () => {
    const lagged = averageRates(rates, 1, -0.25);
    expect(lagged[0]).toBeCloseTo(30, 12); // before the start: the first rate
    expect(lagged[1]).toBeCloseTo(45 - 15 * 0.25, 12);
    expect(lagged[2]).toBeCloseTo(60 - 15 * 0.25, 12);
  });

  it('before the start uses the given rate, or wraps round a cyclic day', () => {
    expect(averageRates(rates, 1, -0.5, 0)[0]).toBeCloseTo(15, 12);
    expect(averageRates(rates, 1, -0.5, 'cyclic')[0]).toBeCloseTo(45, 12);
  });

  it('handles lags longer than a period and the rate after the end', () => {
    expect(averageRates(rates, 1, -1.5, 'cyclic')[0]).toBeCloseTo((45 + 60) / 2, 12);
    expect(averageRates(rates, 1, 0.5)[2]).toBeCloseTo(60, 12);
  });
});
