/**
 * Checks that relate one key to another: routes name stations (plain steps, and the stations
 * levers' step objects name), per-period values name periods, every visit has a service
 * time, periods are in order. They read the raw data defensively, so they run even when the
 * schema found other problems, and a planner sees every problem of the file at once.
 */
import { seriesPointCount } from '../metrics/series.js';
import { hint, type KeyPath } from './problems.js';
import type { LocatedMessage } from './issues.js';
import { plainSteps, type StepStations } from './route-steps.js';

type Raw = Record<string, unknown>;
const isMap = (value: unknown): value is Raw => typeof value === 'object' && value !== null && !Array.isArray(value);
const list = (value: unknown): unknown[] => (Array.isArray(value) ? value : []);
const text = (value: unknown): string | undefined => (typeof value === 'string' ? value : undefined);
const number = (value: unknown): number | undefined => (typeof value === 'number' && Number.isFinite(value) ? value : undefined);
/** A key's own value: names such as "constructor" must not find Object.prototype's members. */
const own = (map: Raw, key: string): unknown => (Object.hasOwn(map, key) ? map[key] : undefined);

/**
 * "__proto__" cannot name a station, segment or period: as a key of a map (per-period
 * values, service overrides, summary.json) it means the object's prototype to JSON and
 * JavaScript tools, so the entry would vanish. Every other name works.
 */
const RESERVED = '__proto__';
function checkNotReserved(name: string | undefined, path: KeyPath, what: string, report: (path: KeyPath, message: string) => void): void {
  if (name === RESERVED) report(path, `"${RESERVED}" cannot be a ${what} name: JSON and JavaScript tools treat it as an object's prototype, so results keyed by it would vanish; choose another name`);
}

/**
 * Points of an over-the-day series, at most: the default grid has about 100; every point is
 * kept per station and replication and written to summary.json and series.csv.
 */
const MAX_SERIES_POINTS = 10_000;


