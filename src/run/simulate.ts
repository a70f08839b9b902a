/**
 * One replication: model and seed in, metric values out. Pure and deterministic — no I/O,
 * no clock, no global randomness — so it runs the same in a test, a worker or a browser.
 * The core's metrics observer watches every run; each lever the model uses is installed on
 * the system first, and adds what it measured to the same scopes.
 */
import type { Lever, LeverMetrics, MetricSource, ReplicationContext } from '../levers/lever.js';
import { plannedUtilisation } from '../levers/planned-load.js';
import { activeLevers, defaultLevers } from '../levers/registry.js';
import { MetricsCollector, type CollectedMetrics } from '../metrics/collect.js';
import type { ReplicationSeries } from '../metrics/series.js';
import type { MetricValues } from '../metrics/catalogue.js';
import type { Model } from '../model/model.js';
import { ServiceSystem } from '../model/system.js';
import { createStream, sources } from '../random/streams.js';

export interface ReplicationResult extends CollectedMetrics {
  replication: number;
  /** When the run ended: the horizon, or the last departure with drain: true (NaN when rebuilt from a worker thread's row). */
  endTime: number;
  /** Events the engine handled (for benchmarks; NaN when rebuilt from a worker thread's row). */
  events: number;
  /** Each station's state over the day on the model's grid. */
  series: ReplicationSeries;
}

export function simulate(model: Model, replication: number, seed: number = model.seed, levers: readonly Lever[] = defaultLevers): ReplicationResult {
  const collector = new MetricsCollector(model);
  const system = new ServiceSystem(model, seed, replication, [collector]);
  const measured = installLevers(system, levers);
  const endTime = system.run();
  const result: ReplicationResult = {
    replication,
    endTime,
    events: system.sim.eventsHandled,
    ...collector.collect(endTime, system.stations),
  };
  addLeverMetrics(result, measured, endTime, system);
  return result;
}

/** Installs every lever the system's model uses, each with its own named streams. */
export function installLevers(system: ServiceSystem, levers: readonly Lever[] = defaultLevers): MetricSource[] {
  const { model, seed, replication } = system;
  const measured: MetricSource[] = [];
  const active = activeLevers(model, levers);
  for (const lever of active) {
    const context: ReplicationContext = {
      model,
      seed,
      replication,
      stream: (name) => createStream(seed, replication, sources.lever(lever.name, name)),
      plannedUtilisation: () => plannedUtilisation(model, active),
    };
    const source = lever.install(system, model.levers[lever.name], context);
    if (source !== undefined) measured.push(source);
  }
  return measured;
}

/**
 * Adds what the levers measured to the replication's scopes, in installation order: each
 * source sees what the core and the levers before it measured (money reads them all).
 */
export function addLeverMetrics(into: CollectedMetrics, measured: readonly MetricSource[], endTime: number, system: ServiceSystem): void {
  for (const source of measured) addMetrics(into, source.collect(endTime, system.stations, into));
}

/** Adds a lever's values to the replication's scopes. */
function addMetrics(into: CollectedMetrics, from: LeverMetrics): void {
  const merge = (target: MetricValues | undefined, values: MetricValues | undefined) => {
    if (target !== undefined && values !== undefined) Object.assign(target, values);
  };
  merge(into.metrics, from.metrics);
  from.stations?.forEach((values, i) => merge(into.stations[i], values));
  from.segments?.forEach((values, i) => merge(into.segments[i], values));
  from.periods?.forEach((period, p) => {
    const target = into.periods[p];
    if (target === undefined) return;
    merge(target.metrics, period.metrics);
    period.stations?.forEach((values, i) => merge(target.stations[i], values));
    period.segments?.forEach((values, i) => merge(target.segments[i], values));
  });
}
