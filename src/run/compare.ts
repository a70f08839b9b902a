/**
 * Variants side by side on common random numbers: every variant runs with the same seed and
 * replication numbers, so replication r of each sees the same simulated demand (the named
 * streams give each source its own numbers: random/streams.ts). Each metric of each scope is
 * then set beside the first variant's, with the paired CI of the difference (paired.ts).
 */
import type { Model } from '../model/model.js';
import type { MetricValues } from '../metrics/catalogue.js';
import { metricsOf } from '../metrics/catalogue.js';
import { pairedDifference, type DifferenceSummary } from '../metrics/paired.js';
import { summariseValues, type MetricSummary, type RunSummary } from '../metrics/summarise.js';
import type { ReplicationResult } from './simulate.js';
import { sequentialRunner, type Runner } from './runner.js';
import { naming } from './settle.js';
import type { RunOutput } from './replicate.js';

export interface Variant {
  name: string;
  model: Model;
  /** What the variant is made from, for people: a file, or the assignments that made it. */
  source?: string;
}

export interface CompareOptions {
  /** Default: the first variant's seed. Every variant runs with it. */
  seed?: number;
  /** Default: the first variant's replications. */
  replications?: number;
  runner?: Runner;
  /** Called after each replication of each variant. */
  onProgress?: (variant: number, done: number, total: number) => void;
}

/** One metric of one scope across the variants. */
export interface ComparedMetric {
  /** `system`, `station:<id>`, `segment:<id>` or `period:<name>` (system-wide in that period). */
  scope: string;
  metric: string;
  /** One per variant; null where the variant does not have the metric or the scope. */
  values: (MetricSummary | null)[];
  /** One per variant: its difference to the first (null for the first, and where either lacks it). */
  differences: (DifferenceSummary | null)[];
}

export interface Comparison {
  seed: number;
  replications: number;
  unit: string;
  /** `warmup` as in summary.json: the variant's time.warmup, when above 0 (its period rows count from then). */
  variants: { name: string; scenario: string; source?: string; warmup?: number }[];
  metrics: ComparedMetric[];
}

export interface ComparisonRun {
  comparison: Comparison;
  /** Each variant's own results, in variant order. */
  summaries: RunSummary[];
  replications: ReplicationResult[][];
}

/**
 * Whether every variant has the first one's segments, and so its customers: random numbers
 * are drawn per segment, so a variant with other segments shares the seed and the replication
 * numbers but not the demand (a segment's rows then lack that variant's values).
 */
export function sameCustomers(comparison: Comparison): boolean {
  return comparison.metrics.every((m) => !m.scope.startsWith('segment:') || m.metric !== 'arrivals' || m.values.every((value) => value !== null));
}

/** Runs every variant on common random numbers and compares them with the first. */
export async function compareVariants(variants: readonly Variant[], options: CompareOptions = {}): Promise<ComparisonRun> {
  if (variants.length === 0) throw new Error('compare needs at least one variant');
  const first = variants[0]!.model;
  const seed = options.seed ?? first.seed;
  const replications = options.replications ?? first.replications;
  const runner = options.runner ?? sequentialRunner;
  const outputs: RunOutput[] = [];
  for (const [v, variant] of variants.entries()) {
    outputs.push(await naming(`variant "${variant.name}"`, () => runner(variant.model, { seed, replications, onProgress: (done, total) => options.onProgress?.(v, done, total) })));
  }
  const samples = variants.map((variant, v) => scopeSamples(variant.model, outputs[v]!.replications));
  const metrics: ComparedMetric[] = [];
  for (const [scope, metric] of rowKeys(variants)) {
    const columns = samples.map((s) => s.get(scope)?.get(metric));
    if (columns.every((c) => c === undefined)) continue;
    const base = columns[0];
    metrics.push({
      scope,
      metric,
      values: columns.map((c) => (c === undefined ? null : summariseValues(c))),
      differences: columns.map((c, v) => (v === 0 || c === undefined || base === undefined ? null : pairedDifference(base, c))),
    });
  }
  return {
    comparison: {
      seed,
      replications,
      unit: first.unit,
      variants: variants.map((v) => ({ name: v.name, scenario: v.model.name, ...(v.source === undefined ? {} : { source: v.source }), ...(v.model.warmup > 0 ? { warmup: v.model.warmup } : {}) })),
      metrics,
    },
    summaries: outputs.map((o) => o.summary),
    replications: outputs.map((o) => o.replications),
  };
}

/** The (scope, metric) rows in order: system, stations, segments, periods; catalogue order within. */
function rowKeys(variants: readonly Variant[]): [string, string][] {
  const union = (lists: string[][]) => [...new Set(lists.flat())];
  const names = (scope: 'system' | 'station' | 'segment') => union(variants.map((v) => metricsOf(v.model).filter((m) => m.scopes.includes(scope)).map((m) => m.name)));
  const rows: [string, string][] = [];
  const add = (scopes: string[], metrics: string[]) => scopes.forEach((scope) => metrics.forEach((metric) => rows.push([scope, metric])));
  add(['system'], names('system'));
  add(union(variants.map((v) => v.model.stations.map((s) => `station:${s.id}`))), names('station'));
  add(union(variants.map((v) => v.model.segments.map((s) => `segment:${s.id}`))), names('segment'));
  const periods = union(variants.map((v) => (v.model.periods.length > 1 ? v.model.periods.map((p) => `period:${p.name}`) : [])));
  add(periods, names('system'));
  return rows;
}

/** Each scope's per-replication values of each metric (NaN where undefined in a replication). */
function scopeSamples(model: Model, results: readonly ReplicationResult[]): Map<string, Map<string, number[]>> {
  const out = new Map<string, Map<string, number[]>>();
  const add = (scope: string, pick: (r: ReplicationResult) => MetricValues | undefined) => {
    const byMetric = new Map<string, number[]>();
    const names = new Set(results.flatMap((r) => Object.keys(pick(r) ?? {})));
    for (const name of names) byMetric.set(name, results.map((r) => pick(r)?.[name] ?? NaN));
    out.set(scope, byMetric);
  };
  add('system', (r) => r.metrics);
  model.stations.forEach((s, i) => add(`station:${s.id}`, (r) => r.stations[i]));
  model.segments.forEach((s, i) => add(`segment:${s.id}`, (r) => r.segments[i]));
  if (model.periods.length > 1) model.periods.forEach((p, i) => add(`period:${p.name}`, (r) => r.periods[i]?.metrics));
  return out;
}

/**
 * How variants are named in the columns of a comparison's tables: by their names, or, when a
 * name is longer than 16 columns (files are named by their scenario's name), by letters, A
 * for the first, which the table lists with the names; each name would otherwise head every
 * difference's column too, and the table would run to ~300 characters.
 */
export function variantColumns(names: readonly string[]): { columns: string[]; lettered: boolean } {
  // Characters, not bytes or code units: the terminal and the report decide alike.
  const lettered = names.length <= 26 && names.some((name) => [...name].length > 16);
  return { columns: lettered ? names.map((_, i) => String.fromCharCode(65 + i)) : [...names], lettered };
}
