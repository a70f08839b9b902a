/**
 * Groups: a party is one customer record that arrives, waits and is served together. The
 * core counts are of parties, the people* counts of the people in them, and both obey
 * arrivals = served + balked + reneged + blocked + denied + inSystemAtEnd in every scope and
 * period. A party of one is exactly today's customer: the bundled and pinned scenarios with
 * `partySize: 1` give their pinned results byte for byte.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { runReplications, validateScenario } from '../../src/index.js';
import { coreMetrics, type MetricValues } from '../../src/metrics/catalogue.js';
import { simulate } from '../../src/run/simulate.js';
import { projectRoot } from '../cli/cli.js';
import { pinnedModels, pinnedPart } from '../run/pinned-results.js';
import { modelOf } from './run-with.js';

const outcomes = ['served', 'balked', 'reneged', 'blocked', 'denied', 'inSystemAtEnd'] as const;
const parties = (m: MetricValues) => outcomes.reduce((sum, o) => sum + (m[o] ?? 0), 0);
const people = (m: MetricValues) => outcomes.reduce((sum, o) => sum + (m[`people${o[0]!.toUpperCase()}${o.slice(1)}`] ?? 0), 0);

const restaurant = (extra: Record<string, unknown> = {}) => ({
  name: 'Groups at tables',
  seed: 53,
  replications: 4,
  time: { horizon: 300, warmup: 30, drain: false, periods: [{ name: 'early', start: 0 }, { name: 'late', start: 150 }] },
  stations: [
    { id: 'host', servers: 1, service: { dist: 'exponential', mean: 0.5 } },
    { id: 'dining', servers: 9, service: { dist: 'lognormal', mean: 45, sd: 15 }, queueCapacity: 6, seating: { tables: [{ seats: 2, count: 5 }, { seats: 4, count: 4 }], combine: true } },
  ],
  segments: [
    {
      id: 'walkIn',
      arrivals: { rate: 0.3 },
      route: ['host', 'dining'],
      partySize: { values: [1, 2, 3, 4, 5, 6], weights: [10, 45, 15, 20, 5, 5] },
      patience: { dist: 'exponential', mean: 25 },
      balkAt: 4,
    },
    { id: 'couples', arrivals: { rate: { early: 0.05, late: 0.1 } }, route: ['dining'], partySize: 2 },
  ],
  ...extra,
});

describe('parties and people', () => {
  it('conserve parties and people, system-wide, per segment, per station and per period', () => {
    const model = modelOf(restaurant());
    for (let replication = 0; replication < 4; replication++) {
      const r = simulate(model, replication);
      const scopes = [r.metrics, ...r.segments, ...r.stations, ...r.periods.flatMap((p) => [p.metrics, ...p.segments, ...p.stations])];
      for (const scope of scopes) {
        expect(parties(scope)).toBe(scope.arrivals);
        expect(people(scope)).toBe(scope.peopleArrivals);
      }
      expect(r.metrics.peopleArrivals).toBeGreaterThan(r.metrics.arrivals!);
      expect(r.metrics.balked! + r.metrics.reneged! + r.metrics.blocked!).toBeGreaterThan(0);
      expect(r.metrics.inSystemAtEnd).toBeGreaterThan(0);
      // Couples are two people each, always.
      expect(r.segments[1]!.peopleArrivals).toBe(2 * r.segments[1]!.arrivals!);
    }
  });

  it('draw party sizes by their weights', () => {
    const model = modelOf({ ...restaurant(), replications: 1, time: { horizon: 20000, periods: [{ name: 'early', start: 0 }, { name: 'late', start: 150 }] } });
    const r = simulate(model, 0);
    const mean = r.segments[0]!.peopleArrivals! / r.segments[0]!.arrivals!;
    const expected = (1 * 10 + 2 * 45 + 3 * 15 + 4 * 20 + 5 * 5 + 6 * 5) / 100;
    // sd of the size 1.3 over ~6 000 parties: 0.017.
    expect(Math.abs(mean - expected)).toBeLessThan(0.07);
  });

  it('hold tables, not seats: table utilisation is at least seat utilisation, and never above 1', () => {
    const { summary } = runReplications(modelOf(restaurant()));
    const dining = summary.stations.dining!;
    expect(dining.utilisation!.mean!).toBeLessThanOrEqual(1);
    expect(dining.seatUtilisation!.mean!).toBeGreaterThan(0.2);
    expect(dining.seatUtilisation!.mean!).toBeLessThan(dining.utilisation!.mean!);
    expect(summary.stations.host!.seatUtilisation!.mean).toBeNull();
  });
});

/** The summary with only the core metrics in each scope (periods too), and only the top-level keys of `fixtureText`. */
function corePart(summary: object, fixtureText: string): string {
  const names = coreMetrics.map((m) => m.name);
  type Scopes = Record<string, unknown>;
  const onlyCore = (scope: Scopes) => Object.fromEntries(Object.entries(scope).filter(([name]) => names.includes(name)));
  const byId = (scopes: Record<string, Scopes>) => Object.fromEntries(Object.entries(scopes).map(([id, scope]) => [id, onlyCore(scope)]));
  const scoped = (value: Scopes): Scopes => ({
    ...value,
    metrics: onlyCore(value.metrics as Scopes),
    stations: byId(value.stations as Record<string, Scopes>),
    segments: byId(value.segments as Record<string, Scopes>),
  });
  const keys = Object.keys(JSON.parse(fixtureText) as object);
  const core = scoped(summary as Scopes);
  if (core.periods !== undefined) core.periods = Object.fromEntries(Object.entries(core.periods as Record<string, Scopes>).map(([name, period]) => [name, scoped(period)]));
  const entries = Object.entries(core).filter(([key]) => keys.includes(key));
  return JSON.stringify(Object.fromEntries(entries), null, 2) + '\n';
}

