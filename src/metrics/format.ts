/**
 * How a metric's value is written, in the terminal and in the report alike: an estimate and
 * its 95% CI with the same number of decimals, set by the CI's half-width (two significant
 * digits of it: the rest would be noise); shares as percentages.
 */
import { boundsOf, kindBounds, kindOf, type MetricKind } from './catalogue.js';
import type { MetricSummary } from './summarise.js';
import { pluralUnit } from '../model/units.js';

/** Decimals for an estimate whose CI half-width is `half`; without a CI, fewer as values grow. */
export function decimalsFor(half: number | null | undefined, value: number): number {
  // A half-width of rounding noise (a value the same in every replication) is no spread.
  if (half === null || half === undefined || !Number.isFinite(half) || half <= 1e-9 * Math.abs(value)) {
    const abs = Math.abs(value);
    return abs >= 100 ? 1 : abs >= 1 || abs === 0 ? 2 : 3;
  }
  let decimals = 1 - Math.floor(Math.log10(half)); // two significant digits…
  if (Number(half.toFixed(Math.max(0, decimals))) >= 10 ** (2 - decimals)) decimals--; // …also when rounding carries them to the next decade (9.97 is 10, not 10.0)
  return Math.min(4, Math.max(0, decimals));
}

/** One formatter per number of decimals: toLocaleString would build a new one per number. */
const formatters: Intl.NumberFormat[] = [];

/**
 * A number with `decimals` decimals and thousands separators; "—" when undefined. A value that
 * rounds to zero is written 0, never -0 (a difference's CI bound keeps its side: see
 * formatDifference).
 */
export function formatFixed(value: number | null | undefined, decimals: number): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return '—';
  const format = (formatters[decimals] ??= new Intl.NumberFormat('en-US', { minimumFractionDigits: decimals, maximumFractionDigits: decimals }));
  const text = format.format(value);
  return text.charCodeAt(0) === 45 && /^-[0.]*$/.test(text) ? text.slice(1) : text; // "-0.00" is 0
}

/** decimalsFor an estimate of `kind`: a count without a CI is one replication's (or one defined replication's), a whole number written whole. */
function estimateDecimals(kind: MetricKind, half: number | null, mean: number): number {
  return kind === 'count' && half === null && Number.isInteger(mean) ? 0 : decimalsFor(half, mean);
}

export interface FormattedEstimate {
  mean: string;
  /** "lo – hi", or "—" */
  interval: string;
  /** " ±half", or "" without a CI */
  half: string;
}

/**
 * A CI shown within the values its metric can take: the Student-t interval cut at the bounds
 * (balked 0.50, CI 0 – 1.10, not −0.10 – 1.10). The cut interval covers the true mean as often,
 * since the mean cannot lie beyond a bound; summary.json and the CSVs keep the interval itself.
 */
export function shownInterval(ci95: readonly [number, number], bounds: readonly [number, number]): [number, number] {
  const [low, high] = bounds;
  return [Math.min(Math.max(ci95[0], low), high), Math.max(Math.min(ci95[1], high), low)];
}

/**
 * Mean, CI and half-width of a metric as text, in its unit (shares in %); the CI as
 * shownInterval cuts it at `bounds` (the kind's, unless the caller knows the metric's).
 */
export function formatEstimate(summary: MetricSummary | undefined, kind: MetricKind, bounds: readonly [number, number] = kindBounds(kind)): FormattedEstimate {
  if (!summary || summary.mean === null) return { mean: '—', interval: '—', half: '' };
  const scale = kind === 'share' ? 100 : 1;
  const suffix = kind === 'share' ? '%' : '';
  const mean = summary.mean * scale;
  const half = summary.ci95 ? ((summary.ci95[1] - summary.ci95[0]) / 2) * scale : null;
  const decimals = estimateDecimals(kind, half, mean);
  const text = (v: number) => `${formatFixed(v, decimals)}${suffix}`;
  const shown = summary.ci95 ? shownInterval(summary.ci95, bounds) : null;
  return {
    mean: text(mean),
    interval: shown ? `${text(shown[0] * scale)} – ${text(shown[1] * scale)}` : '—',
    half: half === null ? '' : ` ±${text(half)}`,
  };
}

/** formatEstimate for a metric known by name (its kind and bounds from the catalogue). */
export function formatMetric(name: string, summary: MetricSummary | undefined): FormattedEstimate {
  return formatEstimate(summary, kindOf(name), boundsOf(name));
}

/**
 * A difference between variants as text: "-0.29 [-0.33, -0.25]", with the decimals its CI
 * supports; differences of shares in percentage points ("pp"), so they are never read as
 * relative changes.
 */
