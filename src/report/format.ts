/** Numbers in the report: shares as percentages, everything else as the terminal shows it. */
import type { MetricSummary } from '../metrics/summarise.js';
import { formatNumber, formatPercent } from '../cli/format.js';

/** Metrics that are fractions of a whole: utilisation, abandonmentRate, the *Share metrics, repurchaseRate. */
export function isShare(name: string): boolean {
  return name === 'utilisation' || /(Share|Rate)$/.test(name);
}

export function formatValue(name: string, value: number | null | undefined): string {
  return isShare(name) ? formatPercent(value) : formatNumber(value);
}

export function formatMean(name: string, summary: MetricSummary | undefined): string {
  return formatValue(name, summary?.mean);
}

/** "lo – hi", or "—" when there is no interval. */
export function formatInterval(name: string, summary: MetricSummary | undefined): string {
  if (!summary?.ci95) return '—';
  return `${formatValue(name, summary.ci95[0])} – ${formatValue(name, summary.ci95[1])}`;
}
