import { describe, expect, it } from 'vitest';
import { overloadedStations } from '../../src/baseline/overload.js';
import { modelOf } from '../model-of.js';

function model(extra: { segment?: Record<string, unknown>; station?: Record<string, unknown>; periods?: boolean; rate?: unknown; servers?: unknown; levers?: Record<string, unknown> }) {
  return modelOf({
    name: 'x',
    ...extra.levers,
    time: { horizon: 120, ...(extra.periods ? { periods: [{ name: 'am', start: 0 }, { name: 'pm', start: 60 }] } : {}) },
    stations: [{ id: 'till', servers: extra.servers ?? 1, service: { dist: 'exponential', mean: 1 }, ...extra.station }],
    segments: [{ id: 's', arrivals: { rate: extra.rate ?? 1.2 }, route: ['till'], ...extra.segment }],
  });
}

describe('overloaded stations', () => {
  it('a station offered more work over the day than its servers can do, with nobody leaving the line', () => {
    expect(overloadedStations(model({}))).toEqual([{ station: 'till', ratio: expect.closeTo(1.2, 9) }]);
    expect(overloadedStations(model({ rate: 0.9 }))).toEqual([]);
  });

  it('beside a lever that leaves the flow alone (money keeps accounts), not beside one that changes who comes', () => {
    expect(overloadedStations(model({ levers: { money: { price: 5, staffCostPerHour: 20 } } }))).toEqual([{ station: 'till', ratio: expect.closeTo(1.2, 9) }]);
    expect(overloadedStations(model({ levers: { experience: {} } }))).toEqual([{ station: 'till', ratio: expect.closeTo(1.2, 9) }]);
    expect(overloadedStations(model({ levers: { pricing: { referencePrice: 4, price: 4.8 } } }))).toEqual([]);
  });

  it('not when customers can leave: patience, balking or a queue capacity', () => {
    expect(overloadedStations(model({ segment: { patience: { dist: 'exponential', mean: 5 } } }))).toEqual([]);
    expect(overloadedStations(model({ segment: { balkAt: 10 } }))).toEqual([]);
    expect(overloadedStations(model({ station: { queueCapacity: 10 } }))).toEqual([]);
  });

  it('counts only the customers who cannot leave: a patient-less class alone can overload a station', () => {
    const priority = modelOf({
      name: 'x',
      time: { horizon: 120 },
      stations: [{ id: 'till', servers: 1, discipline: 'priority', service: 1 }],
      segments: [
        { id: 'vip', priority: 0, arrivals: { rate: 1.5 }, route: ['till'] },
        { id: 'rest', arrivals: { rate: 1 }, route: ['till'], patience: { dist: 'exponential', mean: 5 } },
      ],
    });
    expect(overloadedStations(priority)).toEqual([{ station: 'till', ratio: expect.closeTo(1.5, 9) }]);
  });

  it('judges a route’s first station only: what reaches a later one depends on the stations before it', () => {
    const tandem = modelOf({
      name: 'x',
      time: { horizon: 120 },
      stations: [
        { id: 'till', servers: 1, queueCapacity: 2, service: 1 },
        { id: 'back', servers: 1, service: 1 },
      ],
      segments: [{ id: 's', arrivals: { rate: 3 }, route: ['till', 'back'] }],
    });
    expect(overloadedStations(tandem)).toEqual([]);
  });

  it('not for a peak that the rest of the day works off, but for a day that never catches up', () => {
    expect(overloadedStations(model({ periods: true, rate: { am: 1.5, pm: 0.3 } }))).toEqual([]);
    expect(overloadedStations(model({ periods: true, rate: { am: 1.5, pm: 0.6 } }))).toEqual([{ station: 'till', ratio: expect.closeTo(1.05, 9) }]);
    expect(overloadedStations(model({ periods: true, rate: 1.5, servers: { am: 1, pm: 2 } }))).toEqual([]);
  });
});
