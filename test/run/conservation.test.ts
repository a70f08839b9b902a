/**
 * Property: in every replication of every scenario, each customer ends with exactly one
 * outcome, so arrivals = served + balked + reneged + blocked + denied + inSystemAtEnd —
 * system-wide, per segment and per station (where "served" means served there).
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
          ...(shape.experience ? { waiting: waitingConditions } : {}),
        },
        { requiredKeys: ['id', 'servers', 'service'] },
      );
    const segment = (id: string) =>
      fc.record(
        {
          id: fc.constant(id),
          arrivals: fc.record({ rate: perPeriod(fc.double({ min: 0, max: 2, noNaN: true })) }),
          route: fc.array(fc.constantFrom(...stationIds), { minLength: 1, maxLength: 3 }),
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
    });
  });

/** The experience's own invariants: shares are shares, scores lie in 1..5, zones partition. */
function checkExperience(...scopes: (MetricValues | MetricValues[])[]): void {
  for (const m of scopes.flat()) {
    if (!Number.isFinite(m.satisfactionMean)) continue;
    expect(m.satisfactionMean).toBeGreaterThanOrEqual(1);
    expect(m.satisfactionMean).toBeLessThanOrEqual(5);
    expect(m.withinDesiredShare).toBeLessThanOrEqual(m.withinToleranceShare! + 1e-12);
    expect(m.withinToleranceShare! + m.belowAdequateShare!).toBeCloseTo(1, 12);
    expect(m.apostleShare! + m.terroristShare!).toBeLessThanOrEqual(1 + 1e-12);
    expect(m.repurchaseRate).toBeGreaterThanOrEqual(0);
    expect(m.repurchaseRate).toBeLessThanOrEqual(1);
    expect(m.complaints).toBeGreaterThanOrEqual(0);
  }
}

const outcomes = ['served', 'balked', 'reneged', 'blocked', 'denied', 'inSystemAtEnd'] as const;
const accounted = (m: MetricValues) => outcomes.reduce((sum, name) => sum + (m[name] ?? 0), 0);

describe('conservation of customers (property-based)', () => {
  it('holds in every replication, system-wide, per segment and per station', () => {
    fc.assert(
      fc.property(scenario, (spec) => {
        const loaded = validateScenario(spec);
        if (!loaded.ok) throw new Error(`generator made an invalid scenario: ${JSON.stringify(loaded.problems)}`);
        const { replications } = runReplications(loaded.model);
        for (const r of replications) {
          expect(accounted(r.metrics)).toBe(r.metrics.arrivals);
          for (const segment of r.segments) expect(accounted(segment)).toBe(segment.arrivals);
          for (const station of r.stations) expect(accounted(station)).toBe(station.arrivals);
          expect(r.segments.reduce((sum, s) => sum + s.arrivals!, 0)).toBe(r.metrics.arrivals);
          if (loaded.model.drain) expect(r.metrics.inSystemAtEnd).toBe(0);
          else expect(r.endTime).toBe(loaded.model.horizon);
          const utilisation = r.metrics.utilisation!;
          if (Number.isFinite(utilisation)) expect(utilisation).toBeGreaterThanOrEqual(0);
          if (Number.isFinite(utilisation)) expect(utilisation).toBeLessThanOrEqual(1 + 1e-12);
          if (r.metrics.served! > 0) expect(r.metrics.waitMean).toBeGreaterThanOrEqual(0);
          if (spec.experience !== undefined) checkExperience(r.metrics, r.segments);
        }
        // Determinism: the same scenario and seed give the same numbers.
        expect(runReplications(loaded.model).replications).toEqual(replications);
      }),
      { numRuns: 200, seed: 20261127 },
    );
  });
});
