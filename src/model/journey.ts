/**
 * The customer's journey and the points where behaviour and measurement plug in.
 *
 *   arrive ─▶ reach ─▶ choose ─▶ join ─▶ start ─▶ finish ─▶ (next station: reach …) ─▶ leave
 *                │                 ▲
 *                └─ balk / block   └─ renege (leave the line before service)
 *
 * Observers (metrics now; waiting psychology, satisfaction, money later) watch these points
 * and never change the flow. Decisions at "choose" (whether and where to join) are policies
 * in behaviour.ts. Every customer leaves exactly once, with exactly one outcome: that is what
 * makes `arrivals = served + balked + reneged + blocked + denied + inSystemAtEnd` hold.
 */
import type { Customer } from './customer.js';

export const Outcome = {
  served: 0,
  balked: 1,
  reneged: 2,
  blocked: 3,
  /** Refused by a reservation system (no reservations yet: never happens). */
  denied: 4,
  inSystemAtEnd: 5,
} as const;
export type Outcome = (typeof Outcome)[keyof typeof Outcome];
export const outcomeNames = ['served', 'balked', 'reneged', 'blocked', 'denied', 'inSystemAtEnd'] as const;

/** What an observer can see of a station at any moment. */
export interface StationView {
  readonly index: number;
  /** Servers on duty by the schedule. */
  readonly capacity: number;
  /** Servers serving someone (may exceed capacity while leaving servers finish). */
  readonly busy: number;
  /** Customers waiting in the line. */
  readonly waiting: number;
}

export interface JourneyObserver {
  /** A customer entered the system. */
  arrive(customer: Customer, time: number): void;
  /** The customer reached `station` and is about to choose whether to join its line. */
  reach(customer: Customer, station: number, time: number): void;
  /** The customer joined the line of `station` (it may be served at once). */
  join(customer: Customer, station: number, time: number): void;
  /** Service started at `station` after `waited` in its line. */
  start(customer: Customer, station: number, time: number, waited: number): void;
  /** Service at `station` ended. */
  finish(customer: Customer, station: number, time: number): void;
  /** The customer left the system; `station` is where the outcome happened (-1: whole route done). */
  leave(customer: Customer, outcome: Outcome, station: number, time: number): void;
  /**
   * Called before the first change of a station's line, busy servers or capacity at each
   * instant, so the state an observer sees here has held since its previous call for that
   * station (changes at one instant take no time; only the state after them lasts).
   */
  stationChanged(station: StationView, time: number): void;
}

/** Several observers behind one, each told of every point in the order given. */
export class AllObservers implements JourneyObserver {
  constructor(private readonly observers: readonly JourneyObserver[]) {}
  arrive(customer: Customer, time: number): void {
    for (const o of this.observers) o.arrive(customer, time);
  }
  reach(customer: Customer, station: number, time: number): void {
    for (const o of this.observers) o.reach(customer, station, time);
  }
  join(customer: Customer, station: number, time: number): void {
    for (const o of this.observers) o.join(customer, station, time);
  }
  start(customer: Customer, station: number, time: number, waited: number): void {
    for (const o of this.observers) o.start(customer, station, time, waited);
  }
  finish(customer: Customer, station: number, time: number): void {
    for (const o of this.observers) o.finish(customer, station, time);
  }
  leave(customer: Customer, outcome: Outcome, station: number, time: number): void {
    for (const o of this.observers) o.leave(customer, outcome, station, time);
  }
  stationChanged(station: StationView, time: number): void {
    for (const o of this.observers) o.stationChanged(station, time);
  }
}
