/**
 * The service system over the engine: the journey's control flow and the order of
 * simultaneous events (events.ts), nothing else. Decisions are asked of policies
 * (policies.ts) and measurement is left to observers (journey.ts); a lever replaces a
 * policy, registers an event kind, a customer column or an observer before the run starts
 * (see levers/lever.ts), and this file does not change.
 */
import { Simulator, type EventHandle, type EventHandler } from '../engine/simulator.js';
import { samplerFor, type Sampler } from '../random/distributions.js';
import { createStream, sources, type RandomStream } from '../random/streams.js';
import { scenarioArrivals } from './arrivals.js';
import { LineLimits } from './behaviour.js';
import { CustomerPool, type Customer, type CustomerColumn } from './customer.js';
import { Rank, type EventHandlerOf, type EventKindInfo } from './events.js';
import { AllObservers, Outcome, type JourneyObserver } from './journey.js';
import type { Model, SegmentModel } from './model.js';
import { DrawnPatience, endlessPatience } from './patience.js';
import { Admission, type ArrivalSource, type JoinPolicy, type PatiencePolicy, type Router } from './policies.js';
import { FixedRoute } from './routes.js';
import { StationState } from './stations.js';

/** Kinds the control flow itself handles; registered kinds are numbered after them. */
const CoreKind = { serviceEnd: 0, shiftChange: 1, dispatch: 2, renege: 3, move: 4, close: 5 } as const;
const coreKinds: readonly { name: string; rank: Rank }[] = [
  { name: 'serviceEnd', rank: Rank.serviceEnd },
  { name: 'shiftChange', rank: Rank.shiftChange },
  { name: 'dispatch', rank: Rank.dispatch },
  { name: 'renege', rank: Rank.renege },
  { name: 'move', rank: Rank.move },
  { name: 'close', rank: Rank.close },
];

/** The outcome of a customer who does not join, by admission (join itself has none). */
const refusalOutcome: Readonly<Record<Exclude<Admission, typeof Admission.join>, Outcome>> = {
  [Admission.balk]: Outcome.balked,
  [Admission.block]: Outcome.blocked,
  [Admission.deny]: Outcome.denied,
};

/** What arrival sources and levers may do to the journey. */
export interface JourneyControl {
  readonly model: Model;
  /** Current simulated time. */
  readonly now: number;
  /** Registers an event kind handled by `handler`, run at `rank` among simultaneous events. */
  registerEvent(name: string, rank: Rank, handler: EventHandlerOf): number;
  schedule(time: number, kind: number, subject: number): EventHandle;
  /** Schedules an event that will not be cancelled: as `schedule`, without a handle (and cheaper). */
  post(time: number, kind: number, subject: number): void;
  cancel(handle: EventHandle): boolean;
  /** A new customer of `segment`, with its service times drawn, that has not arrived yet. */
  create(segment: number): Customer;
  /** The customer arrives now and goes to the first station of its route. */
  begin(customer: Customer): void;
  /** create + begin. */
  enter(segment: number): Customer;
  /**
   * The customer leaves now with `outcome` (at `station`, or -1). A customer waiting in a line
   * is taken out of it first (`leaveLine`); only the run's end leaves customers in their lines.
   */
  end(customer: Customer, outcome: Outcome, station: number): void;
  /** Takes a waiting customer out of its station's line, its patience event cancelled. */
  leaveLine(customer: Customer): void;
}

/** The service draws of one segment: one stream per (segment, station). */
interface SegmentDraws {
  service: Sampler[];
  /**
   * One stream per (segment, station), shared by the steps of the route that visit that
   * station, so a second visit draws the next number rather than repeating the first.
   */
  streams: RandomStream[];
}

function drawsFor(spec: SegmentModel, model: Model, seed: number, replication: number): SegmentDraws {
  const byStation = new Map<number, RandomStream>();
  const streams = spec.route.map((station) => {
    let stream = byStation.get(station);
    if (stream === undefined) {
      stream = createStream(seed, replication, sources.service(spec.id, model.stations[station]!.id));
      byStation.set(station, stream);
    }
    return stream;
  });
  return { service: spec.service.map(samplerFor), streams };
}

function stillInLine(): never {
  throw new Error('end() of a customer waiting in a line: take it out first (JourneyControl.leaveLine)');
}

export class ServiceSystem implements EventHandler, JourneyControl {
  readonly sim = new Simulator();
  readonly stations: StationState[];
  /** Arrival sources; the scenario's Poisson arrivals first. */
  readonly arrivalSources: ArrivalSource[];
  /** Per segment. */
  readonly joinPolicies: JoinPolicy[];
  /** Per segment. */
  readonly patience: PatiencePolicy[];
  /** Per segment. */
  readonly routers: Router[];
  private readonly draws: SegmentDraws[];
  private readonly pool: CustomerPool;
  private readonly kinds: EventKindInfo[] = [];
  /** Each kind's rank, by number (read at every schedule: one array of small integers). */
  private readonly ranks: number[] = [];
  private readonly handlers: EventHandlerOf[] = [];
  private readonly observers: JourneyObserver[];
  /** The one observer, or all of them behind one (so the journey makes one call a point). */
  private observer!: JourneyObserver;
  private nextTicket = 1;
  /** Index of the current period. */
  private period = 0;
  private started = false;

