import { describe, expect, it } from 'vitest';
import {
  logNormalSurvival,
  normalCdf,
  normalHazard,
  normalPdf,
  normalQuantile,
  normalSurvival,
} from '../../src/analytic/normal.js';

describe('normal density and CDF', () => {
  it('φ(0) = 1/√(2π) and φ(1) = 0.24197072451914337', () => {
    expect(normalPdf(0)).toBeCloseTo(1 / Math.sqrt(2 * Math.PI), 15);
    expect(normalPdf(1)).toBeCloseTo(0.24197072451914337, 15);
  });

  it('Φ matches reference values to 14 significant digits, tails included', () => {
    const table: [number, number][] = [
      [0, 0.5],
      [1, 0.8413447460685429],
      [-1.96, 0.024997895148220435],
      [-5, 2.866515718791939e-7],
      [-10, 7.619853024160527e-24],
    ];
    for (const [x, value] of table) expect(normalCdf(x) / value).toBeCloseTo(1, 13);
  });

  it('1 − Φ keeps its relative precision far in the upper tail', () => {
    expect(normalSurvival(10) / 7.619853024160527e-24).toBeCloseTo(1, 13);
    expect(normalCdf(3) + normalSurvival(3)).toBeCloseTo(1, 15);
    // ln(1 − Φ(40)) ≈ −x²/2 − ln(x√(2π)) − ln(1 + 1/x²) to O(1/x⁴).
    expect(logNormalSurvival(40)).toBeCloseTo(-800 - Math.log(40 * Math.sqrt(2 * Math.PI)) - Math.log1p(1 / 1600), 5);
  });

  it('the hazard h(x) = φ/(1 − Φ) is φ(0)/½ at 0 and ≈ x for large x', () => {
    expect(normalHazard(0)).toBeCloseTo(2 * normalPdf(0), 14);
    expect(normalHazard(50)).toBeCloseTo(50 + 1 / 50, 3);
    expect(normalHazard(-0.5)).toBeCloseTo(0.50916, 5);
  });
});

describe('normalQuantile (Acklam + one Halley step)', () => {
  it('matches reference quantiles', () => {
    expect(normalQuantile(0.975)).toBeCloseTo(1.959963984540054, 13);
    expect(normalQuantile(0.4)).toBeCloseTo(-0.2533471031357997, 14);
    expect(normalQuantile(0.5)).toBe(0);
    expect(normalQuantile(1e-10)).toBeCloseTo(-6.361340902404056, 12);
  });

  it('inverts Φ across the central region and both tails', () => {
    for (const p of [1e-300, 1e-12, 0.001, 0.02425, 0.1, 0.3, 0.5, 0.77, 0.975, 0.999, 1 - 1e-9]) {
      const x = normalQuantile(p);
      const back = p < 0.5 ? normalCdf(x) / p : normalSurvival(x) / (1 - p);
      expect(back).toBeCloseTo(1, p > 1 - 1e-6 ? 6 : 12);
    }
  });

  it('is antisymmetric and gives ±Infinity at the ends', () => {
    expect(normalQuantile(0.1)).toBeCloseTo(-normalQuantile(0.9), 13);
    expect(normalQuantile(0)).toBe(-Infinity);
    expect(normalQuantile(1)).toBe(Infinity);
    expect(() => normalQuantile(1.5)).toThrow(RangeError);
  });
});
