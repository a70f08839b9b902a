/**
 * The host at the booked station: booked customers are owed their slot's bookable units,
 * cancellations and no-shows never take a unit, walk-ins are held off units owed to bookings
 * due soon, and customers beyond capacity wait or are denied as the scenario says.
 */
import { describe, expect, it } from 'vitest';
import { runReplications } from '../../src/index.js';
import { modelOf, slotScenario } from './scenario.js';

/** Ten rooms, everyone who shows at t = 0 holds a room for 100; walk-ins arrive fast and never wait. */
function tenRooms(reservations: Record<string, unknown>, replications = 100) {
  return modelOf(
    slotScenario({
      servers: 10,
      horizon: 50,
      replications,
      station: { queueCapacity: 0 },
      periods: [
        { name: 'grace', start: 0 },
        { name: 'after', start: 15 },
      ],
      walkIns: { arrivals: { rate: 5 } },
      reservations: { slots: { times: [0] }, ...reservations },
    }),
  );
}

describe('cancellations and no-shows never take capacity', () => {
  it('every unit a booked customer does not come for goes to a walk-in', () => {
    const { replications } = runReplications(tenRooms({ cancel: 0.2, noShow: 0.2, holdForBookings: false }));
    for (const r of replications) {
      const shows = r.metrics.shows!;
      expect(r.segments[0]!.served).toBe(shows);
      expect(r.metrics.walkInsServed).toBe(10 - shows);
      expect(r.metrics.emptySlots).toBe(10 - shows);
      expect(r.metrics.walkInsTurnedAway).toBe(0);
    }
    expect(replications.some((r) => r.metrics.shows! < 8)).toBe(true);
  });

  it('a no-show’s unit is held until the grace is over, then goes to a walk-in', () => {
    const { replications } = runReplications(tenRooms({ noShow: 0.3, holdForBookings: { grace: 15 } }));
    for (const r of replications) {
      const [grace, after] = r.periods;
      expect(grace!.metrics.walkInsServed).toBe(0);
      expect(grace!.metrics.walkInsTurnedAway).toBe(r.metrics.shows === 10 ? 0 : grace!.segments[1]!.arrivals);
      expect(after!.metrics.walkInsServed).toBe(10 - r.metrics.shows!);
      expect(after!.metrics.walkInsTurnedAway).toBe(0);
    }
  });

  it('a cancelled booking is known in advance: its unit is never held', () => {
    const { replications } = runReplications(tenRooms({ cancel: 0.3, noShow: 0 }));
    for (const r of replications) {
      expect(r.metrics.walkInsTurnedAway).toBe(0);
      expect(r.periods[0]!.metrics.walkInsServed).toBe(10 - r.metrics.shows!);
    }
  });
});

describe('booked customers beyond capacity', () => {
  /** 12 units, 2 protected for walk-ins, so 10 bookable; 13 booked, all come at t = 0. */
  const overbooked = (overflow: string) =>
    modelOf(
      slotScenario({
        servers: 12,
        replications: 5,
        reservations: { slots: { times: [0] }, noShow: 0, overflow, protection: { rule: 'fixed', units: 2 }, bookingLimit: { policy: 'fixedExtra', extra: 3 }, compensation: 40 },
      }),
    );

  it('deny: seated on a free unit nobody else is owed, denied when there is none, at the compensation cost', () => {
    for (const r of runReplications(overbooked('deny')).replications) {
      expect(r.metrics).toMatchObject({ bookings: 13, shows: 13, denied: 1, deniedCost: 40, emptySlots: 0, reservedWaitMean: 0 });
      expect(r.segments[0]).toMatchObject({ served: 12, denied: 1 });
    }
  });

  it('wait: nobody is denied; the one beyond capacity waits for a unit', () => {
    for (const r of runReplications(overbooked('wait')).replications) {
      expect(r.metrics).toMatchObject({ shows: 13, denied: 0, deniedCost: 0 });
      expect(r.segments[0]!.served).toBe(13);
      expect(r.metrics.reservedWaitMean).toBeCloseTo(100 / 13, 12); // one of 13 waits a whole hold of 100
    }
  });
});

describe('walk-ins before a slot', () => {
  it('are turned away once the slot’s units are owed (from one mean hold before it), and booked customers never wait', () => {
    const model = modelOf(
      slotScenario({
        servers: 5,
        horizon: 200,
        replications: 50,
        service: 30,
        station: { queueCapacity: 0 },
        periods: [
          { name: 'free', start: 0 },
          { name: 'held', start: 70 },
          { name: 'slot', start: 100 },
        ],
        walkIns: { arrivals: { rate: { free: 0.2, held: 0.2, slot: 0 } } },
        reservations: { slots: { times: [100] }, noShow: 0 },
      }),
    );
    for (const r of runReplications(model).replications) {
      const [free, held] = r.periods;
      expect(free!.metrics.walkInsTurnedAway).toBe(0);
      expect(held!.metrics.walkInsTurnedAway).toBe(held!.segments[1]!.arrivals);
      expect(r.metrics.reservedWaitMean).toBe(0);
    }
  });
});

describe('the wait past the booked time', () => {
  const twoForOne = (punctuality: number) =>
    modelOf(slotScenario({ servers: 1, service: 10, horizon: 50, replications: 2, reservations: { slots: { times: [20] }, noShow: 0, bookingLimit: { policy: 'fixedExtra', extra: 1 }, punctuality } }));

  it('counts from the booked time for the early, from their arrival for the late', () => {
    // Early by 5: both arrive at 15; the first starts at 15 (0 past 20), the second at 25 (5 past).
    expect(runReplications(twoForOne(-5)).summary.metrics.reservedWaitMean!.mean).toBe(2.5);
    // Late by 3: both arrive at 23; the first starts at once (0), the second at 33 (10 past its arrival).
    expect(runReplications(twoForOne(3)).summary.metrics.reservedWaitMean!.mean).toBe(5);
  });
});
