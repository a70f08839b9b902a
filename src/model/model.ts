/**
 * The resolved model: what the simulation runs. It is plain data (so it can cross to a worker
 * or a browser), fully defaulted, with every name already turned into an index. Scenario
 * files become models through scenario/load.ts and resolve.ts, which guarantee it is valid;
 * code that builds one by hand (tests, benchmarks) takes that duty on itself.
 */
import type { Distribution } from '../random/distributions.js';

export type Discipline = 'fifo' | 'priority';

export interface Period {
  name: string;
  start: number;
  /** Exclusive end: the next period's start, or the horizon for the last one. */
  end: number;
}

export interface StationModel {
  id: string;
  /** Servers on duty in each period (index = period). */
  servers: number[];
  /** Waiting places; Infinity when unlimited. */
  queueCapacity: number;
  discipline: Discipline;
}

export interface SegmentModel {
  id: string;
  /** Arrival rate in each period (customers per time unit). */
  rates: number[];
  /**
   * The route's visit slots: station indices in route order, one per station a step may
   * lead to. A plain route (station ids) has one slot per step; a lever's step (a choice
   * among stations, scenario/route-steps.ts) has one per candidate station, and the lever's
   * router picks the slot at run time. A service time is drawn for every slot on arrival.
   */
  route: number[];
  /** Priority class: rank of `priority` among all segments' priorities (0 = served first). */
  priorityClass: number;
  /** Service time of each visit slot of the route. */
  service: Distribution[];
  /** Patience in each queue, or null for customers who never renege. */
  patience: Distribution | null;
  /** Balk when this many or more are waiting; Infinity for never. */
  balkAt: number;
}

export interface Model {
  name: string;
  /** The scenario's description, if it has one. */
  description?: string;
  seed: number;
  replications: number;
  unit: string;
  horizon: number;
  warmup: number;
  /** Grid step of the over-the-day series (time.seriesStep). */
  seriesStep: number;
  drain: boolean;
  periods: Period[];
  stations: StationModel[];
  segments: SegmentModel[];
  /** Number of distinct priority classes across segments. */
  priorityClasses: number;
  /**
   * Each lever's part of the model, by lever name (see levers/lever.ts); a lever the
   * scenario does not use has no entry, and the run is exactly the core's.
   */
  levers: Record<string, unknown>;
}
