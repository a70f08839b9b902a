/**
 * Property: in every replication of every scenario, each customer ends with exactly one
 * outcome, so arrivals = served + balked + reneged + blocked + denied + inSystemAtEnd —
 * system-wide, per segment and per station (where "served" means served there). Scenarios
 * may route through choice steps (any rule, optional steps, self-service), put a line in
 * front of each server (with or without jockeying), bring parties and seat them at tables:
 * then the same identity holds for the people in the parties.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { runReplications, validateScenario } from '../../src/index.js';
import type { MetricValues } from '../../src/metrics/catalogue.js';

const distribution = fc.oneof(
  fc.integer({ min: 1, max: 4 }), // a bare number: fixed durations make events coincide
  fc.constant({ dist: 'empirical', values: [1, 2, 3], weights: [1, 0, 2] }),
  fc.record({ dist: fc.constant('exponential'), mean: fc.double({ min: 0.2, max: 4, noNaN: true }) }),
  fc.record({ dist: fc.constant('deterministic'), value: fc.constantFrom(0.5, 1, 2) }),
  fc.record({ dist: fc.constant('uniform'), min: fc.constant(0), max: fc.double({ min: 0.5, max: 3, noNaN: true }) }),
  fc.record({ dist: fc.constant('lognormal'), mean: fc.double({ min: 0.5, max: 3, noNaN: true }), sd: fc.constant(0.7) }),
  fc.record({ dist: fc.constant('erlang'), k: fc.integer({ min: 1, max: 4 }), mean: fc.double({ min: 0.3, max: 3, noNaN: true }) }),
);

const periodNames = ['early', 'middle', 'late'];

const scenario = fc
  .record({
    stations: fc.integer({ min: 1, max: 3 }),
    segments: fc.integer({ min: 1, max: 3 }),
    periods: fc.integer({ min: 1, max: 3 }),
    horizon: fc.integer({ min: 10, max: 120 }),
    warmupShare: fc.constantFrom(0, 0, 0.3),
    drain: fc.boolean(),
    seed: fc.nat(10_000),
  })
  .chain((shape) => {
    const names = periodNames.slice(0, shape.periods);
    const perPeriod = <T>(value: fc.Arbitrary<T>) =>
      fc.oneof(value, fc.tuple(...names.map(() => value)).map((values) => Object.fromEntries(names.map((n, i) => [n, values[i]]))));
    const stationIds = Array.from({ length: shape.stations }, (_, i) => `s${i}`);
    const station = (id: string) =>
      fc.record(
        {
          id: fc.constant(id),
          // The last period always has a server, so draining can finish.
          servers: perPeriod(fc.integer({ min: 0, max: 3 })).map((s) =>
            typeof s === 'number' ? Math.max(1, s) : { ...s, [names.at(-1)!]: Math.max(1, s[names.at(-1)!]!) },
          ),
          queueCapacity: fc.integer({ min: 0, max: 4 }),
          discipline: fc.constantFrom('fifo', 'priority'),
          service: distribution,
          linePerServer: fc.oneof(fc.boolean(), fc.record({ join: fc.constantFrom('shortest', 'random'), jockeying: fc.boolean() }, { requiredKeys: [] })),
          // Tables are rarer, as they set the station's other keys aside (fitTogether).
          seating: fc.oneof(
            { weight: 3, arbitrary: fc.constant(null) },
            { weight: 1, arbitrary: fc.constant({ tables: [{ seats: 2, count: 2 }, { seats: 4, count: 1 }], combine: true }) },
          ),
          selfService: fc.record({ adoption: fc.double({ min: 0, max: 1, noNaN: true }) }),
        },
        { requiredKeys: ['id', 'servers', 'service'] },
      ).map(fitTogether);
    const segment = (id: string) =>
      fc.record(
        {
          id: fc.constant(id),
          arrivals: fc.record({ rate: perPeriod(fc.double({ min: 0, max: 2, noNaN: true })) }),
          route: fc.array(step(stationIds), { minLength: 1, maxLength: 3 }),
          partySize: fc.oneof(fc.integer({ min: 1, max: 3 }), fc.constant({ values: [1, 2, 5], weights: [2, 2, 1] })),
          priority: fc.integer({ min: 1, max: 3 }),
          patience: distribution,
          balkAt: fc.integer({ min: 1, max: 5 }),
        },
        { requiredKeys: ['id', 'arrivals', 'route'] },
      );
    return fc.record({
      name: fc.constant('random scenario'),
      seed: fc.constant(shape.seed),
      replications: fc.constant(2),
      time: fc.constant({
        horizon: shape.horizon,
        warmup: shape.warmupShare * shape.horizon,
        drain: shape.drain,
        periods: names.map((name, i) => ({ name, start: (i * shape.horizon) / shape.periods })),
      }),
      stations: fc.tuple(...stationIds.map(station)),
      segments: fc.tuple(...Array.from({ length: shape.segments }, (_, i) => segment(`g${i}`))),
    }).map(followable);
  });

/** A route step: a station, or a choice among stations by any rule, maybe optional. */
const step = (stationIds: string[]) =>
  fc.oneof(
    fc.constantFrom(...stationIds),
    fc.record(
      {
        choose: fc.uniqueArray(fc.constantFrom(...stationIds), { minLength: 1, maxLength: 3 }),
        by: fc.constantFrom('shares', 'shortestLine', 'leastExpectedWait'),
        skip: fc.constantFrom(0, 0.5),
      },
      { requiredKeys: ['choose'] },
    ),
  );

