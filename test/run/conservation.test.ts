/**
 * Property: in every replication of every scenario, each customer ends with exactly one
 * outcome, so arrivals = served + balked + reneged + blocked + denied + inSystemAtEnd —
 * system-wide, per segment and per station (where "served" means served there). Scenarios
 * may route through choice steps (any rule, optional steps, self-service), put a line in
 * front of each server (with or without jockeying), bring parties and seat them at tables:
 * then the same identity holds for the people in the parties. The same holds with the
 * waiting experience switched on, and with reservations, where booked customers and walk-ins
 * can be denied.
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

/** Waiting conditions and experience settings, when a generated scenario uses the experience. */
const waitingConditions = fc.record(
  {
    stage: fc.constantFrom('pre', 'in', 'post'),
    occupied: fc.boolean(),
    comfortable: fc.boolean(),
    information: fc.constantFrom('none', 'position', 'quote'),
    firstTimeShare: fc.constantFrom(0, 0.3, 1),
    value: fc.constantFrom(0, 0.5),
    apology: fc.boolean(),
  },
  { requiredKeys: [] },
);
const experienceKeys = fc.record(
  {
    perception: fc.record({ enabled: fc.boolean() }, { requiredKeys: [] }),
    satisfaction: fc.record({ toleranceSpread: fc.constantFrom(0, 0.3) }, { requiredKeys: [] }),
    quality: fc.record({ enabled: fc.boolean() }, { requiredKeys: [] }),
    aftermath: fc.record({ preset: fc.constantFrom('tarp', 'courseNotes'), severity: fc.constantFrom('minor', 'major') }, { requiredKeys: [] }),
  },
  { requiredKeys: [] },
);

