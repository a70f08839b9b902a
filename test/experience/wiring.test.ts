/**
 * The waiting experience's formulas as the simulation applies them, customer by customer:
 * customers injected at exact times with deterministic services, so every clock wait is
 * known and each perceived wait, score and balking decision can be worked out by hand from
 * models.md (§1.2–1.3 perception, §2.3 the score, §3.2 balking). The formulas alone are
 * tested in perception, satisfaction and balking.test.ts; this file checks what the run
 * feeds them: the stage weight, the multipliers, the moved adequate wait, k rather than n.
 */
import { describe, expect, it } from 'vitest';
import { runWithArrivals } from '../model/harness.js';
import { modelOf } from '../model-of.js';

/** τ = k·t^b with b = 0.9 [S] and k set so that 5 minutes feel 36% longer [S2]/[A] (§1.2). */
const K = (1 + 0.36) * 5 ** (1 - 0.9);
const felt = (t: number) => K * t ** 0.9;

/** The §2.3 score for a perceived wait w with desired d and adequate a (λ_loss 2.25). */
function score(w: number, d: number, a: number): number {
  if (w <= d) return 5;
  if (w <= a) return 5 - (2 * (w - d)) / (a - d);
  return Math.max(1, 3 - (2.25 * 2 * (w - a)) / (a - d));
}

/** One desk, service 10; A arrives at 0 and is served at once, B at 4 and waits 6. Tolerance 2 / 10, the same for everyone. */
function desk(waiting: Record<string, unknown> = {}) {
  return modelOf({
    name: 'Desk',
    seed: 2,
    replications: 1,
    time: { horizon: 100 },
    stations: [{ id: 'desk', servers: 1, service: 10, waiting }],
    segments: [{ id: 'c', arrivals: { rate: 0 }, route: ['desk'], tolerance: { desired: 2, adequate: 10 } }],
    experience: { quality: { enabled: false }, satisfaction: { toleranceSpread: 0 } },
  });
}
const twoCustomers = [
  [0, 0],
  [4, 0],
] as const;

describe('what the run feeds the perception and the score', () => {
  it.each([
    ['pre (the default)', {}, 1],
    ['in', { stage: 'in' }, 0.85],
    ['post', { stage: 'post' }, 1],
  ])('a %s-process wait is weighted by its stage', (_, waiting, weight) => {
    const run = runWithArrivals(desk(waiting), twoCustomers);
    expect(run.metrics.waitMean).toBe(3);
    expect(run.metrics.perceivedWaitMean).toBeCloseTo((weight * felt(6)) / 2, 12);
  });

  it('the active conditions multiply the perceived wait: occupied × anxious', () => {
    const run = runWithArrivals(desk({ occupied: true, anxious: true }), twoCustomers);
    expect(run.metrics.perceivedWaitMean).toBeCloseTo((0.735 * 1.15 * felt(6)) / 2, 12);
  });

  it.each([
    ['plain', {}, 1, 10],
    ['of high value (v = 0.5: adequate × 1.5)', { value: 0.5 }, 1, 15],
    ['uncomfortable (perceived × 1.1, adequate × 0.8)', { comfortable: false }, 1.1, 8],
    ['both', { value: 0.5, comfortable: false }, 1.1, 12],
  ])('the score of a wait that is %s compares the perceived wait with the moved adequate wait', (_, waiting, multiplier, adequate) => {
    const run = runWithArrivals(desk(waiting), twoCustomers);
    expect(run.metrics.satisfactionMean).toBeCloseTo((5 + score(multiplier * felt(6), 2, adequate)) / 2, 12);
    expect(run.metrics.withinDesiredShare).toBe(0.5);
  });
});

/** `servers` desks busy for 1000 with customers at 0, 0.1, ...; then customers at 10, 11, ... who must wait. */
function busyDesks(servers: number, balking: Record<string, unknown>, patience?: number) {
  return modelOf({
    name: 'Busy',
    seed: 9,
    replications: 1,
    time: { horizon: 5000 },
    stations: [{ id: 'desk', servers, service: 1000 }],
    segments: [{ id: 'c', arrivals: { rate: 0 }, route: ['desk'], balking, ...(patience === undefined ? {} : { patience }) }],
    experience: { quality: { enabled: false } },
  });
}
const arrivals = (busy: number, waiting: number) => [...Array.from({ length: busy }, (_, i) => [i / 10, 0] as const), ...Array.from({ length: waiting }, (_, i) => [10 + i, 0] as const)];

/** Over `runs` replications: how many of the customers after the busy ones joined, by the number waiting when they came. */
function joinsByWaiting(servers: number, balking: Record<string, unknown>, runs: number, after: number): number[] {
  const joins = Array.from({ length: after }, () => 0);
  const model = busyDesks(servers, balking);
  for (let r = 0; r < runs; r++) {
    const run = runWithArrivals(model, arrivals(servers, after), 9, r);
    let waiting = 0;
    for (let i = 0; i < after; i++) {
      // Customer servers + i met `waiting` others in line; it joined unless it balked.
      const balked = run.journey.find(servers + i, 'leave')?.outcome === 'balked';
      if (!balked) {
        if (waiting === i) joins[i]!++;
        waiting++;
      }
    }
  }
  return joins;
}

/** |x/n − p| within 3.5 binomial standard errors (fails about once in 2,000 for a right p; the seed is fixed). */
const nearShare = (x: number, n: number, p: number) => expect(Math.abs(x / n - p), `${x}/${n} against ${p.toFixed(3)}`).toBeLessThan(3.5 * Math.sqrt((p * (1 - p)) / n) + 1e-12);

describe('what the run feeds the balking rules (§3.2): k waiting, not n present', () => {
  it('geometric e^(−0.2k): with two servers busy, the first to wait always joins (k = 0), the next with e^(−0.2)', () => {
    const runs = 400;
    const joins = joinsByWaiting(2, { rule: 'geometric' }, runs, 2);
    expect(joins[0]).toBe(runs);
    nearShare(joins[1]!, runs, Math.exp(-0.2));
  });

  it('logit in k: the first to wait behind two busy servers joins with 1/(1 + e^−a0), whatever n is', () => {
    const runs = 400;
    const joins = joinsByWaiting(2, { rule: 'logit', a1: 2 }, runs, 1);
    nearShare(joins[0]!, runs, 1 / (1 + Math.exp(-2))); // with n = 2 it would be 1/(1 + e^2) = 0.12
  });

  it('linear and discouraged count n, everyone present: behind two busy servers, 1 − 2/N and 1/3', () => {
    const runs = 400;
    nearShare(joinsByWaiting(2, { rule: 'linear', maxInSystem: 4 }, runs, 1)[0]!, runs, 1 - 2 / 4);
    nearShare(joinsByWaiting(2, { rule: 'discouraged' }, runs, 1)[0]!, runs, 1 / 3);
  });

  it('wait-based: a customer joins when its own patience exceeds (k + 1)/(sμ), here 1/(1 · 1/1000) = 1000', () => {
    for (const [patience, balked] of [
      [1000.5, 0],
      [999.5, 1],
    ] as const) {
      const run = runWithArrivals(busyDesks(1, { rule: 'waitBased' }, patience), arrivals(1, 1));
      expect(run.metrics.balked, `patience ${patience}`).toBe(balked);
    }
  });
});
