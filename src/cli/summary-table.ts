/**
 * The run summary as terminal tables: system metrics with CIs, then stations, segments and
 * periods. Every estimate is printed in one format: the mean and its 95% CI with the same
 * number of decimals, set by the CI's half-width (two significant digits of it); shares as
 * percentages. Which metrics exist, and how each is formatted, comes from the catalogue.
 */
import { boundsOf, metricCatalogue, periodHeadlines } from '../metrics/catalogue.js';
import { FewerMarks, fewerNote, formatEstimate, formatMetric, oneReplicationText, periodWarmUpText, warmUpText } from '../metrics/format.js';
import type { MetricSummaries, RunSummary } from '../metrics/summarise.js';
import { pluralUnit, renderTable } from './format.js';

/** "mean ±half-width" in one cell, for the compact tables, with (k) where it is over fewer replications. */
function cell(name: string, metrics: MetricSummaries, marks: FewerMarks): string {
  const { mean, half } = formatMetric(name, metrics[name]);
  return mean + half + marks.of(metrics[name]);
}

const stationColumns = ['utilisation', 'queueLengthMean', 'waitMean', 'waitP90', 'served', 'overtime', 'perceivedWaitMean', 'satisfactionMean', 'staffCost'];
const segmentColumns = ['arrivals', 'served', 'waitMean', 'waitP90', 'abandonmentRate', 'perceivedWaitMean', 'satisfactionMean', 'denied', 'pricedDemand', 'revenue'];

/** The columns of `wanted` that some row has. */
function present(wanted: readonly string[], rows: readonly MetricSummaries[]): string[] {
  return wanted.filter((name) => rows.some((metrics) => metrics[name] !== undefined));
}

function compactTable(title: string, rows: Record<string, MetricSummaries>, wanted: readonly string[], marks: FewerMarks): string {
  const columns = present(wanted, Object.values(rows));
  return renderTable(
    [[title, ...columns], ...Object.entries(rows).map(([id, metrics]) => [id, ...columns.map((name) => cell(name, metrics, marks))])],
    ['left', ...columns.map(() => 'right' as const)],
  );
}

export function renderSummary(summary: RunSummary): string {
  const unit = pluralUnit(summary.unit);
  const heading = [
    summary.scenario,
    `${summary.replications} replication${summary.replications === 1 ? '' : 's'} · seed ${summary.seed} · horizon ${summary.horizon} ${pluralUnit(summary.unit, summary.horizon)}${warmUpText(summary)} · times in ${unit} · ${summary.replications >= 2 ? '95% confidence intervals (± is the half-width)' : oneReplicationText}`,
  ].join('\n');

  const marks = new FewerMarks(summary.replications);
  const intervals = summary.replications >= 2;
  const systemRows = metricCatalogue()
    .filter((m) => m.scopes.includes('system') && summary.metrics[m.name] !== undefined)
    .map((m) => {
      const { mean, interval } = formatEstimate(summary.metrics[m.name], m.kind, boundsOf(m.name));
      return intervals ? [m.name, mean, interval + marks.of(summary.metrics[m.name])] : [m.name, mean];
    });
  const system = renderTable([intervals ? ['System', 'mean', '95% CI'] : ['System', 'value'], ...systemRows], intervals ? ['left', 'right', 'right'] : ['left', 'right']);
  const parts = [heading, '', system, '', compactTable('Station', summary.stations, stationColumns, marks), '', compactTable('Segment', summary.segments, segmentColumns, marks)];

  const periods = Object.entries(summary.periods ?? {});
  if (periods.length > 1) {
    const rows = Object.fromEntries(periods.map(([name, period]) => [`${name} (${period.start}–${period.end}${periodWarmUpText(period, summary.warmup)})`, period.metrics]));
    parts.push('', compactTable('Period', rows, periodHeadlines, marks));
  }
  if (marks.any) parts.push('', fewerNote);
  for (const description of Object.values(summary.levers ?? {})) {
    if (typeof description.note === 'string') parts.push('', description.note);
  }
  return parts.join('\n');
}
