/**
 * Charts side by side share their scales. compare draws each variant's chart of a kind next
 * to the others'; each spec alone would fit its axis to its own data, so a bar of 0.36 could
 * stand as tall as a bar of 0.62 beside it. Here every quantitative axis a chart of that kind
 * draws (the fields its encodings read, from the data of every variant) gets one domain, from
 * the least value (or 0) to the greatest, in every variant's spec; a stack of bars in a chart
 * of one mark, from 0 to its tallest stack (the sum of a category's values). An axis that is
 * not simply the values drawn keeps its own: one with a domain of its own (shares 0–100%), a
 * stack in a layered chart, or one a part of the spec resolves for itself. Panels that each
 * draw one station (a concatenation whose parts each filter the data on one value of a field)
 * and keep their own axis in one variant share it panel by panel: each station's panel reads
 * on one domain in every variant. An axis keeps a `nice: false` of its spec (a time axis that
 * ends at closing time).
 */
import type { Chart } from './charts/chart.js';

type Json = Record<string, unknown>;
const isMap = (value: unknown): value is Json => typeof value === 'object' && value !== null && !Array.isArray(value);

/** The rows of a chart's inline data. */
function rowsOf(chart: Chart): Json[] {
  const rows = ((chart.spec as unknown as Json).data as Json | undefined)?.values;
  return Array.isArray(rows) ? rows.filter(isMap) : [];
}

/** The specs inside a spec: its layers, panels (hconcat, vconcat, concat) and faceted spec. */
function partsOf(spec: Json): Json[] {
  const parts = ['layer', 'hconcat', 'vconcat', 'concat'].flatMap((key) => (Array.isArray(spec[key]) ? (spec[key] as unknown[]).filter(isMap) : []));
  if (isMap(spec.spec)) parts.push(spec.spec);
  return parts;
}

/** The encodings of a spec: its own, and those of its parts. */
function encodingsOf(spec: Json): Json[] {
  return [...(isMap(spec.encoding) ? [spec.encoding] : []), ...partsOf(spec).flatMap(encodingsOf)];
}

/** How the spec itself resolves `channel`'s scale, if it says. */
function ownResolve(spec: Json, channel: string): unknown {
  return isMap(spec.resolve) && isMap(spec.resolve.scale) ? spec.resolve.scale[channel] : undefined;
}

/** Whether the spec, or any part of it, resolves `channel`'s scale per panel or layer. */
function resolvedApart(spec: Json, channel: string): boolean {
  return ownResolve(spec, channel) === 'independent' || partsOf(spec).some((part) => resolvedApart(part, channel));
}

interface Panel {
  /** The value of `field` the panel draws. */
  value: unknown;
  field: string;
  part: Json;
}

/** The panels of a concatenation whose parts each draw the rows of one value of a field (their first transform filters on it); undefined for any other spec. */
function filteredPanels(spec: Json): Panel[] | undefined {
  const key = ['hconcat', 'vconcat', 'concat'].find((k) => Array.isArray(spec[k]));
  if (key === undefined) return undefined;
  const panels = (spec[key] as unknown[]).filter(isMap).map((part): Panel | undefined => {
    const first: unknown = Array.isArray(part.transform) ? part.transform[0] : undefined;
    const filter = isMap(first) && isMap(first.filter) ? first.filter : undefined;
    return filter !== undefined && typeof filter.field === 'string' && 'equal' in filter ? { value: filter.equal, field: filter.field, part } : undefined;
  });
  return panels.length > 0 && panels.every((p) => p !== undefined) ? (panels as Panel[]) : undefined;
}

interface Sharing {
  /** The data fields the channel's encodings read (x2 / y2 too). */
  fields: Set<string>;
  /** One domain per panel (per value of the panels' field) rather than one for the chart. */
  perPanel: boolean;
}

/** The quantitative channels (x, y) that may share a domain, and how. */
function sharedChannels(spec: Json): Map<string, Sharing> {
  const channels = new Map<string, Sharing>();
  const kept = new Set<string>();
  for (const encoding of encodingsOf(spec)) {
    for (const channel of ['x', 'y']) {
      const def = encoding[channel];
      if (!isMap(def) || def.type !== 'quantitative' || typeof def.field !== 'string') continue;
      const stacked = def.stack !== undefined && def.stack !== null && def.stack !== false;
      if (stacked || (isMap(def.scale) && def.scale.domain !== undefined)) kept.add(channel);
      const sharing = channels.get(channel) ?? { fields: new Set<string>(), perPanel: false };
      sharing.fields.add(def.field);
      const second = encoding[`${channel}2`];
      if (isMap(second) && typeof second.field === 'string') sharing.fields.add(second.field);
      channels.set(channel, sharing);
    }
  }
  const panels = filteredPanels(spec);
  for (const [channel, sharing] of channels) {
    if (kept.has(channel) || partsOf(spec).some((part) => resolvedApart(part, channel))) channels.delete(channel);
    else if (panels !== undefined && ownResolve(spec, channel) !== 'shared') sharing.perPanel = true; // a concatenation's own default
    else if (ownResolve(spec, channel) === 'independent') channels.delete(channel);
  }
  return channels;
}

