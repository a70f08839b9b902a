/**
 * M/M/c against Erlang C (shared/models.md §6.1, V3): mean wait C/(cμ − λ) and the wait
 * quantiles from P(Wq > t) = C·e^{−(cμ−λ)t}, at three sizes and loads, each with its own
 * time scale (service means 2, 1 and 0.5) so that units are exercised too.
 *
 * Each case: 30 replications of about 100 000 customers after a warm-up of more than 40
 * relaxation times 1/(μ(√c − √A)²). Quantiles come from the simulator's sketch (relative
 * accuracy 0.25%), far inside the CI half-widths (1–3%).
 */
import { beforeAll, describe, it } from 'vitest';
import type { RunSummary } from '../../src/index.js';
import { expectInCi, runScenario } from './expect-in-ci.js';
import { erlangC, mmcWaitMean, mmcWaitQuantile } from './formulas.js';

interface Case {
  c: number;
  serviceMean: number;
  lambda: number;
  horizon: number;
  warmup: number;
  seed: number;
  p95: boolean;
}

const cases: Case[] = [
  // A = 1, ρ = 0.5, C(2, 1) = 1/3
  { c: 2, serviceMean: 2, lambda: 0.5, horizon: 200_000, warmup: 1_000, seed: 201, p95: false },
  // A = 3, ρ = 0.6, C(5, 3) = 0.236152
  { c: 5, serviceMean: 1, lambda: 3, horizon: 34_000, warmup: 200, seed: 202, p95: false },
  // A = 10, ρ = 0.83, C(12, 10) = 0.449388
  { c: 12, serviceMean: 0.5, lambda: 20, horizon: 5_250, warmup: 250, seed: 203, p95: true },
];

describe.each(cases)(
  'M/M/$c with A = λ·E[S] = $lambda × $serviceMean (seed $seed, 30 replications)',
  ({ c, serviceMean, lambda, horizon, warmup, seed, p95 }) => {
    const mu = 1 / serviceMean;
    const A = lambda / mu;
    const name = `M/M/${c} (A = ${A})`;
    let summary: RunSummary;
    beforeAll(() => {
      ({ summary } = runScenario({
        name: `theory ${name}`,
        seed,
        replications: 30,
        time: { horizon, warmup, drain: false },
        stations: [{ id: 'pool', servers: c, service: { dist: 'exponential', mean: serviceMean } }],
        segments: [{ id: 'all', arrivals: { rate: lambda }, route: ['pool'] }],
      }));
    });

    it(`mean wait matches Erlang C: C(${c}, ${A}) / (cμ − λ) = ${mmcWaitMean(lambda, mu, c).toFixed(6)}`, () => {
      expectInCi(summary.metrics.waitMean, mmcWaitMean(lambda, mu, c), `${name} waitMean`);
    });

    it(`waitP90 matches ln(C/0.1)/(cμ − λ) = ${mmcWaitQuantile(lambda, mu, c, 0.9).toFixed(6)} (C = ${erlangC(c, A).toFixed(6)})`, () => {
      expectInCi(summary.metrics.waitP90, mmcWaitQuantile(lambda, mu, c, 0.9), `${name} waitP90`);
    });

    it(`waitP80 matches ln(C/0.2)/(cμ − λ) = ${mmcWaitQuantile(lambda, mu, c, 0.8).toFixed(6)} ("80% served within t" is waitP80 ≤ t)`, () => {
      expectInCi(summary.metrics.waitP80, mmcWaitQuantile(lambda, mu, c, 0.8), `${name} waitP80`);
    });

    if (p95) {
      it(`waitP95 matches ln(C/0.05)/(cμ − λ) = ${mmcWaitQuantile(lambda, mu, c, 0.95).toFixed(6)}`, () => {
        expectInCi(summary.metrics.waitP95, mmcWaitQuantile(lambda, mu, c, 0.95), `${name} waitP95`);
      });
    }
  },
);
