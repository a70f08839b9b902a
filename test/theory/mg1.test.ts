/**
 * M/G/1 against Pollaczek–Khinchine: E[Wq] = λ·E[S²] / (2(1 − ρ)). Only the first two
 * moments of the service time matter, so the check exercises the service samplers too:
 * utilisation must be ρ = λ·E[S] (the sampler's mean), the wait λE[S²]/(2(1−ρ)) (its
 * second moment). The moments below are computed here from the distribution parameters,
 * independently of the simulator's own helpers.
 *
 * 30 replications of 100 000 time units after a warm-up of 2 000 (many relaxation times).
 */
import { beforeAll, describe, it } from 'vitest';
import type { RunSummary } from '../../src/index.js';
import { expectInCi, runScenario } from './expect-in-ci.js';
import { momentsFromMeanSd, pollaczekKhinchineWaitMean, type ServiceMoments } from './formulas.js';

function runMG1(name: string, seed: number, lambda: number, service: Record<string, unknown>): RunSummary {
  return runScenario({
    name: `theory ${name}`,
    seed,
    replications: 30,
    time: { horizon: 100_000, warmup: 2_000, drain: false },
    stations: [{ id: 'desk', servers: 1, service }],
    segments: [{ id: 'all', arrivals: { rate: lambda }, route: ['desk'] }],
  }).summary;
}

describe('M/D/1, λ = 0.8, service exactly 1 (seed 301, 30 × 100 000 time units)', () => {
  const lambda = 0.8;
  const moments: ServiceMoments = { mean: 1, secondMoment: 1 };
  let summary: RunSummary;
  beforeAll(() => {
    summary = runMG1('M/D/1', 301, lambda, { dist: 'deterministic', value: 1 });
  });

  it('mean wait matches Pollaczek–Khinchine λE[S²]/(2(1−ρ)) = 2, half the M/M/1 wait', () => {
    expectInCi(summary.metrics.waitMean, pollaczekKhinchineWaitMean(lambda, moments), 'M/D/1 waitMean');
  });

  it('utilisation matches ρ = 0.8', () => {
    expectInCi(summary.metrics.utilisation, lambda * moments.mean, 'M/D/1 utilisation');
  });
});

describe('M/G/1 with lognormal service (mean 1, sd 1.5), λ = 0.7 (seed 302, 30 × 100 000 time units)', () => {
  const lambda = 0.7;
  const moments = momentsFromMeanSd(1, 1.5); // E[S²] = 1.5² + 1² = 3.25
  let summary: RunSummary;
  beforeAll(() => {
    summary = runMG1('M/G/1 lognormal', 302, lambda, { dist: 'lognormal', mean: 1, sd: 1.5 });
  });

  it('mean wait matches Pollaczek–Khinchine 0.7 × 3.25 / (2 × 0.3) = 3.791667', () => {
    expectInCi(summary.metrics.waitMean, pollaczekKhinchineWaitMean(lambda, moments), 'M/G/1 lognormal waitMean');
  });

  it('utilisation matches ρ = λ·E[S] = 0.7', () => {
    expectInCi(summary.metrics.utilisation, lambda * moments.mean, 'M/G/1 lognormal utilisation');
  });
});