  constructor(
    readonly model: Model,
    readonly seed: number,
    readonly replication: number,
    observers: JourneyObserver[],
  ) {
    this.observers = [...observers];
    for (const kind of coreKinds) {
      this.kinds.push({ ...kind, handler: { handle: () => {} } });
      this.ranks.push(kind.rank);
    }
    this.stations = model.stations.map((spec, i) => new StationState(i, spec, model.priorityClasses));
    this.draws = model.segments.map((spec) => drawsFor(spec, model, seed, replication));
    this.pool = new CustomerPool(Math.max(...model.segments.map((s) => s.route.length)));
    this.arrivalSources = [scenarioArrivals(model, seed, replication)];
    this.joinPolicies = model.segments.map((spec) => new LineLimits(spec.balkAt));
    this.patience = model.segments.map((spec) =>
      spec.patience === null
        ? endlessPatience
        : new DrawnPatience(samplerFor(spec.patience), createStream(seed, replication, sources.patience(spec.id)), spec.route.length, this.pool.addColumn(`patience/${spec.id}`, spec.route.length)),
    );
    this.routers = model.segments.map((spec) => new FixedRoute(spec.route));
  }

  get now(): number {
    return this.sim.now;
  }

  registerEvent(name: string, rank: Rank, handler: EventHandlerOf): number {
    this.kinds.push({ name, rank, handler });
    this.ranks.push(rank);
    this.handlers[this.kinds.length - 1] = handler;
    return this.kinds.length - 1;
  }

  /** The registered event kinds, by number (for tests and traces). */
  get eventKinds(): readonly EventKindInfo[] {
    return this.kinds;
  }

  schedule(time: number, kind: number, subject: number): EventHandle {
    return this.sim.schedule(time, this.ranks[kind]!, kind, subject);
  }

  post(time: number, kind: number, subject: number): void {
    this.sim.post(time, this.ranks[kind]!, kind, subject);
  }

  cancel(handle: EventHandle): boolean {
    return this.sim.cancel(handle);
  }

  /** The customer record in pool slot `slot` (the subject of customer events). */
  customerAt(slot: number): Customer {
    return this.pool.all[slot]!;
  }

  /** Registers a per-customer column (before the run). */
  addColumn(name: string, width = 1): CustomerColumn {
    return this.pool.addColumn(name, width);
  }

  /** Adds an observer (before the run). */
  addObserver(observer: JourneyObserver): void {
    if (this.started) throw new Error('observers are added before the run starts');
    this.observers.push(observer);
  }

  /** Runs the whole replication; returns the time the run ended. */
  run(): number {
    const { sim, model } = this;
    this.started = true;
    this.observer = this.observers.length === 1 ? this.observers[0]! : new AllObservers(this.observers);
    for (const source of this.arrivalSources) source.start(this);
    for (let p = 1; p < model.periods.length; p++) this.post(model.periods[p]!.start, CoreKind.shiftChange, p);
    this.post(model.horizon, CoreKind.close, 0);
    sim.run(this);
    const end = model.drain ? Math.max(sim.now, model.horizon) : model.horizon;
    for (const customer of this.pool.all) {
      if (customer.active) this.end(customer, Outcome.inSystemAtEnd, customer.station);
    }
    return end;
  }

  onEvent(kind: number, subject: number): void {
    switch (kind) {
      case CoreKind.serviceEnd:
        return this.finishService(this.pool.all[subject]!);
      case CoreKind.shiftChange:
        return this.changeShift(subject);
      case CoreKind.dispatch: {
        const station = this.stations[subject]!;
        station.dispatchPending = false;
        return this.dispatch(station);
      }
      case CoreKind.renege:
        return this.renege(this.pool.all[subject]!);
      case CoreKind.move:
        return this.visit(this.pool.all[subject]!);
      case CoreKind.close:
        if (!this.model.drain) this.sim.stop();
        return;
      default:
        return this.handlers[kind]!.handle(subject);
    }
  }

  create(segmentIndex: number): Customer {
    const now = this.sim.now;
    const draws = this.draws[segmentIndex]!;
    const customer = this.pool.acquire();
    customer.segment = segmentIndex;
    customer.arrivalTime = now;
    customer.counted = now >= this.model.warmup;
    customer.period = this.period;
    customer.partySize = 1;
    customer.priorityClass = this.model.segments[segmentIndex]!.priorityClass;
    customer.step = 0;
    customer.draw = 0;
    customer.serversHeld = 1;
    customer.station = -1;
    customer.waited = 0;
    for (let step = 0; step < draws.service.length; step++) {
      customer.service[step] = draws.service[step]!.sample(draws.streams[step]!);
    }
    this.patience[segmentIndex]!.arrive(customer);
    return customer;
  }

