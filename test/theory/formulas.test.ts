/**
 * The judge is checked before it judges: every closed form in formulas.ts against the
 * published numbers of shared/models.md §7 (V1–V5, plus V6's Erlang C values and V7b's
 * exact Erlang-A values), and against independent routes to the same quantity (closed form
 * vs birth–death chain vs limiting case).
 */
import { describe, expect, it } from 'vitest';
import {
  cobhamPriorityWaits,
  cobhamResidualWork,
  erlangA,
  erlangABirthDeath,
  erlangAFunction,
  erlangB,
  erlangC,
  mm1KBlocking,
  mmcK,
  mmcQueueLengthMean,
  mmcWaitMean,
  mmcWaitQuantile,
  mmcWaitTail,
  momentsFromMeanSd,
  pollaczekKhinchineWaitMean,
} from './formulas.js';

/** |actual − expected| <= tol, with a message that shows both. */
function near(actual: number, expected: number, tol = 1e-5): void {
  expect(Math.abs(actual - expected), `got ${actual}, expected ${expected} ± ${tol}`).toBeLessThanOrEqual(tol);
}

const exponential = (mean: number) => ({ mean, secondMoment: 2 * mean * mean });

describe('V1: M/M/1, λ = 0.8, μ = 1', () => {
  it('Wq = 4, Lq = 3.2 (Erlang C with c = 1 is ρ)', () => {
    near(erlangC(1, 0.8), 0.8);
    near(mmcWaitMean(0.8, 1, 1), 4);
    near(mmcQueueLengthMean(0.8, 1, 1), 3.2);
  });
  it('P(Wq > 2) = 0.8·e^{−0.4} = 0.536256', () => {
    near(mmcWaitTail(0.8, 1, 1, 2), 0.536256);
  });
  it('Pollaczek–Khinchine with exponential service gives the same Wq = 4', () => {
    near(pollaczekKhinchineWaitMean(0.8, exponential(1)), 4);
  });
  it('the quantile inverts the tail: P(Wq > q90) = 0.1, q90 = ln(8)/0.2', () => {
    const q90 = mmcWaitQuantile(0.8, 1, 1, 0.9);
    near(q90, Math.log(8) / 0.2, 1e-12);
    near(mmcWaitTail(0.8, 1, 1, q90), 0.1, 1e-12);
  });
});

describe('V2: Erlang B', () => {
  it.each([
    [10, 10, 0.214582],
    [12, 10, 0.119739],
    [5, 3, 0.110054],
    [12, 12, 0.198567],
    [15, 12, 0.085729],
    [18, 12, 0.026543],
  ])('B(%i, %d) = %f', (c, A, expected) => {
    near(erlangB(c, A), expected);
  });
  it('is stable for large systems: B(1000, 1000) is finite and in (0, 1)', () => {
    const b = erlangB(1000, 1000);
    expect(b).toBeGreaterThan(0.02);
    expect(b).toBeLessThan(0.03);
  });
});

describe('V3: Erlang C', () => {
  it.each([
    [2, 1, 1 / 3],
    [5, 3, 0.236152],
    [11, 10, 0.682118],
    [12, 10, 0.449388],
    [15, 10, 0.102042],
  ])('C(%i, %d) = %f', (c, A, expected) => {
    near(erlangC(c, A), expected);
  });
  it.each([
    [14, 10, 0.174132],
    [30, 25, 0.249893],
    [110, 100, 0.237008],
    [420, 400, 0.230285],
  ])('V6 square-root staffing: C(%i, %d) = %f', (c, A, expected) => {
    near(erlangC(c, A), expected);
  });
});

describe('V3b: λ = 100/h, E[S] = 6 min (A = 10), service level at t = 20 s', () => {
  const lambda = 100; // per hour
  const mu = 10; // per hour
  const t = 20 / 3600; // hours
  it('N = 12: E[Wq] = 0.022469 h (80.9 s), Lq = 2.24694, SL = 0.597870', () => {
    near(mmcWaitMean(lambda, mu, 12), 0.022469);
    near(mmcWaitMean(lambda, mu, 12) * 3600, 80.9, 0.05);
    near(mmcQueueLengthMean(lambda, mu, 12), 2.24694);
    near(1 - mmcWaitTail(lambda, mu, 12, t), 0.59787);
  });
  it('N = 13: SL = 0.758524, E[Wq] = 34.2 s', () => {
    near(1 - mmcWaitTail(lambda, mu, 13, t), 0.758524);
    near(mmcWaitMean(lambda, mu, 13) * 3600, 34.2, 0.05);
  });
  it('N = 14: SL = 0.860566, E[Wq] = 15.7 s', () => {
    near(1 - mmcWaitTail(lambda, mu, 14, t), 0.860566);
    near(mmcWaitMean(lambda, mu, 14) * 3600, 15.7, 0.05);
  });
});

describe('V4: pooling, 2 × M/M/1 (λ = 0.8 each) vs M/M/2 (λ = 1.6), μ = 1', () => {
  it('separate lines: Wq = 4.0', () => {
    near(mmcWaitMean(0.8, 1, 1), 4);
  });
  it('pooled: C = 0.711111, Wq = 1.777778, Lq = 2.844444', () => {
    near(erlangC(2, 1.6), 0.711111);
    near(mmcWaitMean(1.6, 1, 2), 1.777778);
    near(mmcQueueLengthMean(1.6, 1, 2), 2.844444);
  });
});

