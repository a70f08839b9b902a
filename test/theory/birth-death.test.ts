/**
 * The birth–death solver is checked before it judges: against chains with closed forms
 * (M/M/1, Erlang C, discouraged arrivals, M/M/c/K, Erlang-A from formulas.ts), against the
 * three published V9 values, against exact rational values for V10, and against the flow
 * balances every stationary chain must satisfy.
 */
import { describe, expect, it } from 'vitest';
import {
  type BirthDeathSolution,
  discouragedChain,
  erlangAChain,
  linearBalkingChain,
  mmcChain,
  mmcKChain,
  solveBirthDeath,
  whittModel1Chain,
  whittModel2Chain,
} from './birth-death.js';
import { erlangA, erlangC, mmcK, mmcWaitMean } from './formulas.js';

function near(actual: number, expected: number, tol = 1e-12): void {
  expect(Math.abs(actual - expected), `got ${actual}, expected ${expected} ± ${tol}`).toBeLessThanOrEqual(tol);
}

/** Flow balance and Little: true of every stationary birth–death solution. */
function expectConsistent(s: BirthDeathSolution, lambda: number): void {
  near(
    s.probabilities.reduce((a, b) => a + b, 0),
    1,
  );
  near(s.joiningRate, s.servedRate + s.abandonmentRate, 1e-12);
  near(s.joiningRate, lambda * (1 - s.balking), 1e-12);
  near(s.queueLengthMean, s.joiningRate * s.waitMeanJoined, 1e-12);
  near(s.inSystemMean, s.joiningRate * s.sojournMeanJoined, 1e-12);
}

describe('the solver against closed forms', () => {
  it.each([0.3, 0.8, 0.95])('M/M/1 at ρ = %s: L = ρ/(1 − ρ), p_n = (1 − ρ)ρ^n, truncated below 1e-15', (rho) => {
    const s = solveBirthDeath(mmcChain(rho, 1, 1));
    near(s.inSystemMean, rho / (1 - rho), 1e-12 * (1 / (1 - rho)));
    near(s.probabilities[0]!, 1 - rho);
    near(s.probabilities[3]!, (1 - rho) * rho ** 3);
    near(s.balking, 0);
    expectConsistent(s, rho);
  });

  it.each([
    [2, 1],
    [5, 3],
    [11, 10],
    [15, 10],
  ])('M/M/%i with A = %i: P(n ≥ c) is Erlang C and Wq = C/(cμ − λ)', (c, A) => {
    const s = solveBirthDeath(mmcChain(A, 1, c));
    near(
      s.probabilities.slice(c).reduce((a, b) => a + b, 0),
      erlangC(c, A),
      1e-12,
    );
    near(s.waitMeanJoined, mmcWaitMean(A, 1, c), 1e-10);
    expectConsistent(s, A);
  });

  it.each([0.5, 1, 3])('discouraged arrivals at ρ = %s: p_n = e^(−ρ)ρ^n/n!, L = ρ', (rho) => {
    const s = solveBirthDeath(discouragedChain(rho, 1));
    let poisson = Math.exp(-rho);
    for (let n = 0; n < 8; n++) {
      near(s.probabilities[n]!, poisson);
      poisson *= rho / (n + 1);
    }
    near(s.inSystemMean, rho);
    near(s.joiningRate, 1 - Math.exp(-rho)); // μ·P(busy)
    expectConsistent(s, rho);
  });

  it('M/M/c/K agrees with formulas.ts', () => {
    const s = solveBirthDeath(mmcKChain(3.5, 1, 3, 8));
    const f = mmcK(3.5, 1, 3, 8);
    near(s.balking, f.blocking);
    near(s.queueLengthMean, f.queueLengthMean);
    near(s.waitMeanJoined, f.waitMeanAdmitted);
    expect(s.probabilities).toHaveLength(9);
  });

  it.each([
    [100, 1, 105, 1],
    [100, 1, 100, 0.5],
    [12, 1, 10, 0.5],
  ])('Erlang-A λ = %i, μ = %i, N = %i, θ = %s agrees with the exact formulas (P(Ab) = θ·E[Wq])', (lambda, mu, N, theta) => {
    const s = solveBirthDeath(erlangAChain(lambda, mu, N, theta));
    const f = erlangA(lambda, mu, N, theta);
    near(s.abandonment, f.abandonment, 1e-10);
    near(s.queueLengthMean / lambda, f.waitMean, 1e-10);
    near(s.balking, 0);
    expectConsistent(s, lambda);
  });
});

