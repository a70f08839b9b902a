/**
 * The service system over the engine: customers arrive, choose, join lines, are served at
 * each station of their route and leave. This file is the journey's control flow; what is
 * measured is left to observers (journey.ts), what customers decide to behaviour.ts.
 *
 * Simultaneous events run in this order (lower first), then first-scheduled first:
 *   1 service end  2 shift change  3 serving the line  4 patience runs out
 *   5 moving on to the next station  6 arrival  7 closing
 * So at one instant a finishing customer frees its server before the schedule changes, the
 * schedule changes before anyone is taken from the line (a server whose shift ends is not
 * handed a new customer), the line is served before anyone in it gives up, and a customer
 * reaching a station — moving on from the last one, or arriving — sees it as it is after all
 * of that.
 */
import { Simulator, type EventHandler } from '../engine/simulator.js';
import { samplerFor, type Sampler } from '../random/distributions.js';
import { createStream, sources, type RandomStream } from '../random/streams.js';
import { ArrivalProcess } from './arrivals.js';
import { Admission, admit, mustWait } from './behaviour.js';
import { CustomerPool, type Customer } from './customer.js';
import { AllObservers, Outcome, type JourneyObserver } from './journey.js';
import type { Model, SegmentModel } from './model.js';
import { StationState } from './stations.js';

/** Event kinds; each kind's number is also its rank among simultaneous events. */
export const EventKind = {
  serviceEnd: 1,
  shiftChange: 2,
  dispatch: 3,
  renege: 4,
  /** A customer moving on to the next station of its route. */
  move: 5,
  arrival: 6,
  close: 7,
} as const;

interface SegmentRuntime {
  spec: SegmentModel;
  arrivals: ArrivalProcess;
  service: Sampler[];
  serviceStreams: RandomStream[];
  patience: Sampler | null;
  patienceStream: RandomStream;
}

/**
 * One service stream per (segment, station), shared by the steps of the route that visit that
 * station, so a second visit draws the next number rather than repeating the first.
 */
function serviceStreamsFor(spec: SegmentModel, model: Model, seed: number, replication: number): RandomStream[] {
  const byStation = new Map<number, RandomStream>();
  return spec.route.map((station) => {
    let stream = byStation.get(station);
    if (stream === undefined) {
      stream = createStream(seed, replication, sources.service(spec.id, model.stations[station]!.id));
      byStation.set(station, stream);
    }
    return stream;
  });
}

export class ServiceSystem implements EventHandler {
  readonly sim = new Simulator();
  readonly stations: StationState[];
  private readonly segments: SegmentRuntime[];
  private readonly pool: CustomerPool;
  private nextTicket = 1;
  /** The one observer, or all of them behind one (so the journey makes one call a point). */
  private readonly observer: JourneyObserver;

  constructor(
    private readonly model: Model,
    seed: number,
    replication: number,
    observers: JourneyObserver[],
  ) {
    this.observer = observers.length === 1 ? observers[0]! : new AllObservers(observers);
    this.stations = model.stations.map((spec, i) => new StationState(i, spec, model.priorityClasses));
    this.segments = model.segments.map((spec) => ({
      spec,
      arrivals: new ArrivalProcess(model.periods, spec.rates, createStream(seed, replication, sources.arrivals(spec.id))),
      service: spec.service.map(samplerFor),
      serviceStreams: serviceStreamsFor(spec, model, seed, replication),
      patience: spec.patience === null ? null : samplerFor(spec.patience),
      patienceStream: createStream(seed, replication, sources.patience(spec.id)),
    }));
    this.pool = new CustomerPool(Math.max(...model.segments.map((s) => s.route.length)));
  }

  /** Runs the whole replication; returns the time the run ended. */
  run(): number {
    const { sim, model } = this;
    this.segments.forEach((segment, index) => {
      const first = segment.arrivals.next(0);
      if (first < model.horizon) sim.schedule(first, EventKind.arrival, EventKind.arrival, index);
    });
    for (let p = 1; p < model.periods.length; p++) {
      sim.schedule(model.periods[p]!.start, EventKind.shiftChange, EventKind.shiftChange, p);
    }
    sim.schedule(model.horizon, EventKind.close, EventKind.close, 0);
    sim.run(this);
    const end = model.drain ? Math.max(sim.now, model.horizon) : model.horizon;
    for (const customer of this.pool.all) {
      if (customer.active) this.leave(customer, Outcome.inSystemAtEnd, customer.station);
    }
    return end;
  }

  onEvent(kind: number, subject: number): void {
    switch (kind) {
      case EventKind.serviceEnd:
        return this.finishService(this.pool.all[subject]!);
      case EventKind.shiftChange:
        return this.changeShift(subject);
      case EventKind.dispatch: {
        const station = this.stations[subject]!;
        station.dispatchPending = false;
        return this.dispatch(station);
      }
      case EventKind.renege:
        return this.renege(this.pool.all[subject]!);
      case EventKind.move:
        return this.visit(this.pool.all[subject]!);
      case EventKind.arrival:
        return this.arrive(subject);
      case EventKind.close:
        if (!this.model.drain) this.sim.stop();
        return;
      default:
        throw new Error(`unknown event kind ${kind}`);
    }
  }

