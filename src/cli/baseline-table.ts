/**
 * The analytic baseline in the terminal: per station and period, the stationary formula's
 * figure beside the simulated one (mean ±half-width), and which stations are left out, why.
 */
import { baselineBeside, baselineMetrics, formulaLabel, periodLabel } from '../baseline/compare.js';
import type { BaselineRow } from '../baseline/baseline.js';
import { boundsOf, kindOf } from '../metrics/catalogue.js';
import { FewerMarks, fewerNote, formatEstimate, formatLike } from '../metrics/format.js';
import type { RunSummary } from '../metrics/summarise.js';
import { renderTable } from './format.js';

export function renderBaseline(rows: readonly BaselineRow[], summary: RunSummary): string {
  const { rows: shown, leftOut } = baselineBeside(rows, summary);
  const lines = ['Analytic baseline: stationary queueing formulas period by period, an approximation beside the simulation (formula | simulated; ≈: the assumptions hold only roughly)'];
  if (shown.length > 0) {
    const header = ['Station', 'period', 'formula', 'servers', 'load', ...baselineMetrics];
    const marks = new FewerMarks(summary.replications);
    const body = shown.map(({ row, simulated }) => [
      row.station,
      periodLabel(row, summary),
      formulaLabel(row),
      String(row.servers),
      row.offeredLoad.toFixed(2),
      ...baselineMetrics.map((name) => {
        const formula = formatLike(row.metrics[name], kindOf(name), simulated[name]);
        const { mean, half } = formatEstimate(simulated[name], kindOf(name), boundsOf(name));
        return `${formula} | ${mean}${half}${marks.of(simulated[name])}`;
      }),
    ]);
    lines.push(renderTable([header, ...body], ['left', 'left', 'left', 'right', 'right', ...baselineMetrics.map(() => 'right' as const)], { labels: 2 })); // station and period label a row
    if (marks.any) lines.push(fewerNote);
  }
  for (const { station, periods, reason } of leftOut) {
    const all = periods.length === Math.max(1, Object.keys(summary.periods ?? {}).length);
    lines.push(`  no formula for ${station}${all ? '' : ` (${periods.join(', ')})`}: ${reason}`);
  }
  return lines.join('\n');
}