describe('V8: M/M/1 discouraged arrivals, λ = μ = 1', () => {
  it('L = 1, Lq = e^(−1), P(balk) = e^(−1), throughput 1 − e^(−1), Wq = e^(−1)/(1 − e^(−1))', () => {
    const s = solveBirthDeath(discouragedChain(1, 1));
    const e1 = Math.exp(-1);
    near(s.inSystemMean, 1);
    near(s.queueLengthMean, e1);
    near(s.balking, e1);
    near(s.joiningRate, 1 - e1);
    near(s.waitMeanJoined, e1 / (1 - e1));
  });
});

describe('V9: M/M/1/K, K = 5, ρ = 0.9', () => {
  it('P(block) = 0.126023, Wq = 1.790286, Lq = 1.408203', () => {
    const s = solveBirthDeath(mmcKChain(0.9, 1, 1, 5));
    near(s.balking, 0.126023, 5e-7);
    near(s.waitMeanJoined, 1.790286, 5e-7);
    near(s.queueLengthMean, 1.408203, 5e-7);
  });
});

describe('V10: linear balking b(n) = 1 − n/5, λ = μ = 1, one server', () => {
  // p_n ∝ 1, 1, 4/5, 12/25, 24/125, 24/625: Σ = 2194/625.
  it('p_0 = P(balk) = 625/2194, L = 3125/2194, Lq = 1556/2194, Wq = 1556/1569', () => {
    const s = solveBirthDeath(linearBalkingChain(1, 1, 1, 5));
    expect(s.probabilities).toHaveLength(6);
    near(s.probabilities[0]!, 625 / 2194);
    near(s.balking, 625 / 2194);
    near(s.inSystemMean, 3125 / 2194);
    near(s.queueLengthMean, 1556 / 2194);
    near(s.joiningRate, 1569 / 2194);
    near(s.waitMeanJoined, 1556 / 1569);
  });
});

describe('V11: Whitt (1999), s = 10, λ = 12, μ = 1, α = 0.5, β = 0.1', () => {
  const informed = solveBirthDeath(whittModel2Chain(10, 12, 1, 0.5, 0.1));
  const uninformed = solveBirthDeath(whittModel1Chain(10, 12, 1, 0.5, 0.1));

  it('both chains balance their flows', () => {
    expectConsistent(informed, 12);
    expectConsistent(uninformed, 12);
    near(informed.abandonment, 0);
  });

  it('informing customers leaves fewer in the system, in likelihood-ratio order (Whitt\'s theorem)', () => {
    expect(informed.inSystemMean).toBeLessThan(uninformed.inSystemMean);
    const n = Math.min(informed.probabilities.length, uninformed.probabilities.length) - 1;
    for (let k = 1; k < n; k++) {
      const before = informed.probabilities[k - 1]! / uninformed.probabilities[k - 1]!;
      const ratio = informed.probabilities[k]! / uninformed.probabilities[k]!;
      expect(ratio).toBeLessThanOrEqual(before * (1 + 1e-12));
    }
  });

  it('model 1 with β = 0 is Erlang-A, model 2 with α → 0 and β = 0 is M/M/c', () => {
    near(solveBirthDeath(whittModel1Chain(10, 12, 1, 0.5, 0)).abandonment, erlangA(12, 1, 10, 0.5).abandonment, 1e-10);
    near(solveBirthDeath(whittModel2Chain(10, 8, 1, 1e-12, 0)).waitMeanJoined, mmcWaitMean(8, 1, 10), 1e-8);
  });
});

describe('truncation', () => {
  it('refuses a chain that never thins out', () => {
    const runaway = { arrivalRate: 2, servers: 1, birth: () => 2, service: () => 1 };
    expect(() => solveBirthDeath(runaway, 1e-15, 1000)).toThrow(/not truncated/);
  });
});
