/**
 * Results by period: customers are counted in the period in which they arrived, time
 * averages are over each period's interval.
 */
import { describe, expect, it } from 'vitest';
import { simulate, validateScenario } from '../../src/index.js';
import { buildModel, runWithArrivals } from '../model/harness.js';

const countMetrics = ['arrivals', 'served', 'balked', 'reneged', 'blocked', 'denied', 'inSystemAtEnd'] as const;

describe('metrics by period', () => {
  it('per-period counts add up to the whole-day counts, system-wide, per station and per segment', () => {
    const loaded = validateScenario({
      name: 'Three periods',
      seed: 11,
      time: { horizon: 300, warmup: 20, drain: false, periods: [{ name: 'a', start: 0 }, { name: 'b', start: 100 }, { name: 'c', start: 200 }] },
      stations: [
        { id: 'front', servers: { a: 1, b: 3, c: 2 }, queueCapacity: 4, service: { dist: 'exponential', mean: 1.5 } },
        { id: 'back', servers: 1, service: { dist: 'exponential', mean: 0.6 } },
      ],
      segments: [
        { id: 'x', arrivals: { rate: { a: 0.9, b: 1.8, c: 0.7 } }, route: ['front', 'back'], patience: { dist: 'exponential', mean: 3 }, balkAt: 3 },
        { id: 'y', arrivals: { rate: 0.4 }, route: ['back'] },
      ],
    });
    if (!loaded.ok) throw new Error(JSON.stringify(loaded.problems));
    for (let replication = 0; replication < 5; replication++) {
      const result = simulate(loaded.model, replication);
      expect(result.periods).toHaveLength(3);
      for (const name of countMetrics) {
        const sum = (pick: (p: (typeof result.periods)[number]) => number | undefined) => result.periods.reduce((total, p) => total + (pick(p) ?? NaN), 0);
        expect(sum((p) => p.metrics[name])).toBe(result.metrics[name]);
        result.segments.forEach((segment, i) => expect(sum((p) => p.segments[i]![name])).toBe(segment[name]));
        if (name !== 'denied') result.stations.forEach((station, i) => expect(sum((p) => p.stations[i]![name])).toBe(station[name]));
      }
      expect(result.periods[1]!.metrics.arrivals).toBeGreaterThan(result.periods[0]!.metrics.arrivals!);
    }
  });

  it('a period’s utilisation, queue length and waits match a hand-computed case', () => {
    // One server in period p0 [0, 10), two in p1 [10, 20). Customers arrive at 0, 0, 0 and 12,
    // each needing 6. The first server serves 0–6 and 6–12; the second comes on duty at 10
    // and takes the third customer 10–16; the one arriving at 12 finds the first server free
    // (12–18).
    //   p0: busy 10 of 10 server-minutes; waiting 2 during [0, 6), 1 during [6, 10) → 16/10;
    //       waits of its arrivals 0, 6, 10 → mean 16/3.
    //   p1: busy 8 (first server 10–18) + 6 (second 10–16) = 14 of 20; nobody waits.
    const model = buildModel({
      horizon: 20,
      periodStarts: [0, 10],
      stations: [{ id: 'desk', servers: [1, 2] }],
      segments: [{ id: 'all', route: ['desk'], service: 6 }],
    });
    const run = runWithArrivals(model, [
      [0, 0],
      [0, 0],
      [0, 0],
      [12, 0],
    ]);
    const [p0, p1] = run.periods;
    expect(p0!.stations[0]!.utilisation).toBeCloseTo(10 / 10, 12);
    expect(p0!.stations[0]!.queueLengthMean).toBeCloseTo(16 / 10, 12);
    expect(p1!.stations[0]!.utilisation).toBeCloseTo(14 / 20, 12);
    expect(p1!.stations[0]!.queueLengthMean).toBe(0);
    expect(p0!.metrics.arrivals).toBe(3);
    expect(p1!.metrics.arrivals).toBe(1);
    // waits by period of arrival
    expect(p0!.metrics.waitMean).toBeCloseTo(16 / 3, 12);
    expect(p1!.metrics.waitMean).toBe(0);
    // the whole run is the time-weighted blend of the periods
    expect(run.stations[0]!.utilisation).toBeCloseTo(24 / 30, 12);
  });

  it('with one period, the period’s values are the whole run’s', () => {
    const model = buildModel({ horizon: 50, stations: [{ id: 'desk', servers: 1 }], segments: [{ id: 'all', route: ['desk'], service: 0.8, rates: 1 }] });
    const run = runWithArrivals(model, []);
    expect(run.periods).toHaveLength(1);
    expect(run.periods[0]).toEqual({ metrics: run.metrics, stations: run.stations, segments: run.segments });
  });
});
