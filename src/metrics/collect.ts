/**
 * The metrics observer: watches the journey and keeps constant-memory statistics per
 * station and segment, and per period (customers by the period they arrived in; time
 * averages over the period's interval), then reads them out as one replication's metric
 * values. System-wide customer statistics are the segments' merged at the end (every
 * customer belongs to exactly one segment), which saves a third of the work per customer.
 * With a single period, the period's values are the whole run's, and are not kept twice.
 */
import type { Customer } from '../model/customer.js';
import { Outcome, JourneyWatcher, type StationView } from '../model/journey.js';
import type { Model, Period } from '../model/model.js';
import { StationTimeIntegrals, Tally } from './accumulators.js';
import type { MetricValues } from './catalogue.js';
import { QuantileSketch } from './quantiles.js';
import { SeriesSampler, type ReplicationSeries } from './series.js';

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
      waitP80: this.waitQuantiles.quantile(0.8),
      waitP90: this.waitQuantiles.quantile(0.9),
      waitP95: this.waitQuantiles.quantile(0.95),
      timeInSystemMean: this.timeInSystem.mean,
      abandonmentRate: this.arrivals === 0 ? NaN : lost / this.arrivals,
    };
  }
}

/** One replication's values in each scope. */
export interface ScopedValues {
  metrics: MetricValues;
  stations: MetricValues[];
  segments: MetricValues[];
}

export interface CollectedMetrics extends ScopedValues {
  /** The same scopes for each period of the model (index = period). */
  periods: ScopedValues[];
  /** Each station's state over the day on the model's grid. */
  series: ReplicationSeries;
}

/** Customer statistics of every station and segment, for the whole run or one period. */
class CustomerScopes {
  readonly stations: CustomerStats[];
  readonly segments: CustomerStats[];
  constructor(model: Model) {
    this.stations = model.stations.map(() => new CustomerStats());
    this.segments = model.segments.map(() => new CustomerStats());
  }
}

export class MetricsCollector extends JourneyWatcher {
  private readonly all: CustomerScopes;
  /** Per period; empty with a single period (the whole run is that period). */
  private readonly byPeriod: CustomerScopes[];
  private readonly time: StationTimeIntegrals[];
  /** time integrals per period and station, and the period each station's clock is in. */
  private readonly periodTime: StationTimeIntegrals[][];
  private readonly stationPeriod: Int32Array;
  private readonly series: SeriesSampler;
  /** The last wait whose quantile bucket was computed (a one-station route sees it twice). */
  private lastWait = NaN;
  private lastWaitBucket = -1;

  constructor(private readonly model: Model) {
    super();
    this.all = new CustomerScopes(model);
    const split = model.periods.length > 1;
    this.byPeriod = split ? model.periods.map(() => new CustomerScopes(model)) : [];
    this.time = model.stations.map(() => new StationTimeIntegrals(model.warmup, model.horizon));
    this.periodTime = split
      ? model.periods.map((period) => model.stations.map(() => new StationTimeIntegrals(Math.max(period.start, model.warmup), model.horizon)))
      : [];
    this.stationPeriod = new Int32Array(model.stations.length);
    this.series = new SeriesSampler(model);
  }

  override arrive(customer: Customer): void {
    if (!customer.counted) return;
    this.all.segments[customer.segment]!.arrivals++;
    if (this.byPeriod.length > 0) this.byPeriod[customer.period]!.segments[customer.segment]!.arrivals++;
  }

  override reach(customer: Customer, station: StationView): void {
    if (!customer.counted) return;
    this.all.stations[station.index]!.arrivals++;
    if (this.byPeriod.length > 0) this.byPeriod[customer.period]!.stations[station.index]!.arrivals++;
  }

  override finish(customer: Customer, station: StationView, time: number): void {
    if (!customer.counted) return;
    const wait = customer.stationWait;
    const bucket = this.bucketOf(wait);
    this.all.stations[station.index]!.served(wait, bucket, time - customer.joinedAt);
    if (this.byPeriod.length > 0) this.byPeriod[customer.period]!.stations[station.index]!.served(wait, bucket, time - customer.joinedAt);
  }

