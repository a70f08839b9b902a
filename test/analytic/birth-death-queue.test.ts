import { describe, expect, it } from 'vitest';
import { mmcKPatience } from '../../src/analytic/birth-death-queue.js';
import { erlangA } from '../../src/analytic/erlang-a.js';
import { erlangB, erlangC, mmcQueueMean, mmcWaitMean } from '../../src/analytic/erlang.js';
import { mmcK } from '../../src/analytic/finite-queue.js';

describe('M/M/c/K+M by its birth–death law', () => {
  it('without places or patience is Erlang B (V2: B(10, 10) = 0.214582, B(5, 3) = 0.110054)', () => {
    expect(mmcKPatience(10, 0, 10, 1, 0).pBlock).toBeCloseTo(0.214582, 6);
    expect(mmcKPatience(5, 0, 3, 1, 0).pBlock).toBeCloseTo(0.110054, 6);
    expect(mmcKPatience(12, 0, 12, 1, 0).pBlock).toBeCloseTo(erlangB(12, 12), 12);
  });

  it('with an unlimited line and no patience is Erlang C (V3: C(5, 3) = 0.236152)', () => {
    const q = mmcKPatience(5, Infinity, 3, 1, 0);
    expect(q.pWait).toBeCloseTo(0.236152, 6);
    expect(q.pWait).toBeCloseTo(erlangC(5, 3), 12);
    expect(q.queueMean).toBeCloseTo(mmcQueueMean(5, 3, 1), 10);
    expect(q.servedWaitMean).toBeCloseTo(mmcWaitMean(5, 3, 1), 10);
    expect(q.utilisation).toBeCloseTo(0.6, 12);
  });

  it('with a finite line is M/M/c/K', () => {
    const q = mmcKPatience(3, 4, 2.7, 1, 0);
    const exact = mmcK(3, 7, 2.7, 1);
    expect(q.pBlock).toBeCloseTo(exact.pBlock, 12);
    expect(q.queueMean).toBeCloseTo(exact.queueMean, 12);
    expect(q.servedWaitMean).toBeCloseTo(exact.waitMean, 12);
    expect(q.utilisation).toBeCloseTo(exact.utilisation, 12);
  });

  it('with patience and an unlimited line is Erlang-A, even overloaded', () => {
    for (const [lambda, c, theta] of [[9, 10, 0.5], [12, 10, 0.2], [100, 100, 0.5]] as const) {
      const q = mmcKPatience(c, Infinity, lambda, 1, theta);
      const exact = erlangA(lambda, 1, c, theta);
      expect(q.pAbandon).toBeCloseTo(exact.pAbandon, 9);
      expect(q.pWait).toBeCloseTo(exact.pWait, 9);
      expect(q.queueMean).toBeCloseTo(exact.queueMean, 8);
      // Little's law on the line: abandonments per time θ·Lq = λ·P(Ab).
      expect(theta * q.queueMean).toBeCloseTo(lambda * q.pAbandon, 8);
    }
  });

  it('served customers wait less on average than all arrivals (abandoners leave the long waits)', () => {
    const q = mmcKPatience(10, Infinity, 12, 1, 0.2);
    const allArrivals = erlangA(12, 1, 10, 0.2).waitMean;
    expect(q.servedWaitMean).toBeGreaterThan(0);
    expect(q.servedWaitMean).toBeLessThan(allArrivals / (1 - q.pAbandon));
  });

  it('refuses an unlimited line that never settles', () => {
    expect(() => mmcKPatience(2, Infinity, 2, 1, 0)).toThrow(/λ < cμ/);
  });

  it('an overloaded long line, whose terms are rescaled many times as they grow, is still M/M/1/K', () => {
    // ρ = 2 and K = 2001: the terms grow as 2^n, past 1e250 every ~830 states.
    const rho = 2;
    const K = 2001;
    const q = mmcKPatience(1, K - 1, rho, 1, 0);
    // M/M/1/K's p_K = (1 − ρ)ρ^K / (1 − ρ^(K+1)) and customers present ρ/(1 − ρ) − (K + 1)ρ^(K+1) / (1 − ρ^(K+1)),
    // divided through by ρ^K and ρ^(K+1) so that nothing overflows.
    const pBlock = (rho - 1) / (rho - rho ** -K);
    const L = rho / (1 - rho) + (K + 1) / (1 - rho ** -(K + 1));
    expect(q.pBlock).toBeCloseTo(pBlock, 12);
    expect(q.queueMean + q.utilisation).toBeCloseTo(L, 9);
  });

  it('refuses a law that reaches past the states it solves, or rates too far apart, instead of an answer cut short', () => {
    expect(() => mmcKPatience(1, 1e9, 60, 1, 0)).toThrow(/its law reaches past 2,000,000 customers present at once: too many states to solve/);
    expect(() => mmcKPatience(1, Infinity, 1e7, 1, 1)).toThrow(/too many states to solve/);
    expect(() => mmcKPatience(1, Infinity, 1e308, 1e-10, 1)).toThrow(/the arrival rate is too large against the service and patience rates to solve/);
    // A long waiting room whose law dies out well inside it is solved, as if unlimited.
    expect(mmcKPatience(2, 1e9, 1, 1, 0).pWait).toBeCloseTo(erlangC(2, 1), 12);
  });
});
