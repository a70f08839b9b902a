/**
 * What a policy sees of a station whose line tells servers apart (tables, a line per server):
 * a balking rule sees the line the customer would stand in and the servers that serve it. Ten
 * tables of four for parties of one are ten servers, so every decision must be the same as at
 * a plain station. And the reservations beside the other levers: the host decides first for
 * a booked customer, and a booked station keeps its booked-time line.
 */
import { describe, expect, it } from 'vitest';
import { runReplications, validateScenario } from '../../src/index.js';
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

describe('a balking rule at a line per server while no server is on duty sees none, as at a shared line', () => {
  it.each([[{ rule: 'informed' }], [{ rule: 'waitBased' }]])('%o: in the closed hour every customer decides as at a shared line', (balking) => {
    const closedFirst = (station: Record<string, unknown>) =>
      modelOf({
        name: 'Closed first',
        seed: 3,
        replications: 5,
        time: { horizon: 200, periods: [{ name: 'closed', start: 0 }, { name: 'open', start: 100 }] },
        stations: [{ id: 's', servers: { closed: 0, open: 2 }, service: { dist: 'exponential', mean: 1 }, ...station }],
        segments: [{ id: 'a', arrivals: { rate: 0.5 }, route: ['s'], patience: { dist: 'exponential', mean: 100 }, balking }],
        experience: {},
      });
    const shared = runReplications(closedFirst({})).summary.periods!.closed!.metrics;
    const ownLines = runReplications(closedFirst({ linePerServer: true })).summary.periods!.closed!.metrics;
    expect(ownLines.balked!.mean).toBe(shared.balked!.mean);
  });
});

/**
 * One station that quotes its wait, services of 10, customers injected at exact times, each
 * with a tolerance of 20 / 40 so that any wait here scores 5 before the quote's term.
 */
function quoting(station: Record<string, unknown>, segment: Record<string, unknown> = {}) {
  return modelOf({
    name: 'Quote',
    seed: 1,
    replications: 1,
    time: { horizon: 100 },
    stations: [{ id: 's', servers: 2, service: 10, waiting: { information: 'quote' }, ...station }],
    segments: [{ id: 'c', arrivals: { rate: 0 }, route: ['s'], tolerance: { desired: 20, adequate: 40 }, ...segment }],
    experience: { quality: { enabled: false }, satisfaction: { toleranceSpread: 0 } },
  });
}

/**
 * The score of a customer told `quote` who waited 9: it feels 0.9·k·9^0.9 (told a wait,
 * models.md §1.2–1.4), within its desired 20: 5, less the missed quote's γ⁻ term (§2.3).
 */
function scoreAfterWaiting9(quote: number): number {
  const felt = 0.9 * (1 + 0.36) * 5 ** 0.1 * 9 ** 0.9;
  return 5 - 1.125 * Math.min(1, Math.max(0, felt - quote) / quote);
}

describe('a quoted wait at a line per server is for the one server of the customer’s line', () => {
  it('two servers busy until 10, a customer joins a line at 1: quoted (0 + 1) / μ = 10, not 10 / 2', () => {
    const run = runWithArrivals(quoting({ linePerServer: true }), [
      [0, 0],
      [0, 0],
      [1, 0],
    ]);
    expect(run.metrics.waitMean).toBe(3); // 0, 0 and 9
    expect(run.metrics.satisfactionMean).toBeCloseTo((5 + 5 + scoreAfterWaiting9(10)) / 3, 12);
  });
});

describe('reservations beside the other levers', () => {
  function doctor(extra: Record<string, unknown> = {}, station: Record<string, unknown> = {}) {
    return {
      name: 'One doctor',
      seed: 6,
      replications: 30,
      time: { horizon: 240 },
      stations: [{ id: 'doc', servers: 1, service: { dist: 'exponential', mean: 25 }, ...station }],
      segments: [
        { id: 'booked', arrivals: { rate: 0 }, route: ['doc'], balking: { rule: 'linear', maxInSystem: 2 } },
        { id: 'walk', arrivals: { rate: 0.03 }, route: ['doc'] },
      ],
      reservations: { segment: 'booked', slots: { every: 30, capacity: 1 }, noShow: 0 },
      experience: {},
      ...extra,
    };
  }

  it('a booked customer owed a unit joins whatever the line, under an experience balking rule too (as under balkAt)', () => {
    const { summary } = runReplications(modelOf(doctor()));
    expect(summary.segments.booked!.balked!.mean).toBe(0);
    expect(summary.segments.booked!.arrivals!.mean).toBe(summary.metrics.bookings!.mean); // everyone booked came and joined
    expect(summary.segments.walk!.balked!.mean).toBe(0); // walk-ins have no rule of their own
  });

  it.each([
    ['tables', { seating: { tables: [{ seats: 2, count: 1 }] } }],
    ['a line per server', { linePerServer: true }],
  ])('a booked station with %s is refused: its line serves by booked time, theirs by their own order', (_, station) => {
    const loaded = validateScenario(doctor({}, station));
    expect(loaded.ok).toBe(false);
    if (!loaded.ok) expect(loaded.problems.map((p) => `${p.path.join('.')}: ${p.message}`)).toContainEqual(expect.stringMatching(/^reservations\.segment: .*"doc".*booked time/));
  });
});

describe('Whitt’s informed customers beside the reservations', () => {
  it('a booked customer the host let in keeps its patience under the informed rule; those the rule let in never renege', () => {
    const model = (balking?: Record<string, unknown>) =>
      modelOf({
        name: 'Informed clinic',
        seed: 3,
        replications: 40,
        time: { horizon: 240 },
        stations: [{ id: 'doc', servers: 1, service: { dist: 'exponential', mean: 25 } }],
        segments: [
          { id: 'booked', arrivals: { rate: 0 }, route: ['doc'], patience: { dist: 'exponential', mean: 10 }, ...(balking ? { balking } : {}) },
          { id: 'walk', arrivals: { rate: 0.03 }, route: ['doc'], patience: { dist: 'exponential', mean: 10 }, ...(balking ? { balking } : {}) },
        ],
        reservations: { segment: 'booked', slots: { every: 30, capacity: 1 }, noShow: 0 },
        experience: {},
      });
    const plain = runReplications(model()).summary.segments;
    const informed = runReplications(model({ rule: 'informed' })).summary.segments;
    expect(plain.booked!.reneged!.mean).toBeGreaterThan(0);
    // The host decides for booked customers: the rule is never asked, their patience is theirs.
    expect(informed.booked!.balked!.mean).toBe(0);
    expect(informed.booked!.reneged!.mean).toBeGreaterThan(0.5); // the walk-ins differ, so the booked waits do too: not equal, but there
    // Walk-ins who must wait are told and decide: some balk, none reneges.
    expect(informed.walk!.balked!.mean).toBeGreaterThan(0);
    expect(informed.walk!.reneged!.mean).toBe(0);
  });
});

describe('a quoted wait goes to every customer who waits', () => {
  it('at tables, a party of four that waits while only a table for two is free is told the wait', () => {
    const run = runWithArrivals(quoting({ seating: { tables: [{ seats: 4, count: 1 }, { seats: 2, count: 1 }] } }, { partySize: 4 }), [
      [0, 0],
      [1, 0],
    ]);
    expect(run.metrics.waitMean).toBe(4.5); // 0 and 9
    // Quoted (0 + 1) / (2 tables × 1/10) = 5; it feels ≈ 10.4, so it misses the quote by more than the quote.
    expect(run.metrics.satisfactionMean).toBeCloseTo((5 + scoreAfterWaiting9(5)) / 2, 12);
  });
});
