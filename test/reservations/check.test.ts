/**
 * Problems with the `reservations` key are reported with their key path, together with every
 * other problem of the file, before anything runs.
 */
import { describe, expect, it } from 'vitest';
import { validateScenario } from '../../src/index.js';
import { modelOf, reservationsOf, slotScenario } from './scenario.js';

function problemsOf(scenario: Record<string, unknown>): string[] {
  const loaded = validateScenario(scenario, 'test.yaml');
  return loaded.ok ? [] : loaded.problems.map((p) => `${p.path.join('.')}: ${p.message}`);
}

/** The visit slot whose service time a booking's hold replaces. */
function resolvedStep(scenario: Record<string, unknown>): number {
  return reservationsOf(modelOf(scenario)).visit;
}

const withReservations = (reservations: Record<string, unknown>, servers = 2) => slotScenario({ servers, horizon: 100, reservations: { slots: { times: [0] }, ...reservations } });

describe('checks of the reservations key', () => {
  it('names an existing segment, with a hint for a typo', () => {
    expect(problemsOf(withReservations({ segment: 'guest' }))).toEqual(['reservations.segment: unknown segment "guest" (did you mean "guests"?)']);
  });

  it('the booked segment comes only by booking: its arrivals.rate must be 0', () => {
    const scenario = withReservations({});
    (scenario.segments as Record<string, unknown>[])[0]!.arrivals = { rate: 0.5 };
    expect(problemsOf(scenario)).toEqual(['reservations.segment: the customers of "guests" come by booking: set its arrivals.rate to 0 (walk-ins are another segment)']);
  });

  it('the booked station exists and is on the segment’s route', () => {
    expect(problemsOf(withReservations({ station: 'room' }))).toEqual(['reservations.station: unknown station "room" (did you mean "rooms"?)']);
    const scenario = withReservations({ station: 'bar' });
    (scenario.stations as unknown[]).push({ id: 'bar', servers: 1, service: 1 });
    expect(problemsOf(scenario)).toEqual(['reservations.station: the route of "guests" does not visit "bar"']);
  });

  it('the booked visit (the station’s first) is a plain step of the route, not one of a choice (a booking is for one station)', () => {
    const withChoice = (reservations: Record<string, unknown>) => {
      const scenario = withReservations(reservations);
      (scenario.stations as unknown[]).push({ id: 'bar', servers: 1, service: 1 });
      (scenario.segments as Record<string, unknown>[])[0]!.route = [{ choose: ['bar', 'rooms'] }];
      return scenario;
    };
    expect(problemsOf(withChoice({ station: 'rooms' }))).toEqual([
      'reservations.station: "rooms" is one of the stations "guests" chooses among at a step of its route; a booking is for one station: make it a plain step (route: [rooms])',
    ]);
    expect(problemsOf(withChoice({}))).toEqual([
      'reservations.segment: the first step of "guests" is a choice among stations; a booking is for one station: make the booked station a plain step of the route and name it in reservations.station',
    ]);
    const bothWays = withChoice({ station: 'rooms' });
    (bothWays.segments as Record<string, unknown>[])[0]!.route = [{ choose: ['bar', 'rooms'] }, 'rooms'];
    expect(problemsOf(bothWays)).toHaveLength(1); // its first visit is the choice
    const plainFirst = withChoice({ station: 'rooms' });
    (plainFirst.segments as Record<string, unknown>[])[0]!.route = ['rooms', { choose: ['bar', 'rooms'] }];
    expect(problemsOf(plainFirst)).toEqual([]); // the first visit is booked; the choice later is not
    const choiceFirst = withChoice({ station: 'rooms' });
    (choiceFirst.stations as unknown[]).push({ id: 'cellar', servers: 1, service: 1 });
    (choiceFirst.segments as Record<string, unknown>[])[0]!.route = [{ choose: ['bar', 'cellar'] }, 'rooms'];
    expect(problemsOf(choiceFirst)).toEqual([]);
    expect(resolvedStep(choiceFirst)).toBe(2); // the visit slot of rooms, after the choice's two
  });

  it('slots are ascending, before the horizon, and lists have one value per slot', () => {
    expect(problemsOf(withReservations({ slots: { times: [50, 20] } }))).toEqual(['reservations.slots.times: slot times must be in ascending order, each once']);
    expect(problemsOf(withReservations({ slots: { times: [0, 100] } }))).toEqual(['reservations.slots.times: every slot must be before the horizon (100)']);
    expect(problemsOf(withReservations({ slots: { every: 10, until: 200 } }))).toEqual(['reservations.slots.until: until must not be after the horizon (100)']);
    expect(problemsOf(withReservations({ slots: { times: [0, 50], capacity: [1] }, demand: [1, 2, 3] }))).toEqual([
      'reservations.slots.capacity: gives 1 values for 2 slots',
      'reservations.demand: gives 3 values for 2 slots',
    ]);
  });

  it('appointments need the session capacity', () => {
    expect(problemsOf(withReservations({ appointments: { rule: 'baileyWelch', length: 60 } }))).toEqual([
      'reservations.slots.capacity: appointments need the capacity of each session (how many customers it is planned for)',
    ]);
  });

  it('the optimal limit needs a cost for a customer who shows beyond capacity, and bookings that can show', () => {
    expect(problemsOf(withReservations({ bookingLimit: { policy: 'optimal', revenue: 10 } }))).toEqual([
      'reservations.bookingLimit: the optimal limit needs the cost of a customer who shows beyond capacity: give overageCost, or a compensation above 0',
    ]);
    expect(problemsOf(withReservations({ noShow: 1, bookingLimit: 'capacityOverShowRate' }))).toEqual([
      'reservations.bookingLimit: capacityOverShowRate needs bookings that can show: cancel or noShow is 1',
    ]);
  });

  it('an optimal limit no number of bookings reaches is the file\'s problem, not an internal error', () => {
    const hopeless = 'reservations.bookingLimit: the optimal limit is the fewest bookings that show at least 2 with probability r/(r + h) = 0.990; with a show probability of 0.00100, no limit up to 1,000 bookings for 2 units reaches it: raise the cost of a customer who shows beyond capacity (overageCost, or compensation), lower noShow or cancel, or give a fixed limit';
    expect(problemsOf(withReservations({ noShow: 0.999, compensation: 1, bookingLimit: { policy: 'optimal', revenue: 100 } }))).toEqual([hopeless]);
  });

  it('Littlewood values too far apart for their ratio to be a number are the file\'s problem, not an internal error', () => {
    expect(problemsOf(withReservations({ protection: { rule: 'littlewood', reservedValue: 1e-308, walkIns: { value: 1e308, mean: 5 } } }))).toEqual([
      'reservations.protection.reservedValue: reservedValue 1e-308 against walkIns.value 1e+308: their ratio is too small to compute with (below 1e-16); give both in one sensible scale',
    ]);
    // Normal demand takes the 1 − ratio quantile: a ratio 1 − ratio cannot tell from 1 is as hopeless.
    expect(problemsOf(withReservations({ protection: { rule: 'littlewood', reservedValue: 1, walkIns: { value: 1e17, mean: 5, sd: 0 } } }))).toEqual([
      'reservations.protection.reservedValue: reservedValue 1 against walkIns.value 100000000000000000: their ratio is too small to compute with (below 1e-16); give both in one sensible scale',
    ]);
    expect(problemsOf(withReservations({ protection: { rule: 'littlewood', reservedValue: 60, walkIns: { value: 100, mean: 5 } } }))).toEqual([]);
  });

  it('a key of another booking-limit policy says which policy it goes with, and a misspelt one which key was meant', () => {
    expect(problemsOf(withReservations({ bookingLimit: { policy: 'fixedExtra', extra: 1, revenue: 60 } }))).toEqual([
      'reservations.bookingLimit.revenue: unknown key "revenue": it goes with policy: optimal, not policy: fixedExtra; allowed here: policy, extra',
    ]);
    expect(problemsOf(withReservations({ bookingLimit: { policy: 'none', percent: 10 } }))).toEqual([
      'reservations.bookingLimit.percent: unknown key "percent": it goes with policy: percentage, not policy: none; allowed here: policy',
    ]);
    expect(problemsOf(withReservations({ bookingLimit: { policy: 'fixedExtra', extr: 1 } }))).toEqual([
      'reservations.bookingLimit.extr: unknown key "extr" (did you mean "extra"?); allowed here: policy, extra',
    ]);
    expect(problemsOf(withReservations({ bookingLimit: { polcy: 'optimal' } }))).toEqual([
      'reservations.bookingLimit.polcy: unknown key "polcy" (did you mean "policy"?); allowed here: policy, extra, percent, revenue, overageCost',
    ]);
  });

  it('shape errors come from the schema: probabilities, policies, unknown keys', () => {
    expect(problemsOf(withReservations({ noShow: 1.5 }))).toEqual(['reservations.noShow: noShow must be between 0 and 1']);
    expect(problemsOf(withReservations({ overflow: 'refuse' }))).toEqual(['reservations.overflow: overflow must be wait or deny; got "refuse"']);
    expect(problemsOf(withReservations({ noshow: 0.1 }))[0]).toMatch(/^reservations.noshow: unknown key "noshow" \(did you mean "noShow"\?\)/);
  });
});
