/**
 * Test harness for the service system: build a Model in code, inject arrivals at exact times
 * (segments have arrival rate 0, so nothing else arrives), and record the journey with times.
 */
import { MetricsCollector, type CollectedMetrics } from '../../src/metrics/collect.js';
import type { Customer } from '../../src/model/customer.js';
import { Rank, type EventHandlerOf } from '../../src/model/events.js';
import { outcomeNames, type JourneyObserver, type Outcome, type StationView } from '../../src/model/journey.js';
import type { Discipline, Model } from '../../src/model/model.js';
import type { ArrivalSource } from '../../src/model/policies.js';
import { ServiceSystem, type JourneyControl } from '../../src/model/system.js';
import { addLeverMetrics, installLevers } from '../../src/run/simulate.js';
import type { Distribution } from '../../src/random/distributions.js';

export interface StationOptions {
  id: string;
  /** One number for all periods, or one per period. */
  servers: number | number[];
  queueCapacity?: number;
  discipline?: Discipline;
}

export interface SegmentOptions {
  id: string;
  route: string[];
  /** Service time at each step: a number is a deterministic duration; one value for every step. */
  service: number | Distribution | (number | Distribution)[];
  patience?: number | Distribution;
  balkAt?: number;
  priority?: number;
  /** Poisson rate per period (default 0: only injected arrivals). */
  rates?: number | number[];
}

export interface ModelOptions {
  horizon?: number;
  warmup?: number;
  drain?: boolean;
  /** Period start times (the first must be 0); default a single period. */
  periodStarts?: number[];
  stations: StationOptions[];
  segments: SegmentOptions[];
}

const toDistribution = (d: number | Distribution): Distribution =>
  typeof d === 'number' ? { dist: 'deterministic', value: d } : d;

export function buildModel(options: ModelOptions): Model {
  const horizon = options.horizon ?? 100;
  const starts = options.periodStarts ?? [0];
  const periods = starts.map((start, i) => ({ name: `p${i}`, start, end: starts[i + 1] ?? horizon }));
  const perPeriod = (v: number | number[]) => (typeof v === 'number' ? periods.map(() => v) : v);
  const stationIds = options.stations.map((s) => s.id);
  const priorities = [...new Set(options.segments.map((s) => s.priority ?? 1))].sort((a, b) => a - b);
  return {
    name: 'test',
    seed: 1,
    replications: 1,
    unit: 'minute',
    horizon,
    warmup: options.warmup ?? 0,
    seriesStep: horizon / 10,
    drain: options.drain ?? true,
    periods,
    stations: options.stations.map((s) => ({
      id: s.id,
      servers: perPeriod(s.servers),
      queueCapacity: s.queueCapacity ?? Infinity,
      discipline: s.discipline ?? 'fifo',
    })),
    segments: options.segments.map((s) => {
      const service = Array.isArray(s.service) ? s.service : s.route.map(() => s.service as number | Distribution);
      return {
        id: s.id,
        rates: perPeriod(s.rates ?? 0),
        route: s.route.map((id) => {
          const index = stationIds.indexOf(id);
          if (index < 0) throw new Error(`unknown station ${id}`);
          return index;
        }),
        priorityClass: priorities.indexOf(s.priority ?? 1),
        service: service.map(toDistribution),
        patience: s.patience === undefined ? null : toDistribution(s.patience),
        balkAt: s.balkAt ?? Infinity,
      };
    }),
    priorityClasses: priorities.length,
    levers: {},
  };
}

export type StepName = 'arrive' | 'reach' | 'join' | 'start' | 'finish' | 'leave';

export interface Step {
  what: StepName;
  /** Customers are numbered in arrival order from 0. */
  id: number;
  segment: number;
  /** -1 for arrive, and for leave after the whole route. */
  station: number;
  time: number;
  /** For start: the wait in that line. */
  waited?: number;
  /** For leave. */
  outcome?: (typeof outcomeNames)[number];
}

export interface Snapshot {
  station: number;
  time: number;
  busy: number;
  capacity: number;
  waiting: number;
}

