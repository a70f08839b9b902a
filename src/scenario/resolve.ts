/**
 * Resolution: a scenario that passed the schema and the consistency checks becomes a Model.
 * Defaults are filled in and names are turned into indices; nothing here can fail.
 */
import type { Model, Period, SegmentModel, StationModel } from '../model/model.js';
import type { Distribution } from '../random/distributions.js';
import { plainSteps, type StepStations } from './route-steps.js';
import type { DistributionSpec, ScenarioFile } from './schema.js';
import { defaultSeriesStep } from '../metrics/series.js';
import { coreDefaults as defaults } from './defaults.js';

/**
 * `stepStations` names the stations each route step may lead to (scenario/route-steps.ts):
 * each becomes one visit slot of the segment's `route`, with its service time.
 */
export function resolveScenario(file: ScenarioFile, stepStations: StepStations = plainSteps): Model {
  const horizon = file.time.horizon;
  const periods: Period[] = (file.time.periods ?? [{ name: 'all', start: 0 }]).map((period, i, all) => ({
    name: period.name,
    start: period.start,
    end: all[i + 1]?.start ?? horizon,
  }));
  const perPeriod = (value: number | Record<string, number>): number[] =>
    periods.map((period) => (typeof value === 'number' ? value : ownValue(value, period.name)!));

  const stationIds = file.stations.map((s) => s.id);
  const stations: StationModel[] = file.stations.map((spec) => ({
    id: spec.id,
    servers: perPeriod(spec.servers),
    queueCapacity: spec.queueCapacity ?? Infinity,
    discipline: spec.discipline ?? defaults.discipline,
  }));

  const priorities = [...new Set(file.segments.map((s) => s.priority ?? defaults.priority))].sort((a, b) => a - b);
  const segments: SegmentModel[] = file.segments.map((spec) => {
    const priority = spec.priority ?? defaults.priority;
    // Lever steps (objects) are wider than the core type says; each step gives its stations.
    const slots = (spec.route as readonly unknown[]).flatMap((step) => stepStations(step).map((s) => s.station));
    return {
      id: spec.id,
      rates: perPeriod(spec.arrivals.rate),
      route: slots.map((id) => stationIds.indexOf(id)),
      priorityClass: priorities.indexOf(priority),
      service: slots.map((id) => toDistribution((spec.service && ownValue(spec.service, id)) ?? file.stations[stationIds.indexOf(id)]!.service!)),
      patience: spec.patience === undefined ? null : toDistribution(spec.patience),
      balkAt: spec.balkAt ?? Infinity,
    };
  });

  return {
    name: file.name,
    ...(file.description === undefined ? {} : { description: file.description }),
    seed: file.seed ?? defaults.seed,
    replications: file.replications ?? defaults.replications,
    unit: file.time.unit ?? defaults.unit,
    horizon,
    warmup: file.time.warmup ?? defaults.warmup,
    seriesStep: file.time.seriesStep ?? defaultSeriesStep(horizon),
    drain: file.time.drain ?? defaults.drain,
    periods,
    stations,
    segments,
    priorityClasses: priorities.length,
    levers: {},
  };
}

/** A key's own value: a name such as "constructor" must not find Object.prototype's members. */
function ownValue<T>(map: Record<string, T>, key: string): T | undefined {
  return Object.hasOwn(map, key) ? map[key] : undefined;
}

/** A bare number is a fixed duration. */
export function toDistribution(spec: DistributionSpec): Distribution {
  return typeof spec === 'number' ? { dist: 'deterministic', value: spec } : spec;
}
