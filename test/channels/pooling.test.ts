/**
 * Pooling (shared/models.md §6.7, V4): two separate lines, each M/M/1 with λ = 0.8 and μ = 1,
 * wait Wq = 4.0 on average; one shared line for both servers (M/M/2, λ = 1.6) waits
 * Wq = C(2, 1.6)/(2μ − λ) = 1.777778, with Lq = 2.844444. The separate lines are built two
 * ways: a route step that sends half of the arrivals to each of two one-server stations, and
 * one two-server station with a line per server joined at random (both split a Poisson
 * stream at random, so both are exactly 2 × M/M/1). A line per server with jockeying never
 * leaves a server idle while someone waits, so the number inside is the M/M/2 chain and the
 * mean wait is M/M/2's too (Little's law).
 *
 * Each case: 30 replications of 60 000 time units (~96 000 customers) after a warm-up of
 * 2 000 (relaxation time of the M/M/1 at ρ = 0.8 ≈ 90), drain: false; the exact value must
 * lie in the simulator's 95% CI, and that CI within 5% of it (test/theory/expect-in-ci.ts).
 *
 * Seed history, for honesty: the line per server joined at random first ran with seed 402,
 * which put 4.0 1.2 half-widths outside the CI (waitMean and queueLengthMean move together).
 * Eight other seeds (9001–9008, 240 replications) showed no bias: 4.0 inside 8 of 8 CIs,
 * pooled mean wait 3.9942 ± 0.0187. So 402 was one of the chance misses expected of 95%
 * checks; the case now uses the first seed of that study, 9001, and was not tuned further.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { RunSummary } from '../../src/index.js';
import { expectInCi, runScenario } from '../theory/expect-in-ci.js';
import { erlangC, mmcQueueLengthMean, mmcWaitMean } from '../theory/formulas.js';

const lambda = 1.6;
const mu = 1;
const service = { dist: 'exponential', mean: 1 / mu };
const separateWait = 0.8 / (mu * (mu - 0.8));
const pooledWait = mmcWaitMean(lambda, mu, 2);

function run(seed: number, stations: unknown[], route: unknown[]): RunSummary {
  return runScenario({
    name: 'V4 pooling',
    seed,
    replications: 30,
    time: { horizon: 60_000, warmup: 2_000, drain: false },
    stations,
    segments: [{ id: 'all', arrivals: { rate: lambda }, route }],
  }).summary;
}

describe('V4: the exact values', () => {
  it('are 4.0 for each separate line and 1.777778 (C = 0.711111, Lq = 2.844444) for the shared one', () => {
    expect(separateWait).toBeCloseTo(4.0, 6);
    expect(erlangC(2, lambda / mu)).toBeCloseTo(0.711111, 6);
    expect(pooledWait).toBeCloseTo(1.777778, 6);
    expect(mmcQueueLengthMean(lambda, mu, 2)).toBeCloseTo(2.844444, 6);
  });
});

describe('V4: two separate lines, a route step choosing each of two one-server stations by equal shares (seed 401)', () => {
  let summary: RunSummary;
  beforeAll(() => {
    summary = run(401, [{ id: 'left', servers: 1, service }, { id: 'right', servers: 1, service }], [{ choose: ['left', 'right'], by: 'shares' }]);
  });
  it('every customer waits Wq = 4.0 on average', () => expectInCi(summary.metrics.waitMean, separateWait, 'separate lines waitMean'));
  it('each line is an M/M/1 with Wq = 4.0', () => {
    expectInCi(summary.stations.left!.waitMean, separateWait, 'left line waitMean');
    expectInCi(summary.stations.right!.waitMean, separateWait, 'right line waitMean');
  });
});

describe('V4: two separate lines, one two-server station with a line per server joined at random (seed 9001)', () => {
  let summary: RunSummary;
  beforeAll(() => {
    summary = run(9001, [{ id: 'tills', servers: 2, service, linePerServer: { join: 'random' } }], ['tills']);
  });
  it('waits Wq = 4.0 on average, as 2 × M/M/1', () => expectInCi(summary.metrics.waitMean, separateWait, 'line per server (random) waitMean'));
  it('holds 2 × 3.2 waiting on average', () => expectInCi(summary.stations.tills!.queueLengthMean, 2 * 3.2, 'line per server (random) queueLengthMean'));
});

describe('V4: one shared line for both servers, M/M/2 (seed 403)', () => {
  let summary: RunSummary;
  beforeAll(() => {
    summary = run(403, [{ id: 'pool', servers: 2, service }], ['pool']);
  });
  it('waits Wq = 1.777778 on average', () => expectInCi(summary.metrics.waitMean, pooledWait, 'shared line waitMean'));
  it('holds Lq = 2.844444 waiting on average', () => expectInCi(summary.metrics.queueLengthMean, mmcQueueLengthMean(lambda, mu, 2), 'shared line queueLengthMean'));
});

describe('V4: a line per server with jockeying behaves as the shared line (seed 404)', () => {
  let summary: RunSummary;
  beforeAll(() => {
    summary = run(404, [{ id: 'tills', servers: 2, service, linePerServer: { jockeying: true } }], ['tills']);
  });
  it('waits Wq = 1.777778 on average', () => expectInCi(summary.metrics.waitMean, pooledWait, 'jockeying waitMean'));
  it('customers did move between lines', () => expect(summary.metrics.jockeyed!.mean).toBeGreaterThan(1000));
});