  override leave(customer: Customer, outcome: Outcome, station: StationView | undefined, time: number): void {
    if (!customer.counted) return;
    if (outcome !== Outcome.served) return this.lost(customer, outcome, station);
    const timeInSystem = time - customer.arrivalTime;
    const bucket = this.bucketOf(customer.waited);
    this.all.segments[customer.segment]!.served(customer.waited, bucket, timeInSystem);
    if (this.byPeriod.length > 0) this.byPeriod[customer.period]!.segments[customer.segment]!.served(customer.waited, bucket, timeInSystem);
  }

  /** A counted customer left unserved (out of line, so that leave stays small enough to inline). */
  private lost(customer: Customer, outcome: Outcome, station: StationView | undefined): void {
    const period = this.byPeriod.length > 0 ? this.byPeriod[customer.period]! : undefined;
    this.all.segments[customer.segment]!.outcomes[outcome]!++;
    if (period !== undefined) period.segments[customer.segment]!.outcomes[outcome]!++;
    if (station !== undefined) {
      this.all.stations[station.index]!.outcomes[outcome]!++;
      if (period !== undefined) period.stations[station.index]!.outcomes[outcome]!++;
    }
  }

  private bucketOf(wait: number): number {
    if (wait !== this.lastWait) {
      this.lastWait = wait;
      this.lastWaitBucket = QuantileSketch.bucketOf(wait);
    }
    return this.lastWaitBucket;
  }

  override stationChanged(station: StationView, time: number): void {
    this.time[station.index]!.advance(time, station.waiting, station.busy, station.capacity);
    if (this.periodTime.length > 0) this.advancePeriod(station, time);
    this.series.sample(station, time);
  }

  /**
   * The state held since the station's last change lies within one period: every period
   * start is a shift change, which reports every station.
   */
  private advancePeriod(station: StationView, time: number): void {
    const periods = this.model.periods;
    let p = this.stationPeriod[station.index]!;
    this.periodTime[p]![station.index]!.advance(time, station.waiting, station.busy, station.capacity);
    while (p < periods.length - 1 && time >= periods[p]!.end) p++;
    this.stationPeriod[station.index] = p;
  }

  /** Reads out the metrics of a run that ended at `end`, with the stations' final states. */
  collect(end: number, stations: readonly StationView[]): CollectedMetrics {
    for (const station of stations) this.stationChanged(station, end);
    const whole = this.scopeValues(this.all, this.time, end - this.model.warmup);
    const periods =
      this.byPeriod.length === 0
        ? [copyScopes(whole)]
        : this.model.periods.map((period, p) =>
            this.scopeValues(this.byPeriod[p]!, this.periodTime[p]!, measuredSpan(period, p === this.model.periods.length - 1 ? end : period.end, this.model.warmup)),
          );
    return { ...whole, periods, series: this.series.collect(stations) };
  }

  private scopeValues(scopes: CustomerScopes, integrals: readonly StationTimeIntegrals[], span: number): ScopedValues {
    const total = { waitingArea: 0, busyArea: 0, availableArea: 0, overtimeArea: 0 };
    const stationValues = integrals.map((areas, i) => {
      total.waitingArea += areas.waitingArea;
      total.busyArea += areas.busyArea;
      total.availableArea += areas.availableArea;
      total.overtimeArea += areas.overtimeArea;
      return { ...scopes.stations[i]!.values(), ...timeMetrics(areas, span) };
    });
    const system = new CustomerStats();
    for (const segment of scopes.segments) system.merge(segment);
    return {
      metrics: { ...system.values(), ...timeMetrics(total, span) },
      stations: stationValues,
      segments: scopes.segments.map((s) => s.values()),
    };
  }
}

/** The measured part of a period that ends at `end`: from its start or the warm-up, whichever is later. */
function measuredSpan(period: Period, end: number, warmup: number): number {
  return Math.max(0, end - Math.max(period.start, warmup));
}

function copyScopes(values: ScopedValues): ScopedValues {
  return { metrics: { ...values.metrics }, stations: values.stations.map((v) => ({ ...v })), segments: values.segments.map((v) => ({ ...v })) };
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
    queueLengthMean: span > 0 ? areas.waitingArea / span : NaN,
    utilisation: areas.availableArea > 0 ? areas.busyArea / areas.availableArea : NaN,
    overtime: areas.overtimeArea,
  };
}
