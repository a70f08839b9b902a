/**
 * The reservations lever inside the simulation, against the static overbooking model
 * (models.md §4.1–4.2): one slot of C units, b bookings, everyone who shows arrives at the
 * slot time and holds the unit past the horizon, and shows beyond C are denied. Then
 * denied = (S − C)⁺ and emptySlots = (C − S)⁺ with S ~ Binomial(b, p), and the profit
 * r·served − h·denied has the expectation of overbooking.ts, which peaks at b*.
 */
import { describe, expect, it } from 'vitest';
import { runReplications } from '../../src/index.js';
import { summariseValues } from '../../src/metrics/summarise.js';
import { expectedDenied, expectedEmpty, expectedProfit, optimalBookingLimit } from '../../src/reservations/overbooking.js';
import { expectInCi } from '../theory/expect-in-ci.js';
import { modelOf, slotScenario } from './scenario.js';

function staticSlot(capacity: number, bookings: number, noShow: number, replications: number, compensation = 0) {
  return modelOf(
    slotScenario({
      servers: capacity,
      replications,
      seed: 2026,
      reservations: {
        slots: { times: [0] },
        noShow,
        overflow: 'deny',
        compensation,
        bookingLimit: { policy: 'fixedExtra', extra: bookings - capacity },
      },
    }),
  );
}

describe('a static slot: denied and empty capacity are the binomial expectations (models.md §4.1)', () => {
  const capacity = 10;
  const p = 0.8;
  for (const bookings of [11, 12, 13, 14]) {
    it(`b = ${bookings}, C = ${capacity}, p = ${p}: mean denied ≈ E[(S − C)⁺], mean emptySlots ≈ E[(C − S)⁺]`, () => {
      const { summary } = runReplications(staticSlot(capacity, bookings, 1 - p, 2500));
      expect(summary.metrics.bookings!.mean).toBe(bookings);
      expectInCi(summary.metrics.denied, expectedDenied(bookings, p, capacity), `denied, b = ${bookings}`, { maxRelativeHalfWidth: 0.15 });
      expectInCi(summary.metrics.emptySlots, expectedEmpty(bookings, p, capacity), `emptySlots, b = ${bookings}`, { maxRelativeHalfWidth: 0.15 });
      expectInCi(summary.metrics.shows, bookings * p, `shows, b = ${bookings}`, { maxRelativeHalfWidth: 0.02 });
    });
  }

  it('without overbooking nobody is denied, in any replication', () => {
    const { replications } = runReplications(staticSlot(capacity, capacity, 1 - p, 200));
    expect(replications.every((r) => r.metrics.denied === 0)).toBe(true);
    expect(replications.every((r) => r.metrics.emptySlots === capacity - r.metrics.shows!)).toBe(true);
  });

  it('in each replication denied = (shows − C)⁺ and emptySlots = (C − shows)⁺ exactly', () => {
    const { replications } = runReplications(staticSlot(capacity, 14, 1 - p, 300));
    for (const r of replications) {
      expect(r.metrics.denied).toBe(Math.max(0, r.metrics.shows! - capacity));
      expect(r.metrics.emptySlots).toBe(Math.max(0, capacity - r.metrics.shows!));
      expect(r.segments[0]!.served).toBe(Math.min(capacity, r.metrics.shows!));
    }
  });
});

describe('the simulated expected-profit curve peaks at b* (models.md §4.2)', () => {
  /** Per replication r·(booked customers served) − h·denied, at each booking level, on common random numbers. */
  function profitCurve(capacity: number, p: number, revenue: number, deniedCost: number, levels: number[], replications: number) {
    return levels.map((bookings) => {
      const run = runReplications(staticSlot(capacity, bookings, 1 - p, replications, deniedCost));
      return run.replications.map((r) => revenue * r.segments[0]!.served! - r.metrics.deniedCost!);
    });
  }

  it('LINDO airline, C = 16, p = 0.96, r = 225, h = 100: the curve follows E[profit] (3456.00, 3509.63, 3459.35 at 16, 17, 18) and peaks at 17', () => {
    const levels = [16, 17, 18, 19];
    const curve = profitCurve(16, 0.96, 225, 100, levels, 2000);
    const means = curve.map((values, i) => {
      const summary = summariseValues(values);
      expectInCi(summary, expectedProfit(levels[i]!, 0.96, 16, 225, 100), `profit at b = ${levels[i]}`, { maxRelativeHalfWidth: 0.01 });
      return summary.mean!;
    });
    const best = levels[means.indexOf(Math.max(...means))];
    expect(best).toBe(optimalBookingLimit(16, 0.96, 225, 100));
    expect(best).toBe(17);
    // The peak is real, not noise: paired differences (same draws) against both neighbours.
    for (const neighbour of [0, 2]) {
      const gain = summariseValues(curve[1]!.map((v, r) => v - curve[neighbour]![r]!));
      expect(gain.ci95![0], `b = 17 vs b = ${levels[neighbour]}`).toBeGreaterThan(0);
    }
  });

  it('restaurant (C = 20, p = 0.85, r = 60, h = 120) and clinic (C = 12, p = 0.8, r = 100, h = 50): the simulated curve matches E[profit] at every level', () => {
    for (const [capacity, p, revenue, cost, levels] of [
      [20, 0.85, 60, 120, [20, 21, 22, 23, 24]],
      [12, 0.8, 100, 50, [14, 15, 16, 17, 18]],
    ] as const) {
      profitCurve(capacity, p, revenue, cost, [...levels], 1000).forEach((values, i) =>
        expectInCi(summariseValues(values), expectedProfit(levels[i]!, p, capacity, revenue, cost), `profit at b = ${levels[i]}, C = ${capacity}`, { maxRelativeHalfWidth: 0.02 }),
      );
    }
  });
});

describe('the booked station after a choice among stations', () => {
  /** Guests go first to the bar (or one of two bars), then to the booked rooms. */
  const scenario = (first: unknown) => ({
    name: 'bar, then rooms',
    seed: 3,
    replications: 20,
    time: { horizon: 100 },
    stations: [
      { id: 'bar', servers: 5, service: 1 },
      { id: 'cellar', servers: 5, service: 1 },
      { id: 'rooms', servers: 2, service: 30 },
    ],
    segments: [{ id: 'guests', arrivals: { rate: 0 }, route: [first, 'rooms'] }],
    reservations: { segment: 'guests', station: 'rooms', slots: { times: [0], capacity: 2 }, bookingLimit: { policy: 'fixedExtra', extra: 2 }, noShow: 0, overflow: 'deny', hold: 5 },
  });

  it('is booked as after a plain step: the same denials, and the hold replaces the rooms draw', () => {
    const plain = runReplications(modelOf(scenario('bar'))).summary;
    const chosen = runReplications(modelOf(scenario({ choose: ['bar', 'cellar'] }))).summary;
    // 4 bookings for 2 units, everyone shows and holds a unit 5 past the horizon's slot: 2 denied.
    expect(plain.metrics.denied!.mean).toBe(2);
    for (const name of ['denied', 'served', 'bookings', 'shows', 'reservedWaitMean'] as const) {
      expect(chosen.metrics[name]!.mean, name).toBe(plain.metrics[name]!.mean);
    }
    expect(chosen.stations.rooms!.served!.mean).toBe(2);
  });
});
