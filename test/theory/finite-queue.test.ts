/**
 * Finite waiting room against the M/M/1/K birth–death chain (shared/models.md §3.2, V9):
 * K = 5 places in the system = 1 server + `queueCapacity: 4`, ρ = λ/μ = 0.9.
 *   p_n ∝ ρ^n (n = 0…K), blocking = p_K, Lq = Σ (n−1)⁺ p_n, Wq(admitted) = Lq / (λ(1 − p_K)).
 *
 * And a hard balking threshold `balkAt: 4` ("does not join when 4 or more are waiting") is
 * the same rule as 4 waiting places: with the same seed (hence the same arrival and service
 * streams) the two runs must coincide customer for customer, balked for blocked.
 *
 * 30 replications of 50 000 time units after a warm-up of 500 (the chain has 6 states and
 * mixes within a few dozen time units).
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { RunOutput } from '../../src/index.js';
import { expectInCi, runScenario } from './expect-in-ci.js';
import { mmcK } from './formulas.js';

const lambda = 0.9;
const mu = 1;
const K = 5;
const exact = mmcK(lambda, mu, 1, K);

function scenario(name: string, station: Record<string, unknown>, segment: Record<string, unknown>) {
  return {
    name,
    seed: 701,
    replications: 30,
    time: { horizon: 50_500, warmup: 500, drain: false },
    stations: [{ id: 'desk', servers: 1, service: { dist: 'exponential', mean: 1 / mu }, ...station }],
    segments: [{ id: 'all', arrivals: { rate: lambda }, route: ['desk'], ...segment }],
  };
}

describe('V9: M/M/1/K with K = 5 (queueCapacity 4), ρ = 0.9 (seed 701)', () => {
  let capacity: RunOutput;
  let balking: RunOutput;
  beforeAll(() => {
    capacity = runScenario(scenario('theory M/M/1/5', { queueCapacity: K - 1 }, {}));
    balking = runScenario(scenario('theory M/M/1 balkAt 4', {}, { balkAt: K - 1 }));
  });

  it(`blocking probability matches p_K = ρ^K(1−ρ)/(1−ρ^{K+1}) = ${exact.blocking.toFixed(6)}`, () => {
    const s = capacity.summary.metrics;
    expect(s.balked!.mean).toBe(0);
    expect(s.reneged!.mean).toBe(0);
    expectInCi(s.abandonmentRate, exact.blocking, 'M/M/1/5 blocking');
  });

  it(`mean wait of served customers matches Lq/(λ(1−p_K)) = ${exact.waitMeanAdmitted.toFixed(6)}`, () => {
    expectInCi(capacity.summary.metrics.waitMean, exact.waitMeanAdmitted, 'M/M/1/5 waitMean');
  });

  it(`mean number waiting matches Σ(n−1)⁺p_n = ${exact.queueLengthMean.toFixed(6)}`, () => {
    expectInCi(capacity.summary.metrics.queueLengthMean, exact.queueLengthMean, 'M/M/1/5 queueLengthMean');
  });

  it('balkAt: 4 reproduces queueCapacity: 4 customer for customer (balked = blocked in every replication)', () => {
    expect(balking.replications).toHaveLength(capacity.replications.length);
    capacity.replications.forEach((cap, r) => {
      const balk = balking.replications[r]!;
      expect(balk.metrics.blocked).toBe(0);
      expect(balk.metrics.balked).toBe(cap.metrics.blocked);
      expect(balk.metrics.arrivals).toBe(cap.metrics.arrivals);
      expect(balk.metrics.served).toBe(cap.metrics.served);
      expect(balk.metrics.waitMean).toBe(cap.metrics.waitMean);
      expect(balk.metrics.queueLengthMean).toBe(cap.metrics.queueLengthMean);
    });
  });
});
