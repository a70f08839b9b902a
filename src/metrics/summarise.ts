/**
 * Across replications: the mean, standard deviation and Student-t 95% confidence interval of
 * each metric, in the results shape fixed by shared/scenario-format.md.
 */
import type { Model } from '../model/model.js';
import type { ReplicationResult } from '../run/simulate.js';
import { columnValues, resultColumns, type ResultColumn } from './columns.js';
import { TwoPassMoments } from './two-pass.js';

export interface MetricSummary {
  /** null only when the metric is undefined in every replication. */
  mean: number | null;
  /** Student-t 95% confidence interval of the mean; null with fewer than two values. */
  ci95: [number, number] | null;
  /** Standard deviation over replications; null with fewer than two values. */
  sd: number | null;
  /** How many replications the metric was defined in, when that is fewer than all. */
  n?: number;
}

export type MetricSummaries = Record<string, MetricSummary>;

export interface RunSummary {
  scenario: string;
  seed: number;
  replications: number;
  unit: string;
  horizon: number;
  metrics: MetricSummaries;
  stations: Record<string, MetricSummaries>;
  segments: Record<string, MetricSummaries>;
}

/** Summary statistics of one metric's per-replication values (NaN = undefined there). */
export function summariseValues(values: readonly number[], replications = values.length): MetricSummary {
  const moments = new TwoPassMoments(1);
  const one = new Float64Array(1);
  for (const v of values) {
    one[0] = v;
    moments.add(one);
  }
  for (const v of values) {
    one[0] = v;
    moments.addDeviations(one);
  }
  return moments.summary(0, replications);
}

/** The summary of a run held in memory: every replication's result at once. */
export function summariseRun(model: Model, seed: number, results: readonly ReplicationResult[]): RunSummary {
  const columns = resultColumns(model);
  const moments = new TwoPassMoments(columns.length);
  const row = new Float64Array(columns.length);
  for (const result of results) moments.add(columnValues(columns, result, row));
  for (const result of results) moments.addDeviations(columnValues(columns, result, row));
  return summaryFrom(model, seed, results.length, columns, moments);
}

/**
 * The RunSummary of `replications` replications whose column values went through both passes
 * of `moments`: each column's summary at its path, in column order (which is key order).
 */
export function summaryFrom(model: Model, seed: number, replications: number, columns: readonly ResultColumn[], moments: TwoPassMoments): RunSummary {
  const summary: RunSummary = {
    scenario: model.name,
    seed,
    replications,
    unit: model.unit,
    horizon: model.horizon,
    metrics: {},
    stations: {},
    segments: {},
  };
  columns.forEach((column, c) => setAt(summary, column.path, moments.summary(c, replications)));
  return summary;
}

/** Sets `value` at `path` under `root`, making objects on the way; ids are own keys, even "__proto__". */
function setAt(root: object, path: readonly string[], value: unknown): void {
  let node = root as Record<string, unknown>;
  path.forEach((key, i) => {
    const last = i === path.length - 1;
    if (!last && Object.hasOwn(node, key)) {
      node = node[key] as Record<string, unknown>;
      return;
    }
    const next = last ? value : {};
    Object.defineProperty(node, key, { value: next, enumerable: true, writable: true, configurable: true });
    node = next as Record<string, unknown>;
  });
}
