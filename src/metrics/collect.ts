/**
 * The metrics observer: watches the journey and keeps constant-memory statistics per
 * system, station and segment, then reads them out as one replication's metric values.
 */
import type { Customer } from '../model/customer.js';
import { Outcome, type JourneyObserver, type StationView } from '../model/journey.js';
import type { Model } from '../model/model.js';
import { StationTimeIntegrals, Tally } from './accumulators.js';
import type { MetricValues } from './catalogue.js';
import { QuantileSketch } from './quantiles.js';

/** Customer statistics of one scope (the system, one station or one segment). */
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
  private readonly system = new CustomerStats();
  private readonly stations: CustomerStats[];
  private readonly segments: CustomerStats[];
  private readonly time: StationTimeIntegrals[];

  constructor(private readonly model: Model) {
    this.stations = model.stations.map(() => new CustomerStats());
    this.segments = model.segments.map(() => new CustomerStats());
    this.time = model.stations.map(() => new StationTimeIntegrals(model.warmup, model.horizon));
  }

  arrive(customer: Customer): void {
    if (!customer.counted) return;
    this.system.arrivals++;
    this.segments[customer.segment]!.arrivals++;
  }

  reach(customer: Customer, station: number): void {
    if (customer.counted) this.stations[station]!.arrivals++;
  }

  join(): void {}

  start(): void {}

  finish(customer: Customer, station: number, time: number): void {
    if (!customer.counted) return;
    const wait = customer.stationWait;
    this.stations[station]!.served(wait, QuantileSketch.bucketOf(wait), time - customer.joinedAt);
  }

  leave(customer: Customer, outcome: Outcome, station: number, time: number): void {
    if (!customer.counted) return;
    if (outcome === Outcome.served) {
      const timeInSystem = time - customer.arrivalTime;
      const bucket = QuantileSketch.bucketOf(customer.waited);
      this.system.served(customer.waited, bucket, timeInSystem);
      this.segments[customer.segment]!.served(customer.waited, bucket, timeInSystem);
      return;
    }
    this.system.outcomes[outcome]!++;
    this.segments[customer.segment]!.outcomes[outcome]!++;
    if (station >= 0) this.stations[station]!.outcomes[outcome]!++;
  }

  stationChanged(station: StationView, time: number): void {
    this.time[station.index]!.advance(time, station.waiting, station.busy, station.capacity);
  }

  /** Reads out the metrics of a run that ended at `end`, with the stations' final states. */
  collect(end: number, stations: readonly StationView[]): CollectedMetrics {
    const span = end - this.model.warmup;
    let waitingArea = 0;
    let busyArea = 0;
    let availableArea = 0;
    let overtimeArea = 0;
    const stationValues = stations.map((station, i) => {
      const integrals = this.time[i]!;
      integrals.advance(end, station.waiting, station.busy, station.capacity);
      waitingArea += integrals.waitingArea;
      busyArea += integrals.busyArea;
      availableArea += integrals.availableArea;
      overtimeArea += integrals.overtimeArea;
      return {
        ...this.stations[i]!.values(),
        queueLengthMean: integrals.waitingArea / span,
        utilisation: integrals.availableArea > 0 ? integrals.busyArea / integrals.availableArea : NaN,
        overtime: integrals.overtimeArea,
      };
    });
    return {
      metrics: {
        ...this.system.values(),
        queueLengthMean: waitingArea / span,
        utilisation: availableArea > 0 ? busyArea / availableArea : NaN,
        overtime: overtimeArea,
      },
      stations: stationValues,
      segments: this.segments.map((s) => s.values()),
    };
  }
}
