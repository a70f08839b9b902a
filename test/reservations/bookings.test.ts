/**
 * The booking book: binomial thinning of bookings into cancellations, no-shows and shows,
 * requests per slot, punctuality and hold times, all from the lever's own streams, so runs
 * are reproducible and walk-ins never change a reservation draw.
 */
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadScenario, runReplications, simulate, type Model } from '../../src/index.js';
import { defineLever, type Lever } from '../../src/levers/lever.js';
import { defaultLevers } from '../../src/levers/registry.js';
import { summariseValues } from '../../src/metrics/summarise.js';
import type { Customer } from '../../src/model/customer.js';
import { JourneyWatcher } from '../../src/model/journey.js';
import { poissonPmf } from '../../src/analytic/discrete.js';
import type { ReservationsConfig } from '../../src/reservations/config.js';
import { expectInCi } from '../theory/expect-in-ci.js';
import { projectRoot } from '../cli/cli.js';
import { modelOf, slotScenario } from './scenario.js';

/**
 * A test lever that records when each booked customer arrives, one list per replication run;
 * `recorded` switches it on for a model (it has no scenario key).
 */
function arrivalRecorder(into: number[][]): Lever {
  return defineLever<true>({
    name: 'arrivalRecorder',
    resolve: () => undefined,
    install(system, _config, context) {
      const booked = (context.model.levers.reservations as ReservationsConfig).segment;
      const times: number[] = [];
      into.push(times);
      system.addObserver(
        new (class extends JourneyWatcher {
          override arrive(customer: Customer, time: number) {
            if (customer.segment === booked) times.push(time);
          }
        })(),
      );
      return undefined;
    },
  });
}

function recorded(model: Model): Model {
  return { ...model, levers: { ...model.levers, arrivalRecorder: true } };
}

function restaurant(edit: (text: string) => string = (t) => t): Model {
  const file = join(projectRoot, 'scenarios/restaurant-saturday.yaml');
  const loaded = loadScenario(edit(readFileSync(file, 'utf8')), file);
  if (!loaded.ok) throw new Error(JSON.stringify(loaded.problems));
  return loaded.model;
}

const bookingNames = ['bookings', 'cancellations', 'noShows', 'shows', 'emptySlots', 'bookingLimit'] as const;

describe('reservation draws come from the lever’s own streams', () => {
  it('the same seed gives the same replication; another seed, another one', () => {
    const model = restaurant();
    expect(simulate(model, 3)).toEqual(simulate(model, 3));
    expect(simulate(model, 3, 99)).not.toEqual(simulate(model, 3));
  });

  it('more walk-ins change no booking, cancellation, no-show or booked arrival time', () => {
    const quiet = recorded(restaurant());
    const busy = recorded(restaurant((text) => text.replace('arrivals: { rate: 0.06 }', 'arrivals: { rate: 0.3 }')));
    expect(busy.segments[1]!.rates).toEqual([0.3, 0.3]);
    for (let r = 0; r < 20; r++) {
      const times: number[][] = [];
      const levers = [...defaultLevers, arrivalRecorder(times)];
      const a = simulate(quiet, r, quiet.seed, levers);
      const b = simulate(busy, r, busy.seed, levers);
      for (const name of bookingNames) expect(b.metrics[name], name).toBe(a.metrics[name]);
      expect(times[0]!.length).toBe(a.metrics.shows);
      expect(times[1]).toEqual(times[0]);
      expect(b.segments[1]!.arrivals).toBeGreaterThan(a.segments[1]!.arrivals!); // the walk-ins did change
    }
  });

  it('another no-show probability leaves the punctuality of every booking as it was (common random numbers)', () => {
    const base = { slots: { times: [20] }, noShow: 0, punctuality: { dist: 'normal', mean: 0, sd: 5 } };
    const times: number[][] = [];
    const levers = [...defaultLevers, arrivalRecorder(times)];
    simulate(recorded(modelOf(slotScenario({ servers: 30, horizon: 60, reservations: base }))), 0, 1, levers);
    simulate(recorded(modelOf(slotScenario({ servers: 30, horizon: 60, reservations: { ...base, noShow: 0.5 } }))), 0, 1, levers);
    const [all, some] = times.map((t) => t.sort((x, y) => x - y));
    expect(some!.length).toBeLessThan(all!.length);
    expect(some!.every((t) => all!.includes(t))).toBe(true);
  });
});

