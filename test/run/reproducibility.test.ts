import { describe, expect, it } from 'vitest';
import { simulate, type Model } from '../../src/index.js';
import type { Customer } from '../../src/model/customer.js';
import type { JourneyObserver } from '../../src/model/journey.js';
import { ServiceSystem } from '../../src/model/system.js';
import { modelOf } from '../model-of.js';

const base = {
  name: 'Two counters',
  seed: 9,
  time: { horizon: 300, periods: [{ name: 'am', start: 0 }, { name: 'pm', start: 150 }] },
  stations: [
    { id: 'a', servers: { am: 2, pm: 3 }, service: { dist: 'exponential', mean: 1.8 } },
    { id: 'b', servers: 1, service: { dist: 'lognormal', mean: 0.8, sd: 0.5 } },
  ],
  segments: [{ id: 'first', arrivals: { rate: { am: 1, pm: 1.4 } }, route: ['a', 'b'], patience: { dist: 'exponential', mean: 4 } }],
};

/** Arrival times and drawn service requirements of one segment's customers. */
function arrivalsOf(model: Model, segment: number, replication = 0): { time: number; service: number[] }[] {
  const seen: { time: number; service: number[] }[] = [];
  const observer: JourneyObserver = {
    arrive(customer: Customer, time: number) {
      if (customer.segment === segment) {
        seen.push({ time, service: Array.from(customer.service.subarray(0, model.segments[segment]!.route.length)) });
      }
    },
    reach() {},
    join() {},
    start() {},
    finish() {},
    leave() {},
    stationChanged() {},
  };
  new ServiceSystem(model, model.seed, replication, [observer]).run();
  return seen;
}

describe('reproducibility and common random numbers', () => {
  it('the same model and seed give identical results', () => {
    const model = modelOf(base);
    expect(simulate(model, 3)).toEqual(simulate(model, 3));
  });

  it('different replications and different seeds give different results', () => {
    const model = modelOf(base);
    expect(simulate(model, 0).metrics.arrivals).not.toEqual(simulate(model, 1).metrics.arrivals);
    expect(simulate(model, 0, 1).metrics.waitMean).not.toEqual(simulate(model, 0, 2).metrics.waitMean);
  });

  it('adding a second segment does not change the first segment’s arrival times or service times', () => {
    const alone = arrivalsOf(modelOf(base), 0);
    const withSecond = modelOf({
      ...base,
      segments: [...base.segments, { id: 'second', arrivals: { rate: 0.7 }, route: ['b', 'a'] }],
    });
    expect(alone.length).toBeGreaterThan(300);
    expect(arrivalsOf(withSecond, 0)).toEqual(alone);
    expect(arrivalsOf(withSecond, 1).length).toBeGreaterThan(100);
  });

  it('changing the staffing does not change the demand: same arrivals and service requirements', () => {
    const before = arrivalsOf(modelOf(base), 0, 4);
    const moreStaff = modelOf({ ...base, stations: [{ ...base.stations[0], servers: 5 }, base.stations[1]] });
    expect(arrivalsOf(moreStaff, 0, 4)).toEqual(before);
  });

  it('a route visiting a station twice draws a fresh service time for the second visit', () => {
    const revisit = modelOf({
      ...base,
      stations: [{ id: 'a', servers: 50, service: { dist: 'exponential', mean: 1 } }],
      segments: [{ id: 'first', arrivals: { rate: 1 }, route: ['a', 'a'] }],
    });
    const draws = arrivalsOf(revisit, 0);
    expect(draws.length).toBeGreaterThan(200);
    expect(draws.filter((d) => d.service[0] === d.service[1])).toEqual([]);
  });

  it('ids containing the name separator still get streams of their own', () => {
    const tricky = modelOf({
      ...base,
      stations: [
        { id: 'c', servers: 5, service: { dist: 'exponential', mean: 1 } },
        { id: 'b/c', servers: 5, service: { dist: 'exponential', mean: 1 } },
      ],
      segments: [
        { id: 'a/b', arrivals: { rate: 1 }, route: ['c'] },
        { id: 'a', arrivals: { rate: 1 }, route: ['b/c'] },
      ],
    });
    const first = arrivalsOf(tricky, 0).map((d) => d.service[0]);
    const second = arrivalsOf(tricky, 1).map((d) => d.service[0]);
    expect(first.slice(0, 50)).not.toEqual(second.slice(0, 50));
  });
});
