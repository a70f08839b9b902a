/**
 * Loss systems (no waiting room, `queueCapacity: 0`) against Erlang B (shared/models.md
 * §6.2, V2). With no balking and no reneging, abandonmentRate = blocked / arrivals, the
 * fraction of arrivals that find every server busy — by PASTA, exactly B(c, A).
 *
 * Insensitivity: B(c, A) depends on the service law only through its mean, so deterministic
 * and lognormal service of mean 1 must block as often as exponential service. The three
 * B(10, 10) runs share seed 402, hence the same arrival streams (common random numbers).
 *
 * 30 replications of 10 000 time units (30 000 or 100 000 arrivals each) after a warm-up of
 * 200 mean service times: an M/G/c/c system forgets its empty start within a few service
 * times (the lognormal's tail beyond 200 has probability ~10⁻⁶).
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { RunSummary } from '../../src/index.js';
import { expectInCi, runScenario } from './expect-in-ci.js';
import { erlangB } from './formulas.js';

function runLoss(name: string, seed: number, c: number, lambda: number, service: Record<string, unknown>): RunSummary {
  return runScenario({
    name: `theory ${name}`,
    seed,
    replications: 30,
    time: { horizon: 10_200, warmup: 200, drain: false },
    stations: [{ id: 'lines', servers: c, queueCapacity: 0, service }],
    segments: [{ id: 'callers', arrivals: { rate: lambda }, route: ['lines'] }],
  }).summary;
}

/** The loss fraction is blocking alone: nobody balks or reneges in these models. */
function expectOnlyBlocking(summary: RunSummary): void {
  expect(summary.metrics.balked!.mean).toBe(0);
  expect(summary.metrics.reneged!.mean).toBe(0);
  expect(summary.metrics.blocked!.mean).toBeGreaterThan(0);
}

describe('Erlang B via queueCapacity: 0', () => {
  describe('B(5, 3): 5 servers, λ = 3, exponential service of mean 1 (seed 401)', () => {
    let summary: RunSummary;
    beforeAll(() => {
      summary = runLoss('M/M/5/5', 401, 5, 3, { dist: 'exponential', mean: 1 });
    });
    it('blocking probability blocked/arrivals matches B(5, 3) = 0.110054', () => {
      expectOnlyBlocking(summary);
      expectInCi(summary.metrics.abandonmentRate, erlangB(5, 3), 'M/M/5/5 blocking');
    });
  });

  describe.each([
    ['exponential', { dist: 'exponential', mean: 1 }],
    ['deterministic', { dist: 'deterministic', value: 1 }],
    ['lognormal (sd 1.5)', { dist: 'lognormal', mean: 1, sd: 1.5 }],
  ] as const)('B(10, 10): 10 servers, λ = 10, %s service of mean 1 (seed 402)', (label, service) => {
    let summary: RunSummary;
    beforeAll(() => {
      summary = runLoss(`M/G/10/10 ${label}`, 402, 10, 10, service);
    });
    it(`blocking probability matches B(10, 10) = 0.214582 (insensitive to the service law: ${label})`, () => {
      expectOnlyBlocking(summary);
      expectInCi(summary.metrics.abandonmentRate, erlangB(10, 10), `M/G/10/10 ${label} blocking`);
    });
  });
});
