/** Utilisation of each station, period by period (the whole day when the run has no periods). */
import type { RunSummary } from '../../metrics/summarise.js';
import { barsWithIntervals } from './bars.js';
import { chart, type Chart } from './chart.js';
import { estimate, periodsOf, wholeDay } from './estimates.js';

export function utilisationChart(summary: RunSummary): Chart | undefined {
  const periods = periodsOf(summary);
  const sources = periods.length > 0 ? periods.map((p) => ({ name: p.name, stations: p.stations })) : [{ name: wholeDay, stations: summary.stations }];
  const rows = sources.flatMap((source) =>
    Object.entries(source.stations).flatMap(([station, metrics]) => {
      const value = estimate(metrics.utilisation);
      return value ? [{ station, period: source.name, ...value }] : [];
    }),
  );
  if (rows.length === 0) return undefined;
  const byPeriod = periods.length > 0;
  return chart(
    'utilisation',
    byPeriod ? 'Utilisation by station and period' : 'Utilisation by station (whole day)',
    byPeriod
      ? 'Each bar is the share of available server-time (servers on duty, and any finishing a customer past their shift) spent serving in that period; the black line is its 95% confidence interval. Near 100% means the line is growing; in a period with no servers on duty, only those finishing past their shift count.'
      : 'Each bar is the share of available server-time (servers on duty, and any finishing a customer past their shift) spent serving over the day; the black line is its 95% confidence interval. Near 100% means the line is growing.',
    {
      data: { values: rows },
      width: { step: byPeriod ? 28 : 80 },
      height: 240,
      layer: barsWithIntervals({
        category: { field: 'station', title: 'station', sort: Object.keys(summary.stations) },
        ...(byPeriod ? { group: { field: 'period', title: 'period', sort: sources.map((s) => s.name) } } : {}),
        valueTitle: 'utilisation (share of server-time busy)',
        valueFormat: '.0%',
        valueDomain: [0, Math.max(1, ...rows.map((row) => row.hi))],
      }),
    },
  );
}
