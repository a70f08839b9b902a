/**
 * From metric summaries to chart rows: a value with the ends of its 95% CI, and the periods
 * of a run in time order. Shared by the chart modules so each reads only its own choices.
 */
import { kindBounds, type MetricKind } from '../../metrics/catalogue.js';
import { oneReplicationText, shownInterval } from '../../metrics/format.js';
import type { MetricSummaries, MetricSummary, PeriodSummary, RunSummary } from '../../metrics/summarise.js';

export interface Estimate {
  value: number;
  /** CI ends; null where there is none (the metric defined in fewer than two replications): no rule is drawn. */
  lo: number | null;
  hi: number | null;
}

/**
 * The CI of a row as one line of text for tooltips and the chart's accessible description,
 * a `calculate` transform giving field `ci`: "lo – hi" in d3 format `format`, or that there is
 * none (one replication would otherwise read as an interval of no width).
 */
export function ciText(format: string): { calculate: string; as: 'ci' } {
  const f = JSON.stringify(format);
  return { calculate: `isValid(datum.lo) ? format(datum.lo, ${f}) + ' – ' + format(datum.hi, ${f}) : 'none (fewer than two replications)'`, as: 'ci' };
}

/** Keeps the rows that have a CI: the layer that draws intervals. */
export const withInterval = { filter: 'isValid(datum.lo)' } as const;

/**
 * A caption's words on its intervals: `words` with two or more replications; with one, that
 * there are none (the charts draw none then).
 */
export function intervalWords(replications: number, words: string): string {
  return replications >= 2 ? words : `one replication, so ${oneReplicationText}`;
}

/** Whether a row has a CI. */
export const hasInterval = (row: { lo: number | null }): boolean => row.lo !== null;

/** The tooltip entry of `ciText`'s field. */
export const ciTooltip = { field: 'ci', title: '95% CI' } as const;

/**
 * The estimate of a metric, or undefined when it is absent or undefined in every replication.
 * With the metric's kind, its CI is cut at the values the kind can take (metrics/format.ts,
 * shownInterval), as the tables show it: no wait bar's interval reaches below 0.
 */
export function estimate(summary: MetricSummary | undefined, kind?: MetricKind): Estimate | undefined {
  if (summary === undefined || summary.mean === null || !Number.isFinite(summary.mean)) return undefined;
  const [lo, hi] = summary.ci95 === null ? [null, null] : kind === undefined ? summary.ci95 : shownInterval(summary.ci95, kindBounds(kind));
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
