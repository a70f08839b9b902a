/**
 * Every metric queuesim reports: its name (fixed by shared/scenario-format.md for the core
 * ones), where it applies, and what it means. The README's metric table is this list.
 */
export type Scope = 'system' | 'station' | 'segment';

export interface MetricInfo {
  name: string;
  scopes: readonly Scope[];
  description: string;
}

const all: readonly Scope[] = ['system', 'station', 'segment'];

export const metricCatalogue = [
  { name: 'arrivals', scopes: all, description: 'customers who arrived (at a station: who reached it)' },
  { name: 'served', scopes: all, description: 'customers who completed their whole route (at a station: completed service there)' },
  { name: 'balked', scopes: all, description: 'did not join a line because of balkAt' },
  { name: 'reneged', scopes: all, description: 'left a line after their patience ran out' },
  { name: 'blocked', scopes: all, description: 'turned away because the waiting places were full (queueCapacity)' },
  { name: 'denied', scopes: ['system', 'segment'], description: 'refused by a reservation system (0 until reservations exist)' },
  { name: 'inSystemAtEnd', scopes: all, description: 'still inside when the run stopped (only with drain: false)' },
  { name: 'waitMean', scopes: all, description: 'mean time waiting in lines, over customers who were served (at a station: in its line)' },
  { name: 'waitP50', scopes: all, description: 'median of that wait' },
  { name: 'waitP90', scopes: all, description: '90th percentile of that wait' },
  { name: 'waitP95', scopes: all, description: '95th percentile of that wait' },
  { name: 'timeInSystemMean', scopes: all, description: 'mean arrival-to-departure time of customers who were served (at a station: line plus service)' },
  { name: 'queueLengthMean', scopes: ['system', 'station'], description: 'time-average number waiting over the measured time' },
  { name: 'utilisation', scopes: ['system', 'station'], description: 'busy server-time / available server-time over the measured time' },
  { name: 'overtime', scopes: ['system', 'station'], description: 'server-time spent serving beyond the schedule: finishing a customer after a shift ends, or after closing' },
  { name: 'abandonmentRate', scopes: all, description: '(balked + reneged + blocked) / arrivals' },
] as const satisfies readonly MetricInfo[];

export type MetricName = (typeof metricCatalogue)[number]['name'];

export const metricNames: readonly MetricName[] = metricCatalogue.map((m) => m.name);

export function metricsFor(scope: Scope): MetricName[] {
  return metricCatalogue.filter((m) => (m.scopes as readonly Scope[]).includes(scope)).map((m) => m.name);
}

/** One replication's value of each metric; NaN where a metric is undefined (nobody served). */
export type MetricValues = Partial<Record<MetricName, number>>;
