import { describe, expect, it } from 'vitest';
import { emsrB, littlewoodDiscrete, littlewoodNormal, littlewoodPoisson } from '../../src/reservations/allocation.js';

describe('Littlewood two-class rule, p₁ = 100, p₂ = 60 (models.md §4.3, V13)', () => {
  it('D₁ ~ N(20, 5²) protects y₁ = 18.7333', () => {
    expect(littlewoodNormal(100, 60, 20, 5)).toBeCloseTo(18.7333, 4);
  });

  it('D₁ ~ Poisson(20) protects y₁ = 19 (P(D₁ ≥ 19) = 0.6186 ≥ 0.6 > P(D₁ ≥ 20) = 0.5297)', () => {
    expect(littlewoodPoisson(100, 60, 20)).toBe(19);
  });

  it('with equal fares protects only the demand that is certain', () => {
    expect(littlewoodDiscrete(100, 100, (y) => (y <= 7 ? 1 : 0.5))).toBe(7);
  });

  it('rejects a low fare above the high fare', () => {
    expect(() => littlewoodNormal(60, 100, 20, 5)).toThrow(RangeError);
  });
});

describe('EMSR-b, Talluri & van Ryzin example (models.md §4.3, V14)', () => {
  const classes = [
    { price: 1050, demandMean: 17.3, demandSd: 5.8 },
    { price: 567, demandMean: 45.1, demandSd: 15.0 },
    { price: 534, demandMean: 39.6, demandSd: 13.2 },
    { price: 520, demandMean: 34.0, demandSd: 11.3 },
  ];
  const result = emsrB(classes, 100);

  it('protection levels y = 16.7175, 50.9442, 83.1548', () => {
    expect(result.protectionLevels).toHaveLength(3);
    [16.7175, 50.9442, 83.1548].forEach((y, j) => expect(result.protectionLevels[j]).toBeCloseTo(y, 4));
  });

  it('booking limits (100, 83.28, 49.06, 16.85) for C = 100', () => {
    [100, 83.28, 49.06, 16.85].forEach((b, j) => expect(result.bookingLimits[j]).toBeCloseTo(b, 2));
  });

  it('with two classes it is Littlewood with normal demand', () => {
    const two = emsrB(classes.slice(0, 2), 100);
    expect(two.protectionLevels[0]).toBeCloseTo(littlewoodNormal(1050, 567, 17.3, 5.8), 12);
  });

  it('a booking limit never goes below 0 when capacity is small', () => {
    expect(emsrB(classes, 40).bookingLimits[3]).toBe(0);
  });

  it('needs classes in descending price order', () => {
    expect(() => emsrB([...classes].reverse(), 100)).toThrow(RangeError);
  });
});
