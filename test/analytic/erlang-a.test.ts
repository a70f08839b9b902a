import { describe, expect, it } from 'vitest';
import { poissonTail } from '../../src/analytic/discrete.js';
import { erlangA, erlangAQed } from '../../src/analytic/erlang-a.js';
import { erlangC, mmcWaitMean } from '../../src/analytic/erlang.js';
import { birthDeathStationary } from './birth-death.js';

/** Erlang-A from its birth–death chain: death rate min(n, N)μ + (n − N)⁺θ. */
function erlangAByChain(lambda: number, mu: number, servers: number, theta: number) {
  // Far enough into the tail: past 4λ/θ waiting, or where ρ^k < 1e-320 when ρ < 1.
  const rho = lambda / (servers * mu);
  const tail = rho < 1 ? Math.min(4 * lambda / theta, 740 / -Math.log(rho)) : 4 * lambda / theta;
  const maxState = servers + Math.ceil(tail) + 2000;
  const p = birthDeathStationary(() => lambda, (n) => Math.min(n, servers) * mu + Math.max(0, n - servers) * theta, maxState);
  let pWait = 0;
  let queueMean = 0;
  let busyMean = 0;
  p.forEach((pn, n) => {
    if (n >= servers) pWait += pn;
    queueMean += Math.max(0, n - servers) * pn;
    busyMean += Math.min(n, servers) * pn;
  });
  return { pWait, queueMean, waitMean: queueMean / lambda, pAbandonByThroughput: 1 - (mu * busyMean) / lambda };
}

describe('Erlang-A exact formulas (models.md §3.1)', () => {
  const cases: [number, number, number, number][] = [
    [12, 1, 10, 0.5],
    [9, 1, 10, 2],
    [100, 1, 95, 0.05],
    [520, 1, 500, 0.05],
    [400, 1, 500, 0.01],
    [3, 0.5, 4, 1],
    // Very patient customers (P(Ab | W>0) is tiny), and a load near 1.
    [9, 1, 10, 1e-6],
    [9.95, 1, 10, 1e-3],
  ];
  for (const [lambda, mu, servers, theta] of cases) {
    it(`matches the birth–death chain for λ = ${lambda}, μ = ${mu}, N = ${servers}, θ = ${theta}`, () => {
      const exact = erlangA(lambda, mu, servers, theta);
      const chain = erlangAByChain(lambda, mu, servers, theta);
      expect(exact.pWait / chain.pWait).toBeCloseTo(1, 8);
      expect(exact.queueMean / chain.queueMean).toBeCloseTo(1, 8);
      expect(exact.waitMean / chain.waitMean).toBeCloseTo(1, 8);
    });
  }

  it('P(Ab) = θ·E[Wq]: the abandonment the chain loses from throughput equals θ·Lq/λ', () => {
    for (const [lambda, mu, servers, theta] of cases) {
      const exact = erlangA(lambda, mu, servers, theta);
      const chain = erlangAByChain(lambda, mu, servers, theta);
      expect(exact.pAbandon).toBeCloseTo(theta * exact.waitMean, 14);
      // The chain's 1 − μ·E[busy]/λ cancels when P(Ab) is tiny, hence the absolute floor.
      expect(Math.abs(exact.pAbandon - chain.pAbandonByThroughput)).toBeLessThan(1e-12 + 1e-7 * exact.pAbandon);
    }
  });

  it('with θ = μ the number in system is Poisson(λ/μ) (M/M/∞ in disguise)', () => {
    const result = erlangA(8, 1, 10, 1);
    expect(result.pWait).toBeCloseTo(poissonTail(10, 8), 12);
  });

  it('with θ = 0 it is Erlang C', () => {
    const result = erlangA(9, 1, 10, 0);
    expect(result.pWait).toBeCloseTo(erlangC(10, 9), 14);
    expect(result.waitMean).toBeCloseTo(mmcWaitMean(10, 9, 1), 14);
    expect(result.pAbandon).toBe(0);
  });

  it('approaches Erlang C as patience grows long', () => {
    expect(erlangA(9, 1, 10, 1e-4).pWait).toBeCloseTo(erlangC(10, 9), 3);
  });

  it('stays finite when overloaded with very patient customers (e^(λ/θ) alone would overflow)', () => {
    const result = erlangA(4000, 1, 500, 0.01);
    expect(result.pWait).toBe(1);
    expect(result.pAbandon).toBeCloseTo(1 - 500 / 4000, 10);
  });

  it('nobody waits when nobody arrives', () => {
    expect(erlangA(0, 1, 3, 1)).toEqual({ pWait: 0, pAbandon: 0, waitMean: 0, queueMean: 0 });
  });
});

describe('Erlang-A QED approximation vs exact (models.md §3.1, V7b)', () => {
  const cases: { R: number; N: number; ratio: number; approx: [number, number]; exact: [number, number]; digits: number }[] = [
    { R: 100, N: 105, ratio: 1, approx: [0.3085, 0.01978], exact: [0.3216, 0.02004], digits: 5 },
    { R: 100, N: 100, ratio: 0.5, approx: [0.5858, 0.03305], exact: [0.5967, 0.03303], digits: 5 },
    { R: 400, N: 420, ratio: 0.2, approx: [0.1993, 0.00155], exact: [0.2058, 0.00159], digits: 5 },
    { R: 100, N: 100, ratio: 0.1, approx: [0.7597, 0.01917], exact: [0.766, 0.01916], digits: 5 },
  ];
  for (const { R, N, ratio, approx, exact, digits } of cases) {
    it(`(R, N, θ/μ) = (${R}, ${N}, ${ratio}): approx ${approx.join(' / ')} vs exact ${exact.join(' / ')}`, () => {
      const qed = erlangAQed(R, 1, N, ratio);
      const truth = erlangA(R, 1, N, ratio);
      expect(qed.pWait).toBeCloseTo(approx[0], 4);
      expect(qed.pAbandon).toBeCloseTo(approx[1], digits);
      expect(truth.pWait).toBeCloseTo(exact[0], 4);
      expect(truth.pAbandon).toBeCloseTo(exact[1], digits);
    });
  }

  it('needs a positive patience rate', () => {
    expect(() => erlangAQed(100, 1, 100, 0)).toThrow(RangeError);
  });
});
