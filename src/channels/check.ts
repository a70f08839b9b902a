/**
 * Consistency checks of the channels levers: names that must exist, and routes every
 * customer can follow (a station open to the segment at every step, a staffed station for
 * those who do not use self-service, a step nobody skips, tables big enough for every party).
 * They read the raw data defensively, so they run even when the schema found other problems.
 */
import type { LeverProblem } from '../levers/lever.js';
import type { KeyPath } from '../scenario/problems.js';
import { hint } from '../scenario/problems.js';
import type { LinePerServerSpec, SelfServiceSpec } from './keys.js';
import { isMap, list, maps, own, routeStationIds, stepStationIds, text, type Raw } from './raw.js';
import { adoptionOf, isOpenTo, partySizesOf, seatingOf } from './resolve.js';

type Report = (path: KeyPath, message: string) => void;

function collector(): { problems: LeverProblem[]; report: Report } {
  const problems: LeverProblem[] = [];
  return { problems, report: (path, message) => problems.push({ path, message }) };
}

const percent = (share: number) => `${Math.round(share * 1000) / 10}%`;

/** A station's selfService as the schema allows it (true or a map); anything else is the schema's problem, not a self-service station. */
function selfServiceOf(station: Raw): SelfServiceSpec | undefined {
  const spec = station.selfService;
  return spec === true || isMap(spec) ? (spec as SelfServiceSpec) : undefined;
}

/** openTo and selfService name segments; every step of every route can be followed. */
export function checkChannels(data: Raw): LeverProblem[] {
  const { problems, report } = collector();
  const stations = maps(data.stations);
  const segments = maps(data.segments);
  const stationIds = stations.map((s) => text(s.id) ?? '');
  const segmentIds = segments.map((s) => text(s.id) ?? '');
  const stationNamed = (id: string) => stations[stationIds.indexOf(id)];

  stations.forEach((station, i) => {
    list(station.openTo).forEach((id, j) => {
      if (typeof id === 'string' && !segmentIds.includes(id)) report(['stations', i, 'openTo', j], `unknown segment "${id}"${hint(id, segmentIds)}`);
    });
    const adoption = isMap(station.selfService) ? station.selfService.adoption : undefined;
    if (isMap(adoption)) {
      for (const id of Object.keys(adoption)) {
        if (!segmentIds.includes(id)) report(['stations', i, 'selfService', 'adoption', id], `unknown segment "${id}"${hint(id, segmentIds)}`);
      }
    }
  });

  segments.forEach((segment, i) => {
    const segmentId = text(segment.id) ?? '';
    const route = list(segment.route);
    route.forEach((step, s) => {
      const at: KeyPath = ['segments', i, 'route', s];
      const ids = stepStationIds(step).filter((id) => stationNamed(id) !== undefined);
      if (typeof step === 'string') {
        const station = stationNamed(step);
        if (station === undefined) return;
        if (!isOpenTo(station, segmentId)) {
          report(at, `station "${step}" is not open to segment "${segmentId}" (openTo): add the segment to its openTo, or choose among stations here`);
        }
        const adoption = adoptionOf(selfServiceOf(station), segmentId);
        if (adoption < 1) {
          report(at, `station "${step}" is self-service and only ${percent(adoption)} of segment "${segmentId}" use it: put it in a choice step with a staffed station for the others`);
        }
        return;
      }
      if (!isMap(step)) return;
      ids.forEach((id, j) => {
        if (ids.indexOf(id) !== j) report([...at, 'choose', j], `station "${id}" is named twice in this step`);
      });
      if (isMap(step.shares)) {
        for (const id of Object.keys(step.shares)) {
          if (!ids.includes(id)) report([...at, 'shares', id], `"${id}" is not one of this step's stations${hint(id, ids)}`);
        }
      }
      if (step.shares !== undefined && step.by !== undefined && step.by !== 'shares') report([...at, 'shares'], `shares are used only with by: shares (this step chooses by ${String(step.by)})`);
      const open = ids.filter((id) => isOpenTo(stationNamed(id)!, segmentId));
      if (ids.length > 0 && open.length === 0) {
        report([...at, 'choose'], `none of these stations is open to segment "${segmentId}" (openTo)`);
        return;
      }
      // Adoption is one draw per customer against each station's share (access.ts): someone
      // always finds a station here if one is staffed, or if one has every customer adopt it.
      const adoptions = open.map((id) => adoptionOf(selfServiceOf(stationNamed(id)!), segmentId));
      if (open.length > 0 && Math.max(...adoptions) < 1) {
        report([...at, 'choose'], `every station here open to segment "${segmentId}" is self-service, and not all of the segment use it: add a staffed station for the others`);
      }
    });
    const skippable = (step: unknown) => isMap(step) && typeof step.skip === 'number' && step.skip > 0;
    if (route.length > 0 && route.every(skippable)) report(['segments', i, 'route'], 'every step can be skipped: give at least one step without skip, so every customer visits a station');
  });
  return problems;
}

