/**
 * The `reservations` key resolved into each slot's plan: bookable capacity, protection for
 * walk-ins and the booking limit of each policy, against models.md V12, V13 and V14.
 */
import { describe, expect, it } from 'vitest';
import { validateScenario } from '../../src/index.js';
import { modelOf, reservationsOf, slotScenario } from './scenario.js';

const oneSlot = (servers: number, reservations: Record<string, unknown>) =>
  reservationsOf(modelOf(slotScenario({ servers, reservations: { slots: { times: [0] }, ...reservations } })));

describe('booking limits through the resolved slots (models.md §4.2, V12)', () => {
  it('LINDO airline: C = 16, p = 0.96, r = 225, h = 100 ⇒ b* = 17', () => {
    const config = oneSlot(16, { noShow: 0.04, compensation: 100, bookingLimit: { policy: 'optimal', revenue: 225 } });
    expect(config.showProbability).toBeCloseTo(0.96, 15);
    expect(config.policy).toEqual({ kind: 'optimal', revenue: 225, deniedCost: 100 });
    expect(config.slots[0]!.bookingLimit).toBe(17);
  });

  it('restaurant: C = 20 tables, p = 0.85, r = 60, h = 120 ⇒ b* = 22', () => {
    const config = oneSlot(20, { noShow: 0.15, bookingLimit: { policy: 'optimal', revenue: 60, overageCost: 120 } });
    expect(config.slots[0]!.bookingLimit).toBe(22);
  });

  it('clinic: C = 12, p = 0.80, r = 100, h = 50 ⇒ b* = 16; the heuristic C/p gives 15', () => {
    expect(oneSlot(12, { noShow: 0.2, bookingLimit: { policy: 'optimal', revenue: 100, overageCost: 50 } }).slots[0]!.bookingLimit).toBe(16);
    expect(oneSlot(12, { noShow: 0.2, bookingLimit: 'capacityOverShowRate' }).slots[0]!.bookingLimit).toBe(15);
    expect(oneSlot(12, { noShow: 0.2, bookingLimit: { policy: 'capacityOverShowRate' } }).slots[0]!.bookingLimit).toBe(15);
  });

  it('cancellations thin the shows too: p = (1 − c)(1 − q)', () => {
    const config = oneSlot(12, { cancel: 0.1, noShow: 0.2, bookingLimit: 'capacityOverShowRate' });
    expect(config.showProbability).toBeCloseTo(0.72, 15);
    expect(config.slots[0]!.bookingLimit).toBe(17); // ⌈12 / 0.72⌉ = ⌈16.67⌉
  });

  it('none accepts the bookable capacity, fixedExtra adds a number, percentage a share (rounded down)', () => {
    expect(oneSlot(20, {}).slots[0]!.bookingLimit).toBe(20);
    expect(oneSlot(20, { bookingLimit: 'none' }).slots[0]!.bookingLimit).toBe(20);
    expect(oneSlot(20, { bookingLimit: { policy: 'fixedExtra', extra: 3 } }).slots[0]!.bookingLimit).toBe(23);
    expect(oneSlot(20, { bookingLimit: { policy: 'percentage', percent: 10 } }).slots[0]!.bookingLimit).toBe(22);
    expect(oneSlot(20, { bookingLimit: { policy: 'percentage', percent: 12 } }).slots[0]!.bookingLimit).toBe(22); // 22.4
  });

  it('the limit applies to the bookable capacity, after the units protected for walk-ins', () => {
    const config = oneSlot(20, { noShow: 0.15, protection: { rule: 'fixed', units: 4 }, bookingLimit: 'capacityOverShowRate' });
    expect(config.slots[0]).toMatchObject({ capacity: 20, protectedUnits: 4, bookable: 16, bookingLimit: 19 }); // ⌈16/0.85⌉
  });
});

