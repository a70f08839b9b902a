/**
 * The baseline beside the simulation: for each row of the analytic baseline, the simulated
 * value of the same metric at the same station and period, and the stations left out with
 * the reason (for the terminal, the report and `staff` alike).
 */
import { periodWithWarmUp } from '../metrics/format.js';
import type { MetricSummary, RunSummary } from '../metrics/summarise.js';
import type { BaselineRow } from './baseline.js';

/** The metrics set side by side, in this order. */
export const baselineMetrics = ['utilisation', 'queueLengthMean', 'waitMean', 'waitP90', 'abandonmentRate'] as const;

export interface BaselineComparison {
  rows: { row: BaselineRow; simulated: Record<string, MetricSummary | undefined> }[];
  /** Station, the periods it is left out in, and why. */
  leftOut: { station: string; periods: string[]; reason: string }[];
}

export function baselineBeside(rows: readonly BaselineRow[], summary: RunSummary): BaselineComparison {
  const shown = rows.filter((r) => r.model !== undefined);
  const leftOut: BaselineComparison['leftOut'] = [];
  for (const r of rows.filter((r) => r.model === undefined)) {
    const known = leftOut.find((l) => l.station === r.station && l.reason === r.unsupported);
    if (known) known.periods.push(r.period);
    else leftOut.push({ station: r.station, periods: [r.period], reason: r.unsupported ?? '' });
  }
  return {
    rows: shown.map((row) => {
      const metrics = summary.periods?.[row.period]?.stations[row.station] ?? (row.period === 'all' ? summary.stations[row.station] : undefined);
      return { row, simulated: Object.fromEntries(baselineMetrics.map((name) => [name, metrics?.[name]])) };
    }),
    leftOut,
  };
}

/**
 * The row's period with what of it the run's warm-up left out, in the words of run's period
 * table: "morning (in the warm-up)" (simulated —), "lunch (counted from 200)". A run of one
 * period has no period table: its heading gives the warm-up.
 */
export function periodLabel(row: BaselineRow, summary: RunSummary): string {
  const span = Object.keys(summary.periods ?? {}).length > 1 ? summary.periods?.[row.period] : undefined;
  return span === undefined ? row.period : periodWithWarmUp(row.period, span, summary.warmup);
}

/** "Erlang C", or "≈ Erlang C" when the assumptions hold only roughly. */
export function formulaLabel(row: BaselineRow): string {
  return `${row.exact ? '' : '≈ '}${row.model ?? '—'}`;
}
