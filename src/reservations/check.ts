/**
 * Consistency checks of the `reservations` key against the rest of the scenario: the names it
 * uses, the slot grid against the horizon, list lengths against the number of slots, and
 * policies that need a show probability or a cost. They read the raw data defensively, so
 * they run even when the schema found other problems.
 */
import type { LeverProblem } from '../levers/lever.js';
import { isMap, list, number, type Raw } from '../levers/raw-data.js';
import { unitsPerMinute } from '../model/units.js';
import { coreDefaults } from '../scenario/defaults.js';
import { hint, type KeyPath } from '../scenario/problems.js';
import { slotTimesOf } from './slot-grid.js';

const idOf = (value: unknown): string | undefined => (isMap(value) && typeof value.id === 'string' ? value.id : undefined);

export function checkReservations(data: Raw): LeverProblem[] {
  const spec = data.reservations;
  if (!isMap(spec)) return [];
  const problems: LeverProblem[] = [];
  const report = (path: KeyPath, message: string) => problems.push({ path: ['reservations', ...path], message });

  const segments = list(data.segments);
  const segmentIds = segments.map(idOf).filter((id): id is string => id !== undefined);
  const stationIds = list(data.stations).map(idOf).filter((id): id is string => id !== undefined);
  const segment = segments.find((s) => idOf(s) === spec.segment);
  if (typeof spec.segment === 'string' && segment === undefined) report(['segment'], `unknown segment "${spec.segment}"${hint(spec.segment, segmentIds)}`);
  if (isMap(segment)) {
    const rate = isMap(segment.arrivals) ? segment.arrivals.rate : undefined;
    const rates = isMap(rate) ? Object.values(rate) : [rate];
    if (rates.some((r) => typeof r === 'number' && r !== 0)) {
      report(['segment'], `the customers of "${String(spec.segment)}" come by booking: set its arrivals.rate to 0 (walk-ins are another segment)`);
    }
    const route = list(segment.route);
    // A booking is for one station: the booked visit (the station's first on the route) is a
    // plain step, never one of a choice among stations.
    const name = String(spec.segment);
    if (typeof spec.station === 'string') {
      const station = spec.station;
      const first = route.find((step) => step === station || (isMap(step) && list(step.choose).includes(station)));
      if (!stationIds.includes(station)) report(['station'], `unknown station "${station}"${hint(station, stationIds)}`);
      else if (first === undefined) report(['station'], `the route of "${name}" does not visit "${station}"`);
      else if (first !== station) {
        report(['station'], `"${station}" is one of the stations "${name}" chooses among at a step of its route; a booking is for one station: make it a plain step (route: [${station}])`);
      }
    } else if (spec.station === undefined && isMap(route[0])) {
      report(['segment'], `the first step of "${name}" is a choice among stations; a booking is for one station: make the booked station a plain step of the route and name it in reservations.station`);
    }
  }

  const time = isMap(data.time) ? data.time : {};
  const horizon = number(time.horizon);
  const slots = spec.slots;
  const times = horizon === undefined ? undefined : slotTimesOf(slots, horizon);
  if (times !== undefined && horizon !== undefined && isMap(slots)) {
    const where: KeyPath = Array.isArray(slots.times) ? ['slots', 'times'] : ['slots'];
    // An empty list of times is the schema's to report; an empty grid of every/from/until is this check's.
    if (times.length === 0 && !Array.isArray(slots.times)) report(where, 'the grid has no slot before its end (from must be less than until)');
    if (times.some((t, i) => i > 0 && t <= times[i - 1]!)) report(where, 'slot times must be in ascending order, each once');
    if (number(slots.until) !== undefined && number(slots.until)! > horizon) report(['slots', 'until'], `until must not be after the horizon (${horizon})`);
    else if (times.some((t) => t >= horizon)) report(where, `every slot must be before the horizon (${horizon})`);
    const perSlot = (value: unknown, path: KeyPath) => {
      if (Array.isArray(value) && value.length !== times.length) report(path, `gives ${value.length} values for ${times.length} slots`);
    };
    perSlot(slots.capacity, ['slots', 'capacity']);
    perSlot(spec.demand, ['demand']);
    if (isMap(spec.demand)) perSlot(spec.demand.poisson, ['demand', 'poisson']);
  }
  if (isMap(spec.appointments) && isMap(slots) && slots.capacity === undefined) {
    report(['slots', 'capacity'], 'appointments need the capacity of each session (how many customers it is planned for)');
  }

  const show = (1 - (number(spec.cancel) ?? 0)) * (1 - (number(spec.noShow) ?? 0.08));
  const limit = spec.bookingLimit;
  const policy = isMap(limit) ? limit.policy : limit;
  if ((policy === 'capacityOverShowRate' || policy === 'optimal') && show === 0) {
    report(['bookingLimit'], `${String(policy)} needs bookings that can show: cancel or noShow is 1`);
  }
  if (policy === 'optimal' && isMap(limit) && limit.overageCost === undefined && !((number(spec.compensation) ?? 0) > 0)) {
    report(['bookingLimit'], 'the optimal limit needs the cost of a customer who shows beyond capacity: give overageCost, or a compensation above 0');
  }
  problems.push(...graceProblems(data, spec));
  problems.push(...lineProblems(data, spec));
  return problems;
}

