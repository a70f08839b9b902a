/**
 * People, next to parties. With party sizes, a customer record is a party: the core counts
 * (arrivals, served, balked, ...) and waits are per party. This observer counts the people
 * in them at the same points and by the same rules (customers who arrive at or after the
 * warm-up, in the period they arrived in), so
 * peopleArrivals = peopleServed + peopleBalked + peopleReneged + peopleBlocked + peopleDenied
 * + peopleInSystemAtEnd holds system-wide, per segment and per station, as it does for parties.
 */
import type { MetricValues } from '../metrics/catalogue.js';
import type { Customer } from '../model/customer.js';
import { JourneyWatcher, Outcome, type StationView } from '../model/journey.js';
import type { Model } from '../model/model.js';
import type { LeverMetrics } from '../levers/lever.js';

/** Metric names, with the outcome names in journey.ts order. */
export const peopleMetricNames = ['peopleArrivals', 'peopleServed', 'peopleBalked', 'peopleReneged', 'peopleBlocked', 'peopleDenied', 'peopleInSystemAtEnd'] as const;

class PeopleTally {
  arrivals = 0;
  readonly outcomes = new Float64Array(6);

  add(other: PeopleTally): void {
    this.arrivals += other.arrivals;
    for (let i = 0; i < this.outcomes.length; i++) this.outcomes[i]! += other.outcomes[i]!;
  }

  values(): MetricValues {
    const values: MetricValues = { peopleArrivals: this.arrivals };
    for (let outcome = 0; outcome < this.outcomes.length; outcome++) {
      values[peopleMetricNames[outcome + 1]!] = this.outcomes[outcome]!;
    }
    return values;
  }
}

class Scopes {
  readonly stations: PeopleTally[];
  readonly segments: PeopleTally[];
  constructor(model: Model) {
    this.stations = model.stations.map(() => new PeopleTally());
    this.segments = model.segments.map(() => new PeopleTally());
  }

  add(other: Scopes): void {
    this.stations.forEach((tally, i) => tally.add(other.stations[i]!));
    this.segments.forEach((tally, i) => tally.add(other.segments[i]!));
  }

  values(): { metrics: MetricValues; stations: MetricValues[]; segments: MetricValues[] } {
    const system = new PeopleTally();
    for (const segment of this.segments) system.add(segment);
    return {
      metrics: system.values(),
      stations: this.stations.map((tally) => tally.values()),
      segments: this.segments.map((tally) => tally.values()),
    };
  }
}

export class PeopleCounter extends JourneyWatcher {
  /** Per period of arrival. */
  private readonly periods: Scopes[];

  constructor(private readonly model: Model) {
    super();
    this.periods = model.periods.map(() => new Scopes(model));
  }

  override arrive(customer: Customer): void {
    if (customer.counted) this.periods[customer.period]!.segments[customer.segment]!.arrivals += customer.partySize;
  }

  override reach(customer: Customer, station: StationView): void {
    if (customer.counted) this.periods[customer.period]!.stations[station.index]!.arrivals += customer.partySize;
  }

  override finish(customer: Customer, station: StationView): void {
    if (customer.counted) this.periods[customer.period]!.stations[station.index]!.outcomes[Outcome.served]! += customer.partySize;
  }

  override leave(customer: Customer, outcome: Outcome, station: StationView | undefined): void {
    if (!customer.counted) return;
    const scopes = this.periods[customer.period]!;
    scopes.segments[customer.segment]!.outcomes[outcome]! += customer.partySize;
    if (outcome !== Outcome.served && station !== undefined) scopes.stations[station.index]!.outcomes[outcome]! += customer.partySize;
  }

  collect(): LeverMetrics {
    const whole = new Scopes(this.model);
    for (const period of this.periods) whole.add(period);
    return { ...whole.values(), periods: this.periods.map((period) => period.values()) };
  }
}
