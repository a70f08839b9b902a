/**
 * The money of a run: what came in, what the staff cost, what was lost, and the profit,
 * each the mean over replications with its 95% CI. Money is in the scenario's abstract
 * currency units (models.md, units).
 */
import type { RunSummary } from '../../metrics/summarise.js';
import { barsWithIntervals } from './bars.js';
import { chart, type Chart } from './chart.js';
import { estimate, hasInterval, intervalWords } from './estimates.js';

/** Every amount that makes the profit, and the revenue lost beside it (not part of the profit). */
export const moneyItems = [
  { metric: 'revenue', label: 'revenue', kind: 'income' },
  { metric: 'sideRevenue', label: 'side revenue (while waiting)', kind: 'income' },
  { metric: 'staffCost', label: 'staff cost', kind: 'cost' },
  { metric: 'overtimeCost', label: 'overtime cost', kind: 'cost' },
  { metric: 'fixedCost', label: 'fixed cost', kind: 'cost' },
  { metric: 'deniedCost', label: 'cost of denied reservations', kind: 'cost' },
  { metric: 'lostRevenue', label: 'revenue lost (customers who left)', kind: 'missed' },
  { metric: 'profit', label: 'profit', kind: 'result' },
] as const;

const kinds = ['income', 'cost', 'missed', 'result'];

export function moneyChart(summary: RunSummary): Chart | undefined {
  const rows = moneyItems.flatMap(({ metric, label, kind }) => {
    const value = estimate(summary.metrics[metric]);
    // An amount that is 0 in every run (no fixed cost, no side revenue) is left out; the profit never is.
    const never = value !== undefined && kind !== 'result' && value.value === 0 && (value.lo ?? 0) === 0 && (value.hi ?? 0) === 0;
    return value && !never ? [{ item: label, kind, ...value }] : [];
  });
  // Without money there is no account: the reservations' cost of denials alone is no chart of money.
  if (!rows.some((row) => row.kind === 'result')) return undefined;
  return chart(
    'money',
    'Money: revenue, costs and profit',
    `Each bar is the mean amount per run in currency units (${intervalWords(summary.replications, 'with its 95% confidence interval in black')}): money in, the costs of serving, the revenue that walked away, and what is left as profit.`,
    {
      data: { values: rows },
      width: 440,
      height: { step: 26 },
      layer: barsWithIntervals({
        intervals: rows.some(hasInterval),
        category: { field: 'item', title: 'item', axisTitle: null, sort: rows.map((r) => r.item) },
        color: { field: 'kind', title: 'kind', sort: kinds, range: ['#54a24b', '#e45756', '#eeca3b', '#4c78a8'] },
        valueTitle: 'amount (currency units, mean per run)',
        valueFormat: ',.4~g',
        horizontal: true,
      }),
    },
  );
}
