/**
 * From metric summaries to chart rows: a value with the ends of its 95% CI, and the periods
 * of a run in time order. Shared by the chart modules so each reads only its own choices.
 */
import { kindBounds, type MetricKind } from '../../metrics/catalogue.js';
import { shownInterval } from '../../metrics/format.js';
import type { MetricSummaries, MetricSummary, PeriodSummary, RunSummary } from '../../metrics/summarise.js';

export interface Estimate {
  value: number;
  /** CI ends; equal to the value when the interval is unknown (one replication). */
  lo: number;
  hi: number;
}

/**
 * The estimate of a metric, or undefined when it is absent or undefined in every replication.
 * With the metric's kind, its CI is cut at the values the kind can take (metrics/format.ts,
 * shownInterval), as the tables show it: no wait bar's interval reaches below 0.
 */
export function estimate(summary: MetricSummary | undefined, kind?: MetricKind): Estimate | undefined {
  if (summary === undefined || summary.mean === null || !Number.isFinite(summary.mean)) return undefined;
  const [lo, hi] = summary.ci95 === null ? [summary.mean, summary.mean] : kind === undefined ? summary.ci95 : shownInterval(summary.ci95, kindBounds(kind));
  return { value: summary.mean, lo, hi };
}

/** True when any of `names` has a defined value in `metrics`. */
export function hasAny(metrics: MetricSummaries | undefined, names: readonly string[]): boolean {
  return metrics !== undefined && names.some((name) => estimate(metrics[name]) !== undefined);
}

export interface NamedPeriod extends PeriodSummary {
  name: string;
}

/** The run's periods sorted by start time; empty when the results have none. */
export function periodsOf(summary: RunSummary): NamedPeriod[] {
  return Object.entries(summary.periods ?? {})
    .map(([name, period]) => ({ name, ...period }))
    .sort((a, b) => a.start - b.start);
}

/** Label for the results of the whole day, used where a chart falls back from periods. */
export const wholeDay = 'whole day';

/** Label for the system-wide results next to segments. */
export const allCustomers = 'all customers';
