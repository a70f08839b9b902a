/**
 * Many replications of one model: each replication is an independent run with its own
 * random streams (seed, replication number, source). Sequential for now; the per-replication
 * function is pure, so workers can take it over without changing results. A lever whose part
 * of the model is an equilibrium of the simulation itself is settled first (settle.ts).
 */
import type { Model } from '../model/model.js';
import { settleModel } from './settle.js';
import { simulate, type ReplicationResult } from './simulate.js';
import { summariseRun, type RunSummary } from '../metrics/summarise.js';

export interface RunOptions {
  seed?: number;
  replications?: number;
  /** Called after each replication with (done, total). */
  onProgress?: (done: number, total: number) => void;
}

export interface RunOutput {
  summary: RunSummary;
  replications: ReplicationResult[];
}

export function runReplications(model: Model, options: RunOptions = {}): RunOutput {
  const seed = options.seed ?? model.seed;
  const total = options.replications ?? model.replications;
  const settled = settleModel(model, seed, total);
  const replications: ReplicationResult[] = [];
  for (let r = 0; r < total; r++) {
    replications.push(simulate(settled, r, seed));
    options.onProgress?.(r + 1, total);
  }
  return { summary: summariseRun(settled, seed, replications), replications };
}