describe('V5: non-preemptive priority M/M/1, μ = 1, λ1 = 0.3 (urgent), λ2 = 0.5', () => {
  const classes = [
    { lambda: 0.3, service: exponential(1) },
    { lambda: 0.5, service: exponential(1) },
  ];
  it('W0 = 0.8, Wq1 = 1.142857, Wq2 = 5.714286', () => {
    near(cobhamResidualWork(classes), 0.8);
    const [w1, w2] = cobhamPriorityWaits(classes);
    near(w1!, 1.142857);
    near(w2!, 5.714286);
  });
  it('conservation: the λ-weighted mean wait is 4.0, the FIFO M/M/1 wait', () => {
    const [w1, w2] = cobhamPriorityWaits(classes);
    near((0.3 * w1! + 0.5 * w2!) / 0.8, 4);
  });
  it('a single class reduces to Pollaczek–Khinchine', () => {
    const s = momentsFromMeanSd(0.7, 0.3);
    near(cobhamPriorityWaits([{ lambda: 1, service: s }])[0]!, pollaczekKhinchineWaitMean(1, s), 1e-12);
  });
});

describe('Pollaczek–Khinchine', () => {
  it('M/D/1 waits half as long as M/M/1: λ = 0.8, D = 1 gives Wq = 2', () => {
    near(pollaczekKhinchineWaitMean(0.8, { mean: 1, secondMoment: 1 }), 2);
  });
});

describe('M/M/c/K birth–death chain', () => {
  it('M/M/c/c blocking equals Erlang B', () => {
    for (const [c, A] of [
      [5, 3],
      [10, 10],
      [12, 12],
    ] as const) {
      near(mmcK(A, 1, c, c).blocking, erlangB(c, A), 1e-12);
    }
  });
  it('M/M/1/K blocking equals ρ^K(1 − ρ)/(1 − ρ^{K+1})', () => {
    near(mmcK(0.9, 1, 1, 5).blocking, mm1KBlocking(0.9, 5), 1e-12);
    near(mmcK(1.3, 1, 1, 7).blocking, mm1KBlocking(1.3, 7), 1e-12);
  });
  it('V9 (M/M/1/K, K = 5, ρ = 0.9) matches its independent closed forms', () => {
    // Closed forms for M/M/1/K: L = ρ/(1−ρ) − (K+1)ρ^{K+1}/(1−ρ^{K+1}), Lq = L − (1 − p0).
    const rho = 0.9;
    const K = 5;
    const r = mmcK(rho, 1, 1, K);
    const p0 = (1 - rho) / (1 - rho ** (K + 1));
    const L = rho / (1 - rho) - ((K + 1) * rho ** (K + 1)) / (1 - rho ** (K + 1));
    near(r.probabilities[0]!, p0, 1e-12);
    near(r.inSystemMean, L, 1e-12);
    near(r.queueLengthMean, L - (1 - p0), 1e-12);
    near(r.blocking, 0.126022, 1e-6);
    near(r.waitMeanAdmitted, r.queueLengthMean / (0.9 * (1 - r.blocking)), 1e-12);
    near(r.utilisation, 0.9 * (1 - r.blocking), 1e-12);
  });
  it('a very large waiting room approaches M/M/c (V4 pooled Lq = 2.844444)', () => {
    near(mmcK(1.6, 1, 2, 3000).queueLengthMean, 2.844444);
  });
});

describe('Erlang-A (M/M/N+M)', () => {
  it('A(x, y) matches its definition x·e^y·y^−x·γ(x, y) for an integer x (γ in closed form)', () => {
    // γ(2, y) = 1 − e^{−y}(1 + y), so A(2, y) = 2 e^y y^{−2} (1 − e^{−y}(1 + y)).
    const y = 3.7;
    near(erlangAFunction(2, y), (2 * Math.exp(y) * (1 - Math.exp(-y) * (1 + y))) / (y * y), 1e-12);
  });
  it.each([
    [100, 105, 1, 0.3216, 0.02004],
    [100, 100, 0.5, 0.5967, 0.03303],
    [400, 420, 0.2, 0.2058, 0.00159],
    [100, 100, 0.1, 0.766, 0.01916],
  ])('V7b exact: R = %i, N = %i, θ/μ = %d gives P(W>0) = %f, P(Ab) = %f', (R, N, theta, delay, ab) => {
    const r = erlangA(R, 1, N, theta);
    // Published to 4 significant digits: within half a unit of the last digit.
    near(r.delayProbability, delay, 5e-5);
    near(r.abandonment, ab, 5e-6);
  });
  it('closed form and birth–death chain agree, and P(Ab) = θ·E[Wq]', () => {
    for (const [lambda, mu, N, theta] of [
      [5, 1, 5, 0.5],
      [12, 1, 10, 0.5],
      [3, 1, 5, 2],
      [100, 1, 100, 0.1],
    ] as const) {
      const a = erlangA(lambda, mu, N, theta);
      const b = erlangABirthDeath(lambda, mu, N, theta);
      near(a.delayProbability, b.delayProbability, 1e-10);
      near(a.abandonment, b.abandonment, 1e-10);
      near(a.queueLengthMean, b.queueLengthMean, 1e-8);
      near(a.abandonment, theta * a.waitMean, 1e-14);
    }
  });
  it('patience → ∞ tends to Erlang C', () => {
    near(erlangA(3, 1, 5, 1e-7).delayProbability, erlangC(5, 3), 1e-5);
  });
});
