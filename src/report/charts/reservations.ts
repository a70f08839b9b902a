/**
 * Reservation outcomes: bookings made and what became of them (cancelled, no-show, showed
 * up), and requests denied, each the mean per run with its 95% CI.
 */
import type { RunSummary } from '../../metrics/summarise.js';
import { barsWithIntervals } from './bars.js';
import { chart, type Chart } from './chart.js';
import { estimate, hasAny } from './estimates.js';

const outcomes = [
  { metric: 'bookings', label: 'bookings' },
  { metric: 'cancellations', label: 'cancellations' },
  { metric: 'noShows', label: 'no-shows' },
  { metric: 'shows', label: 'shows' },
  { metric: 'denied', label: 'denied' },
] as const;

/** Metrics that exist only with reservations: `denied` alone is a core metric, always 0 without them. */
const reservationOnly = ['bookings', 'cancellations', 'noShows', 'shows'];

export function reservationsChart(summary: RunSummary): Chart | undefined {
  if (!hasAny(summary.metrics, reservationOnly)) return undefined;
  const rows = outcomes.flatMap(({ metric, label }) => {
    const value = estimate(summary.metrics[metric]);
    return value ? [{ outcome: label, ...value }] : [];
  });
  return chart(
    'reservations',
    'Reservation outcomes',
    'Bookings made in a run and what became of them — cancelled, not shown up, shown up — and the requests turned down (denied); means over replications with 95% confidence intervals.',
    {
      data: { values: rows },
      width: { step: 84 },
      height: 220,
      layer: barsWithIntervals({
        category: { field: 'outcome', title: 'outcome', axisTitle: null, sort: rows.map((r) => r.outcome) },
        valueTitle: 'reservations (mean per run)',
      }),
    },
  );
}
