/**
 * What each lever costs: the M/M/4 benchmark model as it is, and with one lever's keys added,
 * alternating in one process; best run of each side, as the main benchmark judges. For
 * information (the experience has its own aim in experience.ts): the figure a planner would
 * ask for, "how much slower is my scenario with this switched on".
 */
import { simulate, validateScenario } from '../src/index.js';
import { mm4Scenario } from './mm4-model.js';

export type Scenario = Record<string, unknown>;

interface LeverVariant {
  lever: string;
  keys: string;
  scenario: (plain: Scenario) => Scenario;
}

const station = (plain: Scenario) => (plain.stations as Scenario[])[0]!;
const segment = (plain: Scenario) => (plain.segments as Scenario[])[0]!;

export const leverVariants: readonly LeverVariant[] = [
  { lever: 'experience', keys: 'experience: {}', scenario: (plain) => ({ ...plain, experience: {} }) },
  { lever: 'pricing', keys: 'pricing: { referencePrice: 4, price: 4.4 }', scenario: (plain) => ({ ...plain, pricing: { referencePrice: 4, price: 4.4 } }) },
  { lever: 'money', keys: 'money: { price: 4, staffCostPerHour: 18 }', scenario: (plain) => ({ ...plain, money: { price: 4, staffCostPerHour: 18 } }) },
  {
    lever: 'reservations',
    keys: 'a booked segment, reservations: { slots: { every: 30, capacity: 2 } }',
    scenario: (plain) => ({
      ...plain,
      segments: [...(plain.segments as Scenario[]), { id: 'booked', arrivals: { rate: 0 }, route: [station(plain).id] }],
      reservations: { segment: 'booked', slots: { every: 30, capacity: 2 } },
    }),
  },
  { lever: 'serverLines', keys: 'linePerServer: true', scenario: (plain) => ({ ...plain, stations: [{ ...station(plain), linePerServer: true }] }) },
  {
    lever: 'parties',
    keys: 'partySize: { values: [1, 2, 4], weights: [3, 2, 1] }',
    scenario: (plain) => ({ ...plain, segments: [{ ...segment(plain), partySize: { values: [1, 2, 4], weights: [3, 2, 1] } }] }),
  },
];

export interface TimedRun {
  ms: number;
  arrivals: number;
}

/** Validates and simulates one replication of `scenario`: what a run costs, resolving included. */
function timed(scenario: Scenario): TimedRun {
  const t0 = performance.now();
  const loaded = validateScenario(scenario, 'bench/levers');
  if (!loaded.ok) throw new Error(`benchmark scenario rejected: ${JSON.stringify(loaded.problems)}`);
  const result = simulate(loaded.model, 0);
  return { ms: performance.now() - t0, arrivals: result.metrics.arrivals ?? NaN };
}

export interface LeverCost {
  lever: string;
  keys: string;
  plainMs: number;
  withMs: number;
  /** Customers per second with the lever / without (1 = free). */
  ratio: number;
}

/** The best run of each side, `runs` alternating runs per side after one warm-up run each. */
export function bestOfAlternating(plain: Scenario, withLever: Scenario, runs: number): { plain: TimedRun; withLever: TimedRun } {
  timed(plain);
  timed(withLever);
  let bestPlain: TimedRun = { ms: Infinity, arrivals: 0 };
  let bestWith: TimedRun = { ms: Infinity, arrivals: 0 };
  for (let i = 0; i < runs; i++) {
    for (const side of i % 2 === 0 ? [plain, withLever] : [withLever, plain]) {
      const run = timed(side);
      if (side === plain && run.ms < bestPlain.ms) bestPlain = run;
      if (side === withLever && run.ms < bestWith.ms) bestWith = run;
    }
  }
  return { plain: bestPlain, withLever: bestWith };
}

/** Each lever against the plain model, `runs` alternating runs per side, best of each. */
export function measureLeverCosts(customers: number, runs: number, variants: readonly LeverVariant[] = leverVariants): LeverCost[] {
  const plain = mm4Scenario(customers);
  return variants.map(({ lever, keys, scenario }) => {
    const best = bestOfAlternating(plain, scenario(plain), runs);
    // Per customer: a lever may change how many arrive (pricing moves demand, bookings add some).
    const ratio = best.withLever.arrivals / best.withLever.ms / (best.plain.arrivals / best.plain.ms);
    return { lever, keys, plainMs: best.plain.ms, withMs: best.withLever.ms, ratio };
  });
}

if (import.meta.url === `file://${process.argv[1]}`) {
  for (const cost of measureLeverCosts(200_000, 5)) console.log(cost);
}
