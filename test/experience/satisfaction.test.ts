import { describe, expect, it } from 'vitest';
import {
  adequateForValue,
  adequateWhenUncomfortable,
  defaultSatisfactionParams,
  fairnessPenalty,
  quoteDisconfirmation,
  satisfactionScore,
  smoothZoneScore,
  toleranceFactor,
  waitZone,
  WaitZone,
  withinDesired,
  withinTolerance,
  zoneScore,
} from '../../src/experience/satisfaction.js';
import { normalQuantile } from '../../src/random/normal-quantile.js';

const params = defaultSatisfactionParams();

describe('the zone-of-tolerance score (§2.3)', () => {
  it.each([
    [2, 5],
    [3, 5],
    [4.5, 4],
    [6, 3],
    [6.5, 2.25],
    [7, 1.5],
    [8, 1],
    [30, 1],
  ])('V21 coffee (D = 3, A = 6, λ_loss = 2.25): S(%d) = %d', (perceived, score) => {
    expect(zoneScore(perceived, 3, 6, 2.25)).toBe(score);
  });

  it('loses 2.25 times faster per minute below adequate than inside the zone', () => {
    const inside = zoneScore(5, 3, 6, 2.25) - zoneScore(5.5, 3, 6, 2.25);
    const below = zoneScore(6.5, 3, 6, 2.25) - zoneScore(7, 3, 6, 2.25);
    expect(below / inside).toBeCloseTo(2.25, 12);
  });

  it('with A = D the zone is empty: 5 up to D, then 1', () => {
    expect(zoneScore(3, 3, 3, 2.25)).toBe(5);
    expect(zoneScore(3.01, 3, 3, 2.25)).toBe(1);
  });

  it('the smooth alternative is 3 mid-zone, decreasing, inside (1, 5)', () => {
    expect(smoothZoneScore(4.5, 3, 6)).toBeCloseTo(3, 12);
    const scores = [0, 2, 4, 6, 8, 12].map((w) => smoothZoneScore(w, 3, 6));
    scores.slice(1).forEach((s, i) => expect(s).toBeLessThan(scores[i]!));
    expect(Math.min(...scores)).toBeGreaterThan(1);
    expect(Math.max(...scores)).toBeLessThan(5);
  });
});

describe('where a wait falls', () => {
  it.each([
    [2.9, WaitZone.desired],
    [3, WaitZone.desired],
    [3.001, WaitZone.tolerance],
    [6, WaitZone.tolerance],
    [6.001, WaitZone.belowAdequate],
  ])('coffee, W_p = %d: zone %i', (perceived, zone) => {
    expect(waitZone(perceived, 3, 6)).toBe(zone);
  });

  it('within tolerance counts the desired too; the boundaries are those of the score', () => {
    expect(withinDesired(3, 3)).toBe(true);
    expect(withinDesired(3.001, 3)).toBe(false);
    expect(withinTolerance(2, 6)).toBe(true);
    expect(withinTolerance(6, 6)).toBe(true);
    expect(withinTolerance(6.001, 6)).toBe(false);
    expect(zoneScore(6, 3, 6, 2.25)).toBe(3); // last tolerable wait scores 3
  });
});

describe('the quote term (Maister: S = P − E)', () => {
  it('told 30, waited 25: a bonus; waited 35: a larger penalty for the same 5 minutes', () => {
    const lucky = quoteDisconfirmation(25, 30, 0.5, 1.125);
    const cheated = quoteDisconfirmation(35, 30, 0.5, 1.125);
    expect(lucky).toBeCloseTo((0.5 * 5) / 30, 12);
    expect(cheated).toBeCloseTo((-1.125 * 5) / 30, 12);
    expect(-cheated / lucky).toBeCloseTo(2.25, 12);
  });

  it('is 0 when the quote is met exactly and saturates at +γ⁺ and −γ⁻', () => {
    expect(quoteDisconfirmation(10, 10, 0.5, 1.125)).toBe(0);
    expect(quoteDisconfirmation(0, 10, 0.5, 1.125)).toBe(0.5);
    expect(quoteDisconfirmation(20, 10, 0.5, 1.125)).toBe(-1.125);
    expect(quoteDisconfirmation(90, 10, 0.5, 1.125)).toBe(-1.125);
  });

  it('a quote of 0 is missed by any wait', () => {
    expect(quoteDisconfirmation(0.1, 0, 0.5, 1.125)).toBe(-1.125);
    expect(quoteDisconfirmation(0, 0, 0.5, 1.125)).toBe(0);
  });
});

describe('fairness and the final score', () => {
  it.each([
    [0, 0],
    [1, 0.25],
    [3, 0.75],
    [4, 1],
    [10, 1],
  ])('%i slips cost %d points (0.25 each, at most 1)', (slips, penalty) => {
    expect(fairnessPenalty(slips, 0.25, 1)).toBe(penalty);
  });

  it('adds the terms and clamps once to [1, 5]', () => {
    expect(satisfactionScore(params, 4.5, 3, 6, 2)).toBe(3.5);
    expect(satisfactionScore(params, 4.5, 3, 6, 0, 9)).toBeCloseTo(4 + 0.25, 12);
    expect(satisfactionScore(params, 2, 3, 6, 0, 10)).toBe(5); // delighted and early: still 5
    expect(satisfactionScore(params, 7, 3, 6, 10, 3)).toBe(1); // angry, late, overtaken: still 1
  });

  it('a beaten quote can lift a low score, and the clamp does not depend on order', () => {
    // 1.5 − 1 + 0.25 = 0.75, clamped once to 1; clamping right after the penalty would give 1.25.
    expect(satisfactionScore(params, 7, 3, 6, 4, 14)).toBeCloseTo(1, 12);
    expect(satisfactionScore(params, 7, 3, 6, 0, 14)).toBeCloseTo(1.5 + 0.5 * 0.5, 12);
  });
});

describe('individual tolerance (§2.2, lognormal, CV 0.3)', () => {
  // Quantiles of z on a fine grid stand in for the law of z.
  const grid = Array.from({ length: 200_000 }, (_, i) => normalQuantile((i + 0.5) / 200_000));
  const factors = grid.map((z) => toleranceFactor(z, 0.3));

  it('the factor has mean 1 and CV 0.3, so D_i and A_i have means D and A', () => {
    const mean = factors.reduce((a, b) => a + b, 0) / factors.length;
    const variance = factors.reduce((a, f) => a + (f - mean) ** 2, 0) / factors.length;
    expect(mean).toBeCloseTo(1, 3);
    expect(Math.sqrt(variance) / mean).toBeCloseTo(0.3, 2);
  });

  it('its median is e^(−σ²/2) with σ² = ln(1.09)', () => {
    expect(toleranceFactor(0, 0.3)).toBeCloseTo(Math.exp(-Math.log(1.09) / 2), 12);
  });

  it('keeps A_i > D_i for every customer, from the patient to the impatient', () => {
    for (const z of [-6, -2, 0, 2, 6]) {
      const f = toleranceFactor(z, 0.3);
      expect(5 * f).toBeGreaterThan(3 * f);
    }
  });
});

describe('modifiers of the adequate wait (§1.3)', () => {
  it('value: A′ = A(1 + v)', () => {
    expect(adequateForValue(6, 3, 0)).toBe(6);
    expect(adequateForValue(6, 3, 0.5)).toBe(9);
  });

  it('discomfort: A′ = 0.8·A, never below D', () => {
    expect(adequateWhenUncomfortable(6, 3, 0.8)).toBeCloseTo(4.8, 12);
    expect(adequateWhenUncomfortable(3.5, 3, 0.8)).toBe(3);
  });
});