/** The least (or 0) and greatest value of `fields` in the rows of every chart that `keep` keeps; undefined when they do not span a range. */
function domainOf(charts: readonly Chart[], fields: ReadonlySet<string>, keep: (row: Json) => boolean = () => true): [number, number] | undefined {
  let low = 0;
  let high = -Infinity;
  for (const chart of charts) {
    for (const row of rowsOf(chart)) {
      if (!keep(row)) continue;
      for (const field of fields) {
        const value = row[field];
        if (typeof value !== 'number' || !Number.isFinite(value)) continue;
        low = Math.min(low, value);
        high = Math.max(high, value);
      }
    }
  }
  return high > low ? [low, high] : undefined;
}

/**
 * For a chart of one mark stacked (from zero) along x or y: that channel, the field stacked and
 * the field of the categories along the other axis; undefined for any other chart.
 */
function stackOf(spec: Json): { channel: string; field: string; by: string } | undefined {
  if (!isMap(spec.encoding) || ['layer', 'hconcat', 'vconcat', 'concat', 'spec'].some((key) => spec[key] !== undefined)) return undefined;
  for (const [channel, other] of [['y', 'x'], ['x', 'y']] as const) {
    const def = spec.encoding[channel];
    const base = spec.encoding[other];
    if (isMap(def) && def.stack === 'zero' && typeof def.field === 'string' && isMap(base) && typeof base.field === 'string' && !(isMap(def.scale) && def.scale.domain !== undefined)) {
      return { channel, field: def.field, by: base.field };
    }
  }
  return undefined;
}

/** The tallest stack of a chart: the greatest sum of the stacked field over one category. */
function tallestStack(chart: Chart, field: string, by: string): number {
  const sums = new Map<unknown, number>();
  for (const row of rowsOf(chart)) {
    const value = row[field];
    if (typeof value === 'number' && Number.isFinite(value) && value > 0) sums.set(row[by], (sums.get(row[by]) ?? 0) + value);
  }
  return Math.max(0, ...sums.values());
}

/** The domains a chart of one kind takes: per channel, one for the whole chart, or one per panel value. */
interface Domains {
  whole: Map<string, [number, number]>;
  panels: Map<string, Map<unknown, [number, number]>>;
}

/** The charts, with one domain per quantitative axis across the variants' charts of each kind. */
export function shareScales(variants: readonly Chart[][]): Chart[][] {
  const byName = new Map<string, Chart[]>();
  for (const charts of variants) for (const chart of charts) byName.set(chart.name, [...(byName.get(chart.name) ?? []), chart]);
  const domains = new Map<string, Domains>();
  for (const [name, charts] of byName) {
    if (charts.length < 2) continue;
    const own: Domains = { whole: new Map(), panels: new Map() };
    for (const [channel, { fields, perPanel }] of sharedChannels(charts[0]!.spec as unknown as Json)) {
      if (!perPanel) {
        const domain = domainOf(charts, fields);
        if (domain !== undefined) own.whole.set(channel, domain);
        continue;
      }
      const byValue = new Map<unknown, [number, number]>();
      for (const chart of charts) {
        for (const { field, value } of filteredPanels(chart.spec as unknown as Json) ?? []) {
          if (byValue.has(value)) continue;
          const domain = domainOf(charts, fields, (row) => row[field] === value);
          if (domain !== undefined) byValue.set(value, domain);
        }
      }
      own.panels.set(channel, byValue);
    }
    const stack = stackOf(charts[0]!.spec as unknown as Json);
    if (stack !== undefined) {
      const tallest = Math.max(...charts.map((chart) => tallestStack(chart, stack.field, stack.by)));
      if (tallest > 0) own.whole.set(stack.channel, [0, tallest]);
    }
    domains.set(name, own);
  }
  return variants.map((charts) =>
    charts.map((chart) => {
      const own = domains.get(chart.name);
      if (own === undefined || own.whole.size + own.panels.size === 0) return chart;
      const spec = structuredClone(chart.spec) as unknown as Json;
      for (const [channel, domain] of own.whole) setDomain(encodingsOf(spec), channel, domain);
      for (const [channel, byValue] of own.panels) {
        for (const { value, part } of filteredPanels(spec) ?? []) {
          const domain = byValue.get(value);
          if (domain !== undefined) setDomain(encodingsOf(part), channel, domain);
        }
      }
      return { ...chart, spec: spec as unknown as Chart['spec'] };
    }),
  );
}

/** Sets `domain` on the quantitative `channel` of each encoding, keeping the scale's other settings (a `nice: false` too). */
function setDomain(encodings: readonly Json[], channel: string, domain: [number, number]): void {
  for (const encoding of encodings) {
    const def = encoding[channel];
    if (!isMap(def) || def.type !== 'quantitative') continue;
    const scale = isMap(def.scale) ? def.scale : {};
    def.scale = { ...scale, domain, nice: scale.nice ?? true };
  }
}
