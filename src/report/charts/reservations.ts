/**
 * Reservation outcomes: bookings made and what became of them (cancelled, no-show, showed
 * up, turned away at the door), and the walk-ins turned away to hold units for bookings, each
 * the mean per run with its 95% CI. The booked customers turned away are the booking
 * segment's `denied`; the system's `denied` also counts the walk-ins, which have their own bar.
 */
import type { RunSummary } from '../../metrics/summarise.js';
import { barsWithIntervals } from './bars.js';
import { chart, type Chart } from './chart.js';
import { estimate, hasAny, hasInterval, intervalWords, type Estimate } from './estimates.js';

const outcomes = [
  { metric: 'bookings', label: 'bookings' },
  { metric: 'cancellations', label: 'cancellations' },
  { metric: 'noShows', label: 'no-shows' },
  { metric: 'shows', label: 'shows' },
] as const;

/** Metrics that exist only with reservations: `denied` alone is a core metric, always 0 without them. */
const reservationOnly = ['bookings', 'cancellations', 'noShows', 'shows'];

export function reservationsChart(summary: RunSummary): Chart | undefined {
  if (!hasAny(summary.metrics, reservationOnly)) return undefined;
  const rows: ({ outcome: string } & Estimate)[] = outcomes.flatMap(({ metric, label }) => {
    const value = estimate(summary.metrics[metric], 'count');
    return value ? [{ outcome: label, ...value }] : [];
  });
  // The booking segment is the one with bookings.
  const booked = Object.values(summary.segments).find((segment) => (segment.bookings?.mean ?? 0) > 0);
  const turnedAway = estimate(booked?.denied, 'count');
  if (turnedAway) rows.push({ outcome: 'booked, turned away', ...turnedAway });
  const walkIns = estimate(summary.metrics.walkInsTurnedAway, 'count');
  if (walkIns && !(walkIns.value === 0 && (walkIns.hi ?? 0) === 0)) rows.push({ outcome: 'walk-ins turned away', ...walkIns });
  return chart(
    'reservations',
    'Reservation outcomes',
    `Bookings made in a run and what became of them — cancelled, not shown up, shown up, turned away at the door — and the walk-ins turned away to hold tables for bookings; ${intervalWords(summary.replications, 'means over replications with 95% confidence intervals')}.`,
    {
      data: { values: rows },
      width: { step: 84 },
      height: 220,
      layer: barsWithIntervals({
        intervals: rows.some(hasInterval),
        category: { field: 'outcome', title: 'outcome', axisTitle: null, sort: rows.map((r) => r.outcome) },
        valueTitle: 'reservations (mean per run)',
      }),
    },
  );
}
