/**
 * The decisions of the journey, each a small interface a lever can replace for a segment or
 * a station (see journey.ts for where each is asked). The defaults reproduce the core
 * scenario keys: Poisson arrivals (arrivals.ts), waiting places and `balkAt` (behaviour.ts),
 * `patience` (patience.ts), the fixed `route` (routes.ts), FIFO and priority lines
 * (waiting-line.ts). A policy that needs randomness takes a named stream from the
 * replication context when it is built, never a shared one.
 */
import type { Customer } from './customer.js';
import type { StationView } from './journey.js';
import type { JourneyControl } from './system.js';

/** Where customers come from: schedules their arrivals and lets them enter (system.enter). */
export interface ArrivalSource {
  /** Called once before the run starts: schedule the first arrivals. */
  start(journey: JourneyControl): void;
}

/**
 * What a join policy decides. `deny` is a refusal by a reservation system (a booked customer
 * beyond the slot's capacity, a walk-in while the free units are held for bookings): the
 * customer leaves with the outcome `denied`.
 */
export const Admission = { join: 0, balk: 1, block: 2, deny: 3 } as const;
export type Admission = (typeof Admission)[keyof typeof Admission];

/** A station as join policies see it: its state and its fixed limits. */
export interface StationAtJoin extends StationView {
  /** Waiting places; Infinity when unlimited. */
  readonly queueCapacity: number;
}

/** Whether a customer who reaches a station joins its line, balks, is blocked or is denied. */
export interface JoinPolicy {
  decide(customer: Customer, station: StationAtJoin): Admission;
}

/** How long a customer will wait in a line before giving up (reneging). */
export interface PatiencePolicy {
  /** Called as the customer arrives, before anything else is drawn for it by this policy. */
  arrive(customer: Customer): void;
  /** Patience in the line of the current step; Infinity for a customer who never reneges. */
  patience(customer: Customer, station: StationView): number;
}

/**
 * Where a customer goes: the station of its current step, or -1 once the route is done. It
 * also sets `customer.draw`, the visit slot whose service time (and patience) the visit uses
 * (model.ts, SegmentModel.route); a router may pass over steps the customer skips by moving
 * `customer.step` on. Asked when service ends (is the route done?) and again on reaching the
 * next station, so its answer must not consume randomness: draw on arrival instead.
 */
export interface Router {
  station(customer: Customer): number;
}

/**
 * The waiting line of a station: who is served next, and by which server. The shared line
 * (waiting-line.ts) treats servers as interchangeable: anyone waiting starts when a server is
 * free. A line that tells servers apart (a line per server, tables for parties) decides
 * itself whether a customer can start and holds the server(s) it gave them; station.busy
 * still counts the servers held (customer.serversHeld each).
 */
export interface Line {
  /** Customers waiting now. */
  readonly size: number;
  /**
   * Whether customers start service in the order they joined (one FIFO line): then nobody
   * can be overtaken, and observers of fairness need not look.
   */
  readonly keepsOrder: boolean;
  /**
   * Whether each server has a line of its own, so the line a customer stands in is served by
   * one server (a line per server); false when every server serves the one line (the shared
   * line, tables). A quoted wait, a balking rule's s, count the servers of the customer's line.
   */
  readonly linePerServer: boolean;
  /**
   * A customer has decided to join: -1 if it is served at once (the line gives it its
   * server(s) now), otherwise how many wait ahead of it in the line it will stand in (add()
   * follows).
   */
  place(customer: Customer, station: StationView): number;
  /** Adds a customer whose `ticket` is already set. */
  add(customer: Customer): void;
  /** Whether a waiting customer can start now (a server is free for one of them). */
  canStart(station: StationView): boolean;
  /** Removes and returns the next customer to serve, giving it its server(s); only after canStart. */
  next(): Customer | undefined;
  /** A waiting customer left the line early; the caller has cleared its ticket. */
  remove(customer: Customer): void;
  /** The service of `customer` ended: the server(s) it held are free again. */
  served(customer: Customer): void;
  /** The station's servers on duty changed (a shift change). */
  serversChanged(station: StationView): void;
}
