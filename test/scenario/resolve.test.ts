import { describe, expect, it } from 'vitest';
import { modelOf } from '../model-of.js';

const minimal = {
  name: 'Kiosk',
  time: { horizon: 60 },
  stations: [{ id: 'kiosk', servers: 1, service: 2 }],
  segments: [{ id: 'all', arrivals: { rate: 0.4 }, route: ['kiosk'] }],
};

describe('resolving a scenario into a model', () => {
  it('fills every default: seed 1, 10 replications, minutes, no warm-up, drain, fifo, priority 1, unlimited line', () => {
    const model = modelOf(minimal);
    expect(model).toMatchObject({ seed: 1, replications: 10, unit: 'minute', warmup: 0, drain: true, horizon: 60 });
    expect(model.periods).toEqual([{ name: 'all', start: 0, end: 60 }]);
    expect(model.stations[0]).toEqual({ id: 'kiosk', servers: [1], queueCapacity: Infinity, discipline: 'fifo' });
    expect(model.segments[0]).toMatchObject({ priorityClass: 0, patience: null, balkAt: Infinity, rates: [0.4], route: [0] });
  });

  it('a bare number is a fixed duration', () => {
    expect(modelOf(minimal).segments[0]!.service).toEqual([{ dist: 'deterministic', value: 2 }]);
  });

  it('per-period values are laid out by period, periods end where the next starts', () => {
    const model = modelOf({
      ...minimal,
      time: { horizon: 100, periods: [{ name: 'am', start: 0 }, { name: 'pm', start: 40 }] },
      stations: [{ id: 'kiosk', servers: { pm: 3, am: 1 }, service: 2 }],
      segments: [{ id: 'all', arrivals: { rate: { am: 0.1, pm: 0.5 } }, route: ['kiosk'] }],
    });
    expect(model.periods).toEqual([
      { name: 'am', start: 0, end: 40 },
      { name: 'pm', start: 40, end: 100 },
    ]);
    expect(model.stations[0]!.servers).toEqual([1, 3]);
    expect(model.segments[0]!.rates).toEqual([0.1, 0.5]);
  });

  it('routes become station indices, with each visit’s service time (segment override first)', () => {
    const model = modelOf({
      ...minimal,
      stations: [
        { id: 'desk', servers: 1, service: { dist: 'exponential', mean: 3 } },
        { id: 'kiosk', servers: 1, service: 2 },
      ],
      segments: [{ id: 'all', arrivals: { rate: 0.4 }, route: ['kiosk', 'desk', 'kiosk'], service: { desk: 5 } }],
    });
    expect(model.segments[0]!.route).toEqual([1, 0, 1]);
    expect(model.segments[0]!.service).toEqual([
      { dist: 'deterministic', value: 2 },
      { dist: 'deterministic', value: 5 },
      { dist: 'deterministic', value: 2 },
    ]);
  });

  it('priority classes rank the distinct priorities, lowest number first', () => {
    const model = modelOf({
      ...minimal,
      segments: [
        { id: 'c', priority: 5, arrivals: { rate: 0.1 }, route: ['kiosk'] },
        { id: 'a', priority: -1, arrivals: { rate: 0.1 }, route: ['kiosk'] },
        { id: 'b', arrivals: { rate: 0.1 }, route: ['kiosk'] },
        { id: 'd', priority: 5, arrivals: { rate: 0.1 }, route: ['kiosk'] },
      ],
    });
    expect(model.priorityClasses).toBe(3);
    expect(model.segments.map((s) => s.priorityClass)).toEqual([2, 0, 1, 2]);
  });

  it('a model is plain data: structured clone keeps it whole (so it can go to a worker)', () => {
    const model = modelOf(minimal);
    expect(structuredClone(model)).toEqual(model);
  });
});
