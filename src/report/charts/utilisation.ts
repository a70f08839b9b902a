/**
 * Utilisation of each station, period by period along the day (the whole day when the run has
 * no periods). Periods run along x in time order, so a day of 48 half-hours reads as a profile;
 * the stations, usually few, are the colours beside each other.
 */
import type { RunSummary } from '../../metrics/summarise.js';
import { barsWithIntervals } from './bars.js';
import { chart, type Chart } from './chart.js';
import { estimate, hasInterval, intervalWords, periodsOf, wholeDay } from './estimates.js';

export function utilisationChart(summary: RunSummary): Chart | undefined {
  const periods = periodsOf(summary);
  const sources = periods.length > 0 ? periods.map((p) => ({ name: p.name, stations: p.stations })) : [{ name: wholeDay, stations: summary.stations }];
  const rows = sources.flatMap((source) =>
    Object.entries(source.stations).flatMap(([station, metrics]) => {
      const value = estimate(metrics.utilisation, 'share');
      return value ? [{ station, period: source.name, ...value }] : [];
    }),
  );
  if (rows.length === 0) return undefined;
  const byPeriod = periods.length > 0;
  const stations = { field: 'station', title: 'station', sort: Object.keys(summary.stations) };
  const several = Object.keys(summary.stations).length > 1;
  // One step per bar: 28 px for a few, narrower for a long day (48 half-hours), about 960 px in all.
  const step = byPeriod ? Math.max(6, Math.min(several ? 28 : 40, Math.floor(960 / rows.length))) : 80;
  const band = step * (byPeriod && several ? Object.keys(summary.stations).length : 1);
  const layout = byPeriod
    ? { category: { field: 'period', title: 'period', sort: sources.map((s) => s.name), band }, ...(several ? { group: stations } : {}) }
    : { category: { ...stations, band } };
  const intervals = intervalWords(summary.replications, 'the black line is its 95% confidence interval');
  return chart(
    'utilisation',
    byPeriod ? (several ? 'Utilisation by period and station' : `Utilisation of ${Object.keys(summary.stations)[0]} by period`) : 'Utilisation by station (whole day)',
    byPeriod
      ? `Each bar is the share of available server-time (servers on duty, and any finishing a customer past their shift) spent serving in that period; ${intervals}. Near 100% means the waiting line is growing; in a period with no servers on duty, only those finishing past their shift count.`
      : `Each bar is the share of available server-time (servers on duty, and any finishing a customer past their shift) spent serving over the day; ${intervals}. Near 100% means the waiting line is growing.`,
    {
      data: { values: rows },
      width: { step },
      height: 240,
      layer: barsWithIntervals({
        intervals: rows.some(hasInterval),
        ...layout,
        valueTitle: 'utilisation (share of server-time busy)',
        valueFormat: '.0%',
        valueDomain: [0, Math.max(1, ...rows.map((row) => row.hi ?? row.value))],
      }),
    },
  );
}
