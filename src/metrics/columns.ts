/**
 * A run's results as a flat row per replication. The row holds, first, one number per metric
 * of each scope — the system, each station, each segment, then the same for each period —
 * and after them the replication's series over the day (series.ts). replications.csv has one
 * CSV column per metric column, and the summary one MetricSummary per metric column at its
 * `path`, so the two cannot disagree about which metrics exist; the series part goes to the
 * summary's bands only. A worker thread sends exactly this row, so a run in memory, a
 * streamed run and a run on N threads see the same numbers in the same order.
 */
import type { Lever } from '../levers/lever.js';
import type { Model } from '../model/model.js';
import type { CollectedMetrics, ScopedValues } from './collect.js';
import { metricsFor, type MetricValues, type Scope } from './catalogue.js';
import { seriesPointCount, type ReplicationSeries } from './series.js';

export interface ResultColumn {
  /**
   * Its header in replications.csv, e.g. `waitMean`, `station:counter:waitMean` or
   * `period:lunch:station:counter:waitMean`; never the same text as another's (resultColumns).
   */
  header: string;
  /** Where its summary sits in the RunSummary, e.g. ['stations', 'counter', 'waitMean']. */
  path: readonly string[];
  /** Its value in one replication; NaN where the metric is undefined (nobody served). */
  value(result: CollectedMetrics): number;
  /** Puts a value back where value() reads it (rebuilding a replication from its row). */
  put(result: CollectedMetrics, value: number): void;
}

/** What a replication's row holds and where. */
export interface ResultLayout {
  /** The metric columns, in the order of the CSV and of the summary's keys. */
  columns: ResultColumn[];
  /** Grid points of the series over the day. */
  points: number;
  /** Values of the series part: waiting, in system and busy, per station, per grid point. */
  seriesWidth: number;
  /** columns.length + seriesWidth. */
  width: number;
}

/**
 * Every metric column of a model's results (the levers it uses included). Ids and period
 * names stand in the headers as they are ("period:09:00:waitMean"), unless two headers would
 * then be the same text (a period named "a:station:counter" beside a station "counter"):
 * then every `:` and `\` inside an id or period name of the file is written `\:` and `\\`.
 */
export function resultColumns(model: Model, levers?: readonly Lever[]): ResultColumn[] {
  const plain = columnsNamed(model, levers, (name) => name);
  return new Set(plain.map((c) => c.header)).size === plain.length ? plain : columnsNamed(model, levers, escapedName);
}

function columnsNamed(model: Model, levers: readonly Lever[] | undefined, headerName: (name: string) => string): ResultColumn[] {
  const columns: ResultColumn[] = [];
  const byScope = { system: metricsFor('system', model, levers), station: metricsFor('station', model, levers), segment: metricsFor('segment', model, levers) };
  const names = (scope: Scope) => byScope[scope];
  const addScopes = (headerPrefix: string, pathPrefix: readonly string[], scopes: (r: CollectedMetrics) => ScopedValues) => {
    const add = (header: string, path: readonly string[], name: string, values: (r: CollectedMetrics) => MetricValues) =>
      columns.push({
        header: headerPrefix + header,
        path: [...pathPrefix, ...path],
        value: (r) => values(r)[name] ?? NaN,
        put: (r, value) => {
          values(r)[name] = value;
        },
      });
    for (const name of names('system')) add(name, ['metrics', name], name, (r) => scopes(r).metrics);
    model.stations.forEach((station, i) => {
      for (const name of names('station')) add(`station:${headerName(station.id)}:${name}`, ['stations', station.id, name], name, (r) => scopes(r).stations[i]!);
    });
    model.segments.forEach((segment, i) => {
      for (const name of names('segment')) add(`segment:${headerName(segment.id)}:${name}`, ['segments', segment.id, name], name, (r) => scopes(r).segments[i]!);
    });
  };
  addScopes('', [], (r) => r);
  model.periods.forEach((period, p) => addScopes(`period:${headerName(period.name)}:`, ['periods', period.name], (r) => r.periods[p]!));
  return columns;
}

/** An id or period name with `:` and `\` escaped with `\`, so a header splits at its unescaped colons one way only. */
function escapedName(name: string): string {
  return name.replace(/[\\:]/g, (c) => `\\${c}`);
}

export function resultLayout(model: Model, levers?: readonly Lever[]): ResultLayout {
  const columns = resultColumns(model, levers);
  const points = seriesPointCount(model.horizon, model.seriesStep);
  const seriesWidth = 3 * model.stations.length * points;
  return { columns, points, seriesWidth, width: columns.length + seriesWidth };
}

/** The metric values of one replication, in column order. */
export function columnValues(columns: readonly ResultColumn[], result: CollectedMetrics, into = new Float64Array(columns.length)): Float64Array {
  for (let c = 0; c < columns.length; c++) into[c] = columns[c]!.value(result);
  return into;
}

/** One replication's whole row: its metric values, then its series (waiting, in system, busy; station by station). */
export function rowValues(layout: ResultLayout, result: CollectedMetrics & { series: ReplicationSeries }, into = new Float64Array(layout.width)): Float64Array {
  columnValues(layout.columns, result, into);
  let at = layout.columns.length;
  for (const quantity of [result.series.waiting, result.series.inSystem, result.series.busy]) {
    for (const values of quantity) {
      into.set(values, at);
      at += layout.points;
    }
  }
  return into;
}

/**
 * A replication rebuilt from its row, as a worker thread sent it: every metric of the
 * catalogue at its scope (NaN where simulate() left it undefined) and the series. It gives
 * the same row, so the same summary and replications.csv, as the result simulate() returned.
 */
export function resultFromRow(layout: ResultLayout, model: Model, row: ArrayLike<number>): CollectedMetrics {
  const scopes = (): ScopedValues => ({ metrics: {}, stations: model.stations.map(() => ({})), segments: model.segments.map(() => ({})) });
  const series = () => model.stations.map(() => new Float64Array(layout.points));
  const result: CollectedMetrics = { ...scopes(), periods: model.periods.map(scopes), series: { waiting: series(), inSystem: series(), busy: series() } };
  layout.columns.forEach((column, c) => column.put(result, row[c]!));
  let at = layout.columns.length;
  for (const quantity of [result.series.waiting, result.series.inSystem, result.series.busy]) {
    for (const values of quantity) {
      for (let t = 0; t < layout.points; t++) values[t] = row[at + t]!;
      at += layout.points;
    }
  }
  return result;
}
