/**
 * Routes with choices: the shortest line is never longer than another the customer could
 * have joined, the least expected wait is never more than another's, shares split the
 * arrivals, optional steps are skipped by their share, and triage (openTo, self-service)
 * only ever sends a segment where it may go. Every check watches each decision as it is
 * made: an observer at `reach` sees the stations exactly as the router saw them.
 */
import { describe, expect, it } from 'vitest';
import { ServerLines } from '../../src/channels/server-lines.js';
import type { Customer } from '../../src/model/customer.js';
import { JourneyWatcher, type StationView } from '../../src/model/journey.js';
import type { StationState } from '../../src/model/stations.js';
import type { ServiceSystem } from '../../src/model/system.js';
import { createStream, sources, type RandomStream } from '../../src/random/streams.js';
import type { Watcher } from '../model/harness.js';
import { modelOf, runWithLevers } from './run-with.js';

/** Those ahead in a shared line, −free servers when one is free, Infinity with none on duty. */
function ahead(station: StationState): number {
  if (station.capacity === 0) return Infinity;
  return station.busy < station.capacity ? station.busy - station.capacity : station.waiting;
}

/** Watches every visit to a choice among `candidates`, with `judge` scoring each station. */
class ChoiceWatch extends JourneyWatcher implements Watcher {
  decisions = 0;
  /** Decisions where the candidates' scores differed (the choice mattered). */
  contested = 0;
  worse = 0;
  private stations: readonly StationState[] = [];
  constructor(
    private readonly candidates: readonly number[],
    private readonly judge: (station: StationState) => number,
  ) {
    super();
  }
  attach(system: ServiceSystem): void {
    this.stations = system.stations;
  }
  override reach(_customer: Customer, station: StationView): void {
    if (!this.candidates.includes(station.index)) return;
    const scores = this.candidates.map((i) => this.judge(this.stations[i]!));
    const mine = this.judge(this.stations[station.index]!);
    this.decisions++;
    if (new Set(scores).size > 1) this.contested++;
    if (mine > Math.min(...scores)) this.worse++;
  }
}

const exp = (mean: number) => ({ dist: 'exponential', mean });
const threeStations = [
  { id: 'one', servers: 1, service: exp(1) },
  { id: 'two', servers: 2, service: exp(2.5) },
  { id: 'three', servers: { am: 3, pm: 0 }, service: exp(4) },
];
const choiceScenario = (step: Record<string, unknown>) =>
  modelOf({
    name: 'choices',
    seed: 23,
    time: { horizon: 1200, periods: [{ name: 'am', start: 0 }, { name: 'pm', start: 600 }], drain: false },
    stations: threeStations,
    segments: [{ id: 'all', arrivals: { rate: 1.6 }, route: [{ choose: ['one', 'two', 'three'], ...step }], patience: exp(6) }],
  });

describe('choosing among stations', () => {
  it('shortestLine never picks a longer line than another (on every decision, with servers going off duty)', () => {
    const watch = new ChoiceWatch([0, 1, 2], ahead);
    const run = runWithLevers(choiceScenario({ by: 'shortestLine' }), { watchers: [watch] });
    expect(watch.decisions).toBe(run.metrics.arrivals);
    expect(watch.contested).toBeGreaterThan(1000);
    expect(watch.worse).toBe(0);
  });

  it('leastExpectedWait never picks a longer expected wait, (ahead + 1) × mean service / servers', () => {
    const means = [1, 2.5, 4];
    const wait = (station: StationState) => {
      const k = ahead(station);
      return k === Infinity ? Infinity : k < 0 ? 0 : ((k + 1) * means[station.index]!) / station.capacity;
    };
    const watch = new ChoiceWatch([0, 1, 2], wait);
    runWithLevers(choiceScenario({ by: 'leastExpectedWait' }), { watchers: [watch] });
    expect(watch.contested).toBeGreaterThan(1000);
    expect(watch.worse).toBe(0);
  });

  it('the shortest line is measured too where a station has a line per server', () => {
    const model = modelOf({
      name: 'choices with server lines',
      seed: 29,
      time: { horizon: 1000 },
      stations: [
        { id: 'tills', servers: 3, service: exp(2), linePerServer: { join: 'random' } },
        { id: 'express', servers: 1, service: exp(0.8) },
      ],
      segments: [{ id: 'all', arrivals: { rate: 2 }, route: [{ choose: ['tills', 'express'] }] }],
    });
    // The tills' shortest line (server-lines.test.ts checks how it is measured).
    const judge = (station: StationState) => (station.line instanceof ServerLines ? station.line.shortestAhead() : ahead(station));
    const watch = new ChoiceWatch([0, 1], judge);
    runWithLevers(model, { watchers: [watch] });
    expect(watch.contested).toBeGreaterThan(500);
    expect(watch.worse).toBe(0);
  });

  it('shares split the arrivals at random, renormalised over the stations open to the segment', () => {
    const model = modelOf({
      name: 'shares',
      seed: 31,
      time: { horizon: 5000 },
      stations: [{ id: 'a', servers: 5, service: exp(1) }, { id: 'b', servers: 5, service: exp(1) }, { id: 'c', servers: 5, service: exp(1), openTo: ['other'] }],
      segments: [
        { id: 'all', arrivals: { rate: 2 }, route: [{ choose: ['a', 'b', 'c'], shares: { a: 1, b: 3, c: 6 } }] },
        { id: 'other', arrivals: { rate: 0 }, route: ['c'] },
      ],
    });
    const run = runWithLevers(model);
    const n = run.segments[0]!.arrivals!;
    const toA = run.stations[0]!.arrivals! / n;
    // a gets 1/(1 + 3) of the segment: c is not open to it. Binomial sd at n ≈ 10 000: 0.0043.
    expect(Math.abs(toA - 0.25)).toBeLessThan(4 * Math.sqrt((0.25 * 0.75) / n));
    expect(run.stations[2]!.arrivals).toBe(0);
  });

  it('an optional step is skipped by its share of the segment, who go straight on', () => {
    const model = modelOf({
      name: 'optional step',
      seed: 37,
      time: { horizon: 5000 },
      stations: [{ id: 'shop', servers: 9, service: exp(1) }, { id: 'tills', servers: 9, service: exp(1) }],
      segments: [{ id: 'all', arrivals: { rate: 2 }, route: [{ choose: ['shop'], skip: 0.3 }, 'tills'] }],
    });
    const run = runWithLevers(model);
    const n = run.metrics.arrivals!;
    expect(run.stations[1]!.arrivals).toBe(n);
    expect(Math.abs(run.stations[0]!.arrivals! / n - 0.7)).toBeLessThan(4 * Math.sqrt((0.3 * 0.7) / n));
  });
});

