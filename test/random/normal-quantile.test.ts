import { describe, expect, it } from 'vitest';
import { normalQuantile } from '../../src/random/normal-quantile.js';

// Reference values: Python's statistics.NormalDist().inv_cdf (Wichura AS241, ~1e-16).
describe('the standard normal quantile Φ⁻¹(u)', () => {
  it.each([
    [0.5, 0],
    [0.975, 1.9599639845400536],
    [0.8413447460685429, 1],
    [0.001, -3.090232306167813],
    [0.02425, -1.9729610513118845], // the break between the central and the tail formulas
    [1e-10, -6.361340902404056],
    [1 - 1e-6, 4.753424308817089],
  ])('Φ⁻¹(%d) = %d', (u, z) => {
    expect(Math.abs(normalQuantile(u) - z)).toBeLessThan(1e-8 * Math.max(1, Math.abs(z)));
  });

  it('is symmetric and increasing', () => {
    for (const u of [0.001, 0.01, 0.1, 0.3]) expect(normalQuantile(1 - u)).toBeCloseTo(-normalQuantile(u), 12);
    let last = -Infinity;
    for (let i = 1; i < 1000; i++) {
      const z = normalQuantile(i / 1000);
      expect(z).toBeGreaterThan(last);
      last = z;
    }
  });

  it('0 and 1 map to −∞ and +∞; outside [0, 1] is a bug', () => {
    expect(normalQuantile(0)).toBe(-Infinity);
    expect(normalQuantile(1)).toBe(Infinity);
    expect(() => normalQuantile(1.5)).toThrow(RangeError);
  });
});
