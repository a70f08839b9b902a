/**
 * What a chart is: a name (its file name under charts/), a title, a one-line caption on how
 * to read it, and a Vega-Lite spec with its data inline. A chart module is one function from
 * the run's results to a chart, or to undefined when the results hold none of its data.
 */
import type { TopLevelSpec } from 'vega-lite';
import type { RunSummary } from '../../metrics/summarise.js';
import { pluralUnit } from '../../model/units.js';

export interface Chart {
  /** File name without extension: lowercase words joined by dashes. */
  name: string;
  title: string;
  caption: string;
  spec: TopLevelSpec;
}

export type ChartBuilder = (summary: RunSummary) => Chart | undefined;

/** Fonts found on most systems, so the SVG reads the same in a browser and in the PNG. */
export const chartFont = 'Liberation Sans, Arial, Helvetica, DejaVu Sans, sans-serif';

/** Look shared by every chart: plain, print-friendly, the title left-aligned. */
const config = {
  font: chartFont,
  background: 'white',
  padding: 8,
  view: { stroke: '#ddd' },
  title: { anchor: 'start', fontSize: 16, fontWeight: 'bold', offset: 12 },
  axis: { labelFontSize: 12, titleFontSize: 13, titleFontWeight: 'normal', gridColor: '#eee' },
  legend: { labelFontSize: 12, titleFontSize: 13, titleFontWeight: 'normal', labelLimit: 320 },
  header: { labelFontSize: 13, titleFontSize: 13, titleFontWeight: 'normal' },
  range: { category: ['#4c78a8', '#f58518', '#54a24b', '#e45756', '#72b7b2', '#b279a2', '#eeca3b', '#9d755d'] },
} as const;

/**
 * A chart with the shared look: `body` is the spec without title and config; the caption
 * also goes into the spec's description (the SVG's accessible description). Bodies are
 * plain objects: Vega-Lite's own types make literal specs unwieldy, so the tests validate
 * every spec against Vega-Lite's JSON Schema instead.
 */
export function chart(name: string, title: string, caption: string, body: Record<string, unknown>): Chart {
  const spec = {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    title,
    description: caption,
    ...(guardNames(body) as Record<string, unknown>),
    config,
  } as unknown as TopLevelSpec; // checked against the Vega-Lite JSON Schema in the tests
  return { name, title, caption, spec };
}

/**
 * Vega fails to run a spec whose custom sort order holds a string such as "constructor" or
 * "toString" (it compiles the order into an expression and then looks the literal up as an
 * operator): a station or period may well be called that. Such strings, wherever they stand
 * as values in the body (data rows, sort orders), get an invisible word joiner (U+2060) in
 * front, so they read the same on the chart and Vega sees an ordinary string.
 */
const prototypeNames = new Set(Object.getOwnPropertyNames(Object.prototype));
function guardNames(value: unknown): unknown {
  if (typeof value === 'string') return prototypeNames.has(value) ? `\u2060${value}` : value;
  if (Array.isArray(value)) return value.map(guardNames);
  if (typeof value === 'object' && value !== null) {
    return Object.fromEntries(Object.entries(value).map(([key, inner]) => [key, key === 'field' || key === 'type' || key === 'as' ? inner : guardNames(inner)]));
  }
  return value;
}

/** "minutes" from "minute": the axis unit of times and durations. */
export function timeUnit(summary: RunSummary): string {
  return pluralUnit(summary.unit);
}
