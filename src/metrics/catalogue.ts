/**
 * Every metric queuesim reports: its name (fixed by shared/scenario-format.md for the core
 * ones), where it applies, what kind of number it is (for formatting and charts), and what
 * it means. Levers add their own (levers/lever.ts); the README's metric table is this list.
 */
import type { Lever } from '../levers/lever.js';
import { activeLevers, defaultLevers } from '../levers/registry.js';
import type { Model } from '../model/model.js';

export type Scope = 'system' | 'station' | 'segment';

/**
 * count: customers (or events) per replication; time: a duration in the scenario's unit;
 * share: a fraction 0..1 (shown as %); money: currency units; score: satisfaction 1..5;
 * number: any other quantity (a mean count, a limit).
 */
export type MetricKind = 'count' | 'time' | 'share' | 'money' | 'score' | 'number';

export interface MetricInfo {
  name: string;
  scopes: readonly Scope[];
  kind: MetricKind;
  description: string;
  /** A plain number that can be negative (a net word of mouth); other plain numbers cannot. */
  signed?: boolean;
}

const all: readonly Scope[] = ['system', 'station', 'segment'];

/**
 * The main metrics of each period, in the order the terminal's and the report's period tables
 * show them (each only where some period has it): demand before and after prices, the flow,
 * the waits, the load, satisfaction and money.
 */
export const periodHeadlines: readonly string[] = [
  'baseDemand',
  'pricedDemand',
  'arrivals',
  'served',
  'abandonmentRate',
  'waitMean',
  'waitP90',
  'utilisation',
  'queueLengthMean',
  'satisfactionMean',
  'revenue',
  'profit',
];

export const coreMetrics: readonly MetricInfo[] = [
  { name: 'arrivals', scopes: all, kind: 'count', description: 'customers who arrived (at a station: who reached it)' },
  { name: 'served', scopes: all, kind: 'count', description: 'customers who completed their whole route (at a station: completed service there)' },
  { name: 'balked', scopes: all, kind: 'count', description: 'did not join a line because of balkAt (or another balking rule)' },
  { name: 'reneged', scopes: all, kind: 'count', description: 'left a line after their patience ran out' },
  { name: 'blocked', scopes: all, kind: 'count', description: 'turned away because the waiting places were full (queueCapacity)' },
  { name: 'denied', scopes: all, kind: 'count', description: 'refused by a reservation system (0 without reservations; at a station: refused there)' },
  { name: 'inSystemAtEnd', scopes: all, kind: 'count', description: 'still inside when the run stopped (only with drain: false)' },
  { name: 'waitMean', scopes: all, kind: 'time', description: 'mean time waiting in lines, over customers who were served (at a station: in its line)' },
  { name: 'waitP50', scopes: all, kind: 'time', description: 'median of that wait' },
  { name: 'waitP80', scopes: all, kind: 'time', description: '80th percentile of that wait, one of the waits measured ("80% served within t" is about waitP80 ≤ t; not exactly with few customers)' },
  { name: 'waitP90', scopes: all, kind: 'time', description: '90th percentile of that wait' },
  { name: 'waitP95', scopes: all, kind: 'time', description: '95th percentile of that wait' },
  { name: 'timeInSystemMean', scopes: all, kind: 'time', description: 'mean arrival-to-departure time of customers who were served (at a station: line plus service)' },
  { name: 'queueLengthMean', scopes: ['system', 'station'], kind: 'number', description: 'time-average number waiting over the measured time' },
  { name: 'utilisation', scopes: ['system', 'station'], kind: 'share', description: 'busy server-time / available server-time over the measured time' },
  { name: 'overtime', scopes: ['system', 'station'], kind: 'time', description: 'server-time spent serving beyond the schedule: finishing a customer after a shift ends, or after closing' },
  { name: 'abandonmentRate', scopes: all, kind: 'share', description: '(balked + reneged + blocked) / arrivals' },
];

/** The core metrics and those of every lever in `levers` (all of them, used or not). */
export function metricCatalogue(levers: readonly Lever[] = defaultLevers): MetricInfo[] {
  return [...coreMetrics, ...levers.flatMap((lever) => lever.metrics ?? [])];
}

/** The metrics reported for `model` (core, plus the levers it uses), in catalogue order. */
export function metricsOf(model: Model, levers: readonly Lever[] = defaultLevers): MetricInfo[] {
  return [...coreMetrics, ...activeLevers(model, levers).flatMap((lever) => lever.metrics ?? [])];
}

/** Names of the metrics of `scope` reported for `model` (core only without a model). */
export function metricsFor(scope: Scope, model?: Model, levers?: readonly Lever[]): string[] {
  const infos = model === undefined ? coreMetrics : metricsOf(model, levers);
  return infos.filter((m) => m.scopes.includes(scope)).map((m) => m.name);
}

/** The kind of metric `name` (number for a name no catalogue knows). */
export function kindOf(name: string, levers: readonly Lever[] = defaultLevers): MetricKind {
  return metricCatalogue(levers).find((m) => m.name === name)?.kind ?? 'number';
}

/**
 * The values a metric of this kind can take, when only its kind is known: counts and times
 * are never negative, shares 0 to 1, scores 1 to 5; money and plain numbers either way
 * (boundsOf, by name, knows which plain numbers cannot be negative).
 */
export function kindBounds(kind: MetricKind): readonly [number, number] {
  if (kind === 'count' || kind === 'time') return [0, Infinity];
  if (kind === 'share') return [0, 1];
  if (kind === 'score') return [1, 5];
  return [-Infinity, Infinity];
}

/**
 * The values metric `name` can take: its kind's (kindBounds), and a plain number the
 * catalogue knows is never negative unless it is marked signed (one it does not know may be).
 */
export function boundsOf(name: string, levers: readonly Lever[] = defaultLevers): readonly [number, number] {
  const info = metricCatalogue(levers).find((m) => m.name === name);
  if (info?.kind === 'number' && info.signed !== true) return [0, Infinity];
  return kindBounds(info?.kind ?? 'number');
}

/** One replication's value of each metric; NaN where a metric is undefined (nobody served). */
export type MetricValues = Record<string, number>;
