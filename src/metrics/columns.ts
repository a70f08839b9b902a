/**
 * A run's results as a flat list of columns: one number per replication for each metric of
 * each scope. replications.csv has one CSV column per entry, and the summary one MetricSummary
 * per entry at its `path`, so the two cannot disagree about which metrics exist. A new scope
 * (periods, say) is added here once, and both the CSV and the summary follow.
 */
import type { Model } from '../model/model.js';
import type { ReplicationResult } from '../run/simulate.js';
import { metricsFor, type MetricName, type MetricValues } from './catalogue.js';

export interface ResultColumn {
  /** Its header in replications.csv, e.g. `waitMean` or `station:counter:waitMean`. */
  header: string;
  /** Where its summary sits in the RunSummary, e.g. ['stations', 'counter', 'waitMean']. */
  path: readonly string[];
  /** Its value in one replication; NaN where the metric is undefined (nobody served). */
  value(result: ReplicationResult): number;
}

/** Every column of a model's results, in the order of the CSV and of the summary's keys. */
export function resultColumns(model: Model): ResultColumn[] {
  const columns: ResultColumn[] = [];
  const add = (header: string, path: readonly string[], name: MetricName, scope: (r: ReplicationResult) => MetricValues) =>
    columns.push({ header, path, value: (r) => scope(r)[name] ?? NaN });
  for (const name of metricsFor('system')) add(name, ['metrics', name], name, (r) => r.metrics);
  model.stations.forEach((station, i) => {
    for (const name of metricsFor('station')) add(`station:${station.id}:${name}`, ['stations', station.id, name], name, (r) => r.stations[i]!);
  });
  model.segments.forEach((segment, i) => {
    for (const name of metricsFor('segment')) add(`segment:${segment.id}:${name}`, ['segments', segment.id, name], name, (r) => r.segments[i]!);
  });
  return columns;
}

/** The values of every column in one replication, in column order. */
export function columnValues(columns: readonly ResultColumn[], result: ReplicationResult, into = new Float64Array(columns.length)): Float64Array {
  for (let c = 0; c < columns.length; c++) into[c] = columns[c]!.value(result);
  return into;
}
