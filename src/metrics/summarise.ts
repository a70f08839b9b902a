/**
 * Across replications: the mean, standard deviation and Student-t 95% confidence interval of
 * each metric, in the results shape fixed by shared/scenario-format.md.
 */
import type { Model } from '../model/model.js';
import type { Lever } from '../levers/lever.js';
import { activeLevers } from '../levers/registry.js';
import type { ReplicationResult } from '../run/simulate.js';
import { columnValues, resultLayout, rowValues, type ResultLayout } from './columns.js';
import { OnlineMoments } from './online-moments.js';
import { seriesGrid } from './series.js';
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
  /** time.warmup, when above 0: counts are of customers arriving from then, time averages from then. */
  warmup?: number;
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

/**
 * The statistics of a run, fed one replication's row (metrics/columns.ts) at a time in
 * replication order: the metrics in two passes (two-pass.ts; the second pass may read the
 * rows back from replications.csv), the series over the day in one (online-moments.ts).
 * Every way of running a model feeds it the same rows, so all give the same summary.
 */
export class RunStatistics {
  readonly metrics: TwoPassMoments;
  readonly series: OnlineMoments;
  replications = 0;

  constructor(readonly layout: ResultLayout) {
    this.metrics = new TwoPassMoments(layout.columns.length);
    this.series = new OnlineMoments(layout.seriesWidth);
  }

  /** First pass: one replication's whole row. */
  add(row: Float64Array): void {
    const width = this.layout.columns.length;
    this.metrics.add(row.subarray(0, width));
    this.series.add(row.subarray(width, this.layout.width));
    this.replications++;
  }

  /** Second pass: the metric part of the same rows again, in the same order. */
  addDeviations(metricValues: ArrayLike<number>): void {
    this.metrics.addDeviations(metricValues);
  }

  summary(model: Model, seed: number, levers?: readonly Lever[]): RunSummary {
    return summaryFrom(model, seed, this, levers);
  }
}

/** The summary of a run held in memory: every replication's result at once. */
export function summariseRun(model: Model, seed: number, results: readonly ReplicationResult[], levers?: readonly Lever[]): RunSummary {
  const layout = resultLayout(model, levers);
  const statistics = new RunStatistics(layout);
  const row = new Float64Array(layout.width);
  for (const result of results) statistics.add(rowValues(layout, result, row));
  const metrics = row.subarray(0, layout.columns.length); // the second pass reads the metric values only, not the series
  for (const result of results) statistics.addDeviations(columnValues(layout.columns, result, metrics));
  return statistics.summary(model, seed, levers);
}

function summaryFrom(model: Model, seed: number, statistics: RunStatistics, levers: readonly Lever[] | undefined): RunSummary {
  const { layout, replications } = statistics;
  const described = activeLevers(model, levers).flatMap((lever) =>
    lever.describe === undefined ? [] : [[lever.name, lever.describe(model.levers[lever.name], model)] as const],
  );
  const summary: RunSummary = {
    scenario: model.name,
    ...(model.description === undefined ? {} : { description: model.description }),
    seed,
    replications,
    unit: model.unit,
    horizon: model.horizon,
    ...(model.warmup > 0 ? { warmup: model.warmup } : {}),
    metrics: {},
    stations: {},
    segments: {},
    periods: byId(
      model.periods.map((p) => p.name),
      (p) => ({ start: model.periods[p]!.start, end: model.periods[p]!.end, metrics: {}, stations: {}, segments: {} }),
    ),
  };
  layout.columns.forEach((column, c) => setAt(summary, column.path, statistics.metrics.summary(c, replications)));
  summary.series = seriesSummary(model, layout, statistics.series);
  summary.schedule = byId(
    model.stations.map((s) => s.id),
    (i) => model.periods.map((period, p) => ({ period: period.name, start: period.start, end: period.end, servers: model.stations[i]!.servers[p]! })),
  );
  if (described.length > 0) summary.levers = Object.fromEntries(described);
  return summary;
}

/** Each station's number waiting, in the system and busy servers over the day, with 95% bands. */
function seriesSummary(model: Model, layout: ResultLayout, moments: OnlineMoments): RunSeries {
  const time = seriesGrid(model);
  const { points } = layout;
  const stations = model.stations.length;
  const band = (quantity: number, station: number): Band => {
    const out: Band = { mean: [], lo: [], hi: [] };
    const first = (quantity * stations + station) * points;
    for (let t = 0; t < points; t++) {
      const [lo, hi] = moments.interval(first + t);
      out.mean.push(moments.mean(first + t));
      out.lo.push(lo);
      out.hi.push(hi);
    }
    return out;
  };
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
      (i) => ({ waiting: band(0, i), inSystem: band(1, i), busy: band(2, i), servers: serversAt(i) }),
    ),
  };
}

/**
 * An object keyed by ids from a scenario. Object.fromEntries defines own properties, so an
 * id such as `__proto__` or `constructor` is kept like any other (an assignment would set
 * the prototype instead, and the entry would vanish from summary.json and the tables).
 */
function byId<T>(ids: readonly string[], value: (index: number) => T): Record<string, T> {
  return Object.fromEntries(ids.map((id, i) => [id, value(i)]));
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
