/**
 * What the waiting experience costs: the M/M/4 benchmark model as it is, and with
 * `experience: {}` (perceived waits, fairness, satisfaction, service failures, complaints,
 * repurchase and word of mouth all on, every default), alternating in one process.
 * Target: the experience costs no more than 30% (throughput ratio >= 0.70), judged on the
 * best run of each side as the main benchmark is.
 */
import { simulate, validateScenario } from '../src/index.js';
import { mm4Scenario } from './mm4-model.js';

export const EXPERIENCE_RATIO_TARGET = 0.7;

function timedRun(scenario: Record<string, unknown>): { ms: number; served: number } {
  const t0 = performance.now();
  const loaded = validateScenario(scenario, 'bench/experience');
  if (!loaded.ok) throw new Error(`benchmark scenario rejected: ${JSON.stringify(loaded.problems)}`);
  const result = simulate(loaded.model, 0);
  return { ms: performance.now() - t0, served: result.metrics.served ?? NaN };
}

export interface ExperienceCost {
  plainPerSecond: number;
  experiencePerSecond: number;
  ratio: number;
  satisfactionMean: number;
}

export function measureExperienceCost(customers: number, runs: number): ExperienceCost {
  const plain = mm4Scenario(customers);
  const felt = { ...plain, experience: {} };
  timedRun(plain);
  timedRun(felt);
  let bestPlain = Infinity;
  let bestFelt = Infinity;
  let served = 0;
  for (let i = 0; i < runs; i++) {
    const order = i % 2 === 0 ? [plain, felt] : [felt, plain];
    for (const scenario of order) {
      const run = timedRun(scenario);
      served = run.served;
      if (scenario === plain) bestPlain = Math.min(bestPlain, run.ms);
      else bestFelt = Math.min(bestFelt, run.ms);
    }
  }
  const loaded = validateScenario(felt);
  const satisfactionMean = loaded.ok ? (simulate(loaded.model, 0).metrics.satisfactionMean ?? NaN) : NaN;
  const plainPerSecond = (served / bestPlain) * 1000;
  const experiencePerSecond = (served / bestFelt) * 1000;
  return { plainPerSecond, experiencePerSecond, ratio: experiencePerSecond / plainPerSecond, satisfactionMean };
}
