/**
 * Poisson arrivals with a piecewise-constant rate (one rate per period): an exact
 * non-homogeneous Poisson process by inversion of the cumulative rate. Each gap consumes one
 * Exp(1) draw and carries it across period boundaries, so a rate change at a boundary takes
 * effect exactly there (not "at the rate of the period where the last arrival fell").
 */
import type { Period } from './model.js';
import type { RandomStream } from '../random/streams.js';

export class ArrivalProcess {
  constructor(
    private readonly periods: readonly Period[],
    private readonly rates: readonly number[],
    private readonly random: RandomStream,
  ) {}

  /** The first arrival after `time`, or Infinity if none comes before the horizon. */
  next(time: number): number {
    let work = -Math.log(1 - this.random.next()); // Exp(1) units of cumulative rate
    let period = this.periodAt(time);
    let t = time;
    while (period < this.periods.length) {
      const rate = this.rates[period]!;
      const end = this.periods[period]!.end;
      if (rate > 0) {
        const reach = rate * (end - t);
        if (work < reach) return t + work / rate;
        work -= reach;
      }
      t = end;
      period++;
    }
    return Infinity;
  }

  private periodAt(time: number): number {
    let period = 0;
    while (period < this.periods.length - 1 && this.periods[period]!.end <= time) period++;
    return period;
  }
}
