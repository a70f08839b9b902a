/**
 * Across replications: the mean, standard deviation and Student-t 95% confidence interval of
 * each metric, in the results shape fixed by shared/scenario-format.md.
 */
import type { Model } from '../model/model.js';
import type { ReplicationResult } from '../run/simulate.js';
import { metricsFor, type MetricValues, type Scope } from './catalogue.js';
import { studentTQuantile } from './student-t.js';

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
  /** The scenario's free-text description, when it has one. */
  description?: string;
  /** The same metrics per named period of the scenario, by period name, in period order. */
  periods?: Record<string, PeriodSummary>;
  /** Station state over the day on a regular time grid, averaged over replications. */
  series?: RunSeries;
  /** Each station's scheduled servers per period. */
  schedule?: Record<string, ScheduledServers[]>;
}

/** One period's results: counts and waits by arrival period, time averages over [start, end). */
export interface PeriodSummary {
  start: number;
  end: number;
  metrics: MetricSummaries;
  stations: Record<string, MetricSummaries>;
  segments: Record<string, MetricSummaries>;
}

/** A quantity over the day: its mean over replications and a 95% band, one value per grid time. */
export interface Band {
  mean: number[];
  lo: number[];
  hi: number[];
}

export interface StationSeries {
  waiting: Band;
  inSystem: Band;
  busy: Band;
  /** Servers on duty at each grid time. */
  servers: number[];
}

export interface RunSeries {
  /** Grid spacing, in the scenario's time unit. */
  step: number;
  time: number[];
  stations: Record<string, StationSeries>;
}

export interface ScheduledServers {
  period: string;
  start: number;
  end: number;
  servers: number;
}

/** Summary statistics of one metric's per-replication values (NaN = undefined there). */
export function summariseValues(values: readonly number[], replications = values.length): MetricSummary {
  const defined = values.filter((v) => Number.isFinite(v));
  const n = defined.length;
  const summary: MetricSummary = { mean: null, ci95: null, sd: null };
  if (n > 0) {
    const mean = defined.reduce((a, b) => a + b, 0) / n;
    summary.mean = mean;
    if (n > 1) {
      const sd = Math.sqrt(defined.reduce((a, v) => a + (v - mean) ** 2, 0) / (n - 1));
      const half = studentTQuantile(0.975, n - 1) * (sd / Math.sqrt(n));
      summary.sd = sd;
      summary.ci95 = [mean - half, mean + half];
    }
  }
  if (n < replications) summary.n = n;
  return summary;
}

function summariseScope(samples: readonly MetricValues[], scope: Scope, replications: number): MetricSummaries {
  const out: MetricSummaries = {};
  for (const name of metricsFor(scope)) {
    out[name] = summariseValues(
      samples.map((s) => s[name] ?? NaN),
      replications,
    );
  }
  return out;
}

export function summariseRun(model: Model, seed: number, results: readonly ReplicationResult[]): RunSummary {
  const replications = results.length;
  const stations: Record<string, MetricSummaries> = {};
  model.stations.forEach((station, i) => {
    stations[station.id] = summariseScope(results.map((r) => r.stations[i]!), 'station', replications);
  });
  const segments: Record<string, MetricSummaries> = {};
  model.segments.forEach((segment, i) => {
    segments[segment.id] = summariseScope(results.map((r) => r.segments[i]!), 'segment', replications);
  });
  return {
    scenario: model.name,
    seed,
    replications,
    unit: model.unit,
    horizon: model.horizon,
    metrics: summariseScope(results.map((r) => r.metrics), 'system', replications),
    stations,
    segments,
  };
}
