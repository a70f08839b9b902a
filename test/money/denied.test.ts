import { describe, expect, it } from 'vitest';
import { validateScenario, type Model } from '../../src/index.js';
import { deniedCompensation } from '../../src/money/denied.js';

function modelWith(reservations: unknown): Model {
  const loaded = validateScenario({
    name: 'two segments',
    time: { horizon: 10 },
    stations: [{ id: 'desk', servers: 1, service: 1 }],
    segments: [
      { id: 'booked', arrivals: { rate: 1 }, route: ['desk'] },
      { id: 'walkIn', arrivals: { rate: 1 }, route: ['desk'] },
    ],
  });
  if (!loaded.ok) throw new Error('invalid');
  return reservations === undefined ? loaded.model : { ...loaded.model, levers: { reservations } };
}

describe('compensation for denied service, read from the reservations config', () => {
  it('is 0 without reservations', () => {
    expect(deniedCompensation(modelWith(undefined))).toEqual([0, 0]);
  });

  it('is one number for every segment, or one per segment', () => {
    expect(deniedCompensation(modelWith({ compensation: 12 }))).toEqual([12, 12]);
    expect(deniedCompensation(modelWith({ compensation: [12, 0] }))).toEqual([12, 0]);
  });

  it('is 0 where the config says nothing usable', () => {
    expect(deniedCompensation(modelWith({ limits: [3] }))).toEqual([0, 0]);
    expect(deniedCompensation(modelWith({ compensation: [5] }))).toEqual([5, 0]);
    expect(deniedCompensation(modelWith({ compensation: -1 }))).toEqual([0, 0]);
  });
});
