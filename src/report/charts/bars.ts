/**
 * The layer most charts share: bars of a mean with a rule across its 95% CI. Rows carry
 * `value`, `lo` and `hi` (see estimates.ts); the caller names the category channels.
 */
import { textWidth } from '../text-width.js';
import { ciText, ciTooltip, withInterval } from './estimates.js';

export interface BarsOptions {
  /** Field of the categories along the bars' base axis, with its title and order. */
  /** `band`: the width in px each category gets along x, when the chart fixes it (labels wider than it are slanted). */
  category: { field: string; title: string; sort?: readonly string[]; axisTitle?: string | null; band?: number };
  /** Field that splits each category into side-by-side bars, if any. */
  group?: { field: string; title: string; sort?: readonly string[] };
  /** Field that colours the bars (defaults to the group, else one colour). */
  color?: { field: string; title: string; sort?: readonly string[]; range?: readonly string[] };
  /** Title of the value axis, with its unit. */
  valueTitle: string;
  /** d3 format of the values: '.0%' for shares. */
  valueFormat?: string;
  /** Fixed value domain, e.g. [0, 1] for shares. */
  valueDomain?: readonly [number, number];
  /** Bars along y (categories down the side) instead of along x. */
  horizontal?: boolean;
  /**
   * Whether any row has a CI (estimates.ts, hasInterval): without one (a single replication)
   * there is no rule layer, whose empty data would leave its scale no extent.
   */
  intervals: boolean;
}

/**
 * Labels along x stay level while they fit their category's band (72 px unless the chart
 * says); longer ones are slanted so that they never overlap.
 */
export function labelAngle(labels: readonly string[], band = 72): number {
  return labels.some((label) => textWidth(label, 12) > Math.min(72, band - 4)) ? -30 : 0;
}

/** A two-layer Vega-Lite spec body: the bars and their CI rules. */
export function barsWithIntervals(options: BarsOptions): Record<string, unknown>[] {
  const [base, value, offset] = options.horizontal ? (['y', 'x', 'yOffset'] as const) : (['x', 'y', 'xOffset'] as const);
  const categoryEncoding = {
    [base]: {
      field: options.category.field,
      type: 'nominal',
      title: options.category.axisTitle === undefined ? options.category.title : options.category.axisTitle,
      sort: options.category.sort ?? null,
      axis: { labelAngle: options.horizontal ? 0 : labelAngle(options.category.sort ?? [], options.category.band) },
    },
    ...(options.group ? { [offset]: { field: options.group.field, type: 'nominal', sort: options.group.sort ?? null } } : {}),
  };
  const colorSource = options.color ?? options.group;
  const color = colorSource
    ? {
        field: colorSource.field,
        type: 'nominal',
        title: colorSource.title,
        sort: colorSource.sort ?? null,
        ...('range' in colorSource && colorSource.range ? { scale: { range: colorSource.range } } : {}),
      }
    : { value: '#4c78a8' };
  const valueAxis = {
    type: 'quantitative',
    title: options.valueTitle,
    ...(options.valueFormat ? { axis: { format: options.valueFormat } } : {}),
    ...(options.valueDomain ? { scale: { domain: options.valueDomain } } : {}),
  };
  const format = options.valueFormat ?? ',.3~g';
  const bars = {
    transform: [ciText(format)],
    mark: { type: 'bar' },
    encoding: {
      ...categoryEncoding,
      [value]: { field: 'value', ...valueAxis },
      color,
      tooltip: [
        { field: options.category.field, title: options.category.title },
        ...(options.group ? [{ field: options.group.field, title: options.group.title }] : []),
        { field: 'value', title: 'mean', format },
        ciTooltip,
      ],
    },
  };
  if (!options.intervals) return [bars];
  return [
    bars,
    {
      // Rows with a CI only. A CI that runs past a fixed domain (below 0% with few
      // replications) is drawn up to the axis; the tooltip still gives its ends.
      transform: [
        withInterval,
        ...(options.valueDomain ? [{ calculate: `max(datum.lo, ${options.valueDomain[0]})`, as: 'loDrawn' }, { calculate: `min(datum.hi, ${options.valueDomain[1]})`, as: 'hiDrawn' }] : []),
      ],
      mark: { type: 'rule', color: '#222', strokeWidth: 1.5 },
      encoding: {
        ...categoryEncoding,
        [value]: { field: options.valueDomain ? 'loDrawn' : 'lo', type: 'quantitative' },
        [`${value}2`]: { field: options.valueDomain ? 'hiDrawn' : 'hi' },
      },
    },
  ];
}