describe('protection for walk-ins (models.md §4.3)', () => {
  const littlewood = (walkIns: Record<string, number>) =>
    oneSlot(40, { protection: { rule: 'littlewood', reservedValue: 60, walkIns: { value: 100, ...walkIns } } });

  it('Littlewood, normal walk-in demand N(20, 5²), values 100 vs 60: y₁ = 18.7333, so 19 of 40 units are kept (V13)', () => {
    const config = littlewood({ mean: 20, sd: 5 });
    expect(config.protection.exact).toBeCloseTo(18.7333, 4);
    expect(config.slots[0]).toMatchObject({ protectedUnits: 19, bookable: 21, bookingLimit: 21 });
  });

  it('Littlewood, Poisson(20) walk-in demand: y₁ = 19 (V13)', () => {
    const config = littlewood({ mean: 20 });
    expect(config.protection.exact).toBe(19);
    expect(config.slots[0]!.bookable).toBe(21);
  });

  it('walk-ins worth no more than a booking are protected nothing', () => {
    const config = oneSlot(40, { protection: { rule: 'littlewood', reservedValue: 100, walkIns: { value: 100, mean: 20, sd: 5 } } });
    expect(config.slots[0]!.protectedUnits).toBe(0);
  });

  const fares = [
    { value: 1050, mean: 17.3, sd: 5.8 },
    { value: 567, mean: 45.1, sd: 15.0 },
    { value: 534, mean: 39.6, sd: 13.2 },
    { value: 520, mean: 34.0, sd: 11.3 },
  ];

  it('EMSR-b, bookings as the lowest of four classes: y = 16.7175, 50.9442, 83.1548; bookings get 100 − 83 = 17 units (V14: 16.85)', () => {
    const config = oneSlot(100, { protection: { rule: 'emsrb', reservedValue: 520, walkIns: fares.slice(0, 3) } });
    expect(config.protection.levels.map((y) => y.toFixed(4))).toEqual(['16.7175', '50.9442', '83.1548']);
    expect(config.protection.exact).toBeCloseTo(83.1548, 4);
    expect(config.slots[0]).toMatchObject({ protectedUnits: 83, bookable: 17 });
  });

  it('EMSR-b, bookings as the second class: only the class above is protected, y₁ = 16.7175 (V14: limit 83.28)', () => {
    const config = oneSlot(100, { protection: { rule: 'emsrb', reservedValue: 567, walkIns: [fares[0], fares[2], fares[3]] } });
    expect(config.protection.exact).toBeCloseTo(16.7175, 4);
    expect(config.slots[0]!.bookable).toBe(83);
  });

  it('EMSR-b with one walk-in class is Littlewood with normal demand', () => {
    const config = oneSlot(40, { protection: { rule: 'emsrb', reservedValue: 60, walkIns: [{ value: 100, mean: 20, sd: 5 }] } });
    expect(config.protection.exact).toBeCloseTo(18.7333, 4);
  });

  it('never protects more than the slot holds', () => {
    const config = oneSlot(3, { protection: { rule: 'fixed', units: 5 } });
    expect(config.slots[0]).toMatchObject({ protectedUnits: 3, bookable: 0, bookingLimit: 0 });
  });
});

