import { describe, expect, it } from 'vitest';
import { dampedFixedPoint } from '../../src/analytic/fixed-point.js';

describe('dampedFixedPoint: x ← (1 − d)·x + d·f(x)', () => {
  it('finds x = cos x (0.7390851332)', () => {
    const result = dampedFixedPoint((x) => [Math.cos(x[0]!)], [1], { tolerance: 1e-13 });
    expect(result.converged).toBe(true);
    expect(result.value[0]).toBeCloseTo(0.7390851332151607, 11);
    expect(result.change).toBeLessThan(1e-13);
  });

  it('damping tames a map the plain iteration diverges on (slope −1.5)', () => {
    const f = (x: readonly number[]) => [2 - 1.5 * x[0]!];
    expect(dampedFixedPoint(f, [0], { damping: 1, maxIterations: 50 }).converged).toBe(false);
    const damped = dampedFixedPoint(f, [0], { damping: 0.5 });
    expect(damped.converged).toBe(true);
    expect(damped.value[0]).toBeCloseTo(0.8, 9);
  });

  it('works on vectors and reports the iterations used', () => {
    const result = dampedFixedPoint((x) => [0.5 * x[1]! + 1, 0.5 * x[0]!], [0, 0], { damping: 1, tolerance: 1e-12 });
    expect(result.value[0]).toBeCloseTo(4 / 3, 11);
    expect(result.value[1]).toBeCloseTo(2 / 3, 11);
    expect(result.iterations).toBeGreaterThan(10);
  });

  it('stops at maxIterations and says it did not converge', () => {
    const result = dampedFixedPoint((x) => [x[0]! + 1], [0], { maxIterations: 7 });
    expect(result).toMatchObject({ iterations: 7, converged: false });
    expect(result.change).toBeCloseTo(0.5, 14);
  });
});
