/**
 * Over the day: each station's number waiting, number in the system (waiting + in service)
 * and busy servers, sampled on a regular time grid 0, step, 2·step, … up to the horizon.
 * Memory is the grid's (points × stations), never the customers'.
 *
 * A station reports its state just before each change (JourneyObserver.stationChanged),
 * so the state passed at `time` held on [previous change, time): every grid point in that
 * interval takes it. The value at a grid point is therefore the state in force at that
 * instant after everything that happened exactly then (right-continuous, as a time average).
 */
import type { StationView } from '../model/journey.js';
import type { Model } from '../model/model.js';

/** One replication's series: per station, one value per grid point. */
export interface ReplicationSeries {
  waiting: Float64Array[];
  inSystem: Float64Array[];
  busy: Float64Array[];
}

/** The default grid step: about 100 points over the horizon, rounded to 1, 2 or 5 × 10^k. */
export function defaultSeriesStep(horizon: number): number {
  const raw = horizon / 100;
  const power = 10 ** Math.floor(Math.log10(raw));
  const mantissa = raw / power;
  return (mantissa <= 1 ? 1 : mantissa <= 2 ? 2 : mantissa <= 5 ? 5 : 10) * power;
}

/**
 * The grid times: 0, step, … while ≤ horizon, as written (3 × 0.2 is 0.6, not
 * 0.6000000000000001: twelve significant digits are far finer than any grid).
 */
export function seriesGrid(model: Model): number[] {
  return Array.from({ length: seriesPointCount(model.horizon, model.seriesStep) }, (_, i) => Number((i * model.seriesStep).toPrecision(12)));
}

/** Points of the grid 0, step, … ≤ horizon. */
export function seriesPointCount(horizon: number, step: number): number {
  return Math.floor(horizon / step + 1e-9) + 1;
}

/** Fed by the metrics observer at every station change (one observer keeps the journey's calls direct). */
export class SeriesSampler {
  private readonly series: ReplicationSeries;
  /** Next grid point (index) each station has not yet filled. */
  private readonly next: Int32Array;
  private readonly points: number;

  constructor(private readonly model: Model) {
    this.points = seriesPointCount(model.horizon, model.seriesStep);
    const make = () => model.stations.map(() => new Float64Array(this.points));
    this.series = { waiting: make(), inSystem: make(), busy: make() };
    this.next = new Int32Array(model.stations.length);
  }

  /** Fills the grid points before `time` with the station's current state. */
  sample(station: StationView, time: number): void {
    const point = this.next[station.index]!;
    if (point >= this.points || point * this.model.seriesStep >= time) return;
    this.fill(station, time, point);
  }

  /** Fills the grid points from `point` on that lie before `time` (out of line: most changes fill none). */
  private fill(station: StationView, time: number, point: number): void {
    const i = station.index;
    const step = this.model.seriesStep;
    const { waiting, busy } = station;
    const w = this.series.waiting[i]!;
    const n = this.series.inSystem[i]!;
    const b = this.series.busy[i]!;
    while (point < this.points && point * step < time) {
      w[point] = waiting;
      n[point] = waiting + busy;
      b[point] = busy;
      point++;
    }
    this.next[i] = point;
  }

  /** The series of a run that ended at `end`, with the stations' final states. */
  collect(stations: readonly StationView[]): ReplicationSeries {
    for (const station of stations) this.sample(station, Infinity);
    return this.series;
  }
}