  begin(customer: Customer): void {
    customer.arrivalTime = this.sim.now;
    this.observer.arrive(customer, this.sim.now);
    this.visit(customer);
  }

  enter(segmentIndex: number): Customer {
    const customer = this.create(segmentIndex);
    this.begin(customer);
    return customer;
  }

  /**
   * The customer reaches the station of its current step. Only ever called once nothing of a
   * lower rank than `move` is still due at this instant (see finishService), so the station
   * is settled: nobody waiting could start now (with the shared line: if a server is free,
   * nobody is waiting). The line says whether the newcomer starts at once.
   */
  private visit(customer: Customer): void {
    const now = this.sim.now;
    const station = this.stations[this.routers[customer.segment]!.station(customer)]!;
    customer.station = station.index;
    this.observer.reach(customer, station, now);
    const admission = this.joinPolicies[customer.segment]!.decide(customer, station);
    if (admission !== Admission.join) return this.end(customer, refusalOutcome[admission], station.index);

    customer.joinedAt = now;
    const ahead = station.line.place(customer, station);
    this.observer.join(customer, station, ahead, now);
    if (ahead < 0) return this.startService(customer, station);
    this.beforeChange(station);
    customer.ticket = this.nextTicket++;
    station.line.add(customer);
    const patience = this.patience[customer.segment]!.patience(customer, station);
    if (patience !== Infinity) customer.renegeHandle = this.schedule(now + patience, CoreKind.renege, customer.slot);
  }

  /** Serve the line now, or later at this instant if service ends or a shift change are still due. */
  private requestDispatch(station: StationState): void {
    if (!station.line.canStart(station)) return;
    if (!this.sim.pendingNowBefore(Rank.dispatch)) return this.dispatch(station);
    if (!station.dispatchPending) {
      station.dispatchPending = true;
      this.post(this.sim.now, CoreKind.dispatch, station.index);
    }
  }

  private dispatch(station: StationState): void {
    while (station.line.canStart(station)) {
      this.beforeChange(station);
      const customer = station.line.next()!;
      customer.ticket = 0;
      if (customer.renegeHandle >= 0) {
        this.sim.cancel(customer.renegeHandle);
        customer.renegeHandle = -1;
      }
      this.startService(customer, station);
    }
  }

  /** Service starts now, after a wait since the customer joined the line (0 when it did not wait). */
  private startService(customer: Customer, station: StationState): void {
    const now = this.sim.now;
    const waited = now - customer.joinedAt;
    this.beforeChange(station);
    station.busy += customer.serversHeld;
    customer.stationWait = waited;
    customer.waited += waited;
    this.observer.start(customer, station, now, waited);
    this.post(now + customer.service[customer.draw]!, CoreKind.serviceEnd, customer.slot);
  }

  private finishService(customer: Customer): void {
    const now = this.sim.now;
    const station = this.stations[customer.station]!;
    this.beforeChange(station);
    station.busy -= customer.serversHeld;
    station.line.served(customer);
    customer.serversHeld = 1;
    this.observer.finish(customer, station, now);
    this.requestDispatch(station);
    customer.step++;
    if (this.routers[customer.segment]!.station(customer) < 0) return this.end(customer, Outcome.served, -1);
    // Move on now unless earlier-ranked events of this instant (or earlier movers) are still
    // due: then as a move event, so the next station is seen as it will be.
    if (this.sim.pendingNowBefore(Rank.move + 1)) this.post(now, CoreKind.move, customer.slot);
    else this.visit(customer);
  }

  private renege(customer: Customer): void {
    customer.renegeHandle = -1; // this event
    this.leaveLine(customer);
    this.end(customer, Outcome.reneged, customer.station);
  }

  leaveLine(customer: Customer): void {
    const station = this.stations[customer.station]!;
    this.beforeChange(station);
    if (customer.renegeHandle >= 0) {
      this.sim.cancel(customer.renegeHandle);
      customer.renegeHandle = -1;
    }
    customer.ticket = 0;
    station.line.remove(customer);
  }

  private changeShift(period: number): void {
    this.period = period;
    for (const station of this.stations) {
      this.beforeChange(station);
      station.capacity = station.spec.servers[period]!;
      station.line.serversChanged(station);
      this.requestDispatch(station);
    }
  }

  /** Tells observers, once per instant, that the station's state is about to change. */
  private beforeChange(station: StationState): void {
    const now = this.sim.now;
    if (station.announcedAt === now) return;
    station.announcedAt = now;
    this.observer.stationChanged(station, now);
  }

  end(customer: Customer, outcome: Outcome, station: number): void {
    // Still in a line, its patience event pending: the line and the calendar would keep a
    // customer whose record is reused (the run's end is the one exception: nothing runs after).
    if (customer.ticket !== 0 && outcome !== Outcome.inSystemAtEnd) stillInLine();
    this.observer.leave(customer, outcome, station >= 0 ? this.stations[station] : undefined, this.sim.now);
    this.pool.release(customer);
  }
}
