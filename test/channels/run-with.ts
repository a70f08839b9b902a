/**
 * Test harness for the channels levers: a scenario (validated with the default levers, so
 * its channel keys resolve), run for one replication with the levers it uses installed as
 * simulate() installs them, plus observers of the test's own that may look at the system,
 * and optionally customers injected at exact times.
 */
import { plannedUtilisation } from '../../src/levers/planned-load.js';
import type { ReplicationContext } from '../../src/levers/lever.js';
import { activeLevers } from '../../src/levers/registry.js';
import { MetricsCollector, type CollectedMetrics } from '../../src/metrics/collect.js';
import type { Model } from '../../src/model/model.js';
import { ServiceSystem } from '../../src/model/system.js';
import { createStream, sources } from '../../src/random/streams.js';
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
  const active = activeLevers(model);
  for (const lever of active) {
    const context: ReplicationContext = {
      model,
      seed,
      replication,
      stream: (name) => createStream(seed, replication, sources.lever(lever.name, name)),
      plannedUtilisation: () => plannedUtilisation(model, active),
    };
    lever.install(system, model.levers[lever.name], context);
  }
  for (const watcher of options.watchers ?? []) {
    watcher.attach(system);
    system.addObserver(watcher);
  }
  if (options.arrivals !== undefined) system.arrivalSources.push(new InjectedArrivals(options.arrivals));
  const endTime = system.run();
  return { endTime, journey, system, ...collector.collect(endTime, system.stations) };
}