describe('the slot grid and the defaults', () => {
  it('fills every default, each from models.md or stated as an assumption', () => {
    const config = oneSlot(4, {});
    expect(config).toMatchObject({
      segment: 0,
      station: 0,
      visit: 0,
      walkInSegments: [],
      cancelProbability: 0,
      noShowProbability: 0.08,
      punctuality: 0,
      hold: null,
      overflow: 'wait',
      compensation: 0,
      policy: { kind: 'none' },
      holdForBookings: { ahead: 100, grace: 15 }, // ahead: the mean hold (the station's service, 100)
    });
    expect(config.slots[0]).toMatchObject({ time: 0, period: 0, counted: true, capacity: 4, demand: { kind: 'full' }, appointmentTimes: [] });
  });

  it('a grid every 30 from 60 until 180 has slots at 60, 90, 120 and 150, each with the servers of its period', () => {
    const scenario = slotScenario({
      servers: 0,
      horizon: 240,
      periods: [
        { name: 'early', start: 0 },
        { name: 'late', start: 100 },
      ],
      station: { servers: { early: 2, late: 5 } },
      reservations: { slots: { every: 30, from: 60, until: 180 }, demand: { poisson: [1, 2, 3, 4] } },
    });
    const config = reservationsOf(modelOf(scenario));
    expect(config.slots.map((s) => [s.time, s.period, s.capacity])).toEqual([
      [60, 0, 2],
      [90, 0, 2],
      [120, 1, 5],
      [150, 1, 5],
    ]);
    expect(config.slots.map((s) => s.demand)).toEqual([1, 2, 3, 4].map((mean) => ({ kind: 'poisson', mean })));
  });

  it('slots before the warm-up are not counted; per-slot capacity and demand lists are read in order', () => {
    const scenario = slotScenario({ servers: 3, horizon: 100, reservations: { slots: { times: [10, 50], capacity: [2, 3] }, demand: [5, 6] } });
    (scenario.time as Record<string, unknown>).warmup = 20;
    const config = reservationsOf(modelOf(scenario));
    expect(config.slots.map((s) => [s.counted, s.capacity, s.demand])).toEqual([
      [false, 2, { kind: 'fixed', count: 5 }],
      [true, 3, { kind: 'fixed', count: 6 }],
    ]);
  });

  it('appointments spread b bookings over the session: fixed interval and Bailey–Welch (models.md §4.4)', () => {
    const session = (rule: string) =>
      oneSlot(1, { slots: { times: [0], capacity: 4 }, noShow: 0.2, bookingLimit: 'capacityOverShowRate', appointments: { rule, length: 100 } }).slots[0]!;
    expect(session('fixedInterval')).toMatchObject({ bookingLimit: 5, appointmentTimes: [0, 20, 40, 60, 80] });
    expect(session('baileyWelch').appointmentTimes).toEqual([0, 0, 20, 40, 60]);
  });

  it('names resolve to indices: the booked station, its visit slot in the route, the walk-in segments that visit it', () => {
    const scenario = slotScenario({ servers: 2, walkIns: { arrivals: { rate: 1 } }, reservations: { slots: { times: [0] }, station: 'rooms' } });
    (scenario.stations as unknown[]).unshift({ id: 'bar', servers: 1, service: 1 });
    (scenario.segments as Record<string, unknown>[])[0]!.route = ['bar', 'rooms'];
    (scenario.segments as Record<string, unknown>[]).push({ id: 'drinks', arrivals: { rate: 1 }, route: ['bar'] });
    const config = reservationsOf(modelOf(scenario));
    expect(config).toMatchObject({ segment: 0, station: 1, visit: 1, walkInSegments: [1] });
  });

  it('a hold of its own replaces the station service, and sets how far ahead units are held', () => {
    const config = oneSlot(2, { hold: { dist: 'exponential', mean: 45 }, holdForBookings: { grace: 5 } });
    expect(config.hold).toEqual({ dist: 'exponential', mean: 45 });
    expect(config.holdForBookings).toEqual({ ahead: 45, grace: 5 });
    expect(oneSlot(2, { holdForBookings: false }).holdForBookings).toBeNull();
  });

  it('the default grace is 15 minutes in the time unit; a unit that is not a clock unit asks for it when walk-ins are held off', () => {
    const inUnit = (unit: string, reservations: Record<string, unknown> = {}) => {
      const scenario = slotScenario({ servers: 2, walkIns: { arrivals: { rate: 1 } }, reservations: { slots: { times: [0] }, ...reservations } });
      return { ...scenario, time: { ...(scenario.time as object), unit } };
    };
    expect(reservationsOf(modelOf(inUnit('minute'))).holdForBookings!.grace).toBe(15);
    expect(reservationsOf(modelOf(inUnit('hour'))).holdForBookings!.grace).toBeCloseTo(0.25, 12);
    expect(reservationsOf(modelOf(inUnit('seconds'))).holdForBookings!.grace).toBeCloseTo(900, 9);
    const refused = validateScenario(inUnit('tick'));
    expect(refused.ok).toBe(false);
    if (!refused.ok) {
      expect(refused.problems.map((p) => [p.path.join('.'), p.message])).toEqual([
        ['reservations', expect.stringMatching(/default grace is 15 minutes.*"tick".*holdForBookings: \{ grace \}.*or holdForBookings: false/)],
      ]);
    }
    expect(validateScenario(inUnit('tick', { holdForBookings: { grace: 2 } })).ok).toBe(true);
    expect(validateScenario(inUnit('tick', { holdForBookings: false })).ok).toBe(true);
    const alone = slotScenario({ servers: 2, reservations: { slots: { times: [0] } } }); // no walk-ins: nothing is held off
    expect(validateScenario({ ...alone, time: { ...(alone.time as object), unit: 'tick' } }).ok).toBe(true);
  });

  it('a scenario without reservations has no entry for the lever', () => {
    const scenario = slotScenario({ servers: 1, reservations: {} });
    delete scenario.reservations;
    (scenario.segments as Record<string, unknown>[])[0]!.arrivals = { rate: 1 };
    expect(modelOf(scenario).levers).toEqual({});
  });
});
