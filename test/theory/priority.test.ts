/**
 * Non-preemptive priority M/G/1 against Cobham (1954) (shared/models.md §6.7, V5):
 *   W0 = Σ λ_i E[S_i²] / 2,  Wq_k = W0 / ((1 − σ_{k−1})(1 − σ_k)),  σ_k = Σ_{i<=k} ρ_i.
 * Per-segment waits come from `summary.segments.<id>.waitMean`.
 *
 * 30 replications of 100 000 time units after a warm-up of 2 000.
 */
import { beforeAll, describe, it } from 'vitest';
import type { RunSummary } from '../../src/index.js';
import { expectInCi, runScenario } from './expect-in-ci.js';
import { cobhamPriorityWaits, momentsFromMeanSd, type PriorityClass } from './formulas.js';

const time = { horizon: 100_000, warmup: 2_000, drain: false };

describe('V5: priority M/M/1, μ = 1, λ1 = 0.3 (priority 1), λ2 = 0.5 (priority 2) (seed 501)', () => {
  const classes: PriorityClass[] = [
    { lambda: 0.3, service: { mean: 1, secondMoment: 2 } },
    { lambda: 0.5, service: { mean: 1, secondMoment: 2 } },
  ];
  const [urgentWait, regularWait] = cobhamPriorityWaits(classes) as [number, number];
  let summary: RunSummary;
  beforeAll(() => {
    ({ summary } = runScenario({
      name: 'theory V5 priority',
      seed: 501,
      replications: 30,
      time,
      stations: [{ id: 'desk', servers: 1, discipline: 'priority', service: { dist: 'exponential', mean: 1 } }],
      segments: [
        // Listed low priority first, so that order in the file cannot stand in for priority.
        { id: 'regular', priority: 2, arrivals: { rate: 0.5 }, route: ['desk'] },
        { id: 'urgent', priority: 1, arrivals: { rate: 0.3 }, route: ['desk'] },
      ],
    }));
  });

  it('the priority class waits W0/(1−ρ1) = 0.8/0.7 = 1.142857', () => {
    expectInCi(summary.segments.urgent!.waitMean, urgentWait, 'V5 urgent waitMean');
  });

  it('the other class waits W0/((1−ρ1)(1−ρ1−ρ2)) = 0.8/(0.7 × 0.2) = 5.714286', () => {
    expectInCi(summary.segments.regular!.waitMean, regularWait, 'V5 regular waitMean');
  });

  it('conservation: the mean wait over all customers is the FIFO M/M/1 wait, 4.0', () => {
    expectInCi(summary.metrics.waitMean, (0.3 * urgentWait + 0.5 * regularWait) / 0.8, 'V5 overall waitMean');
  });
});

describe('Cobham with different service laws per class: per-segment service overrides (seed 502)', () => {
  // urgent: λ = 0.6, service exactly 0.5 (ρ1 = 0.3); regular: λ = 0.4, lognormal mean 1.25, sd 1 (ρ2 = 0.5).
  const classes: PriorityClass[] = [
    { lambda: 0.6, service: { mean: 0.5, secondMoment: 0.25 } },
    { lambda: 0.4, service: momentsFromMeanSd(1.25, 1) },
  ];
  const [urgentWait, regularWait] = cobhamPriorityWaits(classes) as [number, number];
  let summary: RunSummary;
  beforeAll(() => {
    ({ summary } = runScenario({
      name: 'theory Cobham M/G/1',
      seed: 502,
      replications: 30,
      time,
      stations: [{ id: 'desk', servers: 1, discipline: 'priority', service: { dist: 'exponential', mean: 1 } }],
      segments: [
        {
          id: 'urgent',
          priority: 1,
          arrivals: { rate: 0.6 },
          route: ['desk'],
          service: { desk: { dist: 'deterministic', value: 0.5 } },
        },
        {
          id: 'regular',
          priority: 5,
          arrivals: { rate: 0.4 },
          route: ['desk'],
          service: { desk: { dist: 'lognormal', mean: 1.25, sd: 1 } },
        },
      ],
    }));
  });

  it(`the priority class waits W0/(1−σ1) = 0.5875/0.7 = ${urgentWait.toFixed(6)}`, () => {
    expectInCi(summary.segments.urgent!.waitMean, urgentWait, 'Cobham urgent waitMean');
  });

  it(`the other class waits W0/((1−σ1)(1−σ2)) = 0.5875/(0.7 × 0.2) = ${regularWait.toFixed(6)}`, () => {
    expectInCi(summary.segments.regular!.waitMean, regularWait, 'Cobham regular waitMean');
  });
});
