/**
 * Resolution of the `reservations` key (already validated and checked) into the lever's part
 * of the model: names to indices, defaults filled, and for each slot its capacity, the units
 * protected for walk-ins, the bookable capacity C and the booking limit b chosen by the
 * policy (models.md §4.1–4.4). Nothing here draws a random number.
 */
import { LeverResolveProblem, type ScenarioData } from '../levers/lever.js';
import type { Model } from '../model/model.js';
import { unitsPerMinute } from '../model/units.js';
import { meanOf } from '../random/distributions.js';
import { toDistribution } from '../scenario/resolve.js';
import { baileyWelchSlots, fixedIntervalSlots } from './appointments.js';
import type { ReservationsConfig, SlotDemand, SlotPlan } from './config.js';
import { reservationDefaults, type ReservationsFile } from './keys.js';
import { bookingLimit, criticalFractile, optimalSearchBound, showProbability, type BookingLimitPolicy } from './overbooking.js';
import { protectedUnits, protectionPlan } from './protection.js';
import { periodAt, slotTimesOf } from './slot-grid.js';

type LimitSpec = NonNullable<ReservationsFile['bookingLimit']>;
type DemandSpec = ReservationsFile['demand'];

export function resolveReservations(data: ScenarioData, model: Model): ReservationsConfig | undefined {
  const spec = data.reservations as ReservationsFile | undefined;
  if (spec === undefined) return undefined;
  const segment = model.segments.findIndex((s) => s.id === spec.segment);
  const route = model.segments[segment]!.route;
  const station = spec.station === undefined ? route[0]! : model.stations.findIndex((s) => s.id === spec.station);
  const visit = route.indexOf(station);
  const walkInSegments = model.segments.flatMap((s, i) => (i !== segment && s.route.includes(station) ? [i] : []));

  const cancelProbability = spec.cancel ?? reservationDefaults.cancel;
  const noShowProbability = spec.noShow ?? reservationDefaults.noShow;
  const show = showProbability(cancelProbability, noShowProbability);
  const compensation = spec.compensation ?? reservationDefaults.compensation;
  const policy = policyOf(spec.bookingLimit ?? reservationDefaults.bookingLimit, compensation);
  const protection = protectionPlan(spec.protection);
  const hold = spec.hold === undefined || spec.hold === 'station' ? null : toDistribution(spec.hold);

  const times = slotTimesOf(spec.slots, model.horizon)!;
  // A slot's limit depends only on its bookable units (the policy and the show probability are the
  // file's), and the optimal one takes binomial sums: each distinct count is worked out once.
  const limits = new Map<number, number>();
  const limitOf = (bookable: number): number => {
    let limit = limits.get(bookable);
    if (limit === undefined) limits.set(bookable, (limit = limitFor(policy, bookable, show)));
    return limit;
  };
  const slots: SlotPlan[] = times.map((time, k) => {
    const period = periodAt(model.periods, time);
    const given = spec.slots.capacity;
    const capacity = given === undefined ? model.stations[station]!.servers[period]! : typeof given === 'number' ? given : given[k]!;
    const kept = protectedUnits(protection, capacity);
    const bookable = capacity - kept;
    const limit = limitOf(bookable);
    return {
      time,
      period,
      counted: time >= model.warmup,
      capacity,
      protectedUnits: kept,
      bookable,
      bookingLimit: limit,
      demand: demandOf(spec.demand, k),
      appointmentTimes: spec.appointments === undefined ? [] : appointmentTimes(spec.appointments, time, limit),
    };
  });

  const meanHold = meanOf(hold ?? model.segments[segment]!.service[visit]!);
  const holding = spec.holdForBookings;
  return {
    segment,
    station,
    visit,
    walkInSegments,
    capacityFromServers: spec.slots.capacity === undefined,
    slots,
    cancelProbability,
    noShowProbability,
    showProbability: show,
    punctuality: spec.punctuality ?? reservationDefaults.punctuality,
    hold,
    overflow: spec.overflow ?? reservationDefaults.overflow,
    compensation,
    policy,
    protection,
    // The default grace is minutes; the check refused a unit that does not convert wherever it matters.
    holdForBookings: holding === false ? null : { ahead: holding?.ahead ?? meanHold, grace: holding?.grace ?? reservationDefaults.grace * (unitsPerMinute(model.unit) ?? 1) },
  };
}

/** The booking limit of a slot; a critical fractile that no limit reaches is the file's problem. */
function limitFor(policy: BookingLimitPolicy, bookable: number, show: number): number {
  try {
    return bookingLimit(policy, bookable, show);
  } catch (error) {
    if (policy.kind !== 'optimal' || !(error instanceof RangeError)) throw error;
    const fractile = criticalFractile(policy.revenue, policy.deniedCost);
    throw new LeverResolveProblem(
      ['reservations', 'bookingLimit'],
      `the optimal limit is the fewest bookings that show at least ${bookable} with probability r/(r + h) = ${fractile.toPrecision(3)}; with a show probability of ${show.toPrecision(3)}, no limit up to ${optimalSearchBound(bookable).toLocaleString('en-US')} bookings for ${bookable} units reaches it: raise the cost of a customer who shows beyond capacity (overageCost, or compensation), lower noShow or cancel, or give a fixed limit`,
    );
  }
}

function policyOf(spec: LimitSpec, compensation: number): BookingLimitPolicy {
  if (typeof spec === 'string') return { kind: spec };
  switch (spec.policy) {
    case 'none':
    case 'capacityOverShowRate':
      return { kind: spec.policy };
    case 'fixedExtra':
      return { kind: 'fixedExtra', extra: spec.extra };
    case 'percentage':
      return { kind: 'percentage', fraction: spec.percent / 100 };
    case 'optimal':
      return { kind: 'optimal', revenue: spec.revenue, deniedCost: spec.overageCost ?? compensation };
  }
}

function demandOf(spec: DemandSpec, slot: number): SlotDemand {
  if (spec === undefined || spec === 'full') return { kind: 'full' };
  if (typeof spec === 'number') return { kind: 'fixed', count: spec };
  if (Array.isArray(spec)) return { kind: 'fixed', count: spec[slot]! };
  const mean = spec.poisson;
  return { kind: 'poisson', mean: typeof mean === 'number' ? mean : mean[slot]! };
}

/**
 * Booked times of the b positions of a session starting at `start` (models.md §4.4): the
 * interval is length / b, so overbooked positions are squeezed into the session rather than
 * appended after it.
 */
function appointmentTimes(spec: NonNullable<ReservationsFile['appointments']>, start: number, positions: number): number[] {
  if (positions === 0) return [];
  const interval = spec.length / positions;
  const offsets = spec.rule === 'baileyWelch' ? baileyWelchSlots(positions, interval) : fixedIntervalSlots(positions, interval);
  return offsets.map((offset) => start + offset);
}
