/**
 * The comparison in the terminal: each metric side by side (mean ±half-width), then each
 * variant's difference to the first with the 95% CI of the paired difference; a * marks a
 * difference whose CI excludes 0. System-wide metrics first, then the main metrics by
 * station and by period; compare.csv and --json hold every scope.
 */
import { boundsOf, kindOf } from '../metrics/catalogue.js';
import { comparedPeriodWarmUpText, formatDifference, formatEstimate, oneReplicationText, pairsText, sharedWarmUpText } from '../metrics/format.js';
import type { RunSummary } from '../metrics/summarise.js';
import { variantColumns, type ComparedMetric, type Comparison } from '../run/compare.js';
import { pluralUnit, renderTable } from './format.js';

const stationMetrics = ['utilisation', 'waitMean', 'waitP90', 'abandonmentRate', 'served'];
const periodMetrics = ['arrivals', 'abandonmentRate', 'waitMean', 'waitP90', 'utilisation'];

/** The variants' names in the columns: letters, listed under the heading, when names are long (variantColumns). */
function columnNames(comparison: Comparison): { columns: string[]; lettered: boolean } {
  return variantColumns(comparison.variants.map((v) => v.name));
}

function table(title: string, comparison: Comparison, rows: readonly ComparedMetric[], label: (row: ComparedMetric) => string): string {
  const names = columnNames(comparison).columns;
  const intervals = comparison.replications >= 2;
  const header = [title, ...names, ...names.slice(1).map((name) => `${name} − ${names[0]}${intervals ? ' [95% CI]' : ''}`)];
  const body = rows.map((row) => {
    const kind = kindOf(row.metric);
    const values = row.values.map((value) => {
      const { mean, half } = formatEstimate(value ?? undefined, kind, boundsOf(row.metric));
      return mean + half;
    });
    const differences = row.differences.slice(1).map((d) => {
      if (d === null || d.mean === null) return '—';
      const { mean, interval } = formatDifference(d, kind);
      if (!intervals) return mean;
      // Over fewer pairs than replications (the metric undefined in some): not the difference of the means beside it.
      const pairs = fewerPairs(d, comparison) ? ` (${pairsText(d.n!)})` : '';
      return `${mean} ${interval}${pairs}${d.differs ? ' *' : '  '}`;
    });
    return [label(row), ...values, ...differences];
  });
  return renderTable([header, ...body], ['left', ...header.slice(1).map(() => 'right' as const)]);
}

/** A difference shown, over fewer pairs of replications than the run has (some lack the metric). */
const fewerPairs = (d: ComparedMetric['differences'][number], comparison: Comparison) =>
  d !== null && d.mean !== null && d.n !== undefined && d.n < comparison.replications;

/** The comparison as text; `summaries` (each variant's, when given) put a shared warm-up in the heading. */
export function renderComparison(comparison: Comparison, title: string, summaries: readonly RunSummary[] = []): string {
  const { variants, replications, seed, unit } = comparison;
  const { columns, lettered: tagged } = columnNames(comparison);
  const heading = [
    title,
    `${variants.length} variants · ${replications} replication${replications === 1 ? '' : 's'} each · seed ${seed}${sharedWarmUpText(summaries)} · common random numbers · times in ${pluralUnit(unit)}`,
    ...(tagged ? variants.map((v, i) => `  ${columns[i]}  ${v.name}`) : []),
    `Differences are variant − ${tagged ? columns[0] : variants[0]!.name}, ${
      replications >= 2 ? 'with the 95% CI of the paired difference; * marks a CI that excludes 0' : `in the one replication; ${oneReplicationText}`
    }. Shares differ in percentage points (pp).`,
    ...(shown(comparison).some((m) => m.differences.slice(1).some((d) => fewerPairs(d, comparison)))
      ? ['(K pairs): over the K replications where both variants have the metric (a mean wait needs someone served), so not the difference of the two means shown.']
      : []),
  ].join('\n');
  const { system, stations, periods } = tables(comparison);
  const parts = [heading, '', table('System', comparison, system, (m) => m.metric)];
  if (stations.length > 0) parts.push('', table('Station', comparison, stations, (m) => `${m.scope.slice('station:'.length)} ${m.metric}`));
  if (periods.length > 0) {
    // A period inside a variant's warm-up reads 0 and — there: the label says whose, as run's does.
    const label = (m: ComparedMetric) => {
      const period = m.scope.slice('period:'.length);
      const counted = comparedPeriodWarmUpText(period, summaries, columns);
      return `${period}${counted === '' ? '' : ` (${counted})`} ${m.metric}`;
    };
    parts.push('', table('Period', comparison, periods, label));
  }
  return parts.join('\n');
}

/** The rows of the terminal's three tables: every system metric, the main ones by station and by period. */
function tables(comparison: Comparison): { system: ComparedMetric[]; stations: ComparedMetric[]; periods: ComparedMetric[] } {
  const by = (prefix: string, metrics: readonly string[]) => comparison.metrics.filter((m) => m.scope.startsWith(prefix) && metrics.includes(m.metric));
  return { system: comparison.metrics.filter((m) => m.scope === 'system'), stations: by('station:', stationMetrics), periods: by('period:', periodMetrics) };
}

const shown = (comparison: Comparison): ComparedMetric[] => Object.values(tables(comparison)).flat();
