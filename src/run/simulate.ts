/**
 * One replication: model and seed in, metric values out. Pure and deterministic — no I/O,
 * no clock, no global randomness — so it runs the same in a test, a worker or a browser.
 */
import { MetricsCollector, type CollectedMetrics } from '../metrics/collect.js';
import type { Model } from '../model/model.js';
import { ServiceSystem } from '../model/system.js';

export interface ReplicationResult extends CollectedMetrics {
  replication: number;
  /** When the run ended: the horizon, or the last departure with drain: true. */
  endTime: number;
  /** Events the engine handled (for benchmarks). */
  events: number;
}

export function simulate(model: Model, replication: number, seed: number = model.seed): ReplicationResult {
  const collector = new MetricsCollector(model);
  const system = new ServiceSystem(model, seed, replication, [collector]);
  const endTime = system.run();
  return { replication, endTime, events: system.sim.eventsHandled, ...collector.collect(endTime, system.stations) };
}
