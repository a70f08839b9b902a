/** Numbers in the report: written as the terminal writes them (metrics/format.ts). */
import type { MetricSummary } from '../metrics/summarise.js';
import { decimalsFor, formatFixed, formatMetric } from '../metrics/format.js';
import { kindOf } from '../metrics/catalogue.js';

/** Whether a metric is a fraction of a whole (shown as %), from the catalogue's kind. */
export function isShare(name: string): boolean {
  return kindOf(name) === 'share';
}

/** A single value (no CI), in the metric's unit. */
export function formatValue(name: string, value: number | null | undefined): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return '—';
  const scaled = isShare(name) ? value * 100 : value;
  return `${formatFixed(scaled, decimalsFor(null, scaled))}${isShare(name) ? '%' : ''}`;
}

export function formatMean(name: string, summary: MetricSummary | undefined): string {
  return formatMetric(name, summary).mean;
}

/** "lo – hi", or "—" when there is no interval. */
export function formatInterval(name: string, summary: MetricSummary | undefined): string {
  return formatMetric(name, summary).interval;
}
