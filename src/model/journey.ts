/**
 * The customer's journey and the points where behaviour and measurement plug in.
 *
 *   arrive ─▶ reach ─▶ choose ─▶ join ─▶ start ─▶ finish ─▶ route: next station? ─▶ reach …
 *   (source)    │      (join       ▲                                  │
 *               │       policy)    └─ renege (patience policy)        └─ no: leave (served)
 *               └─ balk / block / deny
 *
 * Decisions are policies (policies.ts): where customers come from (arrival source), whether
 * they join (join policy), how long they wait (patience), where they go next (router), who
 * is served next (line). Observers watch the points and never change the flow: metrics,
 * waiting psychology, satisfaction, money. Every customer leaves exactly once, with exactly
 * one outcome: that is what makes
 * `arrivals = served + balked + reneged + blocked + denied + inSystemAtEnd` hold.
 */
import type { Customer } from './customer.js';

export const Outcome = {
  served: 0,
  balked: 1,
  reneged: 2,
  blocked: 3,
  /** Refused by a reservation system. */
  denied: 4,
  inSystemAtEnd: 5,
} as const;
export type Outcome = (typeof Outcome)[keyof typeof Outcome];
export const outcomeNames = ['served', 'balked', 'reneged', 'blocked', 'denied', 'inSystemAtEnd'] as const;

/** What an observer or a policy can see of a station at any moment. */
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
  reach(customer: Customer, station: StationView, time: number): void;
  /**
   * The customer joined the line of `station`: `ahead` is -1 when it is served at once, else
   * how many wait before it in the line it stands in (Line.place).
   */
  join(customer: Customer, station: StationView, ahead: number, time: number): void;
  /** Service started at `station` after `waited` in its line. */
  start(customer: Customer, station: StationView, time: number, waited: number): void;
  /** Service at `station` ended. */
  finish(customer: Customer, station: StationView, time: number): void;
  /**
   * The customer left the system; `station` is where the outcome happened (undefined: the
   * whole route was done, or the customer never reached a station).
   */
  leave(customer: Customer, outcome: Outcome, station: StationView | undefined, time: number): void;
  /**
   * Called before the first change of a station's line, busy servers or capacity at each
   * instant, so the state an observer sees here has held since its previous call for that
   * station (changes at one instant take no time; only the state after them lasts).
   */
  stationChanged(station: StationView, time: number): void;
}

/** An observer that ignores every point; extend it and implement only the points you use. */
export class JourneyWatcher implements JourneyObserver {
  arrive(_customer: Customer, _time: number): void {}
  reach(_customer: Customer, _station: StationView, _time: number): void {}
  join(_customer: Customer, _station: StationView, _ahead: number, _time: number): void {}
  start(_customer: Customer, _station: StationView, _time: number, _waited: number): void {}
  finish(_customer: Customer, _station: StationView, _time: number): void {}
  leave(_customer: Customer, _outcome: Outcome, _station: StationView | undefined, _time: number): void {}
  stationChanged(_station: StationView, _time: number): void {}
}

/**
 * Several observers behind one, each told of every point in the order given. Built as a
 * pair (all but the last, then the last) rather than a loop over a list, so each call site
 * sees one observer class and the compiler can inline it (and drop the points an observer
 * leaves to JourneyWatcher's no-ops): with the metrics and one lever, a loop cost the
 * benchmark ~15% even when the lever's observer did nothing.
 */
export class AllObservers implements JourneyObserver {
  private readonly first: JourneyObserver;
  private readonly second: JourneyObserver;

  constructor(observers: readonly JourneyObserver[]) {
    const last = observers.length - 1;
    this.first = last <= 0 ? new JourneyWatcher() : last === 1 ? observers[0]! : new AllObservers(observers.slice(0, last));
    this.second = last < 0 ? new JourneyWatcher() : observers[last]!;
  }
  arrive(customer: Customer, time: number): void {
    this.first.arrive(customer, time);
    this.second.arrive(customer, time);
  }
  reach(customer: Customer, station: StationView, time: number): void {
    this.first.reach(customer, station, time);
    this.second.reach(customer, station, time);
  }
  join(customer: Customer, station: StationView, ahead: number, time: number): void {
    this.first.join(customer, station, ahead, time);
    this.second.join(customer, station, ahead, time);
  }
  start(customer: Customer, station: StationView, time: number, waited: number): void {
    this.first.start(customer, station, time, waited);
    this.second.start(customer, station, time, waited);
  }
  finish(customer: Customer, station: StationView, time: number): void {
    this.first.finish(customer, station, time);
    this.second.finish(customer, station, time);
  }
  leave(customer: Customer, outcome: Outcome, station: StationView | undefined, time: number): void {
    this.first.leave(customer, outcome, station, time);
    this.second.leave(customer, outcome, station, time);
  }
  stationChanged(station: StationView, time: number): void {
    this.first.stationChanged(station, time);
    this.second.stationChanged(station, time);
  }
}
