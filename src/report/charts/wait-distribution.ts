/**
 * The waiting-time distribution through its quantiles: median, 90th and 95th percentile of
 * the wait, for all customers, at each station and for each segment, with 95% CIs.
 */
import type { MetricSummaries, RunSummary } from '../../metrics/summarise.js';
import { barsWithIntervals } from './bars.js';
import { chart, timeUnit, type Chart } from './chart.js';
import { allCustomers, estimate, hasInterval, intervalWords } from './estimates.js';

const quantiles = [
  { metric: 'waitP50', label: 'median' },
  { metric: 'waitP90', label: '90th percentile' },
  { metric: 'waitP95', label: '95th percentile' },
] as const;

const scopes = ['overall', 'by station', 'by segment'] as const;

export function waitDistributionChart(summary: RunSummary): Chart | undefined {
  const groups: { scope: (typeof scopes)[number]; where: string; metrics: MetricSummaries }[] = [
    { scope: 'overall', where: allCustomers, metrics: summary.metrics },
    ...Object.entries(summary.stations).map(([where, metrics]) => ({ scope: 'by station' as const, where, metrics })),
    ...Object.entries(summary.segments).map(([where, metrics]) => ({ scope: 'by segment' as const, where, metrics })),
  ];
  const rows = groups.flatMap(({ scope, where, metrics }) =>
    quantiles.flatMap(({ metric, label }) => {
      const value = estimate(metrics[metric], 'time');
      return value ? [{ scope, where, quantile: label, ...value }] : [];
    }),
  );
  if (rows.length === 0) return undefined;
  const units = timeUnit(summary);
  const order = quantiles.map((q) => q.label);
  return chart(
    'wait-distribution',
    'How long customers waited: quantiles of the wait',
    `About half the customers waited up to the median, about nine in ten up to the 90th percentile (each is one of the waits measured); ${intervalWords(summary.replications, 'black lines are 95% confidence intervals')}. Times in ${units}, over customers who were served.`,
    {
      data: { values: rows },
      // Side-by-side panels rather than a facet: a faceted layer with independent x scales
      // makes Vega-Lite warn that it cannot tell the bar and rule data apart.
      hconcat: scopes
        .filter((scope) => rows.some((row) => row.scope === scope))
        .map((scope) => ({
          title: { text: scope, anchor: 'middle', fontSize: 13, fontWeight: 'normal' },
          transform: [{ filter: { field: 'scope', equal: scope } }],
          width: { step: 22 },
          height: 220,
          layer: barsWithIntervals({
            intervals: rows.some((row) => row.scope === scope && hasInterval(row)),
            category: { field: 'where', title: 'where', axisTitle: null, sort: groups.filter((g) => g.scope === scope).map((g) => g.where) },
            group: { field: 'quantile', title: 'quantile', sort: order },
            color: { field: 'quantile', title: 'quantile', sort: order, range: ['#9ecae9', '#4c78a8', '#1f3f6e'] },
            valueTitle: `wait (${units})`,
          }),
        })),
      resolve: { scale: { y: 'shared' } },
    },
  );
}