export function formatDifference(summary: MetricSummary | null | undefined, kind: MetricKind): FormattedEstimate {
  if (!summary || summary.mean === null) return { mean: '—', interval: '—', half: '' };
  const scale = kind === 'share' ? 100 : 1;
  const suffix = kind === 'share' ? ' pp' : '';
  const mean = summary.mean * scale;
  const half = summary.ci95 ? ((summary.ci95[1] - summary.ci95[0]) / 2) * scale : null;
  const decimals = estimateDecimals(kind, half, mean);
  const zero = formatFixed(0, decimals);
  const signed = (v: number) => {
    const text = formatFixed(v, decimals);
    return v > 0 && text !== zero ? `+${text}` : text === `-${zero}` ? zero : text;
  };
  // A bound that would round to zero shows its first significant digit and keeps its side:
  // [+0.4, +29] and [-0.26, -0.004] exclude 0, as their * says; "+0" would not. Past six
  // decimals it is written with an exponent (4e-7).
  const magnitude = (v: number) => {
    const text = formatFixed(Math.abs(v), decimals);
    if (text !== zero) return text;
    const digits = Math.max(decimals, -Math.floor(Math.log10(Math.abs(v))));
    return digits <= 6 ? formatFixed(Math.abs(v), digits) : Math.abs(v).toExponential(0);
  };
  const bound = (v: number) => (v > 0 ? `+${magnitude(v)}` : v < 0 ? `-${magnitude(v)}` : zero);
  // A mean whose CI excludes 0 keeps its side too, however small: -0.0000 beside [-0.0000, -0.0000] *.
  const excludesZero = summary.ci95 !== null && (summary.ci95[0] > 0 || summary.ci95[1] < 0);
  return {
    mean: `${excludesZero ? bound(mean) : signed(mean)}${suffix}`,
    interval: summary.ci95 ? `[${bound(summary.ci95[0] * scale)}, ${bound(summary.ci95[1] * scale)}]` : '—',
    half: half === null ? '' : ` ±${formatFixed(half, decimals)}${suffix}`,
  };
}

/**
 * A single value (a formula's prediction) with the decimals of an estimate beside it, so the
 * two read alike: "1.53" next to "1.52 ±0.26"; with the catalogue's default when there is none.
 */
export function formatLike(value: number | undefined, kind: MetricKind, beside: MetricSummary | undefined): string {
  if (value === undefined || !Number.isFinite(value)) return '—';
  const scale = kind === 'share' ? 100 : 1;
  const half = beside?.ci95 ? ((beside.ci95[1] - beside.ci95[0]) / 2) * scale : null;
  return `${formatFixed(value * scale, decimalsFor(half, value * scale))}${kind === 'share' ? '%' : ''}`;
}

/** What the headers of a run of one replication say instead of naming their intervals, in the terminal and the report. */
export const oneReplicationText = 'no confidence intervals: they take two or more replications';

/**
 * The warm-up as the run's headers say it, in the terminal and in the report: "" without one,
 * else " · warm-up 60 minutes: customers arriving before it are not counted".
 */
export function warmUpText(summary: { warmup?: number; unit: string }): string {
  const warmup = summary.warmup;
  return warmup === undefined || warmup <= 0 ? '' : ` · warm-up ${warmup} ${pluralUnit(summary.unit, warmup)}: customers arriving before it are not counted`;
}

/** ` (k)` after an estimate defined in only k of the run's replications (a mean wait needs someone served). */
export function fewerMark(summary: MetricSummary | undefined, replications: number): string {
  return summary?.n !== undefined && summary.n < replications && summary.mean !== null ? ` (${summary.n})` : '';
}

/** The note under a table when some estimate has that mark. */
export const fewerNote = '(k): over the k replications where the metric is defined (a mean wait needs someone served; a share, someone who came), not all of them.';

/** `fewerMark` for the cells of some tables, remembering whether it marked any (then the note goes under them). */
export class FewerMarks {
  any = false;

  constructor(private readonly replications: number) {}

  of(summary: MetricSummary | undefined): string {
    const mark = fewerMark(summary, this.replications);
    if (mark !== '') this.any = true;
    return mark;
  }
}

/** warmUpText of runs shown together (a comparison's variants, a sweep's points): theirs when they share one, else that they differ. */
export function sharedWarmUpText(summaries: readonly { warmup?: number; unit: string }[]): string {
  if (summaries.length === 0) return '';
  return new Set(summaries.map((s) => s.warmup ?? 0)).size === 1 ? warmUpText(summaries[0]!) : ' · warm-ups differ (each summary.json gives its own): customers arriving before one are not counted';
}

/**
 * What of a period a run with a warm-up counted, after its times: "" for all of it,
 * ", in the warm-up" for none (its rows read 0 and —), ", counted from 200" for its end.
 */
export function periodWarmUpText(period: { start: number; end: number }, warmup: number | undefined): string {
  if (warmup === undefined || warmup <= period.start) return '';
  return warmup >= period.end ? ', in the warm-up' : `, counted from ${warmup}`;
}

/** A period's name with periodWarmUpText's words after it: "morning (in the warm-up)", "lunch (counted from 200)", or the name alone. */
export function periodWithWarmUp(name: string, period: { start: number; end: number }, warmup: number | undefined): string {
  const counted = periodWarmUpText(period, warmup);
  return counted === '' ? name : `${name} (${counted.slice(', '.length)})`;
}

/**
 * What the runs shown together (a comparison's variants) counted of the period named
 * `period`, for its rows' label: "" when each counted all of it, run's words when they agree
 * ("in the warm-up"), else each group of runs after its words ("in the warm-up of B, C;
 * counted from 150 in D"). `names` are the runs' names in the table, in order.
 */
export function comparedPeriodWarmUpText(period: string, summaries: readonly { warmup?: number; periods?: Record<string, { start: number; end: number }> }[], names: readonly string[]): string {
  const texts = summaries.map((summary) => {
    const span = summary.periods?.[period];
    return span === undefined ? '' : periodWarmUpText(span, summary.warmup).slice(', '.length);
  });
  if (texts.every((text) => text === texts[0])) return texts[0] ?? '';
  const groups = new Map<string, string[]>();
  texts.forEach((text, i) => {
    if (text !== '') groups.set(text, [...(groups.get(text) ?? []), names[i]!]);
  });
  return [...groups].map(([text, runs]) => `${text} ${text === 'in the warm-up' ? 'of' : 'in'} ${runs.join(', ')}`).join('; ');
}

/** "4 pairs", "1 pair": the replications a paired difference is over, where fewer than all. */
export const pairsText = (n: number): string => `${n} pair${n === 1 ? '' : 's'}`;