const fixture = (key: string) => readFileSync(join(projectRoot, 'test/fixtures/pinned', `${key}.json`), 'utf8');
const withPartiesOfOne = (scenario: Record<string, unknown>) => ({
  ...scenario,
  segments: (scenario.segments as Record<string, unknown>[]).map((segment) => ({ ...segment, partySize: 1 })),
});

describe('a party of one is exactly today’s customer', () => {
  const folder = join(projectRoot, 'scenarios');
  const read = (file: string) => parse(readFileSync(join(folder, file), 'utf8')) as Record<string, unknown>;
  const withoutParties = readdirSync(folder)
    .filter((file) => file.endsWith('.yaml'))
    .filter((file) => (read(file).segments as Record<string, unknown>[]).every((segment) => segment.partySize === undefined));
  it('the bundled scenarios without party sizes include those with choices and lines per server', () => {
    expect(withoutParties).toEqual(expect.arrayContaining(['bank-branch.yaml', 'bank-with-triage.yaml', 'supermarket-line-per-till.yaml']));
  });
  it.each(withoutParties)('%s with partySize: 1 on every segment gives the same core results, byte for byte', (file) => {
    const scenario = read(file);
    const run = (data: Record<string, unknown>) => {
      const loaded = validateScenario({ ...data, replications: 5 });
      if (!loaded.ok) throw new Error(JSON.stringify(loaded.problems));
      return runReplications(loaded.model).summary;
    };
    const today = JSON.stringify(run(scenario));
    expect(corePart(run(withPartiesOfOne(scenario)), today)).toBe(corePart(JSON.parse(today) as object, today));
  });

  const cases: [string, Record<string, unknown>][] = [
    ['bank-branch', parse(readFileSync(join(projectRoot, 'scenarios/bank-branch.yaml'), 'utf8')) as Record<string, unknown>],
    ...Object.entries(pinnedModels).map(([key, scenario]) => [key, scenario as Record<string, unknown>] as [string, Record<string, unknown>]),
  ];
  it.each(cases)('%s with partySize: 1 gives its pinned results byte for byte, and as many people as parties', (key, scenario) => {
    const loaded = validateScenario(withPartiesOfOne(scenario));
    if (!loaded.ok) throw new Error(JSON.stringify(loaded.problems));
    expect(loaded.model.levers.parties).toBeDefined();
    const { summary } = runReplications(loaded.model);
    expect(pinnedPart(summary, fixture(key))).toBe(fixture(key));
    for (const outcome of ['arrivals', ...outcomes]) {
      const name = `people${outcome[0]!.toUpperCase()}${outcome.slice(1)}`;
      expect(summary.metrics[name], name).toEqual(summary.metrics[outcome]);
    }
  });
});
