/**
 * Charts side by side share their scales. compare draws each variant's chart of a kind next
 * to the others'; each spec alone would fit its axis to its own data, so a bar of 0.36 could
 * stand as tall as a bar of 0.62 beside it. Here every quantitative axis a chart of that kind
 * draws (the fields its encodings read, from the data of every variant) gets one domain, from
 * the least value (or 0) to the greatest, in every variant's spec; a stack of bars in a chart
 * of one mark, from 0 to its tallest stack (the sum of a category's values). An axis that is
 * not simply the values drawn keeps its own: one with a domain of its own (shares 0–100%), a
 * stack in a layered chart, or one the spec resolves per panel (each station's own).
 */
import type { Chart } from './charts/chart.js';

type Json = Record<string, unknown>;
const isMap = (value: unknown): value is Json => typeof value === 'object' && value !== null && !Array.isArray(value);

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

/** Whether the spec, or any part of it, resolves `channel`'s scale per panel or layer. */
function resolvedApart(spec: Json, channel: string): boolean {
  const own = isMap(spec.resolve) && isMap(spec.resolve.scale) && spec.resolve.scale[channel] === 'independent';
  return own || partsOf(spec).some((part) => resolvedApart(part, channel));
}

/** The quantitative channels (x, y) that may share a domain, with the data fields each reads (its x2 / y2 too). */
function sharedChannels(spec: Json): Map<string, Set<string>> {
  const channels = new Map<string, Set<string>>();
  const kept = new Set<string>();
  for (const encoding of encodingsOf(spec)) {
    for (const channel of ['x', 'y']) {
      const def = encoding[channel];
      if (!isMap(def) || def.type !== 'quantitative' || typeof def.field !== 'string') continue;
      const stacked = def.stack !== undefined && def.stack !== null && def.stack !== false;
      if (stacked || (isMap(def.scale) && def.scale.domain !== undefined)) kept.add(channel);
      const fields = channels.get(channel) ?? new Set<string>();
      fields.add(def.field);
      const second = encoding[`${channel}2`];
      if (isMap(second) && typeof second.field === 'string') fields.add(second.field);
      channels.set(channel, fields);
    }
  }
  for (const channel of channels.keys()) if (kept.has(channel) || resolvedApart(spec, channel)) channels.delete(channel);
  return channels;
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
  const rows = ((chart.spec as unknown as Json).data as Json | undefined)?.values;
  const sums = new Map<unknown, number>();
  for (const row of Array.isArray(rows) ? rows.filter(isMap) : []) {
    const value = row[field];
    if (typeof value === 'number' && Number.isFinite(value) && value > 0) sums.set(row[by], (sums.get(row[by]) ?? 0) + value);
  }
  return Math.max(0, ...sums.values());
}

/** The charts, with one domain per quantitative axis across the variants' charts of each kind. */
export function shareScales(variants: readonly Chart[][]): Chart[][] {
  const byName = new Map<string, Chart[]>();
  for (const charts of variants) for (const chart of charts) byName.set(chart.name, [...(byName.get(chart.name) ?? []), chart]);
  const domains = new Map<string, Map<string, [number, number]>>();
  for (const [name, charts] of byName) {
    if (charts.length < 2) continue;
    const channels = sharedChannels(charts[0]!.spec as unknown as Json);
    const own = new Map<string, [number, number]>();
    for (const [channel, fields] of channels) {
      let low = 0;
      let high = -Infinity;
      for (const chart of charts) {
        const rows = ((chart.spec as unknown as Json).data as Json | undefined)?.values;
        for (const row of Array.isArray(rows) ? rows.filter(isMap) : []) {
          for (const field of fields) {
            const value = row[field];
            if (typeof value !== 'number' || !Number.isFinite(value)) continue;
            low = Math.min(low, value);
            high = Math.max(high, value);
          }
        }
      }
      if (high > low) own.set(channel, [low, high]);
    }
    const stack = stackOf(charts[0]!.spec as unknown as Json);
    if (stack !== undefined) {
      const tallest = Math.max(...charts.map((chart) => tallestStack(chart, stack.field, stack.by)));
      if (tallest > 0) own.set(stack.channel, [0, tallest]);
    }
    domains.set(name, own);
  }
  return variants.map((charts) =>
    charts.map((chart) => {
      const own = domains.get(chart.name);
      if (own === undefined || own.size === 0) return chart;
      const spec = structuredClone(chart.spec) as unknown as Json;
      for (const encoding of encodingsOf(spec)) {
        for (const [channel, domain] of own) {
          const def = encoding[channel];
          if (!isMap(def) || def.type !== 'quantitative') continue;
          def.scale = { ...(isMap(def.scale) ? def.scale : {}), domain, nice: true };
        }
      }
      return { ...chart, spec: spec as unknown as Chart['spec'] };
    }),
  );
}
