/**
 * Test harness for the channels levers: a scenario (validated with the default levers, so
 * its channel keys resolve), run for one replication with the levers it uses installed as
 * simulate() installs them, plus observers of the test's own that may look at the system,
 * and optionally customers injected at exact times.
 */
import { MetricsCollector, type CollectedMetrics } from '../../src/metrics/collect.js';
import type { Model } from '../../src/model/model.js';
import { ServiceSystem } from '../../src/model/system.js';
import { installLevers } from '../../src/run/simulate.js';
import { InjectedArrivals, JourneyRecorder, type Watcher } from '../model/harness.js';

export { modelOf } from '../model-of.js';

export interface LeverRun extends CollectedMetrics {
  endTime: number;
  journey: JourneyRecorder;
  system: ServiceSystem;
}

export interface RunOptions {
  replication?: number;
  /** [time, segment index] pairs, injected in the order given. */
  arrivals?: readonly (readonly [number, number])[];
  watchers?: Watcher[];
}

export function runWithLevers(model: Model, options: RunOptions = {}): LeverRun {
  const replication = options.replication ?? 0;
  const seed = model.seed;
  const collector = new MetricsCollector(model);
  const journey = new JourneyRecorder();
  const system = new ServiceSystem(model, seed, replication, [collector, journey]);
  installLevers(system);
  for (const watcher of options.watchers ?? []) {
    watcher.attach(system);
    system.addObserver(watcher);
  }
  if (options.arrivals !== undefined) system.arrivalSources.push(new InjectedArrivals(options.arrivals));
  const endTime = system.run();
  return { endTime, journey, system, ...collector.collect(endTime, system.stations) };
}
