/**
 * Satisfaction zones per segment: the shares of customers whose perceived wait was within
 * their desired level, inside the zone of tolerance, or below the adequate level
 * (models.md §2.1–2.2 [S2]), as 100% stacked bars. withinToleranceShare includes the
 * desired zone, so the middle band is withinToleranceShare − withinDesiredShare; with
 * belowAdequateShare the three bands partition the customers (lost customers are below
 * adequate). The bars are normalised so rounding never shows as a gap. The middle band has
 * no CI: it is the difference of two shares measured on the same customers, whose interval
 * the summary cannot give (only each share's own).
 */
import type { MetricSummaries, RunSummary } from '../../metrics/summarise.js';
import { chart, type Chart } from './chart.js';
import { allCustomers, estimate, hasAny } from './estimates.js';

const zones = [
  { metric: 'withinDesiredShare', label: 'within desired', color: '#54a24b' },
  { metric: 'withinToleranceShare', label: 'inside the zone of tolerance', color: '#eeca3b' },
  { metric: 'belowAdequateShare', label: 'below adequate', color: '#e45756' },
] as const;

export function satisfactionZonesChart(summary: RunSummary): Chart | undefined {
  const names = zones.map((z) => z.metric);
  const candidates: [string, MetricSummaries][] = [[allCustomers, summary.metrics], ...Object.entries(summary.segments)];
  const groups = candidates.filter(([, metrics]) => hasAny(metrics, names));
  if (groups.length === 0) return undefined;
  const rows = groups.flatMap(([segment, metrics]) =>
    zones.flatMap((zone, zoneOrder) => {
      const value = estimate(metrics[zone.metric], 'share');
      if (!value) return [];
      const row = { segment, zone: zone.label, zoneOrder };
      if (zone.metric === 'withinToleranceShare') {
        // The middle band: tolerance without the desired part.
        const desired = estimate(metrics.withinDesiredShare)?.value ?? 0;
        return [{ ...row, share: Math.max(0, value.value - desired), ci: 'no interval of its own (a difference of two shares)' }];
      }
      const ci = value.lo === null || value.hi === null ? 'none (fewer than two replications)' : `${percent(value.lo)} – ${percent(value.hi)}`;
      return [{ ...row, share: value.value, ci }];
    }),
  );
  return chart(
    'satisfaction-zones',
    'Satisfaction zones by segment',
    'Each bar splits a segment’s customers by how their perceived wait compared with what they expected: green within their desired wait, yellow inside the zone of tolerance, red below what they find adequate.',
    {
      data: { values: rows },
      width: 480,
      height: { step: 28 },
      mark: { type: 'bar' },
      encoding: {
        y: { field: 'segment', type: 'nominal', title: 'segment', sort: groups.map(([segment]) => segment) },
        x: { field: 'share', type: 'quantitative', title: 'share of customers', stack: 'normalize', axis: { format: '.0%' } },
        color: {
          field: 'zone',
          type: 'nominal',
          title: 'perceived wait',
          sort: zones.map((z) => z.label),
          scale: { domain: zones.map((z) => z.label), range: zones.map((z) => z.color) },
        },
        order: { field: 'zoneOrder' },
        tooltip: [
          { field: 'segment', title: 'segment' },
          { field: 'zone', title: 'zone' },
          { field: 'share', title: 'mean share', format: '.1%' },
          { field: 'ci', title: '95% CI' },
        ],
      },
    },
  );
}

const percent = (share: number) => `${(100 * share).toFixed(1)}%`;
