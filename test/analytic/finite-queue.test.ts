import { describe, expect, it } from 'vitest';
import { erlangB } from '../../src/analytic/erlang.js';
import { mmcK } from '../../src/analytic/finite-queue.js';
import { birthDeathStationary } from './birth-death.js';

describe('M/M/c/K (models.md §6.2)', () => {
  it('M/M/1/K with K = 5, ρ = 0.9: P(block) = 0.126023, Wq = 1.790286, Lq = 1.408203', () => {
    const result = mmcK(1, 5, 0.9, 1);
    expect(result.pBlock).toBeCloseTo(0.126023, 6);
    expect(result.waitMean).toBeCloseTo(1.790286, 6);
    expect(result.queueMean).toBeCloseTo(1.408203, 6);
  });

  it('M/M/1/K blocking is ρ^K (1 − ρ)/(1 − ρ^(K+1))', () => {
    const rho = 0.9;
    expect(mmcK(1, 5, rho, 1).pBlock).toBeCloseTo((rho ** 5 * (1 - rho)) / (1 - rho ** 6), 14);
  });

  it('with no waiting room (K = c) it is Erlang B', () => {
    expect(mmcK(12, 12, 12, 1).pBlock).toBeCloseTo(erlangB(12, 12), 14);
    expect(mmcK(12, 12, 12, 1).queueMean).toBe(0);
  });

  it('agrees with the birth–death solution for c = 4, K = 9, λ = 5, μ = 1', () => {
    const p = birthDeathStationary(() => 5, (n) => Math.min(n, 4), 9);
    const result = mmcK(4, 9, 5, 1);
    const lq = p.reduce((sum, pn, n) => sum + Math.max(0, n - 4) * pn, 0);
    expect(result.pBlock).toBeCloseTo(p[9]!, 13);
    expect(result.queueMean).toBeCloseTo(lq, 13);
    expect(result.pWait).toBeCloseTo(p.slice(4, 9).reduce((a, b) => a + b, 0), 13);
    expect(result.systemMean).toBeCloseTo(p.reduce((sum, pn, n) => sum + n * pn, 0), 13);
    expect(result.waitMean).toBeCloseTo(lq / (5 * (1 - p[9]!)), 13);
  });

  it('Little’s law: L = λ_eff·(Wq + 1/μ), and utilisation = λ_eff/(cμ)', () => {
    const result = mmcK(3, 8, 4, 1.2);
    expect(result.systemMean).toBeCloseTo(result.admittedRate * (result.waitMean + 1 / 1.2), 12);
    expect(result.utilisation).toBeCloseTo(result.admittedRate / 3.6, 14);
  });

  it('handles thousands of places without overflow', () => {
    const result = mmcK(500, 3000, 600, 1);
    expect(result.pBlock).toBeGreaterThan(0.16);
    expect(result.pBlock).toBeLessThan(0.17); // ≈ 1 − cμ/λ when heavily overloaded
    expect(Number.isFinite(result.waitMean)).toBe(true);
  });

  it('rejects a capacity below the number of servers', () => {
    expect(() => mmcK(3, 2, 1, 1)).toThrow(RangeError);
  });
});
