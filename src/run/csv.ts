/** One row per replication, one column per metric and scope: the raw numbers behind the CIs. */
import { metricsFor } from '../metrics/catalogue.js';
import type { Model } from '../model/model.js';
import type { ReplicationResult } from './simulate.js';
import type { Band, RunSeries } from '../metrics/summarise.js';

export function replicationsCsv(model: Model, results: readonly ReplicationResult[]): string {
  const columns: { header: string; value: (r: ReplicationResult) => number | undefined }[] = [];
  for (const name of metricsFor('system', model)) columns.push({ header: name, value: (r) => r.metrics[name] });
  model.stations.forEach((station, i) => {
    for (const name of metricsFor('station', model)) {
      columns.push({ header: `station:${station.id}:${name}`, value: (r) => r.stations[i]![name] });
    }
  });
  model.segments.forEach((segment, i) => {
    for (const name of metricsFor('segment', model)) {
      columns.push({ header: `segment:${segment.id}:${name}`, value: (r) => r.segments[i]![name] });
    }
  });
  const header = ['replication', ...columns.map((c) => csvField(c.header))].join(',');
  const rows = results.map((r) =>
    [String(r.replication), ...columns.map((c) => {
      const value = c.value(r);
      return value === undefined || !Number.isFinite(value) ? '' : String(value);
    })].join(','),
  );
  return [header, ...rows].join('\n') + '\n';
}

export function csvField(text: string): string {
  return /[",\n\r]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/**
 * The over-the-day series as a long table: one row per grid time and station, each quantity
 * with its 95% band (mean, lo, hi), and the servers on duty.
 */
export function seriesCsv(series: RunSeries): string {
  const header = 'time,station,waiting,waitingLo,waitingHi,inSystem,inSystemLo,inSystemHi,busy,busyLo,busyHi,servers';
  const number = (v: number | undefined) => (v === undefined || !Number.isFinite(v) ? '' : String(v));
  const rows: string[] = [];
  for (const [station, s] of Object.entries(series.stations)) {
    series.time.forEach((time, t) => {
      const band = (b: Band) => [b.mean[t], b.lo[t], b.hi[t]].map(number).join(',');
      rows.push([String(time), csvField(station), band(s.waiting), band(s.inSystem), band(s.busy), String(s.servers[t])].join(','));
    });
  }
  return [header, ...rows].join('\n') + '\n';
}
