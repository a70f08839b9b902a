/**
 * The waiting experience inside the simulation: perception switched off equals the clock,
 * slips counted exactly, and a scenario without experience keys untouched.
 */
import { describe, expect, it } from 'vitest';
import { runReplications, simulate, validateScenario } from '../../src/index.js';
import { metricsOf } from '../../src/metrics/catalogue.js';
import { experienceMetrics } from '../../src/experience/lever.js';
import { buildModel, runWithArrivals } from '../model/harness.js';
import { experienceLever } from '../../src/experience/lever.js';
import { resolveExperience } from '../../src/experience/config.js';
import { modelOf } from '../model-of.js';

const base = {
  name: 'Experience check',
  seed: 17,
  replications: 6,
  time: { horizon: 600, periods: [{ name: 'a', start: 0 }, { name: 'b', start: 300 }] },
  stations: [
    { id: 'front', servers: { a: 2, b: 3 }, discipline: 'priority', service: { dist: 'exponential', mean: 1.6 } },
    { id: 'back', servers: 1, service: { dist: 'exponential', mean: 0.7 } },
  ],
  segments: [
    { id: 'vip', priority: 0, arrivals: { rate: 0.4 }, route: ['front', 'back'] },
    { id: 'regular', arrivals: { rate: { a: 1.2, b: 1.4 } }, route: ['front'], patience: { dist: 'exponential', mean: 5 } },
  ],
};

describe('the waiting experience lever', () => {
  it('with perception switched off, each perceived metric equals its clock twin exactly, in every scope and period', () => {
    const { summary } = runReplications(modelOf({ ...base, experience: { perception: { enabled: false } } }));
    const pairs = [
      ['perceivedWaitMean', 'waitMean'],
      ['perceivedWaitP90', 'waitP90'],
    ] as const;
    const scopes = [summary.metrics, ...Object.values(summary.stations), ...Object.values(summary.segments)];
    for (const period of Object.values(summary.periods!)) scopes.push(period.metrics, ...Object.values(period.stations), ...Object.values(period.segments));
    for (const metrics of scopes) {
      for (const [felt, clock] of pairs) expect(metrics[felt]).toEqual(metrics[clock]);
    }
  });

  it('switched on, perceived waits are longer than clock waits for these short unoccupied waits (b < 1 overestimates short waits)', () => {
    const { summary } = runReplications(modelOf({ ...base, experience: {} }));
    expect(summary.metrics.perceivedWaitMean!.mean!).toBeGreaterThan(summary.metrics.waitMean!.mean!);
  });

  it('turning the experience on changes no arrival, service or patience draw: the clock metrics stay identical', () => {
    const plain = runReplications(modelOf(base)).summary;
    const withExperience = runReplications(modelOf({ ...base, experience: {}, stations: base.stations.map((s) => ({ ...s, waiting: { occupied: true } })) })).summary;
    for (const name of ['arrivals', 'served', 'reneged', 'waitMean', 'waitP90', 'utilisation'] as const) {
      expect(withExperience.metrics[name]).toEqual(plain.metrics[name]);
    }
  });

  it('reports its metrics only when the scenario has `experience`', () => {
    const names = experienceMetrics.map((m) => m.name);
    expect(metricsOf(modelOf(base)).map((m) => m.name)).not.toContain('satisfactionMean');
    expect(metricsOf(modelOf({ ...base, experience: {} })).map((m) => m.name)).toEqual(expect.arrayContaining(names));
    const result = simulate(modelOf({ ...base, experience: {} }), 0);
    for (const name of names) expect(result.metrics[name], name).toBeDefined();
  });

  it('keys without `experience` are reported, not ignored', () => {
    const loaded = validateScenario({ ...base, segments: [{ ...base.segments[1]!, tolerance: 'bank' }] });
    expect(loaded.ok).toBe(false);
    if (!loaded.ok) expect(loaded.problems[0]!.message).toContain('has no effect without the top-level key experience');
  });
});

describe('slips and skips', () => {
  /** One server, service 10. A (regular) at 0 is served at once; B (regular) at 1 waits; C (vip) at 2 overtakes B. */
  const model = buildModel({
    horizon: 100,
    stations: [{ id: 'desk', servers: 1, discipline: 'priority' }],
    segments: [
      { id: 'regular', route: ['desk'], service: 10, priority: 1 },
      { id: 'vip', route: ['desk'], service: 10, priority: 0 },
    ],
  });

  function withExperience(discipline: 'priority' | 'fifo') {
    const m = { ...model, stations: model.stations.map((s) => ({ ...s, discipline })), priorityClasses: discipline === 'priority' ? 2 : 1 };
    const data = { experience: { quality: { enabled: false } }, stations: [{}], segments: [{}, {}] };
    const config = resolveExperience(data as never, m)!;
    return { ...m, levers: { [experienceLever.name]: config } };
  }

  it('a priority line: the regular overtaken by the VIP has exactly one slip, nobody else any', () => {
    const run = runWithArrivals(withExperience('priority'), [
      [0, 0],
      [1, 0],
      [2, 1],
    ]);
    // C starts at 10 (overtaking B), B at 20.
    expect(run.journey.find(1, 'start')!.time).toBe(20);
    expect(run.journey.find(2, 'start')!.time).toBe(10);
    expect(run.metrics.slipsMean).toBeCloseTo(1 / 3, 12);
    expect(run.segments[0]!.slipsMean).toBeCloseTo(1 / 2, 12); // regulars A (0) and B (1)
    expect(run.segments[1]!.slipsMean).toBe(0);
    expect(run.stations[0]!.slipsMean).toBeCloseTo(1 / 3, 12);
  });

  it('one FIFO line: nobody is ever overtaken', () => {
    const run = runWithArrivals(withExperience('fifo'), [
      [0, 0],
      [1, 0],
      [2, 1],
    ]);
    expect(run.metrics.slipsMean).toBe(0);
  });
});
