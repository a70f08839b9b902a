/** The sweep in the terminal: one row per grid point, the main metrics as mean ±half-width. */
import { kindOf, type MetricKind } from '../metrics/catalogue.js';
import { formatEstimate } from '../metrics/format.js';
import { pointMetrics, type SweepResult } from '../run/sweep.js';
import { pluralUnit, renderTable } from './format.js';

const columns = ['utilisation', 'waitMean', 'waitP90', 'abandonmentRate', 'lost', 'perceivedWaitMean', 'satisfactionMean', 'profit'];
const kind = (name: string): MetricKind => (name === 'lost' ? 'count' : kindOf(name));

export function renderSweep(sweep: SweepResult, title: string): string {
  const shown = columns.filter((name) => sweep.points.some((p) => pointMetrics(p)[name] !== undefined));
  const header = [...sweep.axes.map((a) => a.path), ...shown];
  const body = sweep.points.map((point) => [
    ...point.values.map(String),
    ...shown.map((name) => {
      const { mean, half } = formatEstimate(pointMetrics(point)[name], kind(name));
      return mean + half;
    }),
  ]);
  return [
    title,
    `${sweep.points.length} point${sweep.points.length === 1 ? '' : 's'} · ${sweep.replications} replication${sweep.replications === 1 ? '' : 's'} each · seed ${sweep.seed} · common random numbers · times in ${pluralUnit(sweep.unit)} · lost = balked + reneged + blocked + denied per run`,
    '',
    renderTable([header, ...body], header.map((_, i) => (i < sweep.axes.length ? 'left' : 'right')), '  ', undefined, sweep.axes.length), // the point's values label a row
  ].join('\n');
}
