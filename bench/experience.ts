/**
 * What the waiting experience costs: the M/M/4 benchmark model as it is, and with
 * `experience: {}` (perceived waits, fairness, satisfaction, service failures, complaints,
 * repurchase and word of mouth all on, every default), alternating in one process.
 * Target: the experience costs no more than 30% (throughput ratio >= 0.70), judged on the
 * best run of each side as the main benchmark is.
 */
import { simulate, validateScenario } from '../src/index.js';
import { bestOfAlternating } from './levers.js';
import { mm4Scenario } from './mm4-model.js';

export const EXPERIENCE_RATIO_TARGET = 0.7;

export interface ExperienceCost {
  plainPerSecond: number;
  experiencePerSecond: number;
  ratio: number;
  satisfactionMean: number;
}

export function measureExperienceCost(customers: number, runs: number): ExperienceCost {
  const plain = mm4Scenario(customers);
  const felt = { ...plain, experience: {} };
  const best = bestOfAlternating(plain, felt, runs);
  const loaded = validateScenario(felt);
  const satisfactionMean = loaded.ok ? (simulate(loaded.model, 0).metrics.satisfactionMean ?? NaN) : NaN;
  const plainPerSecond = (best.plain.arrivals / best.plain.ms) * 1000;
  const experiencePerSecond = (best.withLever.arrivals / best.withLever.ms) * 1000;
  return { plainPerSecond, experiencePerSecond, ratio: experiencePerSecond / plainPerSecond, satisfactionMean };
}
