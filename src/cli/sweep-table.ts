/** The sweep in the terminal: one row per grid point, the main metrics as mean ±half-width. */
import { kindOf, type MetricKind } from '../metrics/catalogue.js';
import { formatEstimate, sharedWarmUpText } from '../metrics/format.js';
import { pointMetrics, type SweepResult } from '../run/sweep.js';
import { displayWidth, pluralUnit, renderTable, terminalColumns } from './format.js';

const columns = ['utilisation', 'waitMean', 'waitP90', 'abandonmentRate', 'lost', 'perceivedWaitMean', 'satisfactionMean', 'profit'];
const kind = (name: string): MetricKind => (name === 'lost' ? 'count' : kindOf(name));

/**
 * The axes' key paths by their shortest ends that still tell them apart ("lunch" and
 * "afternoon" for stations.counter.servers.lunch and ...afternoon), for a terminal too
 * narrow for the whole paths beside the metrics; the title names them whole.
 */
export function shortAxisNames(paths: readonly string[]): string[] {
  const parts = paths.map((path) => path.split('.'));
  for (let k = 1; k < Math.max(...parts.map((p) => p.length)); k++) {
    const ends = parts.map((p) => p.slice(-k).join('.'));
    if (new Set(ends).size === ends.length) return ends;
  }
  return [...paths];
}

export function renderSweep(sweep: SweepResult, title: string, maxWidth = terminalColumns()): string {
  const shown = columns.filter((name) => sweep.points.some((p) => pointMetrics(p)[name] !== undefined));
  const paths = sweep.axes.map((a) => a.path);
  // Whole key paths while the axes and one metric fit the terminal beside each other.
  const wide = 2 + paths.reduce((sum, path) => sum + displayWidth(path) + 2, 0) + Math.max(...shown.map((name) => name.length), 12);
  const header = [...(wide > maxWidth ? shortAxisNames(paths) : paths), ...shown];
  const body = sweep.points.map((point) => [
    ...point.values.map(String),
    ...shown.map((name) => {
      const { mean, half } = formatEstimate(pointMetrics(point)[name], kind(name));
      return mean + half;
    }),
  ]);
  return [
    title,
    `${sweep.points.length} point${sweep.points.length === 1 ? '' : 's'} · ${sweep.replications} replication${sweep.replications === 1 ? '' : 's'} each · seed ${sweep.seed}${sharedWarmUpText(sweep.points.map((p) => p.summary))} · common random numbers · times in ${pluralUnit(sweep.unit)} · lost = balked + reneged + blocked + denied per run`,
    '',
    renderTable([header, ...body], header.map((_, i) => (i < sweep.axes.length ? 'left' : 'right')), { maxWidth, labels: sweep.axes.length }), // the point's values label a row
  ].join('\n');
}
