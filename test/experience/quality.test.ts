import { describe, expect, it } from 'vitest';
import { defaultQualityParams, failureProbability, scoreAfterFailure, serviceTimeFactor } from '../../src/experience/quality.js';

const p = defaultQualityParams();

describe('service failures above the optimal utilisation (§6.6)', () => {
  it.each([
    [0, 0.02],
    [0.5, 0.02],
    [0.8, 0.02],
    [0.9, 0.07],
    [1, 0.12],
  ])('f(%d) = %d', (rho, f) => {
    expect(failureProbability(p, rho)).toBeCloseTo(f, 12);
  });

  it('an offered load far above 1 cannot push the probability past 1', () => {
    expect(failureProbability(p, 2)).toBeCloseTo(0.62, 12);
    expect(failureProbability(p, 5)).toBe(1);
  });

  it('servers rush: E[S] × (1 − 0.1·max(0, ρ − 0.8))', () => {
    expect(serviceTimeFactor(p, 0.7)).toBe(1);
    expect(serviceTimeFactor(p, 1)).toBeCloseTo(0.98, 12);
    expect(serviceTimeFactor(p, 20)).toBe(0);
  });

  it('a failure leaves the customer at 2 at best', () => {
    expect(scoreAfterFailure(p, 4.6)).toBe(2);
    expect(scoreAfterFailure(p, 1.5)).toBe(1.5);
  });
});
