/**
 * Resolution: a schema-valid scenario becomes a Model. Defaults are filled in, names are
 * turned into indices, and every check that needs more than one key at a time is made here
 * (routes naming stations, per-period values naming periods, a service time for every visit).
 */
import type { Model, Period, SegmentModel, StationModel } from '../model/model.js';
import type { Distribution } from '../random/distributions.js';
import type { DistributionSpec, ScenarioFile } from './schema.js';
import { hint, type KeyPath } from './problems.js';
import type { LocatedMessage } from './issues.js';

export const defaults = {
  seed: 1,
  replications: 10,
  unit: 'minute',
  warmup: 0,
  drain: true,
  discipline: 'fifo',
  priority: 1,
} as const;

export type ResolveResult = { ok: true; model: Model } | { ok: false; problems: LocatedMessage[] };

export function resolveScenario(file: ScenarioFile): ResolveResult {
  const problems: LocatedMessage[] = [];
  const report = (path: KeyPath, message: string) => problems.push({ path, message });

  const horizon = file.time.horizon;
  const warmup = file.time.warmup ?? defaults.warmup;
  const drain = file.time.drain ?? defaults.drain;
  if (warmup >= horizon) report(['time', 'warmup'], `warmup (${warmup}) must be less than the horizon (${horizon})`);

  const periods = resolvePeriods(file, report);
  const periodNames = periods.map((p) => p.name);

  const perPeriod = (value: number | Record<string, number>, path: KeyPath): number[] => {
    if (typeof value === 'number') return periods.map(() => value);
    if (file.time.periods === undefined) {
      report(path, 'per-period values need named periods in time.periods');
      return periods.map(() => 0);
    }
    for (const key of Object.keys(value)) {
      if (!periodNames.includes(key)) report([...path, key], `unknown period "${key}"${hint(key, periodNames)}`);
    }
    const missing = periodNames.filter((name) => !(name in value));
    if (missing.length > 0) report(path, `gives no value for period${missing.length > 1 ? 's' : ''} ${missing.join(', ')}`);
    return periodNames.map((name) => value[name] ?? 0);
  };

  const stationIds = file.stations.map((s) => s.id);
  reportDuplicates(stationIds, (i) => ['stations', i, 'id'], 'station', report);
  reportDuplicates(
    file.segments.map((s) => s.id),
    (i) => ['segments', i, 'id'],
    'segment',
    report,
  );

  const stations: StationModel[] = file.stations.map((spec, i) => {
    const servers = perPeriod(spec.servers, ['stations', i, 'servers']);
    if (servers.every((n) => n === 0)) report(['stations', i, 'servers'], 'the station has no servers in any period');
    else if (drain && servers[servers.length - 1] === 0) {
      report(
        ['stations', i, 'servers'],
        'no servers in the last period, so customers left at closing could never be served; staff the last period or set time.drain: false',
      );
    }
    return {
      id: spec.id,
      servers,
      queueCapacity: spec.queueCapacity ?? Infinity,
      discipline: spec.discipline ?? defaults.discipline,
    };
  });

  const priorities = [...new Set(file.segments.map((s) => s.priority ?? defaults.priority))].sort((a, b) => a - b);

  const segments: SegmentModel[] = file.segments.map((spec, i) => {
    const route: number[] = [];
    const service: Distribution[] = [];
    spec.route.forEach((stationId, step) => {
      const index = stationIds.indexOf(stationId);
      if (index < 0) {
        report(['segments', i, 'route', step], `unknown station "${stationId}"${hint(stationId, stationIds)}`);
        return;
      }
      route.push(index);
      const own = spec.service?.[stationId] ?? file.stations[index]!.service;
      if (own === undefined) {
        report(
          ['segments', i, 'route', step],
          `station "${stationId}" has no service time: give the station a service or this segment a service override`,
        );
        return;
      }
      service.push(toDistribution(own));
    });
    for (const stationId of Object.keys(spec.service ?? {})) {
      if (!spec.route.includes(stationId)) {
        const where = stationIds.includes(stationId) ? 'is not on this segment\'s route' : `is not a station${hint(stationId, stationIds)}`;
        report(['segments', i, 'service', stationId], `"${stationId}" ${where}`);
      }
    }
    const priority = spec.priority ?? defaults.priority;
    return {
      id: spec.id,
      rates: perPeriod(spec.arrivals.rate, ['segments', i, 'arrivals', 'rate']),
      route,
      priority,
      priorityClass: priorities.indexOf(priority),
      service,
      patience: spec.patience === undefined ? null : toDistribution(spec.patience),
      balkAt: spec.balkAt ?? Infinity,
    };
  });

  if (problems.length > 0) return { ok: false, problems };
  return {
    ok: true,
    model: {
      name: file.name,
      seed: file.seed ?? defaults.seed,
      replications: file.replications ?? defaults.replications,
      unit: file.time.unit ?? defaults.unit,
      horizon,
      warmup,
      drain,
      periods,
      stations,
      segments,
      priorityClasses: priorities.length,
    },
  };
}

function resolvePeriods(file: ScenarioFile, report: (path: KeyPath, message: string) => void): Period[] {
  const horizon = file.time.horizon;
  const specs = file.time.periods;
  if (specs === undefined) return [{ name: 'all', start: 0, end: horizon }];
  if (specs[0]!.start !== 0) report(['time', 'periods', 0, 'start'], 'the first period must start at 0');
  const seen = new Set<string>();
  specs.forEach((period, i) => {
    if (seen.has(period.name)) report(['time', 'periods', i, 'name'], `period "${period.name}" is named twice`);
    seen.add(period.name);
    if (i > 0 && period.start <= specs[i - 1]!.start) {
      report(['time', 'periods', i, 'start'], 'periods must start at ascending times');
    }
    if (period.start >= horizon) report(['time', 'periods', i, 'start'], `starts at or after the horizon (${horizon})`);
  });
  return specs.map((period, i) => ({ name: period.name, start: period.start, end: specs[i + 1]?.start ?? horizon }));
}

function reportDuplicates(
  ids: string[],
  pathOf: (index: number) => KeyPath,
  what: string,
  report: (path: KeyPath, message: string) => void,
): void {
  ids.forEach((id, i) => {
    if (ids.indexOf(id) !== i) report(pathOf(i), `${what} id "${id}" is used twice`);
  });
}

/** A bare number is a fixed duration. */
export function toDistribution(spec: DistributionSpec): Distribution {
  return typeof spec === 'number' ? { dist: 'deterministic', value: spec } : spec;
}