  private arrive(segmentIndex: number): void {
    const now = this.sim.now;
    const segment = this.segments[segmentIndex]!;
    const next = segment.arrivals.next(now);
    if (next < this.model.horizon) this.sim.schedule(next, EventKind.arrival, EventKind.arrival, segmentIndex);

    const customer = this.pool.acquire();
    customer.segment = segmentIndex;
    customer.arrivalTime = now;
    customer.counted = now >= this.model.warmup;
    customer.step = 0;
    customer.waited = 0;
    for (let step = 0; step < segment.service.length; step++) {
      customer.service[step] = segment.service[step]!.sample(segment.serviceStreams[step]!);
    }
    if (segment.patience !== null) {
      for (let step = 0; step < segment.service.length; step++) {
        customer.patience[step] = segment.patience.sample(segment.patienceStream);
      }
    }
    this.observer.arrive(customer, now);
    this.visit(customer);
  }

  /**
   * The customer reaches the station of its current step. Only ever called once nothing of a
   * lower rank than `move` is still due at this instant (see finishService), so the station
   * is settled: if a server is free, nobody is waiting.
   */
  private visit(customer: Customer): void {
    const now = this.sim.now;
    const runtime = this.segments[customer.segment]!;
    const segment = runtime.spec;
    const station = this.stations[segment.route[customer.step]!]!;
    customer.station = station.index;
    this.observer.reach(customer, station.index, now);
    const admission = admit(station, segment.balkAt);
    if (admission === Admission.block) return this.leave(customer, Outcome.blocked, station.index);
    if (admission === Admission.balk) return this.leave(customer, Outcome.balked, station.index);

    customer.joinedAt = now;
    this.observer.join(customer, station.index, now);
    if (!mustWait(station)) return this.startService(customer, station, 0);
    this.beforeChange(station);
    customer.ticket = this.nextTicket++;
    station.line.add(customer, station.classFor(segment.priorityClass));
    if (runtime.patience !== null) {
      customer.renegeHandle = this.sim.schedule(now + customer.patience[customer.step]!, EventKind.renege, EventKind.renege, customer.slot);
    }
  }

  /** Serve the line now, or later at this instant if service ends or a shift change are still due. */
  private requestDispatch(station: StationState): void {
    if (station.waiting === 0 || station.busy >= station.capacity) return;
    if (!this.sim.pendingNowBefore(EventKind.dispatch)) return this.dispatch(station);
    if (!station.dispatchPending) {
      station.dispatchPending = true;
      this.sim.schedule(this.sim.now, EventKind.dispatch, EventKind.dispatch, station.index);
    }
  }

  private dispatch(station: StationState): void {
    const now = this.sim.now;
    while (station.busy < station.capacity && station.waiting > 0) {
      this.beforeChange(station);
      const customer = station.line.next()!;
      customer.ticket = 0;
      if (customer.renegeHandle >= 0) {
        this.sim.cancel(customer.renegeHandle);
        customer.renegeHandle = -1;
      }
      this.startService(customer, station, now - customer.joinedAt);
    }
  }

  private startService(customer: Customer, station: StationState, waited: number): void {
    const now = this.sim.now;
    this.beforeChange(station);
    station.busy++;
    customer.stationWait = waited;
    customer.waited += waited;
    this.observer.start(customer, station.index, now, waited);
    this.sim.schedule(now + customer.service[customer.step]!, EventKind.serviceEnd, EventKind.serviceEnd, customer.slot);
  }

  private finishService(customer: Customer): void {
    const now = this.sim.now;
    const station = this.stations[customer.station]!;
    this.beforeChange(station);
    station.busy--;
    this.observer.finish(customer, station.index, now);
    this.requestDispatch(station);
    customer.step++;
    if (customer.step === this.segments[customer.segment]!.spec.route.length) {
      return this.leave(customer, Outcome.served, -1);
    }
    // Move on now unless earlier-ranked events of this instant (or earlier movers) are still
    // due: then as a move event, so the next station is seen as it will be.
    if (this.sim.pendingNowBefore(EventKind.move + 1)) this.sim.schedule(now, EventKind.move, EventKind.move, customer.slot);
    else this.visit(customer);
  }

  private renege(customer: Customer): void {
    const now = this.sim.now;
    const station = this.stations[customer.station]!;
    this.beforeChange(station);
    customer.renegeHandle = -1;
    customer.ticket = 0;
    station.line.remove(station.classFor(this.segments[customer.segment]!.spec.priorityClass));
    customer.waited += now - customer.joinedAt;
    this.leave(customer, Outcome.reneged, station.index);
  }

  private changeShift(period: number): void {
    for (const station of this.stations) {
      this.beforeChange(station);
      station.capacity = station.spec.servers[period]!;
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

  private leave(customer: Customer, outcome: Outcome, station: number): void {
    this.observer.leave(customer, outcome, station, this.sim.now);
    this.pool.release(customer);
  }
}
