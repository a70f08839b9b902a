/**
 * Perceived against actual wait, per segment and for all customers: how long the wait felt
 * (perceivedWaitMean) next to how long it was (waitMean), with 95% CIs.
 */
import type { MetricSummaries, RunSummary } from '../../metrics/summarise.js';
import { barsWithIntervals } from './bars.js';
import { chart, timeUnit, type Chart } from './chart.js';
import { allCustomers, estimate, hasAny, hasInterval, intervalWords } from './estimates.js';

const measures = [
  { metric: 'waitMean', label: 'actual wait' },
  { metric: 'perceivedWaitMean', label: 'perceived wait' },
] as const;

export function perceivedWaitChart(summary: RunSummary): Chart | undefined {
  const groups: [string, MetricSummaries][] = [[allCustomers, summary.metrics], ...Object.entries(summary.segments)];
  if (!groups.some(([, metrics]) => hasAny(metrics, ['perceivedWaitMean']))) return undefined;
  const rows = groups.flatMap(([segment, metrics]) =>
    measures.flatMap(({ metric, label }) => {
      const value = estimate(metrics[metric], 'time');
      return value ? [{ segment, measure: label, ...value }] : [];
    }),
  );
  const units = timeUnit(summary);
  const order = measures.map((m) => m.label);
  return chart(
    'perceived-wait',
    'Perceived against actual wait',
    `For each segment, the mean wait as the clock measured it next to the mean wait as customers felt it (${units}); ${intervalWords(summary.replications, 'black lines are 95% confidence intervals')}. A taller perceived bar means the wait felt longer than it was.`,
    {
      data: { values: rows },
      width: { step: 32 },
      height: 220,
      layer: barsWithIntervals({
        intervals: rows.some(hasInterval),
        category: { field: 'segment', title: 'segment', sort: groups.map(([segment]) => segment) },
        group: { field: 'measure', title: 'wait', sort: order },
        color: { field: 'measure', title: 'wait', sort: order, range: ['#9ecae9', '#f58518'] },
        valueTitle: `mean wait (${units})`,
      }),
    },
  );
}
