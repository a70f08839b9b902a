import { describe, expect, it } from 'vitest';
import {
  piecewiseOfferedLoad,
  sinusoidalLoadShape,
  sinusoidalOfferedLoad,
  type SinusoidalRate,
} from '../../src/analytic/offered-load.js';

// V16: λ(t) = 100(1 + 0.5 sin(2πt/24)) per hour, E[S] = 0.5 h.
const rate: SinusoidalRate = { mean: 100, relativeAmplitude: 0.5, angularFrequency: (2 * Math.PI) / 24 };
const mu = 2;

describe('infinite-server offered load, sinusoid (models.md §6.4, V16)', () => {
  it('m(0) = 46.7826, m(6) = 74.5788, m(12) = 53.2174 (PSA would give 50, 75, 50)', () => {
    expect(sinusoidalOfferedLoad(rate, mu, 0)).toBeCloseTo(46.7826, 4);
    expect(sinusoidalOfferedLoad(rate, mu, 6)).toBeCloseTo(74.5788, 4);
    expect(sinusoidalOfferedLoad(rate, mu, 12)).toBeCloseTo(53.2174, 4);
  });

  it('m(t) = 50 + 24.7885·sin(ωt − φ), its peak 0.4972 h after λ’s peak', () => {
    const shape = sinusoidalLoadShape(rate, mu);
    expect(shape.mean).toBe(50);
    expect(shape.amplitude).toBeCloseTo(24.7885, 4);
    // models.md prints φ = 0.1304, but φ = atan(ω/μ) = 0.1302 is what its own m(0) = 46.7826
    // (sin φ = 3.2174/24.7885) and peak lag 0.4972 h (φ/ω) imply.
    expect(shape.phaseLag).toBeCloseTo(0.1302, 4);
    expect(Math.asin((50 - 46.7826) / 24.7885)).toBeCloseTo(0.1302, 4);
    expect(shape.peakLag).toBeCloseTo(0.4972, 4);
    for (const t of [1, 7.3, 19]) {
      const written = shape.mean + shape.amplitude * Math.sin(rate.angularFrequency * t - shape.phaseLag);
      expect(sinusoidalOfferedLoad(rate, mu, t)).toBeCloseTo(written, 10);
    }
  });
});

describe('infinite-server offered load, piecewise-constant λ: exact solution of dm/dt = λ − μm', () => {
  it('stays at λ/μ when λ is constant and starts there', () => {
    const load = piecewiseOfferedLoad([12, 12, 12], 1, 3);
    load.atBoundaries.forEach((m) => expect(m).toBeCloseTo(4, 14));
    load.periodMeans.forEach((m) => expect(m).toBeCloseTo(4, 14));
  });

  it('rises as (λ/μ)(1 − e^(−μt)) from empty, with the exact period average', () => {
    const load = piecewiseOfferedLoad([10, 10], 0.5, 2, 0);
    expect(load.atBoundaries[1]).toBeCloseTo(5 * (1 - Math.exp(-1)), 14);
    expect(load.atBoundaries[2]).toBeCloseTo(5 * (1 - Math.exp(-2)), 14);
    // (1/L)∫_0^L 5(1 − e^(−2t)) dt = 5 − 5(1 − e^(−1))/(2·0.5)
    expect(load.periodMeans[0]).toBeCloseTo(5 - 5 * (1 - Math.exp(-1)), 14);
  });

  it("a 'periodic' start returns to itself after the day", () => {
    const load = piecewiseOfferedLoad([30, 45, 60, 90, 120, 90, 60, 45], 1, 1.5, 'periodic');
    expect(load.atBoundaries[8]).toBeCloseTo(load.atBoundaries[0]!, 12);
  });

  it('on a fine grid of the sinusoid’s period averages it reproduces V16 to 1e-3', () => {
    const step = 0.01;
    const omega = rate.angularFrequency;
    const rates = Array.from({ length: 2400 }, (_, i) => {
      const a = i * step;
      return 100 * (1 + (0.5 * (Math.cos(omega * a) - Math.cos(omega * (a + step)))) / (omega * step));
    });
    const load = piecewiseOfferedLoad(rates, step, mu, 'periodic');
    expect(Math.abs(load.atBoundaries[0]! - 46.7826)).toBeLessThan(1e-3);
    expect(Math.abs(load.atBoundaries[600]! - 74.5788)).toBeLessThan(1e-3);
    expect(Math.abs(load.atBoundaries[1200]! - 53.2174)).toBeLessThan(1e-3);
  });
});
