/**
 * One replication through the public API: a scenario object is validated into a Model, then
 * simulate(model, replication, seed) gives that replication's metrics.
 */
import { describe, expect, it } from 'vitest';
import { simulate, type Model, type ReplicationResult } from '../../src/index.js';
import type { MetricValues } from '../../src/metrics/catalogue.js';
import { modelOf } from '../model-of.js';

const outcomes = ['served', 'balked', 'reneged', 'blocked', 'denied', 'inSystemAtEnd'] as const;

/** arrivals = served + balked + reneged + blocked + denied + inSystemAtEnd (denied: 0 at a station). */
function expectConservation(values: MetricValues, where: string): void {
  const accounted = outcomes.reduce((sum, name) => sum + (values[name] ?? 0), 0);
  expect(accounted, `${where}: ${JSON.stringify(values)}`).toBe(values.arrivals);
}

function expectConservationEverywhere(result: ReplicationResult, model: Model): void {
  expectConservation(result.metrics, `replication ${result.replication}, system`);
  result.stations.forEach((s, i) => expectConservation(s, `replication ${result.replication}, station ${model.stations[i]!.id}`));
  result.segments.forEach((s, i) => expectConservation(s, `replication ${result.replication}, segment ${model.segments[i]!.id}`));
  // The segments partition the system's customers.
  for (const name of ['arrivals', ...outcomes] as const) {
    expect(result.segments.reduce((sum, s) => sum + s[name]!, 0), name).toBe(result.metrics[name]);
  }
}

const bank = {
  name: 'Bank branch: "quotes", <tags> & ünïcödé',
  seed: 42,
  replications: 3,
  time: {
    horizon: 240,
    periods: [
      { name: 'morning', start: 0 },
      { name: 'lunch', start: 90 },
      { name: 'afternoon', start: 150 },
    ],
  },
  stations: [
    { id: 'counter', servers: { morning: 2, lunch: 3, afternoon: 1 }, queueCapacity: 8, service: { dist: 'exponential', mean: 3 } },
    { id: 'advice', servers: 1, service: { dist: 'lognormal', mean: 10, sd: 4 } },
  ],
  segments: [
    { id: 'quick', arrivals: { rate: { morning: 0.6, lunch: 1.2, afternoon: 0.5 } }, route: ['counter'], patience: { dist: 'exponential', mean: 8 }, balkAt: 5 },
    { id: 'advice', arrivals: { rate: 0.08 }, route: ['counter', 'advice'], patience: 20 },
  ],
};

describe('simulate (public API)', () => {
  it('conserves customers in every replication: system-wide, per station and per segment', () => {
    const model = modelOf(bank);
    for (let r = 0; r < 5; r++) {
      const result = simulate(model, r);
      expect(result.metrics.arrivals).toBeGreaterThan(100);
      expectConservationEverywhere(result, model);
    }
  });

  it('conserves customers with drain: false (those inside at the horizon are inSystemAtEnd)', () => {
    const model = modelOf({ ...bank, time: { ...bank.time, drain: false } });
    let inside = 0;
    for (let r = 0; r < 5; r++) {
      const result = simulate(model, r);
      expect(result.endTime).toBe(240);
      expectConservationEverywhere(result, model);
      inside += result.metrics.inSystemAtEnd!;
    }
    expect(inside).toBeGreaterThan(0);
  });

  it('with drain: true nobody is left inside and the run ends at or after the horizon', () => {
    const model = modelOf(bank);
    for (let r = 0; r < 3; r++) {
      const result = simulate(model, r);
      expect(result.metrics.inSystemAtEnd).toBe(0);
      expect(result.endTime).toBeGreaterThanOrEqual(240);
    }
  });

  it('reports every metric of the catalogue in range: counts are whole, rates and utilisation in [0, 1]', () => {
    const model = modelOf(bank);
    const result = simulate(model, 0);
    for (const values of [result.metrics, ...result.stations]) {
      for (const name of ['arrivals', ...outcomes] as const) expect(Number.isInteger(values[name])).toBe(true);
      expect(values.utilisation).toBeGreaterThan(0);
      expect(values.utilisation).toBeLessThanOrEqual(1);
      expect(values.abandonmentRate).toBeGreaterThanOrEqual(0);
      expect(values.abandonmentRate).toBeLessThanOrEqual(1);
      expect(values.waitP50!).toBeLessThanOrEqual(values.waitP90!);
      expect(values.waitP90!).toBeLessThanOrEqual(values.waitP95!);
      expect(values.overtime).toBeGreaterThanOrEqual(0);
      expect(values.queueLengthMean).toBeGreaterThanOrEqual(0);
    }
  });

  it('a tandem line whose second station is as fast as the first (deterministic, no waiting places there) blocks nobody at the second', () => {
    // Each customer reaches the second station no earlier than its predecessor leaves it, so
    // a server is always free there at that instant (service ends come before newcomers).
    const model = modelOf({
      name: 'tandem',
      replications: 1,
      time: { horizon: 600 },
      stations: [
        { id: 'first', servers: 1, service: 5 },
        { id: 'second', servers: 1, queueCapacity: 0, service: 5 },
      ],
      segments: [{ id: 'job', arrivals: { rate: 0.15 }, route: ['first', 'second'] }],
    });
    for (let r = 0; r < 3; r++) {
      const result = simulate(model, r);
      expect(result.stations[1]!.blocked, `replication ${r}`).toBe(0);
      expect(result.metrics.served).toBe(result.metrics.arrivals);
    }
  });
});
