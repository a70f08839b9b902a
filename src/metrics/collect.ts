/**
 * The metrics observer: watches the journey and keeps constant-memory statistics per
 * station and segment, then reads them out as one replication's metric values. System-wide
 * customer statistics are the segments' merged at the end (every customer belongs to exactly
 * one segment), which saves a third of the work per customer.
 */
import type { Customer } from '../model/customer.js';
import { Outcome, type JourneyObserver, type StationView } from '../model/journey.js';
import type { Model } from '../model/model.js';
import { StationTimeIntegrals, Tally } from './accumulators.js';
import type { MetricValues } from './catalogue.js';
import { QuantileSketch } from './quantiles.js';

/** Customer statistics of one scope (one station, one segment, or all segments merged). */
class CustomerStats {
  arrivals = 0;
  readonly outcomes = new Float64Array(6);
  readonly wait = new Tally();
  readonly waitQuantiles = new QuantileSketch();
  readonly timeInSystem = new Tally();

  /** A served customer, with its wait's quantile bucket (computed once for all scopes). */
  served(wait: number, waitBucket: number, timeInSystem: number): void {
    this.outcomes[Outcome.served]!++;
    this.wait.add(wait);
    this.waitQuantiles.addBucket(waitBucket);
    this.timeInSystem.add(timeInSystem);
  }

  /** Adds another scope's customers to this one. */
  merge(other: CustomerStats): void {
    this.arrivals += other.arrivals;
    for (let i = 0; i < this.outcomes.length; i++) this.outcomes[i]! += other.outcomes[i]!;
    this.wait.merge(other.wait);
    this.waitQuantiles.merge(other.waitQuantiles);
    this.timeInSystem.merge(other.timeInSystem);
  }

  values(): MetricValues {
    const o = this.outcomes;
    const lost = o[Outcome.balked]! + o[Outcome.reneged]! + o[Outcome.blocked]!;
    return {
      arrivals: this.arrivals,
      served: o[Outcome.served]!,
      balked: o[Outcome.balked]!,
      reneged: o[Outcome.reneged]!,
      blocked: o[Outcome.blocked]!,
      denied: o[Outcome.denied]!,
      inSystemAtEnd: o[Outcome.inSystemAtEnd]!,
      waitMean: this.wait.mean,
      waitP50: this.waitQuantiles.quantile(0.5),
      waitP90: this.waitQuantiles.quantile(0.9),
      waitP95: this.waitQuantiles.quantile(0.95),
      timeInSystemMean: this.timeInSystem.mean,
      abandonmentRate: this.arrivals === 0 ? NaN : lost / this.arrivals,
    };
  }
}

export interface CollectedMetrics {
  metrics: MetricValues;
  stations: MetricValues[];
  segments: MetricValues[];
}

export class MetricsCollector implements JourneyObserver {
  private readonly stations: CustomerStats[];
  private readonly segments: CustomerStats[];
  private readonly time: StationTimeIntegrals[];
  /** The last wait whose quantile bucket was computed (a one-station route sees it twice). */
  private lastWait = NaN;
  private lastWaitBucket = -1;

  constructor(private readonly model: Model) {
    this.stations = model.stations.map(() => new CustomerStats());
    this.segments = model.segments.map(() => new CustomerStats());
    this.time = model.stations.map(() => new StationTimeIntegrals(model.warmup, model.horizon));
  }

  arrive(customer: Customer): void {
    if (customer.counted) this.segments[customer.segment]!.arrivals++;
  }

  reach(customer: Customer, station: number): void {
    if (customer.counted) this.stations[station]!.arrivals++;
  }

  join(): void {}

  start(): void {}

  finish(customer: Customer, station: number, time: number): void {
    if (!customer.counted) return;
    const wait = customer.stationWait;
    this.stations[station]!.served(wait, this.bucketOf(wait), time - customer.joinedAt);
  }

  leave(customer: Customer, outcome: Outcome, station: number, time: number): void {
    if (!customer.counted) return;
    if (outcome === Outcome.served) {
      const timeInSystem = time - customer.arrivalTime;
      this.segments[customer.segment]!.served(customer.waited, this.bucketOf(customer.waited), timeInSystem);
      return;
    }
    this.segments[customer.segment]!.outcomes[outcome]!++;
    if (station >= 0) this.stations[station]!.outcomes[outcome]!++;
  }

  private bucketOf(wait: number): number {
    if (wait !== this.lastWait) {
      this.lastWait = wait;
      this.lastWaitBucket = QuantileSketch.bucketOf(wait);
    }
    return this.lastWaitBucket;
  }

  stationChanged(station: StationView, time: number): void {
    this.time[station.index]!.advance(time, station.waiting, station.busy, station.capacity);
  }

  /** Reads out the metrics of a run that ended at `end`, with the stations' final states. */
  collect(end: number, stations: readonly StationView[]): CollectedMetrics {
    const span = end - this.model.warmup;
    const total = { waitingArea: 0, busyArea: 0, availableArea: 0, overtimeArea: 0 };
    const stationValues = stations.map((station, i) => {
      const integrals = this.time[i]!;
      integrals.advance(end, station.waiting, station.busy, station.capacity);
      total.waitingArea += integrals.waitingArea;
      total.busyArea += integrals.busyArea;
      total.availableArea += integrals.availableArea;
      total.overtimeArea += integrals.overtimeArea;
      return { ...this.stations[i]!.values(), ...timeMetrics(integrals, span) };
    });
    const system = new CustomerStats();
    for (const segment of this.segments) system.merge(segment);
    return {
      metrics: { ...system.values(), ...timeMetrics(total, span) },
      stations: stationValues,
      segments: this.segments.map((s) => s.values()),
    };
  }
}

interface Areas {
  readonly waitingArea: number;
  readonly busyArea: number;
  readonly availableArea: number;
  readonly overtimeArea: number;
}

/** The time-based metrics of a station, or of all stations summed, over `span` time units. */
function timeMetrics(areas: Areas, span: number): MetricValues {
  return {
    queueLengthMean: areas.waitingArea / span,
    utilisation: areas.availableArea > 0 ? areas.busyArea / areas.availableArea : NaN,
    overtime: areas.overtimeArea,
  };
}
