import { describe, expect, it } from 'vitest';
import {
  defaultBalkingRules,
  discouragedJoinProbability,
  forecastWait,
  geometricJoinProbability,
  hardLimitJoinProbability,
  linearJoinProbability,
  logitJoinProbability,
  waitBasedJoinProbability,
  waitBasedJoinProbabilityExponential,
  whittInformedJoinProbability,
  whittUninformedJoinProbability,
} from '../../src/experience/balking.js';

const logit = defaultBalkingRules.logit;

describe('each form of b at a few line lengths (§3.2)', () => {
  it('hard limit K = 5 on the number in system: join below K only', () => {
    expect([0, 4, 5, 6].map((n) => hardLimitJoinProbability(n, 5))).toEqual([1, 1, 0, 0]);
  });

  it('discouraged arrivals: 1/(n + 1) in system', () => {
    expect([0, 1, 3, 9].map(discouragedJoinProbability)).toEqual([1, 0.5, 0.25, 0.1]);
  });

  it('linear, N_max = 10 in system: 1, 0.8, 0.5, 0, 0 at n = 0, 2, 5, 10, 12', () => {
    const b = [0, 2, 5, 10, 12].map((n) => linearJoinProbability(n, 10));
    [1, 0.8, 0.5, 0, 0].forEach((v, i) => expect(b[i]).toBeCloseTo(v, 12));
  });

  it('geometric, κ = 0.2 on the number waiting: e^0, e^−1, e^−2 at k = 0, 5, 10', () => {
    expect(geometricJoinProbability(0, 0.2)).toBe(1);
    expect(geometricJoinProbability(5, 0.2)).toBeCloseTo(Math.exp(-1), 12);
    expect(geometricJoinProbability(10, 0.2)).toBeCloseTo(Math.exp(-2), 12);
  });

  it('logit (a0 = 2, a1 = a2 = 0.15, k0 = 10) on the number waiting: 0.880797, 0.622459, 0.075858 at k = 0, 10, 20', () => {
    expect(logitJoinProbability(0, logit)).toBeCloseTo(0.880797, 6);
    expect(logitJoinProbability(10, logit)).toBeCloseTo(0.622459, 6);
    expect(logitJoinProbability(20, logit)).toBeCloseTo(0.075858, 6);
  });

  it('wait-based: P(τ > Ŵ_k), Ŵ_k = (k + 1)/(sμ)', () => {
    expect(forecastWait(3, 2, 0.5)).toBe(4);
    const survival = (t: number) => Math.exp(-t / 8);
    expect(waitBasedJoinProbability(3, 2, 0.5, survival)).toBeCloseTo(Math.exp(-0.5), 12);
    expect(waitBasedJoinProbabilityExponential(3, 2, 0.5, 8)).toBeCloseTo(Math.exp(-0.5), 12);
    expect(waitBasedJoinProbability(3, 2, 0.5, (t) => (t < 5 ? 1 : 0))).toBe(1); // deterministic patience 5
  });
});

describe('Whitt (1999) joining (§3.3)', () => {
  it('model 2: q_k = (sμ/(sμ + α))^(k+1); with s = 10, μ = 1, α = 0.5, β = 0.1 an arrival with none waiting joins w.p. 0.9·10/10.5', () => {
    expect(whittInformedJoinProbability(0, 10, 1, 0.5, 0.1)).toBeCloseTo((0.9 * 10) / 10.5, 12);
    expect(whittInformedJoinProbability(4, 10, 1, 0.5, 0.1)).toBeCloseTo(0.9 * (10 / 10.5) ** 5, 12);
  });

  it('model 1: 1 − β', () => {
    expect(whittUninformedJoinProbability(0.1)).toBe(0.9);
  });

  it('knowing the random wait beats knowing its mean: q_k ≥ e^(−α·Ŵ_k)', () => {
    for (let k = 0; k < 30; k++) {
      expect(whittInformedJoinProbability(k, 10, 1, 0.5, 0)).toBeGreaterThanOrEqual(waitBasedJoinProbabilityExponential(k, 10, 1, 2));
    }
  });
});

describe('every form is a probability, non-increasing in what the customer sees', () => {
  const forms: [string, (count: number) => number][] = [
    ['hard limit', (n) => hardLimitJoinProbability(n, 6)],
    ['discouraged', (n) => discouragedJoinProbability(n)],
    ['linear', (n) => linearJoinProbability(n, defaultBalkingRules.linear.maxInSystem)],
    ['geometric', (k) => geometricJoinProbability(k, defaultBalkingRules.geometric.rate)],
    ['logit', (k) => logitJoinProbability(k, logit)],
    ['wait-based', (k) => waitBasedJoinProbability(k, 3, 1, (t) => Math.exp(-t / 4))],
    ['Whitt model 2', (k) => whittInformedJoinProbability(k, 3, 1, 0.5, 0.1)],
  ];

  it.each(forms)('%s', (_, b) => {
    let last = Infinity;
    for (let count = 0; count <= 40; count++) {
      const p = b(count);
      expect(p).toBeGreaterThanOrEqual(0);
      expect(p).toBeLessThanOrEqual(1);
      expect(p).toBeLessThanOrEqual(last);
      last = p;
    }
  });
});
