/**
 * The reservations ledger: watches the journey at the booked station and reads out the
 * lever's metrics (metrics.ts) for the system, each segment and each period. Constant memory
 * per slot and per (segment, period); nothing per customer.
 */
import type { LeverMetrics } from '../levers/lever.js';
import type { MetricValues } from '../metrics/catalogue.js';
import type { Customer, CustomerColumn } from '../model/customer.js';
import { JourneyWatcher, Outcome, type StationView } from '../model/journey.js';
import type { Model } from '../model/model.js';
import { BookingColumn, type BookingBook } from './bookings.js';
import type { ReservationsConfig } from './config.js';

export class ReservationLedger extends JourneyWatcher {
  /** Per slot. */
  private readonly denied: Int32Array;
  private readonly waitPast: Float64Array;
  private readonly started: Int32Array;
  /** Per segment × period: walk-ins served at, and turned away from, the booked station. */
  private readonly walkInsServed: Float64Array;
  private readonly walkInsTurnedAway: Float64Array;
  private readonly isWalkIn: boolean[];
  private readonly periods: number;

  constructor(
    private readonly model: Model,
    private readonly config: ReservationsConfig,
    private readonly book: BookingBook,
    private readonly column: CustomerColumn,
  ) {
    super();
    const slots = config.slots.length;
    this.denied = new Int32Array(slots);
    this.waitPast = new Float64Array(slots);
    this.started = new Int32Array(slots);
    this.periods = model.periods.length;
    this.walkInsServed = new Float64Array(model.segments.length * this.periods);
    this.walkInsTurnedAway = new Float64Array(model.segments.length * this.periods);
    this.isWalkIn = model.segments.map((_, i) => config.walkInSegments.includes(i));
  }

  private isBookedVisit(customer: Customer, station: StationView): boolean {
    return customer.segment === this.config.segment && station.index === this.config.station && customer.draw === this.config.visit;
  }

  private columnValue(customer: Customer, field: number): number {
    return this.column.values[customer.slot * BookingColumn.width + field]!;
  }

  override start(customer: Customer, station: StationView, time: number): void {
    if (!this.isBookedVisit(customer, station)) return;
    const slot = this.columnValue(customer, BookingColumn.slot);
    // Waiting past the booked time: in the line after both the booked time and the customer's own arrival there.
    this.waitPast[slot]! += Math.max(0, time - Math.max(this.columnValue(customer, BookingColumn.bookedTime), customer.joinedAt));
    this.started[slot]!++;
  }

  override finish(customer: Customer, station: StationView): void {
    if (customer.counted && this.isWalkIn[customer.segment] && station.index === this.config.station) {
      this.walkInsServed[customer.segment * this.periods + customer.period]!++;
    }
  }

  override leave(customer: Customer, outcome: Outcome, station: StationView | undefined): void {
    if (outcome !== Outcome.denied || station === undefined) return;
    if (this.isBookedVisit(customer, station)) this.denied[this.columnValue(customer, BookingColumn.slot)]!++;
    else if (customer.counted && this.isWalkIn[customer.segment] && station.index === this.config.station) {
      this.walkInsTurnedAway[customer.segment * this.periods + customer.period]!++;
    }
  }

  /** The lever's metrics: system, per segment and per period. */
  collect(): LeverMetrics {
    return { ...this.scopes(-1), periods: this.model.periods.map((_, p) => this.scopes(p)) };
  }

  /** System and segment values of period p (−1: the whole run): counted slots by slot time, walk-ins by arrival. */
  private scopes(p: number): Required<Pick<LeverMetrics, 'metrics' | 'segments'>> {
    const { config, book } = this;
    const slots = { bookings: 0, cancellations: 0, noShows: 0, shows: 0, denied: 0, empty: 0, waitPast: 0, started: 0, limits: 0, count: 0 };
    config.slots.forEach((slot, k) => {
      if (!slot.counted || (p >= 0 && slot.period !== p)) return;
      slots.bookings += book.bookings[k]!;
      slots.cancellations += book.cancellations[k]!;
      slots.noShows += book.noShows[k]!;
      slots.shows += book.shows[k]!;
      slots.denied += this.denied[k]!;
      slots.empty += Math.max(0, slot.bookable - book.shows[k]!);
      slots.waitPast += this.waitPast[k]!;
      slots.started += this.started[k]!;
      slots.limits += slot.bookingLimit;
      slots.count++;
    });
    const booked: MetricValues = {
      bookings: slots.bookings,
      cancellations: slots.cancellations,
      noShows: slots.noShows,
      shows: slots.shows,
      deniedCost: config.compensation * slots.denied,
      emptySlots: slots.empty,
      reservedWaitMean: slots.started > 0 ? slots.waitPast / slots.started : NaN,
      bookingLimit: slots.count > 0 ? slots.limits / slots.count : NaN,
    };
    const none: MetricValues = { bookings: 0, cancellations: 0, noShows: 0, shows: 0, deniedCost: 0, emptySlots: 0, reservedWaitMean: NaN, bookingLimit: NaN };
    let served = 0;
    let turnedAway = 0;
    const segments = this.model.segments.map((_, i) => {
      const [s, t] = this.walkIns(i, p);
      served += s;
      turnedAway += t;
      return { ...(i === config.segment ? booked : none), walkInsServed: s, walkInsTurnedAway: t };
    });
    return { metrics: { ...booked, walkInsServed: served, walkInsTurnedAway: turnedAway }, segments };
  }

  /** [served, turned away] of a segment's walk-ins, in period p (−1: all periods). */
  private walkIns(segment: number, p: number): [number, number] {
    let served = 0;
    let turnedAway = 0;
    for (let q = 0; q < this.periods; q++) {
      if (p >= 0 && q !== p) continue;
      served += this.walkInsServed[segment * this.periods + q]!;
      turnedAway += this.walkInsTurnedAway[segment * this.periods + q]!;
    }
    return [served, turnedAway];
  }
}
