/**
 * Poisson arrivals with a piecewise-constant rate (one rate per period): an exact
 * non-homogeneous Poisson process by inversion of the cumulative rate. Each gap consumes one
 * Exp(1) draw and carries it across period boundaries, so a rate change at a boundary takes
 * effect exactly there (not "at the rate of the period where the last arrival fell").
 */
import type { Model, Period } from './model.js';
import { createStream, sources, type RandomStream } from '../random/streams.js';
import { Rank, type EventHandlerOf } from './events.js';
import type { ArrivalSource } from './policies.js';
import type { JourneyControl } from './system.js';

export class ArrivalProcess {
  /** Period of the last arrival: time only moves forward, so the search starts there. */
  private period = 0;

  constructor(
    private readonly periods: readonly Period[],
    private readonly rates: readonly number[],
    private readonly random: RandomStream,
  ) {}

  /** The first arrival after `time`, or Infinity if none comes before the horizon. */
  next(time: number): number {
    const work = -Math.log(1 - this.random.next()); // Exp(1) units of cumulative rate
    // Most gaps start and end within the period of the last arrival: the first step of the
    // walk below, taken here, so that next() stays small enough to be inlined where it is called.
    const period = this.periods[this.period]!;
    const rate = this.rates[this.period]!;
    if (time >= period.start && time < period.end && work < rate * (period.end - time)) return time + work / rate;
    return this.walk(time, work);
  }

  /** The arrival `work` units of cumulative rate after `time`, walking the periods from the last arrival's. */
  private walk(time: number, work: number): number {
    if (time < this.periods[this.period]!.start) this.period = 0;
    while (this.period < this.periods.length - 1 && this.periods[this.period]!.end <= time) this.period++;
    let t = time;
    for (let period = this.period; period < this.periods.length; period++) {
      const rate = this.rates[period]!;
      const end = this.periods[period]!.end;
      if (rate > 0) {
        const reach = rate * (end - t);
        if (work < reach) return t + work / rate;
        work -= reach;
      }
      t = end;
    }
    return Infinity;
  }
}

/**
 * The arrival source of the scenario's segments: one Poisson process per segment (its
 * `arrivals.rate`), each on its own stream. One event kind for all; the subject is the segment.
 */
export class PoissonArrivals implements ArrivalSource, EventHandlerOf {
  private kind = -1;
  private journey!: JourneyControl;

  /** `processes[segment]`, or null for a segment this source does not bring. */
  constructor(
    private readonly processes: readonly (ArrivalProcess | null)[],
    private readonly horizon: number,
  ) {}

  start(journey: JourneyControl): void {
    this.journey = journey;
    this.kind = journey.registerEvent('arrival', Rank.arrival, this);
    this.processes.forEach((process, segment) => {
      if (process === null) return;
      const first = process.next(0);
      if (first < this.horizon) journey.post(first, this.kind, segment);
    });
  }

  handle(segment: number): void {
    const journey = this.journey;
    const next = this.processes[segment]!.next(journey.now);
    if (next < this.horizon) journey.post(next, this.kind, segment);
    journey.enter(segment);
  }
}

/**
 * The scenario's arrival source: one Poisson process per segment at `rates` (per segment,
 * per period; by default the segments' own `arrivals.rate`), each on that segment's arrivals
 * stream. The core builds its source here, and so does a lever that reshapes demand (pricing):
 * both draw exactly the same numbers, so equal rates give identical arrivals, and other rates
 * give the same sample path stretched in time (common random numbers).
 */
export function scenarioArrivals(
  model: Model,
  seed: number,
  replication: number,
  rates: readonly (readonly number[])[] = model.segments.map((spec) => spec.rates),
): PoissonArrivals {
  return new PoissonArrivals(
    model.segments.map((spec, i) => new ArrivalProcess(model.periods, rates[i]!, createStream(seed, replication, sources.arrivals(spec.id)))),
    model.horizon,
  );
}