const scenario = fc
  .record({
    stations: fc.integer({ min: 1, max: 3 }),
    segments: fc.integer({ min: 1, max: 3 }),
    periods: fc.integer({ min: 1, max: 3 }),
    horizon: fc.integer({ min: 10, max: 120 }),
    warmupShare: fc.constantFrom(0, 0, 0.3),
    drain: fc.boolean(),
    seed: fc.nat(10_000),
    experience: fc.boolean(),
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
          ...(shape.experience ? { waiting: waitingConditions } : {}),
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
          ...(shape.experience
            ? {
                tolerance: fc.oneof(fc.constantFrom('coffee', 'bank', 'clinic'), fc.record({ desired: fc.constant(1), adequate: fc.constantFrom(2, 5) })),
                balking: fc.oneof(
                  fc.constant({ rule: 'discouraged' }),
                  fc.record({ rule: fc.constant('linear'), maxInSystem: fc.integer({ min: 1, max: 8 }) }),
                  fc.constant({ rule: 'geometric' }),
                  fc.constant({ rule: 'logit' }),
                ),
                waiting: waitingConditions,
              }
            : {}),
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
      ...(shape.experience ? { experience: experienceKeys } : {}),
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
function followable<T extends Spec>(scenario: T): T {
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
  return { ...scenario, stations: stations.map((s) => Object.fromEntries(Object.entries(s).filter(([, v]) => v !== undefined))), segments } as T;
}

/** The experience's own invariants: shares are shares, scores lie in 1..5, zones partition. */
function checkExperience(...scopes: (MetricValues | MetricValues[])[]): number {
  let checked = 0;
  for (const m of scopes.flat()) {
    if (!Number.isFinite(m.satisfactionMean)) continue;
    checked++;
    expect(m.satisfactionMean).toBeGreaterThanOrEqual(1);
    expect(m.satisfactionMean).toBeLessThanOrEqual(5);
    expect(m.withinDesiredShare).toBeLessThanOrEqual(m.withinToleranceShare! + 1e-12);
    expect(m.withinToleranceShare! + m.belowAdequateShare!).toBeCloseTo(1, 12);
    expect(m.apostleShare! + m.terroristShare!).toBeLessThanOrEqual(1 + 1e-12);
    expect(m.repurchaseRate).toBeGreaterThanOrEqual(0);
    expect(m.repurchaseRate).toBeLessThanOrEqual(1);
    expect(m.complaints).toBeGreaterThanOrEqual(0);
  }
  return checked;
}

/** The random scenarios above with a booked segment and a random `reservations` key added. */
const withReservations = scenario.chain((spec) => {
  // Booked customers go straight to their stations: self-service ones are only ever a choice.
  const stationIds = (spec.stations as Spec[]).filter((s) => s.selfService === undefined).map((s) => s.id as string);
  const horizon = spec.time.horizon;
  const probability = fc.constantFrom(0, 0.1, 0.5);
  return fc
    .record({
      route: fc.array(fc.constantFrom(...stationIds), { minLength: 1, maxLength: 2 }),
      patience: fc.option(distribution, { nil: undefined }),
      times: fc.uniqueArray(fc.integer({ min: 0, max: horizon - 1 }), { minLength: 1, maxLength: 4 }),
      capacity: fc.option(fc.integer({ min: 0, max: 4 }), { nil: undefined }),
      demand: fc.oneof(fc.constant(undefined), fc.integer({ min: 0, max: 6 }), fc.record({ poisson: fc.double({ min: 0, max: 6, noNaN: true }) })),
      cancel: probability,
      noShow: probability,
      punctuality: fc.oneof(
        fc.constant(0),
        fc.integer({ min: -10, max: 10 }),
        fc.record({ dist: fc.constant('normal'), mean: fc.integer({ min: -5, max: 5 }), sd: fc.integer({ min: 0, max: 10 }) }),
      ),
      hold: fc.option(distribution, { nil: undefined }),
      overflow: fc.constantFrom('wait', 'deny'),
      compensation: fc.constantFrom(0, 50),
      bookingLimit: fc.oneof(
        fc.constantFrom('none', 'capacityOverShowRate'),
        fc.record({ policy: fc.constant('fixedExtra'), extra: fc.integer({ min: 0, max: 3 }) }),
        fc.record({ policy: fc.constant('percentage'), percent: fc.integer({ min: 0, max: 50 }) }),
        fc.record({ policy: fc.constant('optimal'), revenue: fc.constant(60), overageCost: fc.constantFrom(30, 120) }),
      ),
      protection: fc.option(fc.record({ rule: fc.constant('fixed'), units: fc.integer({ min: 0, max: 2 }) }), { nil: undefined }),
      holdForBookings: fc.oneof(fc.constant(undefined), fc.constant(false), fc.record({ ahead: fc.integer({ min: 0, max: 20 }), grace: fc.integer({ min: 0, max: 20 }) })),
      appointments: fc.option(fc.record({ rule: fc.constantFrom('fixedInterval', 'baileyWelch'), length: fc.integer({ min: 1, max: 60 }) }), { nil: undefined }),
    })
    .map((r) => {
      const capacity = r.capacity ?? (r.appointments === undefined ? undefined : 3);
      const reservations = Object.fromEntries(
        Object.entries({
          segment: 'booked',
          station: r.route.at(-1),
          slots: { times: [...r.times].sort((a, b) => a - b), ...(capacity === undefined ? {} : { capacity }) },
          demand: r.demand,
          cancel: r.cancel,
          noShow: r.cancel === 0.5 && r.noShow === 0.5 ? 0.1 : r.noShow,
          punctuality: r.punctuality,
          hold: r.hold,
          overflow: r.overflow,
          compensation: r.compensation,
          bookingLimit: r.bookingLimit,
          protection: r.protection,
          holdForBookings: r.holdForBookings,
          appointments: r.appointments,
        }).filter(([, value]) => value !== undefined),
      );
      const booked = { id: 'booked', arrivals: { rate: 0 }, route: r.route, ...(r.patience === undefined ? {} : { patience: r.patience }) };
      // The booked station keeps its booked-time line: no tables, no line per server there (the check refuses them).
      const stations = (spec.stations as Spec[]).map((station) => {
        if (station.id !== r.route.at(-1)) return station;
        const { seating: _seating, linePerServer: _lines, ...plain } = station;
        return plain;
      });
      return { ...spec, stations, segments: [...spec.segments, booked], reservations };
    });
});

const outcomes = ['served', 'balked', 'reneged', 'blocked', 'denied', 'inSystemAtEnd'] as const;
const accounted = (m: MetricValues) => outcomes.reduce((sum, name) => sum + (m[name] ?? 0), 0);
const people = (name: string) => `people${name[0]!.toUpperCase()}${name.slice(1)}`;
const peopleAccounted = (m: MetricValues) => outcomes.reduce((sum, name) => sum + (m[people(name)] ?? 0), 0);

/** How often each identity was checked, so a property cannot pass by never reaching it. */
const checked = { people: 0, experience: 0 };

/** The identity for parties, and for the people in them when the scenario has parties. */
function expectConserved(m: MetricValues): void {
  expect(accounted(m)).toBe(m.arrivals);
  if (m.peopleArrivals === undefined) return;
  expect(peopleAccounted(m)).toBe(m.peopleArrivals);
  checked.people++;
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
          if (spec.experience !== undefined) checked.experience += checkExperience(r.metrics, r.segments);
        }
        // Determinism: the same scenario and seed give the same numbers.
        expect(runReplications(loaded.model).replications).toEqual(replications);
      }),
      { numRuns: 200, seed: 20261127 },
    );
    expect(checked.experience).toBeGreaterThan(0);
    expect(checked.people).toBeGreaterThan(0);
  });

  it('holds with reservations too: booked customers and walk-ins who are denied are accounted for', () => {
    const seen = { bookedDenied: 0, walkInsDenied: 0 };
    fc.assert(
      fc.property(withReservations, (spec) => {
        const loaded = validateScenario(spec);
        if (!loaded.ok) throw new Error(`generator made an invalid scenario: ${JSON.stringify(loaded.problems)}`);
        const { replications } = runReplications(loaded.model);
        const booked = loaded.model.segments.length - 1;
        for (const r of replications) {
          expectConserved(r.metrics);
          for (const segment of r.segments) expectConserved(segment);
          for (const station of r.stations) expectConserved(station);
          expect(r.segments.reduce((sum, s) => sum + s.denied!, 0)).toBe(r.metrics.denied);
          expect(r.metrics.bookings).toBe(r.metrics.cancellations! + r.metrics.noShows! + r.metrics.shows!);
          // Slots count from the warm-up by their slot time, customers by their arrival time.
          if (loaded.model.warmup === 0) {
            expect(r.segments[booked]!.arrivals).toBe(r.metrics.shows);
            expect(r.segments[booked]!.denied).toBeLessThanOrEqual(r.metrics.shows!);
          }
          if (loaded.model.drain) expect(r.metrics.inSystemAtEnd).toBe(0);
          seen.bookedDenied += r.segments[booked]!.denied!;
          seen.walkInsDenied += r.metrics.denied! - r.segments[booked]!.denied!;
        }
      }),
      { numRuns: 150, seed: 20261128 },
    );
    // The generator does reach both kinds of denial, so the identity was tested with them.
    expect(seen.bookedDenied).toBeGreaterThan(0);
    expect(seen.walkInsDenied).toBeGreaterThan(0);
  });
});
