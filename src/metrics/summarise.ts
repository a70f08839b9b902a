/**
 * Across replications: the mean, standard deviation and Student-t 95% confidence interval of
 * each metric, in the results shape fixed by shared/scenario-format.md.
 */
import type { Model } from '../model/model.js';
import type { Lever } from '../levers/lever.js';
import { activeLevers } from '../levers/registry.js';
import type { ReplicationResult } from '../run/simulate.js';
import type { ScopedValues } from './collect.js';
import { seriesGrid } from './series.js';
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

/** The metrics of one scope set: system-wide, per station and per segment. */
export interface ScopedSummaries {
  metrics: MetricSummaries;
  stations: Record<string, MetricSummaries>;
  segments: Record<string, MetricSummaries>;
}

/** One named period: customers counted by the period they arrived in, time averages over [start, end). */
export interface PeriodSummary extends ScopedSummaries {
  start: number;
  /** The next period's start; for the last period the horizon (time averages run to the run's end with drain: true). */
  end: number;
}

export interface RunSummary extends ScopedSummaries {
  scenario: string;
  /** The scenario's description, when it has one. */
  description?: string;
  seed: number;
  replications: number;
  unit: string;
  horizon: number;
  /** The same metrics per named period of the scenario, by period name, in period order. */
  periods?: Record<string, PeriodSummary>;
  /** What each lever that describes itself reports once for the run (levers/lever.ts), by lever name. */
  levers?: Record<string, Record<string, unknown>>;
  /** Station state over the day on a regular time grid, averaged over replications. */
  series?: RunSeries;
  /** Each station's scheduled servers per period. */
  schedule?: Record<string, ScheduledServers[]>;
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

function summariseScope(samples: readonly MetricValues[], names: readonly string[], replications: number): MetricSummaries {
  return Object.fromEntries(names.map((name) => [name, summariseValues(samples.map((s) => s[name] ?? NaN), replications)]));
}

/**
 * An object keyed by ids from a scenario. Object.fromEntries defines own properties, so an
 * id such as `__proto__` or `constructor` is kept like any other (an assignment would set
 * the prototype instead, and the entry would vanish from summary.json and the tables).
 */
function byId<T>(ids: readonly string[], value: (index: number) => T): Record<string, T> {
  return Object.fromEntries(ids.map((id, i) => [id, value(i)]));
}

function summariseScopes(model: Model, samples: readonly ScopedValues[], levers: readonly Lever[] | undefined, replications: number): ScopedSummaries {
  const names = (scope: Scope) => metricsFor(scope, model, levers);
  return {
    metrics: summariseScope(samples.map((r) => r.metrics), names('system'), replications),
    stations: byId(model.stations.map((s) => s.id), (i) => summariseScope(samples.map((r) => r.stations[i]!), names('station'), replications)),
    segments: byId(model.segments.map((s) => s.id), (i) => summariseScope(samples.map((r) => r.segments[i]!), names('segment'), replications)),
  };
}

export function summariseRun(model: Model, seed: number, results: readonly ReplicationResult[], levers?: readonly Lever[]): RunSummary {
  const replications = results.length;
  const described = activeLevers(model, levers).flatMap((lever) =>
    lever.describe === undefined ? [] : [[lever.name, lever.describe(model.levers[lever.name], model)] as const],
  );
  return {
    scenario: model.name,
    ...(model.description === undefined ? {} : { description: model.description }),
    seed,
    replications,
    unit: model.unit,
    horizon: model.horizon,
    ...summariseScopes(model, results, levers, replications),
    periods: byId(
      model.periods.map((p) => p.name),
      (p) => ({
        start: model.periods[p]!.start,
        end: model.periods[p]!.end,
        ...summariseScopes(model, results.map((r) => r.periods[p]!), levers, replications),
      }),
    ),
    series: summariseSeries(model, results),
    schedule: byId(
      model.stations.map((s) => s.id),
      (i) => model.periods.map((period, p) => ({ period: period.name, start: period.start, end: period.end, servers: model.stations[i]!.servers[p]! })),
    ),
    ...(described.length > 0 ? { levers: Object.fromEntries(described) } : {}),
  };
}

/** Mean over replications and a 95% band (the Student-t CI of the mean) at each grid time. */
function band(samples: readonly Float64Array[], points: number): Band {
  const out: Band = { mean: [], lo: [], hi: [] };
  for (let t = 0; t < points; t++) {
    const s = summariseValues(samples.map((values) => values[t]!));
    out.mean.push(s.mean ?? NaN);
    out.lo.push(s.ci95?.[0] ?? s.mean ?? NaN);
    out.hi.push(s.ci95?.[1] ?? s.mean ?? NaN);
  }
  return out;
}

/** Each station's number waiting, in the system and busy servers over the day, with 95% bands. */
export function summariseSeries(model: Model, results: readonly Pick<ReplicationResult, 'series'>[]): RunSeries {
  const time = seriesGrid(model);
  const points = time.length;
  const serversAt = (i: number) =>
    time.map((t) => {
      let p = 0;
      while (p < model.periods.length - 1 && t >= model.periods[p]!.end) p++;
      return model.stations[i]!.servers[p]!;
    });
  return {
    step: model.seriesStep,
    time,
    stations: byId(
      model.stations.map((s) => s.id),
      (i) => ({
        waiting: band(results.map((r) => r.series.waiting[i]!), points),
        inSystem: band(results.map((r) => r.series.inSystem[i]!), points),
        busy: band(results.map((r) => r.series.busy[i]!), points),
        servers: serversAt(i),
      }),
    ),
  };
}