/** `stepStations` names the stations each route step may lead to (route-steps.ts). */
export function checkConsistency(data: unknown, stepStations: StepStations = plainSteps): LocatedMessage[] {
  const problems: LocatedMessage[] = [];
  const report = (path: KeyPath, message: string) => problems.push({ path, message });
  if (!isMap(data)) return problems;

  const time = isMap(data.time) ? data.time : {};
  const horizon = number(time.horizon);
  const warmup = number(time.warmup) ?? 0;
  const drain = time.drain !== false;
  if (horizon !== undefined && horizon > 0 && warmup >= horizon) {
    report(['time', 'warmup'], `warmup (${warmup}) must be less than the horizon (${horizon})`);
  }
  const seriesStep = number(time.seriesStep);
  if (horizon !== undefined && horizon > 0 && seriesStep !== undefined && seriesStep > 0) {
    if (seriesStep > horizon / 2) {
      report(['time', 'seriesStep'], `seriesStep (${seriesStep}) must be at most half the horizon (${horizon / 2}): the series over the day needs points across it`);
    } else if (seriesPointCount(horizon, seriesStep) > MAX_SERIES_POINTS) {
      // The smallest step allowed, to six digits (the grid of that step still fits: its count is floored).
      const smallest = Number((horizon / (MAX_SERIES_POINTS - 1)).toPrecision(6));
      const points = seriesPointCount(horizon, seriesStep).toLocaleString('en-US');
      report(['time', 'seriesStep'], `seriesStep (${seriesStep}) gives ${points} points per series; at most ${MAX_SERIES_POINTS.toLocaleString('en-US')}: a step of at least ${smallest}`);
    }
  }

  const periodSpecs = Array.isArray(time.periods) ? time.periods : undefined;
  const periodNames = checkPeriods(periodSpecs ?? [], horizon, report);
  const namesComplete = (periodSpecs ?? []).every((spec) => isMap(spec) && typeof spec.name === 'string' && spec.name !== '');

  /** Checks a number-or-per-period value; returns the per-period values it could read. */
  const perPeriod = (value: unknown, path: KeyPath): number[] | undefined => {
    if (typeof value === 'number') return [value];
    if (!isMap(value)) return undefined;
    if (periodSpecs === undefined) {
      report(path, 'per-period values need named periods in time.periods');
      return undefined;
    }
    const unknown = Object.keys(value).filter((key) => !periodNames.includes(key));
    const missing = periodNames.filter((name) => !Object.hasOwn(value, name));
    // With a period whose name could not be read, its name is reported there; not again wherever it is used.
    // The "did you mean" is among the periods not given (a period given already is not what a typo meant).
    if (namesComplete) for (const key of unknown) report([...path, key], `unknown period "${key}"${hint(key, missing)}`);
    if (missing.length > 0) report(path, `gives no value for period${missing.length > 1 ? 's' : ''} ${missing.join(', ')}`);
    if (unknown.length > 0 || missing.length > 0) return undefined;
    return periodNames.map((name) => number(own(value, name)) ?? 0);
  };

  const stations = list(data.stations).map((s) => (isMap(s) ? s : {}));
  const stationIds = stations.map((s) => text(s.id) ?? '');
  reportDuplicates(stationIds, (i) => ['stations', i, 'id'], 'station', report);
  stationIds.forEach((id, i) => checkNotReserved(id, ['stations', i, 'id'], 'station', report));
  stations.forEach((station, i) => {
    const servers = perPeriod(station.servers, ['stations', i, 'servers']);
    if (servers === undefined) return;
    if (servers.every((n) => n === 0)) report(['stations', i, 'servers'], 'the station has no servers in any period');
    else if (drain && servers[servers.length - 1] === 0) {
      report(
        ['stations', i, 'servers'],
        'no servers in the last period, so customers left at closing could never be served; staff the last period or set time.drain: false',
      );
    }
  });

  const segments = list(data.segments).map((s) => (isMap(s) ? s : {}));
  reportDuplicates(
    segments.map((s) => text(s.id) ?? ''),
    (i) => ['segments', i, 'id'],
    'segment',
    report,
  );
  segments.forEach((segment, i) => {
    checkNotReserved(text(segment.id), ['segments', i, 'id'], 'segment', report);
    if (isMap(segment.arrivals)) perPeriod(segment.arrivals.rate, ['segments', i, 'arrivals', 'rate']);
    const route = list(segment.route);
    const overrides = isMap(segment.service) ? segment.service : {};
    const visited: string[] = [];
    route.forEach((step, s) => {
      for (const { station: stationId, path } of stepStations(step)) {
        if (typeof stationId !== 'string') continue;
        visited.push(stationId);
        const at: KeyPath = ['segments', i, 'route', s, ...path];
        const index = stationIds.indexOf(stationId);
        if (index < 0) {
          report(at, `unknown station "${stationId}"${hint(stationId, stationIds)}`);
        } else if (own(overrides, stationId) === undefined && stations[index]!.service === undefined) {
          report(at, `station "${stationId}" has no service time: give the station a service or this segment a service override`);
        }
      }
    });
    for (const stationId of Object.keys(overrides)) {
      if (visited.includes(stationId)) continue;
      const where = stationIds.includes(stationId) ? "is not on this segment's route" : `is not a station${hint(stationId, stationIds)}`;
      report(['segments', i, 'service', stationId], `"${stationId}" ${where}`);
    }
  });
  return problems;
}

function checkPeriods(specs: unknown[], horizon: number | undefined, report: (path: KeyPath, message: string) => void): string[] {
  const names: string[] = [];
  let previous: number | undefined;
  specs.forEach((spec, i) => {
    if (!isMap(spec)) return;
    const name = text(spec.name);
    const start = number(spec.start);
    if (name !== undefined) {
      checkNotReserved(name, ['time', 'periods', i, 'name'], 'period', report);
      if (names.includes(name)) report(['time', 'periods', i, 'name'], `period "${name}" is named twice`);
      names.push(name);
    }
    if (start === undefined) return;
    if (i === 0 && start !== 0) report(['time', 'periods', 0, 'start'], 'the first period must start at 0');
    if (previous !== undefined && start <= previous) report(['time', 'periods', i, 'start'], 'periods must start at ascending times');
    if (horizon !== undefined && horizon > 0 && start >= horizon) report(['time', 'periods', i, 'start'], `starts at or after the horizon (${horizon})`);
    previous = start;
  });
  return names;
}

function reportDuplicates(
  ids: string[],
  pathOf: (index: number) => KeyPath,
  what: string,
  report: (path: KeyPath, message: string) => void,
): void {
  ids.forEach((id, i) => {
    if (id !== '' && ids.indexOf(id) !== i) report(pathOf(i), `${what} id "${id}" is used twice`);
  });
}
