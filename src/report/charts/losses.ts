/**
 * Where customers were lost: balked, reneged, blocked and denied, stacked, period by period
 * (segment by segment over the whole day when the run has no periods). None when nobody was
 * lost in any replication: a chart of empty bars only looks broken, and the key figures and
 * the metric tables already say 0.
 */
import type { MetricSummaries, RunSummary } from '../../metrics/summarise.js';
import { labelAngle } from './bars.js';
import { chart, type Chart } from './chart.js';
import { ciText, ciTooltip, estimate, periodsOf, wholeDay } from './estimates.js';

const reasons = [
  { metric: 'balked', label: 'balked (line too long to join)', color: '#eeca3b' },
  { metric: 'reneged', label: 'reneged (gave up waiting)', color: '#f58518' },
  { metric: 'blocked', label: 'blocked (no room to wait)', color: '#e45756' },
  { metric: 'denied', label: 'denied (no reservation)', color: '#b279a2' },
] as const;

export function lossesChart(summary: RunSummary): Chart | undefined {
  const periods = periodsOf(summary);
  const byPeriod = periods.length > 0;
  const groups: { group: string; metrics: MetricSummaries }[] = byPeriod
    ? periods.map((p) => ({ group: p.name, metrics: p.metrics }))
    : Object.entries(summary.segments).map(([group, metrics]) => ({ group, metrics }));
  const present = reasons.filter((r) => groups.some((g) => estimate(g.metrics[r.metric]) !== undefined));
  if (present.length === 0) return undefined;
  // A reason that never happened (denied without reservations) only clutters the legend.
  const shown = present.filter((r) => groups.some((g) => (estimate(g.metrics[r.metric])?.value ?? 0) > 0));
  if (shown.length === 0) return undefined;
  const rows = groups.flatMap(({ group, metrics }) =>
    shown.flatMap((reason, reasonOrder) => {
      const value = estimate(metrics[reason.metric], 'count');
      return value ? [{ group, reason: reason.label, reasonOrder, customers: value.value, lo: value.lo, hi: value.hi }] : [];
    }),
  );
  const groupTitle = byPeriod ? 'period (of arrival)' : `segment (${wholeDay})`;
  return chart(
    'losses',
    byPeriod ? 'Customers lost, by period and reason' : 'Customers lost, by segment and reason (whole day)',
    `Each bar stacks the mean number of customers lost in a run for each reason${byPeriod ? ', by the period they arrived in' : ''}; its height is all the business turned away.`,
    {
      data: { values: rows },
      transform: [ciText(',.3~g')],
      width: { step: 56 },
      height: 240,
      mark: { type: 'bar' },
      encoding: {
        x: { field: 'group', type: 'nominal', title: groupTitle, sort: groups.map((g) => g.group), axis: { labelAngle: labelAngle(groups.map((g) => g.group)) } },
        y: { field: 'customers', type: 'quantitative', title: summary.replications >= 2 ? 'customers lost (mean over replications)' : 'customers lost (the one replication)', stack: 'zero' },
        color: {
          field: 'reason',
          type: 'nominal',
          title: 'reason',
          sort: shown.map((r) => r.label),
          scale: { domain: shown.map((r) => r.label), range: shown.map((r) => r.color) },
        },
        order: { field: 'reasonOrder' },
        tooltip: [
          { field: 'group', title: byPeriod ? 'period' : 'segment' },
          { field: 'reason', title: 'reason' },
          { field: 'customers', title: 'mean', format: ',.3~g' },
          ciTooltip,
        ],
      },
    },
  );
}