/**
 * The lobby manager's triage: the kiosk is self-service, used by 60% of quick customers and
 * open to them only; the specialist window is for advice only; the counter takes anyone.
 * The watch replays each quick customer's readiness draw from the lever's stream, in arrival
 * order, and checks every visit against openTo and adoption.
 */
class TriageWatch extends JourneyWatcher implements Watcher {
  visits = new Map<string, number>();
  wrong = 0;
  refusersAtCounter = 0;
  refusers = 0;
  private readonly readiness = new Map<Customer, number>();
  private stationIds: string[] = [];
  private segmentIds: string[] = [];
  constructor(private readonly stream: RandomStream) {
    super();
  }
  attach(system: ServiceSystem): void {
    this.stationIds = system.model.stations.map((s) => s.id);
    this.segmentIds = system.model.segments.map((s) => s.id);
  }
  override arrive(customer: Customer): void {
    if (this.segmentIds[customer.segment] === 'quick') this.readiness.set(customer, this.stream.next());
  }
  override reach(customer: Customer, station: StationView): void {
    const where = this.stationIds[station.index]!;
    const who = this.segmentIds[customer.segment]!;
    this.visits.set(`${who}@${where}`, (this.visits.get(`${who}@${where}`) ?? 0) + 1);
    const u = this.readiness.get(customer);
    if (where === 'kiosk' && !(who === 'quick' && u! < 0.6)) this.wrong++;
    if (where === 'specialist' && who !== 'advice') this.wrong++;
    if (who === 'quick' && u! >= 0.6) {
      this.refusers++;
      if (where === 'counter') this.refusersAtCounter++;
    }
  }
  override leave(customer: Customer): void {
    this.readiness.delete(customer);
  }
}

describe('triage: each segment goes only where it may', () => {
  it('self-service only for those who adopt it, dedicated windows only for their segment, the others to staffed stations', () => {
    const model = modelOf({
      name: 'lobby manager',
      seed: 41,
      time: { horizon: 2000 },
      stations: [
        { id: 'kiosk', servers: 2, service: exp(2), selfService: { adoption: { quick: 0.6 } }, openTo: ['quick'] },
        { id: 'counter', servers: 2, service: exp(3) },
        { id: 'specialist', servers: 2, service: exp(20), openTo: ['advice'] },
      ],
      segments: [
        { id: 'quick', arrivals: { rate: 1 }, route: [{ choose: ['kiosk', 'counter', 'specialist'], by: 'leastExpectedWait' }] },
        { id: 'advice', arrivals: { rate: 0.08 }, route: [{ choose: ['kiosk', 'counter', 'specialist'] }] },
      ],
    });
    const watch = new TriageWatch(createStream(model.seed, 0, sources.lever('channels', 'readiness/quick')));
    runWithLevers(model, { watchers: [watch] });
    expect(watch.wrong).toBe(0);
    expect(watch.refusers).toBeGreaterThan(500);
    expect(watch.refusersAtCounter).toBe(watch.refusers);
    expect(watch.visits.get('quick@kiosk')).toBeGreaterThan(500);
    expect(watch.visits.get('advice@specialist')).toBeGreaterThan(50);
    expect(watch.visits.get('advice@counter')).toBeGreaterThan(0); // the shortest line, when the specialists are busy
  });
});