/**
 * The booked station's line serves by booked time (appointment-line.ts). Tables (seating) and
 * a line per server are lines of their own, with their own order: they do not combine with it.
 */
function lineProblems(data: Raw, spec: Raw): LeverProblem[] {
  const id = typeof spec.station === 'string' ? spec.station : firstStationOf(list(data.segments).find((s) => idOf(s) === spec.segment));
  const station = list(data.stations).find((s) => idOf(s) === id);
  if (!isMap(station)) return [];
  const own = station.seating !== undefined ? 'tables (seating)' : station.linePerServer !== undefined && station.linePerServer !== false ? 'a line per server' : undefined;
  if (own === undefined) return [];
  return [
    {
      path: ['reservations', typeof spec.station === 'string' ? 'station' : 'segment'],
      message: `the booked station "${String(id)}" has ${own}: a booked station's line serves by booked time, and ${own === 'a line per server' ? 'lines per server keep' : 'tables keep'} their own order; the two do not combine (book another station, or leave out ${own === 'a line per server' ? 'linePerServer' : 'seating'})`,
    },
  ];
}

/**
 * The default grace is minutes (15), converted to a clock unit; a unit that is not a clock
 * unit has no conversion, so where walk-ins are held off (another segment visits the booked
 * station) the file gives the grace in its unit, or turns the holding off.
 */
function graceProblems(data: Raw, spec: Raw): LeverProblem[] {
  const unit = isMap(data.time) && typeof data.time.unit === 'string' ? data.time.unit : coreDefaults.unit;
  const holding = spec.holdForBookings;
  if (unitsPerMinute(unit) !== undefined || holding === false || (isMap(holding) && holding.grace !== undefined)) return [];
  const station = typeof spec.station === 'string' ? spec.station : firstStationOf(list(data.segments).find((s) => idOf(s) === spec.segment));
  const visits = (segment: unknown) => list(isMap(segment) ? segment.route : []).some((step) => step === station || (isMap(step) && list(step.choose).includes(station)));
  if (station === undefined || !list(data.segments).some((segment) => idOf(segment) !== spec.segment && visits(segment))) return [];
  return [
    {
      path: ['reservations'],
      message: `the default grace is 15 minutes, and time.unit "${unit}" does not convert from minutes: give holdForBookings: { grace } in ${unit} units, or holdForBookings: false`,
    },
  ];
}

/** The first station of a segment's route when it is a plain step. */
function firstStationOf(segment: unknown): string | undefined {
  const first = list(isMap(segment) ? segment.route : [])[0];
  return typeof first === 'string' ? first : undefined;
}