/** A line per server keeps joining order within each line: no priority discipline, no tables. */
export function checkServerLines(data: Raw): LeverProblem[] {
  const { problems, report } = collector();
  maps(data.stations).forEach((station, i) => {
    const spec = station.linePerServer as LinePerServerSpec | undefined;
    if (spec === undefined || spec === false) return;
    if (station.discipline === 'priority') report(['stations', i, 'linePerServer'], 'a line per server serves each line in joining order: use discipline: fifo (or one shared line for priority)');
    if (station.seating !== undefined) report(['stations', i, 'linePerServer'], 'a station with seating has no line per server: its tables share one line');
  });
  return problems;
}

/** Tables: servers = the number of tables, and every party that comes can be seated. */
export function checkSeating(data: Raw): LeverProblem[] {
  const { problems, report } = collector();
  const segments = maps(data.segments);
  maps(data.stations).forEach((station, i) => {
    if (!isMap(station.seating) || !Array.isArray(station.seating.tables)) return;
    const tables = station.seating.tables.filter((t): t is { seats: number; count: number } => isMap(t) && typeof t.seats === 'number' && typeof t.count === 'number');
    if (tables.length === 0) return;
    const seating = seatingOf({ tables, combine: station.seating.combine === true });
    const count = seating.counts.reduce((a, b) => a + b, 0);
    if (station.servers !== count) {
      // Tables do not come and go by period: one number, even where every period would give it.
      const perPeriod = isMap(station.servers) ? ', as one number (tables do not change by period), not one per period' : '';
      report(['stations', i, 'servers'], `a station with seating has one server per table: servers must be ${count}, the number of its tables${perPeriod}`);
    }
    if (station.discipline === 'priority') report(['stations', i, 'discipline'], 'seating seats the first waiting party that fits: use discipline: fifo');
    const largestTable = seating.seats.at(-1)!;
    const allSeats = seating.seats.reduce((sum, seats, kind) => sum + seats * seating.counts[kind]!, 0);
    const room = seating.combine ? allSeats : largestTable;
    const stationId = text(station.id) ?? '';
    segments.forEach((segment, j) => {
      if (!routeStationIds(segment).has(stationId)) return;
      const largest = largestParty(own(segment, 'partySize'));
      if (largest !== undefined && largest > room) {
        const why = seating.combine ? `all its tables together seat ${allSeats}` : `its largest table seats ${largestTable} (combine: true pushes tables together)`;
        report(['segments', j, 'partySize'], `parties of ${largest} visit station "${stationId}", but ${why}`);
      }
    });
  });
  return problems;
}

/**
 * The largest party a segment's partySize can give (1 without one), or undefined when the
 * key is malformed: the schema reports that, and this check has nothing to compare.
 */
function largestParty(spec: unknown): number | undefined {
  if (spec === undefined) return partySizesOf(undefined).sizes[0];
  if (typeof spec === 'number') return spec;
  const values = isMap(spec) ? spec.values : undefined;
  return Array.isArray(values) && values.length > 0 && values.every((v) => typeof v === 'number') ? Math.max(...(values as number[])) : undefined;
}
