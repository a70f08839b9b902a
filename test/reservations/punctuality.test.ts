/** Punctuality offsets are drawn by inversion: one uniform number, one offset. */
import { describe, expect, it } from 'vitest';
import { punctualityQuantile } from '../../src/reservations/punctuality.js';

describe('punctualityQuantile', () => {
  it('a number is everyone’s offset', () => {
    const offset = punctualityQuantile(-5);
    expect([0, 0.5, 0.99].map(offset)).toEqual([-5, -5, -5]);
  });

  it('normal: the median is the mean, and u = 0 stays finite', () => {
    const offset = punctualityQuantile({ dist: 'normal', mean: 3, sd: 6 });
    expect(offset(0.5)).toBeCloseTo(3, 9);
    expect(offset(0.975)).toBeCloseTo(3 + 6 * 1.959964, 5);
    expect(Number.isFinite(offset(0))).toBe(true);
  });

  it('uniform: min + (max − min)·u', () => {
    const offset = punctualityQuantile({ dist: 'uniform', min: -10, max: 20 });
    expect([0, 0.5, 0.9].map(offset)).toEqual([-10, 5, 17]);
  });

  it('empirical: each value with its weight', () => {
    const offset = punctualityQuantile({ dist: 'empirical', values: [-10, 0, 15], weights: [1, 2, 1] });
    expect([0, 0.24, 0.25, 0.74, 0.75, 0.999].map(offset)).toEqual([-10, -10, 0, 0, 15, 15]);
  });
});
