/**
 * Seat use at stations with tables: people seated / seats, averaged over the measured time
 * (from the warm-up to the end of the run, or over each period). Next to the station's
 * utilisation (tables in use / tables) it shows the seats a table mix leaves empty: a couple
 * at a four-top uses the table fully and half its seats.
 */
import type { LeverMetrics } from '../levers/lever.js';
import type { MetricValues } from '../metrics/catalogue.js';
import type { Customer } from '../model/customer.js';
import { JourneyWatcher, type StationView } from '../model/journey.js';
import type { Model } from '../model/model.js';

export class SeatUse extends JourneyWatcher {
  private readonly seated: Float64Array;
  private readonly since: Float64Array;
  /** area[period][station]: ∫ people seated dt over the period's measured part. */
  private readonly area: Float64Array[];

  /** @param seats  per station: its seats, or 0 for a station without tables */
  constructor(
    private readonly model: Model,
    private readonly seats: readonly number[],
  ) {
    super();
    this.seated = new Float64Array(seats.length);
    this.since = new Float64Array(seats.length);
    this.area = model.periods.map(() => new Float64Array(seats.length));
  }

  /** Adds the people seated since the last change, split by period, from the warm-up on. */
  private advance(station: number, time: number): void {
    const from = this.since[station]!;
    const level = this.seated[station]!;
    this.since[station] = time;
    if (level === 0 || time <= from) return;
    const { periods, warmup } = this.model;
    periods.forEach((period, p) => {
      const lo = Math.max(from, period.start, warmup);
      const hi = p === periods.length - 1 ? time : Math.min(time, period.end);
      if (hi > lo) this.area[p]![station]! += level * (hi - lo);
    });
  }

  override start(customer: Customer, station: StationView, time: number): void {
    if (this.seats[station.index] === 0) return;
    this.advance(station.index, time);
    this.seated[station.index]! += customer.partySize;
  }

  override finish(customer: Customer, station: StationView, time: number): void {
    if (this.seats[station.index] === 0) return;
    this.advance(station.index, time);
    this.seated[station.index]! -= customer.partySize;
  }

  collect(end: number): LeverMetrics {
    this.seats.forEach((_, station) => this.advance(station, end));
    const { periods, warmup } = this.model;
    const scope = (area: (station: number) => number, span: number) => {
      let seatedArea = 0;
      let seatArea = 0;
      const stations: MetricValues[] = this.seats.map((seats, i) => {
        if (seats === 0) return { seatUtilisation: NaN };
        seatedArea += area(i);
        seatArea += seats * span;
        return { seatUtilisation: span > 0 ? area(i) / (seats * span) : NaN };
      });
      return { metrics: { seatUtilisation: seatArea > 0 ? seatedArea / seatArea : NaN }, stations };
    };
    const whole = scope((i) => this.area.reduce((sum, area) => sum + area[i]!, 0), end - warmup);
    return {
      ...whole,
      periods: periods.map((period, p) => {
        const periodEnd = p === periods.length - 1 ? end : period.end;
        return scope((i) => this.area[p]![i]!, Math.max(0, periodEnd - Math.max(period.start, warmup)));
      }),
    };
  }
}