type Spec = Record<string, unknown>;

/** A station's keys that work together: tables have their count as servers, and neither tables nor lines per server take priority. */
function fitTogether(station: Spec): Spec {
  const fitted = { ...station };
  if (fitted.seating === null) delete fitted.seating;
  if (fitted.seating !== undefined) {
    delete fitted.linePerServer;
    fitted.servers = 3;
  }
  if (fitted.seating !== undefined || (fitted.linePerServer !== undefined && fitted.linePerServer !== false)) fitted.discipline = 'fifo';
  return fitted;
}

/**
 * Routes every customer can follow: the first station is never self-service, a self-service
 * station is only ever one choice among others with the first station, and the first step
 * is never skipped.
 */
function followable(scenario: Spec): Spec {
  const stations = (scenario.stations as Spec[]).map((s, i) => (i === 0 ? { ...s, selfService: undefined } : s));
  const selfService = new Set(stations.filter((s) => s.selfService !== undefined).map((s) => s.id as string));
  const first = stations[0]!.id as string;
  const segments = (scenario.segments as Spec[]).map((segment) => ({
    ...segment,
    route: (segment.route as (string | Spec)[]).map((step, i) => {
      const choice: Spec = typeof step === 'string' ? { choose: [step] } : { ...step };
      if (i === 0) delete choice.skip;
      const names = choice.choose as string[];
      if (names.some((id) => selfService.has(id)) && !names.includes(first)) choice.choose = [...names, first];
      return typeof step === 'string' && choice.choose === names ? step : choice;
    }),
  }));
  return { ...scenario, stations: stations.map((s) => Object.fromEntries(Object.entries(s).filter(([, v]) => v !== undefined))), segments };
}

const outcomes = ['served', 'balked', 'reneged', 'blocked', 'denied', 'inSystemAtEnd'] as const;
const accounted = (m: MetricValues) => outcomes.reduce((sum, name) => sum + (m[name] ?? 0), 0);
const people = (name: string) => `people${name[0]!.toUpperCase()}${name.slice(1)}`;
const peopleAccounted = (m: MetricValues) => outcomes.reduce((sum, name) => sum + (m[people(name)] ?? 0), 0);

/** The identity for parties, and for the people in them when the scenario has parties. */
function expectConserved(m: MetricValues): void {
  expect(accounted(m)).toBe(m.arrivals);
  if (m.peopleArrivals !== undefined) expect(peopleAccounted(m)).toBe(m.peopleArrivals);
}

describe('conservation of customers (property-based)', () => {
  it('holds in every replication, system-wide, per segment and per station', () => {
    fc.assert(
      fc.property(scenario, (spec) => {
        const loaded = validateScenario(spec);
        if (!loaded.ok) throw new Error(`generator made an invalid scenario: ${JSON.stringify(loaded.problems)}`);
        const { replications } = runReplications(loaded.model);
        for (const r of replications) {
          expectConserved(r.metrics);
          for (const segment of r.segments) expectConserved(segment);
          for (const station of r.stations) expectConserved(station);
          expect(r.segments.reduce((sum, s) => sum + s.arrivals!, 0)).toBe(r.metrics.arrivals);
          if (loaded.model.drain) expect(r.metrics.inSystemAtEnd).toBe(0);
          else expect(r.endTime).toBe(loaded.model.horizon);
          const utilisation = r.metrics.utilisation!;
          if (Number.isFinite(utilisation)) expect(utilisation).toBeGreaterThanOrEqual(0);
          if (Number.isFinite(utilisation)) expect(utilisation).toBeLessThanOrEqual(1 + 1e-12);
          if (r.metrics.served! > 0) expect(r.metrics.waitMean).toBeGreaterThanOrEqual(0);
        }
      }),
      { numRuns: 200, seed: 20261127 },
    );
  });
});