/** A JourneyObserver that writes down every journey point and station change. */
export class JourneyRecorder implements JourneyObserver {
  readonly steps: Step[] = [];
  /** Station states passed to stationChanged (each is the state just before a change). */
  readonly snapshots: Snapshot[] = [];
  private readonly ids = new Map<Customer, number>();
  private arrived = 0;

  private record(what: StepName, customer: Customer, station: number, time: number, extra: Partial<Step> = {}): void {
    this.steps.push({ what, id: this.ids.get(customer)!, segment: customer.segment, station, time, ...extra });
  }

  arrive(customer: Customer, time: number): void {
    this.ids.set(customer, this.arrived++);
    this.record('arrive', customer, -1, time);
  }
  reach(customer: Customer, station: StationView, time: number): void {
    this.record('reach', customer, station.index, time);
  }
  join(customer: Customer, station: StationView, _ahead: number, time: number): void {
    this.record('join', customer, station.index, time);
  }
  start(customer: Customer, station: StationView, time: number, waited: number): void {
    this.record('start', customer, station.index, time, { waited });
  }
  finish(customer: Customer, station: StationView, time: number): void {
    this.record('finish', customer, station.index, time);
  }
  leave(customer: Customer, outcome: Outcome, station: StationView | undefined, time: number): void {
    this.record('leave', customer, station?.index ?? -1, time, { outcome: outcomeNames[outcome] });
  }
  stationChanged(station: StationView, time: number): void {
    const { index, busy, capacity, waiting } = station;
    this.snapshots.push({ station: index, time, busy, capacity, waiting });
  }

  /** The steps of one customer, in order. */
  of(id: number): Step[] {
    return this.steps.filter((s) => s.id === id);
  }

  /** The first step named `what` of customer `id` (at `station`, if given). */
  find(id: number, what: StepName, station?: number): Step | undefined {
    return this.steps.find((s) => s.id === id && s.what === what && (station === undefined || s.station === station));
  }

  outcomeOf(id: number): { outcome: string; station: number; time: number } | undefined {
    const step = this.find(id, 'leave');
    return step && { outcome: step.outcome!, station: step.station, time: step.time };
  }
}

/** An observer that also looks at the system's stations (given before the run starts). */
export interface Watcher extends JourneyObserver {
  attach(system: ServiceSystem): void;
}

export interface InjectedRun extends CollectedMetrics {
  endTime: number;
  journey: JourneyRecorder;
  system: ServiceSystem;
}

/**
 * An arrival source of its own: customers at exactly the given times, [time, segment] pairs
 * scheduled in the order given (so equal times keep that order). It sits beside the
 * scenario's Poisson source, so it never starts a second Poisson chain for a segment.
 */
export class InjectedArrivals implements ArrivalSource, EventHandlerOf {
  private journey!: JourneyControl;
  constructor(private readonly arrivals: readonly (readonly [number, number])[]) {}
  start(journey: JourneyControl): void {
    this.journey = journey;
    const kind = journey.registerEvent('injected arrival', Rank.arrival, this);
    for (const [time, segment] of this.arrivals) journey.schedule(time, kind, segment);
  }
  handle(segment: number): void {
    this.journey.enter(segment);
  }
}

/**
 * Runs one replication with arrivals at exactly the given times: [time, segment index] pairs,
 * injected in the order given (so equal times keep that order). Segments with a rate above 0
 * add their Poisson arrivals. `watchers` are more observers, shown the system before it runs.
 */
export function runWithArrivals(
  model: Model,
  arrivals: readonly (readonly [number, number])[],
  seed = 1,
  replication = 0,
  watchers: Watcher[] = [],
): InjectedRun {
  const collector = new MetricsCollector(model);
  const journey = new JourneyRecorder();
  const system = new ServiceSystem(model, seed, replication, [collector, journey, ...watchers]);
  for (const watcher of watchers) watcher.attach(system);
  system.arrivalSources.push(new InjectedArrivals(arrivals));
  const measured = installLevers(system);
  const endTime = system.run();
  const result: InjectedRun = { endTime, journey, system, ...collector.collect(endTime, system.stations) };
  addLeverMetrics(result, measured, endTime, system);
  return result;
}
