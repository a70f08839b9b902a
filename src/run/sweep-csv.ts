/**
 * sweep.csv, a long table: one row per grid point, scope and metric, with the axis values
 * first and the mean, 95% CI, sd and n of the metric (the system scope also has `lost`,
 * customers turned away or given up per replication). Long, so a plotting tool can take it
 * as it is: filter on scope and metric, x = the axis.
 */
import type { MetricSummaries } from '../metrics/summarise.js';
import { csvField } from './csv.js';
import { pointMetrics, type SweepResult } from './sweep.js';

export function sweepCsv(sweep: SweepResult): string {
  const header = [...sweep.axes.map((a) => a.path), 'scope', 'metric', 'mean', 'ci95Lo', 'ci95Hi', 'sd', 'n'];
  const number = (v: number | null | undefined) => (v === null || v === undefined || !Number.isFinite(v) ? '' : String(v));
  const rows: string[] = [];
  for (const point of sweep.points) {
    const add = (scope: string, metrics: MetricSummaries) => {
      for (const [name, m] of Object.entries(metrics)) {
        rows.push([...point.values.map(String), scope, name, number(m.mean), number(m.ci95?.[0]), number(m.ci95?.[1]), number(m.sd), String(m.n ?? sweep.replications)].map(csvField).join(','));
      }
    };
    add('system', pointMetrics(point));
    for (const [id, metrics] of Object.entries(point.summary.stations)) add(`station:${id}`, metrics);
    for (const [id, metrics] of Object.entries(point.summary.segments)) add(`segment:${id}`, metrics);
  }
  return [header.map(csvField).join(','), ...rows].join('\n') + '\n';
}
