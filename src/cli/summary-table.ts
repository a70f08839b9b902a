/** The run summary as terminal tables: system metrics with CIs, then stations and segments. */
import type { MetricSummary, RunSummary } from '../metrics/summarise.js';
import { formatNumber, formatPercent, renderTable } from './format.js';

const rates = new Set(['utilisation', 'abandonmentRate']);

function formatMean(name: string, summary: MetricSummary | undefined): string {
  if (!summary) return '—';
  return rates.has(name) ? formatPercent(summary.mean) : formatNumber(summary.mean);
}

function formatInterval(name: string, summary: MetricSummary | undefined): string {
  if (!summary?.ci95) return '—';
  const format = rates.has(name) ? formatPercent : formatNumber;
  return `${format(summary.ci95[0])} – ${format(summary.ci95[1])}`;
}

/** "mean ± half-width" in one cell, for the compact station and segment tables. */
function formatCell(name: string, summary: MetricSummary | undefined): string {
  if (!summary) return '—';
  const mean = formatMean(name, summary);
  if (!summary.ci95 || summary.mean === null) return mean;
  const half = (summary.ci95[1] - summary.ci95[0]) / 2;
  return `${mean} ±${rates.has(name) ? formatPercent(half) : formatNumber(half)}`;
}

const systemRows = [
  'arrivals',
  'served',
  'balked',
  'reneged',
  'blocked',
  'inSystemAtEnd',
  'abandonmentRate',
  'waitMean',
  'waitP50',
  'waitP90',
  'waitP95',
  'timeInSystemMean',
  'queueLengthMean',
  'utilisation',
  'overtime',
];
const stationColumns = ['utilisation', 'queueLengthMean', 'waitMean', 'waitP90', 'served', 'overtime'];
const segmentColumns = ['arrivals', 'served', 'waitMean', 'waitP90', 'abandonmentRate'];

export function renderSummary(summary: RunSummary): string {
  const unit = summary.unit;
  const heading = [
    summary.scenario,
    `${summary.replications} replication${summary.replications === 1 ? "" : "s"} · seed ${summary.seed} · horizon ${summary.horizon} ${unit}s · times in ${unit}s · 95% confidence intervals`,
  ].join('\n');

  const system = renderTable(
    [
      ['System', 'mean', '95% CI'],
      ...systemRows.map((name) => [name, formatMean(name, summary.metrics[name]), formatInterval(name, summary.metrics[name])]),
    ],
    ['left', 'right', 'right'],
  );

  const stations = renderTable(
    [
      ['Station', ...stationColumns],
      ...Object.entries(summary.stations).map(([id, metrics]) => [id, ...stationColumns.map((name) => formatCell(name, metrics[name]))]),
    ],
    ['left', ...stationColumns.map(() => 'right' as const)],
  );

  const segments = renderTable(
    [
      ['Segment', ...segmentColumns],
      ...Object.entries(summary.segments).map(([id, metrics]) => [id, ...segmentColumns.map((name) => formatCell(name, metrics[name]))]),
    ],
    ['left', ...segmentColumns.map(() => 'right' as const)],
  );

  return [heading, '', system, '', stations, '', segments].join('\n');
}
