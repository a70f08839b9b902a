/**
 * What a policy sees of a station whose line tells servers apart (tables, a line per server):
 * a balking rule sees the line the customer would stand in and the servers that serve it;
 * the reservations host counts the units of the whole station. Ten tables of four for
 * parties of one are ten servers, so every decision must be the same as at a plain station.
 */
import { describe, expect, it } from 'vitest';
import { runReplications } from '../../src/index.js';
import { runWithArrivals } from '../model/harness.js';
import { modelOf } from '../model-of.js';

const tables = { seating: { tables: [{ seats: 4, count: 10 }] } };

function balkingAt(station: Record<string, unknown>, balking: Record<string, unknown>) {
  return modelOf({
    name: 'Tables that balk',
    seed: 8,
    replications: 12,
    time: { horizon: 480 },
    stations: [{ id: 'tables', servers: 10, service: { dist: 'exponential', mean: 20 }, ...station }],
    segments: [{ id: 'a', arrivals: { rate: 0.55 }, route: ['tables'], patience: { dist: 'exponential', mean: 10 }, balking }],
    experience: {},
  });
}

describe('a balking rule at tables sees the station: ten tables of four for parties of one are ten servers', () => {
  it.each([[{ rule: 'waitBased' }], [{ rule: 'informed' }], [{ rule: 'linear' }], [{ rule: 'geometric' }]])('%o gives exactly the plain station’s results', (balking) => {
    const plain = runReplications(balkingAt({}, balking)).summary.metrics;
    const seated = runReplications(balkingAt(tables, balking)).summary.metrics;
    for (const name of ['arrivals', 'balked', 'reneged', 'served', 'waitMean', 'satisfactionMean'] as const) expect(seated[name], name).toEqual(plain[name]);
  });
});

function heldFor(station: Record<string, unknown>) {
  return modelOf({
    name: 'Held tables',
    seed: 1,
    replications: 20,
    time: { horizon: 240 },
    stations: [{ id: 'tables', servers: 10, service: 30, ...station }],
    segments: [
      { id: 'booked', arrivals: { rate: 0 }, route: ['tables'] },
      { id: 'walk', arrivals: { rate: 0.1 }, route: ['tables'], patience: 5 },
    ],
    reservations: { segment: 'booked', slots: { times: [120], capacity: 2 }, noShow: 0, holdForBookings: { ahead: 60, grace: 10 } },
  });
}

describe('the reservations host counts the free units of the whole station, whatever its lines', () => {
  it.each([
    ['tables', tables],
    ['a line per server', { linePerServer: true }],
  ])('with %s, walk-ins are turned away only when no unit is free beyond the two owed', (_, station) => {
    const plain = runReplications(heldFor({})).summary.metrics;
    const other = runReplications(heldFor(station)).summary.metrics;
    expect(plain.walkInsTurnedAway!.mean).toBe(0); // ten units, two owed, about three busy
    expect(other.walkInsTurnedAway!.mean).toBe(0);
    if (station === tables) expect(other.served!.mean).toBe(plain.served!.mean); // ten tables of four are ten servers
  });
});

describe('a quoted wait at a line per server is for the one server of the customer’s line', () => {
  it('two servers busy until 10, a customer joins a line at 1: quoted (0 + 1) / μ = 10, not 10 / 2', () => {
    const model = modelOf({
      name: 'Quote',
      seed: 1,
      replications: 1,
      time: { horizon: 100 },
      stations: [{ id: 'desk', servers: 2, service: 10, linePerServer: true, waiting: { information: 'quote' } }],
      segments: [{ id: 'c', arrivals: { rate: 0 }, route: ['desk'], tolerance: { desired: 20, adequate: 40 } }],
      experience: { quality: { enabled: false }, satisfaction: { toleranceSpread: 0 } },
    });
    const run = runWithArrivals(model, [
      [0, 0],
      [0, 0],
      [1, 0],
    ]);
    expect(run.metrics.waitMean).toBe(3); // 0, 0 and 9
    // C waits 9; it feels k·9^0.9 × 0.9 (told a wait) [models.md §1.2–1.4], within its desired 20: 5, less the missed quote's γ⁻ term (§2.3).
    const felt = 0.9 * (1 + 0.36) * 5 ** 0.1 * 9 ** 0.9;
    const quote = 10;
    const score = 5 - 1.125 * Math.min(1, Math.max(0, felt - quote) / quote);
    expect(run.metrics.satisfactionMean).toBeCloseTo((5 + 5 + score) / 3, 12);
  });
});