describe('binomial thinning (models.md §4.1)', () => {
  it('of b bookings, b·c are cancelled and b·(1 − c)·q do not show, on average', () => {
    const model = modelOf(slotScenario({ servers: 40, replications: 1000, reservations: { slots: { times: [0] }, cancel: 0.1, noShow: 0.15 } }));
    const { metrics } = runReplications(model).summary;
    expect(metrics.bookings!.mean).toBe(40);
    expectInCi(metrics.cancellations, 40 * 0.1, 'cancellations', { maxRelativeHalfWidth: 0.06 });
    expectInCi(metrics.noShows, 40 * 0.9 * 0.15, 'noShows', { maxRelativeHalfWidth: 0.06 });
    expectInCi(metrics.shows, 40 * 0.9 * 0.85, 'shows', { maxRelativeHalfWidth: 0.01 });
  });

  it('bookings + nothing else: bookings = cancellations + noShows + shows in every replication', () => {
    for (const r of runReplications(restaurant()).replications) {
      expect(r.metrics.bookings).toBe(r.metrics.cancellations! + r.metrics.noShows! + r.metrics.shows!);
      expect(r.segments[0]!.arrivals).toBe(r.metrics.shows);
    }
  });
});

describe('requests, punctuality and hold', () => {
  it('Poisson requests are accepted up to the limit: mean bookings = E[min(D, b)]', () => {
    const mean = 9;
    const limit = 10;
    const model = modelOf(slotScenario({ servers: limit, replications: 1500, reservations: { slots: { times: [0] }, demand: { poisson: mean } } }));
    let exact = 0;
    for (let k = 0; k < 60; k++) exact += Math.min(k, limit) * poissonPmf(k, mean);
    expectInCi(runReplications(model).summary.metrics.bookings, exact, 'bookings', { maxRelativeHalfWidth: 0.02 });
  });

  it('a fixed number of requests below the limit books that many', () => {
    const model = modelOf(slotScenario({ servers: 10, replications: 3, reservations: { slots: { times: [0, 5] }, demand: [4, 12] } }));
    for (const r of runReplications(model).replications) expect(r.metrics.bookings).toBe(4 + 10);
  });

  it('arrivals are the booked time plus the punctuality offset, never before the start', () => {
    const times: number[][] = [];
    const levers = [...defaultLevers, arrivalRecorder(times)];
    const spec = (punctuality: unknown) => recorded(modelOf(slotScenario({ servers: 500, horizon: 100, reservations: { slots: { times: [30] }, noShow: 0, punctuality } })));
    simulate(spec({ dist: 'normal', mean: 4, sd: 6 }), 0, 1, levers);
    simulate(spec({ dist: 'uniform', min: -40, max: -20 }), 0, 1, levers);
    simulate(spec(-5), 0, 1, levers);
    const [normal, uniform, fixed] = times;
    const offsets = summariseValues(normal!.map((t) => t - 30));
    expect(offsets.ci95![0]).toBeLessThan(4);
    expect(offsets.ci95![1]).toBeGreaterThan(4);
    expect(offsets.sd).toBeGreaterThan(5);
    expect(offsets.sd).toBeLessThan(7);
    expect(Math.min(...uniform!)).toBe(0); // 30 − 40 .. 30 − 20 = −10..10: clipped at 0
    expect(uniform!.every((t) => t <= 10)).toBe(true);
    expect(new Set(fixed)).toEqual(new Set([25]));
  });

  it('a hold of its own replaces the station’s service for booked customers', () => {
    const model = modelOf(slotScenario({ servers: 50, replications: 200, service: 100, reservations: { slots: { times: [0] }, noShow: 0, hold: { dist: 'exponential', mean: 45 } } }));
    expectInCi(runReplications(model).summary.segments.guests!.timeInSystemMean, 45, 'time in system', { maxRelativeHalfWidth: 0.02 });
  });
});
